"""The page a URL path asks for: an unknown path is said in the reader's language, never in
Streamlit's English "Page not found" dialog.

- A mistyped path (`/statsu`): before `st.navigation` resolves it, the request is turned into one
  for the default page, and the page says which path it did not know (`unknown_page`).
- The first run of a fresh `streamlit run app.py` server: until a process has seen its first
  `st.navigation`, Streamlit takes the `pages/` folder for its legacy multipage layout and resolves
  a deep link (`/status`) against the folder's file names before app.py runs. `ui/launch.py`
  (`make run`) switches that routing off before the first session; under plain `streamlit run`
  nothing of the app runs that early. So the page files are named by their URL paths
  (`pages/status.py` is /status): the legacy router finds the page and sends no dialog, and the
  page's first statement, `through_app`, runs app.py instead (data, sidebar, `st.navigation`, which
  runs the page again, through it). Only a path no file has (`/statsu`) still gets the router's
  English dialog in that one run: `close_legacy_dialog` closes it in the page, in the same run.
"""

from __future__ import annotations

import runpy
from collections.abc import Collection
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui.streamlit_private import PagesManager, ThreadState, get_script_run_ctx

APP = Path(__file__).resolve().parent.parent / "app.py"

# Hidden as soon as the page has this run's first element (a style alone goes to Streamlit's event
# container: no room taken), then closed for good. The app itself opens no dialog.
_HIDE = '<style>[data-testid="stDialog"] { visibility: hidden; }</style>'
_CLOSE = """<script>
(function () {  /* ui/pagepath.py: Streamlit's legacy page-not-found dialog, in English; closed */
  var tries = 0, timer = setInterval(function () {
    document.querySelectorAll('[role="dialog"]').forEach(function (d) {
      var title = d.querySelector('h2'), close = d.querySelector('button[aria-label="Close"]');
      if (title && title.textContent === 'Page not found' && close) { close.click(); tries = 1e9; }
    });
    if (++tries > 200) { clearInterval(timer); }
  }, 25);
})();
</script>"""


def _asked() -> str:
    """The page name the browser's URL path asks for ("" for the root or a link within the app)."""
    ctx = get_script_run_ctx()
    manager = ctx.pages_manager if ctx else None
    if manager is None or manager.intended_page_script_hash:
        return ""
    return manager.intended_page_name or ""


def as_main_script() -> None:
    """app.py's first statement: its elements (the sidebar, drawn before `st.navigation`) are the
    main script's whichever router ran it. A widget's id includes the hash of the script running it:
    run by the legacy router as its main page or inside a page file (`through_app`), app.py's
    widgets had other ids than in a normal run. AppTest runs every run through that router, and a
    switch set between two runs was lost (tests/pages/test_follow_app.py)."""
    ctx = get_script_run_ctx()
    if ctx is not None:
        ThreadState.update(active_script_hash=ctx.pages_manager.main_script_hash)


def close_legacy_dialog() -> None:
    """In the legacy-routed first run of a fresh `streamlit run app.py` server with a path no page
    file has: hide at once, then close, the dialog Streamlit sent before this script ran."""
    if PagesManager.uses_pages_directory and _asked():
        st.html(_HIDE)
        st.html(_CLOSE, unsafe_allow_javascript=True)


def through_app() -> None:
    """A page file's first statement. Run alone by the legacy pages/ router (a fresh plain server's
    first run), it runs app.py in its place and ends the run there; run by app.py's
    `st.navigation`, it does nothing."""
    if not PagesManager.uses_pages_directory:
        return
    runpy.run_path(str(APP), run_name="__main__")
    st.stop()


def unknown_page(pages: Collection[StreamlitPage], default_path: str) -> str | None:
    """The path asked for when no page has it, or None. A path no page resolves to (a mistyped one,
    or `default_path`, the default page's own name, which Streamlit knows only as the root) now
    asks for the default page."""
    asked = _asked()
    if not asked or asked in {page.url_path for page in pages}:
        return None
    get_script_run_ctx().pages_manager.set_script_intent("", "")
    return None if asked == default_path else asked
