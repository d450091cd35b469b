"""Deep links as the first visit of a freshly started server, under `make run`'s launcher and under
plain `streamlit run app.py`: the page asked for, and no English "Page not found" dialog (Streamlit's
legacy pages/ routing sends one in a fresh plain server's first run; app.py closes it at once). A
mistyped path opens the map and says so in the reader's language, and the address is corrected."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from common.i18n import t
from tests.browser.browser_kit import BUNDLED_DATA, wait_main_text, wait_view
from tests.browser.conftest import run_app

# Records, from the page's first byte, every dialog shown: its text, and how long it stayed.
DIALOGS = """
window.__dialogs = [];
new MutationObserver(() => {
  const open = [...document.querySelectorAll('[role="dialog"]')];
  open.filter(d => !d.__seen).forEach(d => { d.__seen = performance.now(); window.__dialogs.push({text: d.innerText, shown: 0}); d.__entry = window.__dialogs.at(-1); });
  window.__dialogs.forEach(e => { if (!e.closed && !open.some(d => d.__entry === e)) e.closed = true; });
  open.forEach(d => { d.__entry.shown = performance.now() - d.__seen; });
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


@pytest.mark.parametrize("plain", [False, True], ids=["launch", "plain"])
def test_a_deep_link_opens_its_page_without_a_dialog_and_a_mistyped_path_is_said(tab, tmp_path, artifacts,
                                                                                  plain) -> None:
    page = tab.page
    page.add_init_script(DIALOGS)
    with run_app(BUNDLED_DATA, tmp_path / "app.log", plain=plain) as base:
        page.goto(f"{base}/status?lang=en")  # the server's first session
        wait_view(page, lang="en")
        wait_main_text(page, t("status.title", "en"))
        page.wait_for_function("() => !document.querySelector('[role=\"dialog\"]')", timeout=5_000)
        shown = page.evaluate("window.__dialogs")
        # Launcher: none at all. Plain: Streamlit's own, sent before app.py runs, closed in the same run.
        assert shown == [] if not plain else all(d["closed"] and d["shown"] < 1000 for d in shown), shown
        assert urlsplit(page.url).path == "/status"
        page.screenshot(path=str(artifacts / f"deep-link-{'plain' if plain else 'launch'}-status.png"))

        page.goto(f"{base}/statsu?lang=ja&place=天津市")
        wait_view(page, place="天津市")
        wait_main_text(page, t("page.not_found", "ja", path="statsu"))
        assert page.evaluate("window.__dialogs") == []
        assert urlsplit(page.url).path == "/"
        page.goto(f"{base}/map?lang=zh")
        wait_view(page, lang="zh")
        assert page.evaluate("window.__dialogs") == [] and t("page.not_found", "zh", path="map") not in page.content()
