"""The overlay's sidebar section and the one function the map page reads: `current()`.

An uploaded file's Overlay lives only in this session's `st.session_state`: never written to disk,
never in `st.cache_data` (global to every session), gone with the session.
"""

from __future__ import annotations

import streamlit as st

from core.overlay.view import OverlayView

_OVERLAY = "_overlay"  # this session's Overlay (an upload), or absent
_SHOW = "_overlay_show"  # the "show overlay" switch
_SCOPE = "_overlay_scope"  # "japan_china" | "all"


def current() -> OverlayView | None:
    """This session's overlay and how the reader wants it drawn, or None when there is none.

    The map page calls it on every run: it is cheap (no file is read; the programme duplicates
    are found on first use of `OverlayView.excluded`). Draw `view.links(view_state["province"])`
    when `view.show` is on; the overlay's places and links are `view.overlay.places/links`.
    """
    overlay = st.session_state.get(_OVERLAY)
    if overlay is None:
        return None
    return OverlayView(overlay, bool(st.session_state.get(_SHOW, True)), st.session_state.get(_SCOPE, "japan_china"))
