"""Uploading an overlay file in Chromium, the way a coordinator does: the uploader's callback reads
it, the sidebar shows its columns, preview, counts and failed rows; another browser sees none of
it; the app's remove button removes it; nothing leaves localhost. The file is FICTIONAL.
Screenshot: test-artifacts/overlay-upload-1366x768-ja.png."""

from __future__ import annotations

from pathlib import Path

from core.i18n import t
from tests.browser.browser_kit import idle, url

PAIRS = ("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
         "架空市,日本,34.69,135.19,虚构市,中国,39.13,117.2\n"
         "架空町,JP,35.0,139.0,虚构县,CN,31.2,121.5\n"
         "壊れた行,日本,95,135.19,虚构市,中国,39.13,117.2\n").encode()
SIDEBAR = '[data-testid="stSidebar"]'


def _section(page):
    """The overlay's expander in the sidebar, opened."""
    title = t("overlay.title", "ja")
    summary = page.locator(f"{SIDEBAR} summary", has_text=title)
    summary.scroll_into_view_if_needed()
    if page.locator(f'{SIDEBAR} details[open] summary', has_text=title).count() == 0:
        summary.click()
    return page.locator(f"{SIDEBAR} details", has_text=title)


def test_an_upload_is_read_shown_and_private_to_its_browser(app_url, tab, browser, artifacts: Path) -> None:
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(url(app_url, lang="ja"))
    section = _section(page)  # the sidebar is drawn before the map: no need to wait for it
    section.locator('input[type="file"]').set_input_files(
        {"name": "fictional-pairs.csv", "mimeType": "text/csv", "buffer": PAIRS})
    counts = t("overlay.counts", "ja", pairs="2", japan_china="2", failed="1")
    section.get_by_text(counts).wait_for(timeout=30_000)
    idle(page)
    text = section.inner_text()
    assert t("overlay.uploaded", "ja", file="fictional-pairs.csv") in text
    assert "列 lat1" in text and "95" in text  # the failed row, with its column and value
    assert t("overlay.show", "ja") in text and t("overlay.scope.japan_china", "ja") in text
    section.get_by_text(t("overlay.uploaded", "ja", file="fictional-pairs.csv")).scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "overlay-upload-1366x768-ja.png"))

    other = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ja-JP", service_workers="block")
    try:
        page2 = other.new_page()
        page2.goto(url(app_url, lang="ja"))
        section2 = _section(page2)
        idle(page2)
        assert "架空" not in section2.inner_text() and counts not in page2.content()
    finally:
        other.close()

    section.get_by_role("button", name=t("overlay.remove", "ja")).click()
    section.get_by_text(counts).wait_for(state="detached", timeout=30_000)
    assert t("overlay.uploaded", "ja", file="fictional-pairs.csv") not in section.inner_text()
    assert not tab.page_errors
