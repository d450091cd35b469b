"""What a click on the map reports back through st_folium.

Call `st_folium(m, returned_objects=CLICK_RETURNS, ...)` and read `clicked_id(returned)`. For a
GeoJSON layer st_folium puts the clicked feature, as `layer.toGeoJSON()`, in
`last_active_drawing`, so `returned["last_active_drawing"]["properties"]["id"]` is
"place:<Place.key>" for a place marker or its label and "link:<Partnership.key>" (that is
"link:<japan>–<china>", with an EN DASH) for a link (core/map/features.py), "overlay:<index>" for
a link of an imported overlay (its index in Overlay.links, core/map/overlay.py; the selection
lives in this session only, like the overlay, never in the URL). Only the returned
objects listed rerun the app: pan and zoom (`center`, `zoom`, `bounds`) do not.
`last_object_clicked_tooltip` (display text) and `last_object_clicked` (the click's lat/lng) are
returned so that a click on any feature reruns, but neither is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from core.map.overlay import ID_PREFIX
from ui import controls

CLICK_RETURNS = ["last_object_clicked_tooltip", "last_active_drawing", "last_object_clicked"]
_ID_PREFIXES = ("place:", "link:")
_OVERLAY_KEY = "_overlay_link"


def clicked_id(returned: Mapping[str, Any] | None) -> str | None:
    """The `id` of the feature the user clicked ("place:<key>", "link:<japan>–<china>" or
    "overlay:<index>"), or None."""
    if not returned:
        return None
    feature = returned.get("last_active_drawing") or {}
    props = feature.get("properties") if isinstance(feature, Mapping) else None
    fid = props.get("id") if isinstance(props, Mapping) else None
    if not isinstance(fid, str):
        return None
    if fid.startswith(ID_PREFIX):
        return fid if fid[len(ID_PREFIX):].isascii() and fid[len(ID_PREFIX):].isdigit() else None
    return fid if fid.startswith(_ID_PREFIXES) else None


def overlay_selected() -> int | None:
    """The index (in the session's Overlay.links) of the overlay link last clicked, or None."""
    return st.session_state.get(_OVERLAY_KEY)


def map_key() -> str:
    """st_folium's key for this run's map. st_folium keys its component by a hash of the map script
    (and this key), so going back to an earlier script (closing a place's details, a tour step back)
    would bring back that component's last click and select the place again: clearing the selection
    or showing a tour step starts a new key instead (`new_selection`)."""
    return f"map-{st.session_state.get('_map_generation', 0)}"


def new_selection() -> None:
    st.session_state["_map_generation"] = st.session_state.get("_map_generation", 0) + 1
    st.session_state["_last_click"] = None


def follow_click(returned: Mapping[str, Any] | None) -> None:
    """Select what was clicked (once per click: st_folium repeats its last value on every rerun).
    A click on what is already selected (from the URL, say) changes nothing and reruns nothing."""
    clicked = clicked_id(returned)
    if not clicked or clicked == st.session_state.get("_last_click"):
        return
    st.session_state["_last_click"] = clicked
    kind, _, key = clicked.partition(":")
    overlay = int(key) if kind == "overlay" else None
    place, link = (key, None) if kind == "place" else (None, key if kind == "link" else None)
    view = controls.current_view()
    if (view.place, view.link, overlay_selected()) != (place, link, overlay):
        st.session_state[_OVERLAY_KEY] = overlay
        controls.select(place=place, link=link)
        st.rerun()


def clear_selection() -> None:
    """Nothing selected; the same place can be clicked again (a button's callback)."""
    st.session_state[_OVERLAY_KEY] = None
    controls.select()
    new_selection()
