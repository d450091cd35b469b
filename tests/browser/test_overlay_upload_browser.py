"""Uploading an overlay file in Chromium, the way a coordinator does: the uploader's callback reads
it, the sidebar shows its name, columns, preview, counts and failed rows; the uploader's ✕ removes
it; another file replaces it; nothing leaves localhost. (Two sessions never seeing each other's upload:
tests/pages/test_overlay_sessions.py.) The file is FICTIONAL.
Screenshot: test-artifacts/overlay-upload-1366x768-ja.png."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from common.i18n import t
from core.overlay.reading import LIMITS
from tests.browser.browser_kit import idle, url

PAIRS = ("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
         "架空市,日本,34.69,135.19,虚构市,中国,39.13,117.2\n"
         "架空町,JP,35.0,139.0,虚构县,CN,31.2,121.5\n"
         "壊れた行,日本,95,135.19,虚构市,中国,39.13,117.2\n").encode()
SIDEBAR = '[data-testid="stSidebar"]'


def _section(page, lang: str = "ja"):
    """The overlay's expander in the sidebar, opened."""
    title = t("overlay.title", lang)
    summary = page.locator(f"{SIDEBAR} summary", has_text=title)
    summary.scroll_into_view_if_needed()
    if page.locator(f'{SIDEBAR} details[open] summary', has_text=title).count() == 0:
        summary.click()
    return page.locator(f"{SIDEBAR} details", has_text=title)


def test_an_upload_is_read_shown_and_removed(app_url, tab, artifacts: Path) -> None:
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(url(app_url, lang="ja"))
    section = _section(page)  # the sidebar is drawn before the map: no need to wait for it
    section.locator('input[type="file"]').set_input_files(
        {"name": "fictional-pairs.csv", "mimeType": "text/csv", "buffer": PAIRS})
    counts = t("overlay.counts", "ja", pairs="2", japan_china="2", failed="1")
    section.get_by_text(counts).wait_for(timeout=30_000)
    section.locator("code", has_text="列 lat1").wait_for(timeout=30_000)  # the failed row, drawn last
    idle(page)
    text = section.inner_text()
    assert section.locator('[data-testid="stFileChipName"]').inner_text() == "fictional-pairs.csv"
    assert "列 lat1" in text and "95" in text  # the failed row, with its column and value
    assert t("overlay.show", "ja") in text and t("overlay.scope.japan_china", "ja") in text
    section.locator('[data-testid="stFileChipName"]').scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "overlay-upload-1366x768-ja.png"))

    # "Who else works with 虚构市?": typed into the finder, answered as a list of choices (names compared
    # without their administrative ending: 虚构县 too); the pair picked with the keyboard is the
    # selected pair, its cells in the details panel.
    finder = section.locator(".st-key-_overlay_find input")
    finder.scroll_into_view_if_needed()
    finder.fill("虚构市")
    finder.press("Enter")
    section.get_by_text(t("overlay.found", "ja", count="2", shown="2")).wait_for(timeout=30_000)
    heading = "架空市 (日本) – 虚构市 (中国)"
    choice = section.get_by_role("radio", name=heading)
    choice.focus()
    page.keyboard.press("Space")
    page.locator('[data-testid="stMain"]').get_by_text(heading).wait_for(timeout=30_000)
    choice.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "overlay-finder-1366x768-ja.png"))

    # Another file replaces it, even one that cannot be read: the first file's column selectboxes
    # must not bring it back (the browser still sends their values, and their callbacks did).
    section.locator('input[type="file"]').set_input_files(
        {"name": "second.csv", "mimeType": "text/csv", "buffer": "城市1,城市2\n神户,天津\n".encode("gb18030")})
    section.locator("code", has_text="second.csv").wait_for(timeout=30_000)
    idle(page)
    assert "fictional-pairs.csv" not in section.inner_text()

    section.locator('[data-testid="stFileChipDeleteBtn"]').click()  # the uploader's own ✕ drops the overlay
    section.locator("code", has_text="second.csv").wait_for(state="detached", timeout=30_000)
    assert not tab.page_errors


