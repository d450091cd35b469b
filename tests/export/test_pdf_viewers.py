"""The map's PDF export reads the same in poppler and MuPDF: TrueType fonts, no warning, the same
text and pixels (MuPDF used to draw it with no text at all)."""

from __future__ import annotations

from pathlib import Path

import pytest

from export.drawing import load_view, make_view
from export.render import render
from tests.export.pdf_viewers import draw_both, fonts, ink, text

DATA = Path(__file__).resolve().parents[2] / "data"
TITLE_BOX = (0.0, 0.0, 0.6, 0.08)  # where the figure's title is (export.figure.draw)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    base, _ = load_view(DATA, {})
    view, _ = load_view(DATA, {"lang": "zh", "place": "天津市"})
    path = tmp_path_factory.mktemp("pdf") / "map-zh.pdf"
    path.write_bytes(render(make_view(base.dataset, base.coords, view.state), "pdf"))
    return path


def test_every_font_is_truetype_as_declared(pdf):
    table = fonts(pdf).splitlines()[2:]
    assert table and all("CID TrueType" in row for row in table), "\n".join(table)


def test_poppler_and_mupdf_draw_the_same_page_without_warnings(pdf, tmp_path):
    poppler, mupdf, warnings = draw_both(pdf, tmp_path)
    assert warnings == []
    assert poppler.shape == mupdf.shape
    assert ink(mupdf, TITLE_BOX) > 0.8 * ink(poppler, TITLE_BOX) > 0, "MuPDF draws no title"
    differing = (abs(poppler - mupdf) > 64).mean()
    assert differing < 0.02, f"{differing:.1%} of the pixels differ between poppler and MuPDF"


def test_names_are_text(pdf):
    extracted = text(pdf)
    for name in ("中日城市间大气环境改善合作地图", "天津市", "北九州市", "东京都"):
        assert name in extracted
