"""The map component and what a click on it reports back.

`show_map(m, height)` hands st_folium the map in its two parts (core.map.build.split_map): the
static map, created once, and its dynamic part, which st_folium swaps on every rerun without
re-creating the map. A click is highlighted in the browser and sent at once (core/map/assets/jcm-selection.js
`jcm.selection`) as st_folium's `last_active_drawing`: a feature whose properties hold its `id`
(core/map/ids.py: a place, a programme link or a link of an imported overlay, whose selection lives
in this session only, like the overlay, never in the URL: ui/overlaypick.py) and a `click` token,
new for every click.

One click, one rerun: st_folium's on_change copies the value into `st.session_state[MAP_KEY]`
before the rerun, and `take_click()` (app.py, before the sidebar) selects the clicked feature
before the map is built. The token makes each click count once (st_folium returns its last value
on every rerun) and lets the same place be clicked again after its selection was cleared. Pan and
zoom are not returned: they rerun nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import folium
import streamlit as st

from core.map import ids
from core.map.build import split_map
from core.map.vendor import Delivery
from ui import controls, overlaypick, staticfiles, warmup
from ui.streamlit_private import add_media_file, json_args_without_pandas

CLICK_RETURNS = ["last_active_drawing"]
MAP_KEY = "jcm_map"  # st_folium's key: where its on_change puts the clicked value
_TAKEN = "_last_click"  # the token of the last click applied
_ANSWERS = "_answers_click"  # whether this run took a click (the map page then sends the details first)
_OVERLAY_MEDIA = "jcm-overlay"  # where this session's overlay data is kept among its media files

json_args_without_pandas()  # st_folium's arguments are JSON: the map page imports no pandas


def _properties(returned: Mapping[str, Any] | None) -> Mapping[str, Any]:
    feature = (returned or {}).get("last_active_drawing") or {}
    props = feature.get("properties") if isinstance(feature, Mapping) else None
    return props if isinstance(props, Mapping) else {}


def clicked_id(returned: Mapping[str, Any] | None) -> str | None:
    """The `id` of the feature the user clicked ("place:<key>", "link:<japan>–<china>" or
    "overlay:<index>"), or None."""
    fid = _properties(returned).get("id")
    return fid if ids.parse(fid) else None


def click_token(returned: Mapping[str, Any] | None) -> str | None:
    """What tells one click from the next: the browser's token, else (a value st_folium sent by
    itself) the feature id."""
    token = _properties(returned).get("click")
    return token if isinstance(token, str) and token else clicked_id(returned)


def take_click() -> None:
    """Select what was clicked, once per click, before anything reads the view or draws a widget
    (app.py calls it before the sidebar: a click also unpicks the overlay finder's pair)."""
    st.session_state[_ANSWERS] = _take_click()


def answers_click() -> bool:
    """Whether this run answers a click on the map (take_click took one)."""
    return bool(st.session_state.get(_ANSWERS))


def _take_click() -> bool:
    returned = st.session_state.get(MAP_KEY)
    clicked, token = clicked_id(returned), click_token(returned)
    if not clicked or token == st.session_state.get(_TAKEN):
        return False
    st.session_state[_TAKEN] = token
    kind, key = ids.parse(clicked)
    overlaypick.unselect()
    if kind == "overlay":
        overlaypick.clicked(int(key))
    controls.select_changed(key if kind == "place" else None, key if kind == "link" else None)
    return True


def show_map(m: folium.Map, height: int) -> None:
    """The map as wide as its column: its static part created once, its dynamic part swapped."""
    # Imported here, in a script run: importing streamlit_folium declares its component, which
    # Streamlit serves only when declared inside one (ui/warmup.py imports this module's users).
    from streamlit_folium import st_folium

    static, dynamic = split_map(m)
    st_folium(static, key=MAP_KEY, height=height, use_container_width=True, returned_objects=CLICK_RETURNS,
              feature_group_to_add=dynamic)
    warmup.map_sent()


def delivery() -> Delivery:
    """How this app's maps reach the browser: files from the static folder, the offline basemap
    fetched from there, an overlay's data as one of this session's media files."""
    return Delivery(url=staticfiles.served_url, basemap_url=staticfiles.basemap_url(), publish_overlay=publish_overlay)


def publish_overlay(payload: str) -> str:
    """The URL the map fetches an overlay's data from (build_map's `publish_overlay`): the payload
    as one of this session's media files (Streamlit's media storage, as for its images), kept in
    the server's memory while this session's runs draw the map and dropped after. Its name is a
    hash of the content, given only to this session's page. Relative to the map's frame, like the
    map's static files (core/map/vendor.py); the same data, the same URL."""
    url = add_media_file(payload.encode(), "application/json", _OVERLAY_MEDIA)
    return "../.." + url


def clear_selection() -> None:
    """Nothing selected (a button's callback); the same place can be clicked again (a new token)."""
    overlaypick.unselect()
    controls.select()