# The uploader's own words as the reader sees them: what is shown in place of Streamlit's button
# label and limits line (CSS ::after content), and whether Streamlit's own text is still visible.
_UPLOADER_WORDS = """zone => {
  const after = el => JSON.parse(getComputedStyle(el, '::after').content);
  const button = zone.querySelector('button [data-testid="stMarkdownContainer"]');
  const limits = zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] > div');
  return {button: after(button), limits: after(limits), own: zone.innerText.trim()};
}"""


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_the_uploader_speaks_the_readers_language_and_states_the_overlays_limits(app_url, tab, lang) -> None:
    """Streamlit writes "Upload" and "200MB per file" itself, in English, with the server's limit:
    the reader sees this file's limits (50 MB, 50,000 rows) in their language instead."""
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(url(app_url, lang=lang))
    zone = _section(page, lang).locator('[data-testid="stFileUploaderDropzone"]')
    zone.wait_for()
    # The words are a stylesheet the app draws just after the uploader: wait until it applies.
    page.wait_for_function("""zone => [...zone.querySelectorAll('button [data-testid="stMarkdownContainer"],'
      + ' [data-testid="stFileUploaderDropzoneInstructions"] > div')]
      .every(el => getComputedStyle(el, '::after').content !== 'none')""", arg=zone.element_handle())
    words = zone.evaluate(_UPLOADER_WORDS)
    assert words == {"button": t("overlay.choose_file", lang),
                     "limits": t("overlay.upload_limits", lang, **LIMITS),
                     "own": "upload"}  # only the button's icon (a ligature) is left of Streamlit's words
    assert not tab.page_errors


def _click(page, locator) -> None:
    """A real mouse click at the middle of the element's box, as a person's."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_an_xlsm_is_taken_and_a_file_that_reads_as_japanese_and_chinese_alike_is_the_readers_pick(
        app_url, tab, artifacts: Path) -> None:
    """Streamlit refused an .xlsm itself, in English ("application/vnd.ms-excel.sheet.macroenabled.12
    files are not allowed."): the uploader now takes any file and the reader reads it (macros never
    run). A short GBK list that reads as CP932 too shows its first rows both ways; the reader picks.
    Screenshot: test-artifacts/overlay-encoding-1366x768-ja.png."""
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(url(app_url, lang="ja"))
    section = _section(page)
    book = openpyxl.Workbook()
    for row in (["都市1", "国1", "緯度1", "経度1", "都市2", "国2", "緯度2", "経度2"],
                ["架空市", "日本", 34.69, 135.19, "虚构市", "中国", 39.13, 117.2]):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    section.locator('input[type="file"]').set_input_files(
        {"name": "macros.xlsm", "mimeType": "application/vnd.ms-excel.sheet.macroEnabled.12", "buffer": out.getvalue()})
    section.get_by_text(t("overlay.counts", "ja", pairs="1", japan_china="1", failed="0")).wait_for(timeout=30_000)
    assert "not allowed" not in section.inner_text()

    section.locator('input[type="file"]').set_input_files(
        {"name": "short.csv", "mimeType": "text/csv", "buffer": "city1,city2\n北京,东京\n".encode("gbk")})
    section.get_by_text("ｱｱｾｩ,ｶｫｾｩ").wait_for(timeout=30_000)
    idle(page)
    assert "北京,东京" in section.inner_text()
    section.get_by_text(t("overlay.encoding.choose", "ja")).scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "overlay-encoding-1366x768-ja.png"))
    _click(page, section.get_by_text(t("overlay.encoding.gb18030", "ja"), exact=True).last)
    # Read as Chinese: 北京 and 东京 are placed by the offline gazetteer, a Japan–China pair (the
    # preview's cells are drawn on a canvas, not in the page's text).
    section.get_by_text(t("overlay.counts", "ja", pairs="1", japan_china="1", failed="0")).wait_for(timeout=30_000)
    idle(page)
    assert "ｱｱｾｩ" not in section.inner_text()
    assert not tab.page_errors
