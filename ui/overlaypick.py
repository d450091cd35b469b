"""Which link of the imported overlay is selected, in this session only (like the overlay, never in
the URL): clicked on the map (ui/mapclick.py) or picked in the overlay's finder (ui/overlay.py), and
whether it was picked there (then it may be out of sight, and the map frames it).
"""

from __future__ import annotations

import streamlit as st

from ui import controls

_OVERLAY_KEY = "_overlay_link"  # the index of the overlay link last clicked
_FROM_FINDER = "_overlay_from_finder"  # whether that link was picked in the finder (the map frames it)
_FINDER_ROUND = "_overlay_finder_round"  # the overlay finder's list (ui/overlay.py) is new in each round


def clicked(index: int) -> None:
    """Overlay link `index` clicked on the map (ui/mapclick.take_click)."""
    st.session_state[_OVERLAY_KEY] = index


def selected() -> int | None:
    """The index (in the session's Overlay.links) of the overlay link last clicked, or None."""
    return st.session_state.get(_OVERLAY_KEY)


def picked_in_finder() -> bool:
    """Whether the overlay link selected was picked in the finder, not clicked on the map: it may
    be out of sight, and the map frames it."""
    return bool(st.session_state.get(_FROM_FINDER)) and selected() is not None


def pick(index: int) -> None:
    """Select overlay link `index` (a row picked in the overlay's finder) as a click on it would:
    its darkened line and its details, and no programme place or link selected."""
    st.session_state[_OVERLAY_KEY] = index
    st.session_state[_FROM_FINDER] = True
    controls.select_changed()


def unselect() -> None:
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
