"""The map component and what a click on it reports back.

`show_map(m, height)` hands st_folium the map in its two parts (core.map.build.split_map): the
static map, created once, and its dynamic part, which st_folium swaps on every rerun without
re-creating the map. A click is highlighted in the browser and sent at once (assets/jcm-map.js
`jcm.selection`) as st_folium's `last_active_drawing`: a feature whose properties hold its `id`
("place:<Place.key>" for a place marker or its label, "link:<japan>–<china>", with an EN DASH,
for a link; core/map/features.py; "overlay:<index>" for a link of an imported overlay, its index in
Overlay.links, core/map/overlay.py: that selection lives in this session only, like the overlay,
never in the URL) and a `click` token, new for every click.

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

from core.map.build import split_map
from core.map.overlay import ID_PREFIX
from ui import controls, warmup
from ui.streamlit_private import add_media_file

CLICK_RETURNS = ["last_active_drawing"]
MAP_KEY = "jcm_map"  # st_folium's key: where its on_change puts the clicked value
_TAKEN = "_last_click"  # the token of the last click applied
_ANSWERS = "_answers_click"  # whether this run took a click (the map page then sends the details first)
_ID_PREFIXES = ("place:", "link:")
_OVERLAY_KEY = "_overlay_link"  # the index of the overlay link last clicked
_FROM_FINDER = "_overlay_from_finder"  # whether that link was picked in the finder (the map frames it)
_OVERLAY_MEDIA = "jcm-overlay"  # where this session's overlay data is kept among its media files
_FINDER_ROUND = "_overlay_finder_round"  # the overlay finder's list (ui/overlay.py) is new in each round


def _properties(returned: Mapping[str, Any] | None) -> Mapping[str, Any]:
    feature = (returned or {}).get("last_active_drawing") or {}
    props = feature.get("properties") if isinstance(feature, Mapping) else None
    return props if isinstance(props, Mapping) else {}


def clicked_id(returned: Mapping[str, Any] | None) -> str | None:
    """The `id` of the feature the user clicked ("place:<key>", "link:<japan>–<china>" or
    "overlay:<index>"), or None."""
    fid = _properties(returned).get("id")
    if not isinstance(fid, str):
        return None
    if fid.startswith(ID_PREFIX):
        index = fid[len(ID_PREFIX):]
        return fid if index.isascii() and index.isdigit() else None
    return fid if fid.startswith(_ID_PREFIXES) else None


def overlay_selected() -> int | None:
    """The index (in the session's Overlay.links) of the overlay link last clicked, or None."""
    return st.session_state.get(_OVERLAY_KEY)


def picked_in_finder() -> bool:
    """Whether the overlay link selected was picked in the finder, not clicked on the map: it may
    be out of sight, and the map frames it."""
    return bool(st.session_state.get(_FROM_FINDER)) and overlay_selected() is not None


def select_overlay(index: int) -> None:
    """Select overlay link `index` (a row picked in the overlay's finder) as a click on it would:
    its darkened line and its details, and no programme place or link selected."""
    st.session_state[_OVERLAY_KEY] = index
    st.session_state[_FROM_FINDER] = True
    _select_programme(None, None)


def _select_programme(place: str | None, link: str | None) -> None:
    """The programme's place or link selected (or neither), the URL published only on a change."""
    view = controls.current_view()
    if (view.place, view.link) != (place, link):
        controls.select(place=place, link=link)


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
    kind, _, key = clicked.partition(":")
    unselect_overlay()
    if kind == "overlay":
        st.session_state[_OVERLAY_KEY] = int(key)
    place, link = (key, None) if kind == "place" else (None, key if kind == "link" else None)
    _select_programme(place, link)
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
    unselect_overlay()
    controls.select()


def unselect_overlay() -> None:
    """No overlay link selected (a click elsewhere, "clear", a tour step), and the finder's list
    with no pair picked."""
    st.session_state[_OVERLAY_KEY] = None
    st.session_state[_FROM_FINDER] = False
    _forget_finders_pick()


def finder_round() -> int:
    """Part of the overlay finder's key: a new round draws its list with no pair picked."""
    return st.session_state.get(_FINDER_ROUND, 0)


def _forget_finders_pick() -> None:
    """The overlay finder's list shows no pair picked once the selection is another or none: the
    same pair can be picked again. A new list (a new key), not its value set to None: this needs no
    record of which list is drawn, and holds wherever in a run it is called."""
    st.session_state[_FINDER_ROUND] = finder_round() + 1
