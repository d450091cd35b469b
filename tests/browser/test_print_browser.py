"""Printing (Ctrl+P), in Debian's Chromium: the map page prints its map (legend unfolded, no zoom or
timeline buttons) with the title and source on the first landscape page, then the status table and
Table 1 whole (every row, every column); the presenter view prints one page with its map, legend,
title and source, with details open and at the tour's start, and no controls or empty panels.
PDFs are read back with pdftotext; pages drawn with pdftoppm are kept in test-artifacts/print-*.png."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from common.i18n import label, t
from core.data.loading import load_dataset
from core.data.models import Country
from tests.browser.browser_kit import BUNDLED_DATA, idle, url, wait_for_map
from tests.export.pdf_viewers import text
from tests.needs import command

DATASET = load_dataset(BUNDLED_DATA)

# In the map frame, under print media: what is shown of the controls and of the legend.
IN_PRINT = """() => {
  const shown = sel => [...document.querySelectorAll(sel)].some(e => e.getBoundingClientRect().height > 0);
  const legend = document.querySelector('.jcm-legend'), summary = legend && legend.querySelector('summary');
  const unfolded = !!legend && legend.getBoundingClientRect().height > 4 * summary.getBoundingClientRect().height;
  return {zoom: shown('.leaflet-control-zoom'), buttons: shown('.jcm-tl-btn'), legend: unfolded};
}"""


def _print(page, path: Path, artifacts: Path, name: str) -> list[str]:
    """The page printed as Chromium prints it (its own @page size); each page's text; pages drawn."""
    path.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    subprocess.run([command("pdftoppm", "poppler-utils"), "-r", "60", "-png", str(path),
                    str(artifacts / f"print-{name}")],
                   check=True)
    return text(path).split("\f")[:-1]


def _flat(s: str) -> str:
    return "".join(s.split())


def _check_frame_in_print(page) -> None:
    _, frame = wait_for_map(page)
    page.emulate_media(media="print")
    try:
        assert frame.evaluate(IN_PRINT) == {"zoom": False, "buttons": False, "legend": True}
    finally:
        page.emulate_media(media="null")  # no emulation: page.pdf() prints with print media


def test_the_map_page_prints_the_map_then_both_tables_whole(app_url, tab, artifacts, tmp_path):
    page, lang = tab.page, "ja"
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(url(app_url, lang=lang))
    wait_for_map(page)
    idle(page)
    _check_frame_in_print(page)
    pages = _print(page, tmp_path / "map.pdf", artifacts, f"map-1366-{lang}")
    first = _flat(pages[0])
    assert _flat(t("app.title", lang)) in first and "IGES" in first
    assert _flat(t("map.legend.places", lang)) in first  # the legend, unfolded, with the map
    assert _flat(t("sidebar.language", lang)) not in _flat("".join(pages))  # no sidebar
    rest = _flat("".join(pages[1:]))
    for p in DATASET.places.values():  # the status table: every Chinese place, with its stage
        if p.country == Country.CN:
            assert _flat(p.names.get(lang)) in rest, p.names.get(lang)
    for p in DATASET.partnerships:  # Table 1: every pair, to its last column
        row = _flat(DATASET.places[p.japan].names.get(lang) + DATASET.places[p.china].names.get(lang))
        assert row in rest, row
    assert _flat(t("col.stage", lang)) in rest and _flat(label(DATASET.stage_of("北京市"), lang)) in rest


@pytest.mark.parametrize("state", [{"place": "天津市"}, {"step": "1"}], ids=["details-open", "tour-start"])
def test_the_presenter_view_prints_one_page_with_map_legend_title_and_source(app_url, tab, artifacts, tmp_path, state):
    page, lang = tab.page, "ja"
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url(app_url, lang=lang, present="1", **state))
    wait_for_map(page)
    idle(page)
    _check_frame_in_print(page)
    page.emulate_media(media="print")
    boxes = page.evaluate("""() => ['.st-key-jcm_bar', '.st-key-jcm_details', '.st-key-jcm_tour']
        .map(s => document.querySelector(s)).filter(e => e && e.getBoundingClientRect().height > 0)
        .map(e => [e.className.match(/st-key-\\w+/)[0], e.innerText.trim()])""")
    page.emulate_media(media="null")  # no emulation: page.pdf() prints with print media
    assert all(words for _, words in boxes), boxes  # no empty white box
    assert "st-key-jcm_bar" not in [name for name, _ in boxes]
    (only,) = _print(page, tmp_path / "presenter.pdf", artifacts, f"presenter-{'-'.join(state)}-{lang}")
    assert _flat(t("app.title", lang)) in _flat(only) and "IGES" in _flat(only)
    assert _flat(t("map.legend.places", lang)) in _flat(only)
    assert _flat(t("present.exit", lang)) not in _flat(only) and _flat(t("tour.next", lang)) not in _flat(only)
