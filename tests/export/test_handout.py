"""The tour as an A4 handout, read back with poppler's pdftotext page by page: a cover, one page per
step (its position, title, notes and map), Tables 1 and 2, for ja then zh (`--lang ja,zh`; English
is the deck's test's: a handout lays out the same pack); checked against data/ read directly, and
drawn alike by poppler and MuPDF."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from common.i18n import format_date, t
from core.view.tour import load_tour
from export.drawing import load_view
from export.render import render_tour
from tests.export import tour_data
from tests.export.pdf_viewers import draw_both, fonts, ink, text
from tests.needs import command

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TODAY = date(2026, 1, 15)
LANGS = ("ja", "zh")
A4_PT = (595, 842)


@pytest.fixture(scope="module")
def handout(tmp_path_factory) -> Path:
    base, _ = load_view(tour_data.DATA, {})
    tour = load_tour(tour_data.DATA, base.dataset)
    path = tmp_path_factory.mktemp("handout") / "handout.pdf"
    path.write_bytes(render_tour(base, "pdf", tour, LANGS, TODAY))
    return path


@pytest.fixture(scope="module")
def pages(handout) -> list[str]:
    return text(handout).split("\f")[:-1]


def _flat(s: str) -> str:
    """Text without the line breaks and spaces wrapping and extraction put in."""
    return re.sub(r"\s+", "", s)


def _as_of(lang: str) -> str:
    return _flat(t("pack.as_of", lang, date=format_date("2014-05-31", lang)))


def _parts(pages: list[str]) -> dict[str, list[str]]:
    """Each language's pages, from its cover (the one page saying the data's date) to the next cover."""
    covers = [next(i for i, p in enumerate(pages) if _as_of(lang) in _flat(p)) for lang in LANGS]
    assert covers == sorted(covers)  # in the order asked
    return dict(zip(LANGS, [pages[a:b] for a, b in zip(covers, [*covers[1:], len(pages)])]))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_is_a_whole_handout_one_after_the_other(pages, lang, handout):
    part = _parts(pages)[lang]
    steps = tour_data.steps(lang)
    cover, step_pages, tables = part[0], part[1:1 + len(steps)], part[1 + len(steps):]
    assert _flat(t("app.title", lang)) in _flat(cover) and _flat(t("export.source", lang)) in _flat(cover)
    assert _flat(t("export.made", lang, date=format_date(TODAY.isoformat(), lang))) in _flat(cover)
    for step, page in zip(steps, step_pages, strict=True):
        assert _flat(t("tour.position", lang, step=step["step"], count=len(steps))) in _flat(page)
        assert tour_data.filled(_flat(step["title"]), _flat(page))
        assert tour_data.filled(_flat(step["notes"]), _flat(page))
    table_text = _flat("".join(tables))
    assert _flat(t("partnerships.title", lang)) in table_text and _flat(t("status.title", lang)) in table_text
    for japan, china, _ in tour_data.table1(lang):
        assert _flat(japan) in table_text and _flat(china) in table_text
    for entity in tour_data.table2_entities(lang):
        assert _flat(entity) in table_text


def test_pages_are_a4_and_fonts_truetype(handout):
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", handout.read_bytes())
    assert {tuple(round(float(v)) for v in s) for s in sizes} <= {A4_PT, A4_PT[::-1]}  # portrait; tables landscape
    rows = fonts(handout).splitlines()[2:]
    assert rows and all("CID TrueType" in row for row in rows)


def test_each_map_is_a_sharp_picture(handout):
    """Every step's map at print resolution (matplotlib once resampled it to 72 dpi)."""
    listing = subprocess.run([command("pdfimages", "poppler-utils"), "-list", str(handout)], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
    assert len(listing) == 2 * len(tour_data.steps("ja"))
    assert all(int(row.split()[12]) >= 200 for row in listing), listing[:3]  # x-ppi


def test_a_step_page_reads_the_same_in_poppler_and_mupdf(handout, pages, tmp_path):
    page = 1 + 3  # ja: cover, then step 3 (天津市)
    assert "天津市" in pages[page - 1]
    poppler, mupdf, warnings = draw_both(handout, tmp_path, page)
    assert warnings == []
    title = (0.0, 0.03, 1.0, 0.1)
    assert ink(mupdf, title) > 0.8 * ink(poppler, title) > 0
    assert (abs(poppler - mupdf) > 64).mean() < 0.02
    ARTIFACTS.mkdir(exist_ok=True)
    (tmp_path / "mupdf.png").rename(ARTIFACTS / "handout-ja-step3.png")
