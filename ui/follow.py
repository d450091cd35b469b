"""Follow the presenter (core/room/follow.py) in the app: the laptop's sessions publish their view; a
participant's device (sharing on, not the laptop) gets a switch, and while it is on, takes each new
view of the presenter's in its own language, then may switch off to explore and on again to rejoin.

The follower asks the slot every POLL_S seconds in a fragment that draws nothing and costs one
attribute read; only a new version reruns the whole app, which applies the view before any widget
is drawn, as a shared link or a tour step is applied.
"""

from __future__ import annotations

import streamlit as st

from common.i18n import DEFAULT_LANG, t
from core.data.models import Dataset
from core.room.follow import Slot, follower_query, news
from core.view.basemaps import BASEMAPS
from core.view.state import ViewState, parse_query, to_query
from ui import controls, overlaypick, session, style

POLL_S = 0.3  # the presenter's step shows on a follower's screen within a second: ≤ 0.3 s to notice, then one run
_FOLLOWING = "jcm_following"  # the switch's key
_SEEN = "_follow_version"  # the version of the presenter's view this follower shows


@st.cache_resource(show_spinner=False)
def slot() -> Slot:
    """The one slot of the server process."""
    return Slot()


def _offered() -> bool:
    """A participant's device on a shared server: only it may follow (the laptop is the presenter)."""
    return session.sharing() and not session.from_laptop()


def _following() -> bool:
    return _offered() and bool(st.session_state.get(_FOLLOWING))


def catch_up(dataset: Dataset) -> None:
    """On a follower's run, before any widget is drawn: show the presenter's latest view, if new."""
    if not _following():
        return
    latest = slot().latest()
    if not news(latest, st.session_state.get(_SEEN)):
        return
    lang = st.session_state.get("lang", DEFAULT_LANG)
    state, _ = parse_query(follower_query(latest, lang), dataset, tuple(BASEMAPS))
    overlaypick.unselect()  # this device's own overlay pick gives way, as for a tour step
    controls.show(dataset, state)
    st.session_state[_SEEN] = latest.version


def lead(view: ViewState) -> None:
    """The laptop publishes `view`, at the end of its run: its followers' runs, all at once, then no
    longer slow down the presenter's own."""
    if session.from_laptop():
        slot().publish(to_query(view))


def panel(view: ViewState) -> None:
    """A participant's device gets the switch (and, while it is on, the poll)."""
    if not _offered():
        return
    style.stylesheet("follow.css")
    with st.container(key="jcm_follow"):
        st.toggle(t("follow.switch", view.lang), key=_FOLLOWING, on_change=_rejoin)
        if _following():
            st.caption(t("follow.on", view.lang))
            _poll()


def _rejoin() -> None:
    """Switched on (again): the next run takes the presenter's view even if it has not moved since."""
    st.session_state.pop(_SEEN, None)


@st.fragment(run_every=POLL_S)
def _poll() -> None:
    if news(slot().latest(), st.session_state.get(_SEEN)):  # else this run is all a poll costs
        st.rerun(scope="app")
