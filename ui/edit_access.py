"""The edit page's password gate; viewing the app never asks for it.

The password is set by whoever runs the server, in `.streamlit/secrets.toml` (git-ignored):

    [editing]
    password = "…"

It sits in a table on purpose: Streamlit copies top-level string secrets into the process's
environment, where every child process could read it. The typed password is compared in constant
time, never logged, echoed or kept: the form is cleared on submit, and only "unlocked" is remembered
for the browser session. Guessing is braked twice: a pause after each wrong password (per
session) and, server-wide, at most GUESS_LIMIT wrong passwords in GUESS_WINDOW_S (common/throttle.py).
"""

from __future__ import annotations

import hmac
import math
import time
from collections.abc import Mapping

import streamlit as st

from common.i18n import t
from common.throttle import FailureThrottle

SECRET_SECTION, SECRET_KEY = "editing", "password"
WRONG_PASSWORD_PAUSE_S = 1.0  # slows guessing down; a coordinator mistyping barely notices
GUESS_LIMIT, GUESS_WINDOW_S = 10, 15 * 60.0  # then the gate stays shut until the oldest guess is 15 min old
_UNLOCKED = "_edit_unlocked"


@st.cache_resource(show_spinner=False)
def guard() -> FailureThrottle:
    """The one count of wrong passwords for the whole server (every session shares it)."""
    return FailureThrottle(GUESS_LIMIT, GUESS_WINDOW_S)


def _shut(lang: str) -> bool:
    """Says so and returns True while too many wrong passwords shut the gate."""
    wait = guard().wait_s()
    if wait > 0:
        st.error(t("edit.locked", lang, minutes=math.ceil(wait / 60)), icon=":material/lock_clock:")
    return wait > 0


def configured_password() -> str | None:
    """The password from secrets.toml; None when there is no file, no [editing] table or an empty one."""
    try:
        section = st.secrets.get(SECRET_SECTION)
    except FileNotFoundError:  # Streamlit's "no secrets file" error
        return None
    value = section.get(SECRET_KEY) if isinstance(section, Mapping) else None
    return value if isinstance(value, str) and value else None


def unlocked(lang: str) -> bool:
    """True once this browser session gave the right password; otherwise draws the gate."""
    if st.session_state.get(_UNLOCKED):
        return True
    expected = configured_password()
    if expected is None:
        st.error(t("edit.no_password", lang), icon=":material/lock:")
        st.code(f'[{SECRET_SECTION}]\n{SECRET_KEY} = "…"', language="toml")
        return False
    if _shut(lang):
        return False
    with st.form("edit_password", clear_on_submit=True):
        typed = st.text_input(t("edit.password", lang), type="password")
        submitted = st.form_submit_button(t("edit.unlock", lang), type="primary")
    if not submitted:
        return False
    if hmac.compare_digest(typed.encode("utf-8"), expected.encode("utf-8")):
        guard().succeed()
        st.session_state[_UNLOCKED] = True
        st.rerun()
    guard().fail()
    time.sleep(WRONG_PASSWORD_PAUSE_S)
    if guard().wait_s() > 0:
        st.rerun()  # drawn again without the form: the gate is shut
    st.error(t("edit.wrong_password", lang), icon=":material/lock:")
    return False
