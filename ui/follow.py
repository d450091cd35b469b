"""Follow the presenter (core/room/follow.py) in the app: the laptop's sessions publish their view; a
participant's device (sharing on, not the laptop) gets a switch, and while it is on, takes each new
view of the presenter's in its own language, then may switch off to explore and on again to rejoin.

Followers never poll: a following session's run notes its id in the server's list of followers, and
when the laptop publishes a new view the server asks each of them for a run, WAKE_DELAY_S later (as
their browsers would: ui/streamlit_private.rerun_session), which applies the view before any widget
is drawn, as a shared link or a tour step is applied. A follower that is idle costs the server
nothing between two steps.
"""

from __future__ import annotations

import threading

import streamlit as st

from common.i18n import DEFAULT_LANG, t
from core.data.models import Dataset
from core.room.follow import Slot, follower_query, news
from core.view.basemaps import BASEMAPS
from core.view.state import ViewState, parse_query, to_query
from ui import controls, overlaypick, session, style
from ui.streamlit_private import rerun_session, session_id

WAKE_DELAY_S = 0.3  # the presenter's own screen first: its followers' runs (and browsers) wait this long
_FOLLOWING = "jcm_following"  # the switch's key
_SEEN = "_follow_version"  # the version of the presenter's view this follower shows


@st.cache_resource(show_spinner=False)
def slot() -> Slot:
    """The one slot of the server process."""
    return Slot()


class Followers:
    """The ids of the sessions following the presenter (they are threads: one lock)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: set[str] = set()

    def mark(self, member: str, following: bool) -> None:
        with self._lock:
            (self._ids.add if following else self._ids.discard)(member)

    def wake(self) -> None:
        """Ask every follower for a run, WAKE_DELAY_S from now; forget those whose browser has gone."""
        with self._lock:
            ids = list(self._ids)
        for member in ids:
            if not rerun_session(member, WAKE_DELAY_S):
                self.mark(member, False)


@st.cache_resource(show_spinner=False)
def followers() -> Followers:
    """The one list of the server process."""
    return Followers()


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
    """The laptop publishes `view` at the end of its run and, when it is new, wakes its followers
    WAKE_DELAY_S later: their runs, all at once, and their browsers on the same laptop took the
    presenter's screen from 0.1 s to 0.7 s (bench/follow_bench.py, 20 followers)."""
    if session.from_laptop():
        before = slot().latest().version
        if slot().publish(to_query(view)) != before:
            followers().wake()


def panel(view: ViewState) -> None:
    """A participant's device gets the switch; while it is on, the session is woken by each new view."""
    if not _offered():
        return
    style.stylesheet("follow.css")
    with st.container(key="jcm_follow"):
        st.toggle(t("follow.switch", view.lang), key=_FOLLOWING, on_change=_rejoin)
        if _following():
            st.caption(t("follow.on", view.lang))
    if (me := session_id()) is not None:
        followers().mark(me, _following())
    if _following() and news(slot().latest(), st.session_state.get(_SEEN)):
        st.rerun()  # published between this run's catch_up and its mark above: it was not woken for it


def _rejoin() -> None:
    """Switched on (again): the next run takes the presenter's view even if it has not moved since."""
    st.session_state.pop(_SEEN, None)
