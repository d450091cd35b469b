"""The page a URL path asks for: an unknown path is said in the reader's language, never in
Streamlit's English "Page not found" dialog.

- A mistyped path (`/statsu`): before `st.navigation` resolves it, the request is turned into one
  for the default page, and the page says which path it did not know (`unknown_page`).
- The first run of a fresh `streamlit run app.py` server: until a process has seen its first
  `st.navigation`, Streamlit takes the `pages/` folder for its legacy multipage layout and resolves
  a deep link (`/status`) against the folder's file names (`status_page`) before app.py runs. It
  sends its dialog then, over the right page. `ui/launch.py` (`make run`) switches that routing
  off before the first session; under plain `streamlit run` nothing of the app runs that early, so
  `close_legacy_dialog` closes that one dialog in the page, in the same run.
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from ui.streamlit_private import PagesManager, get_script_run_ctx

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


def close_legacy_dialog() -> None:
    """In the legacy-routed first run of a fresh `streamlit run app.py` server with a deep link:
    close the dialog Streamlit sent before this script ran."""
    if PagesManager.uses_pages_directory and _asked():
        st.html(_CLOSE, unsafe_allow_javascript=True)


def unknown_page(pages: Collection[StreamlitPage], default_path: str) -> str | None:
    """The path asked for when no page has it, or None. A path no page resolves to (a mistyped one,
    or `default_path`, the default page's own name, which Streamlit knows only as the root) now
    asks for the default page."""
    asked = _asked()
    if not asked or asked in {page.url_path for page in pages}:
        return None
    get_script_run_ctx().pages_manager.set_script_intent("", "")
    return None if asked == default_path else asked
