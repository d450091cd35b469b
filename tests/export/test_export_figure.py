"""The exported figures: their size, page count, text, and the label rules measured on what
matplotlib draws (the renderer's own boxes, not the layout's estimates)."""

from __future__ import annotations

import html
import io
import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from common.i18n import format_date, t
from core.view.state import ViewState
from export import fonts
from export.drawing import load_view, make_view
from export.figure import draw
from export.fonts import NoCjkFont, cjk_family
from export.labels import MAX_DISTANCE_PX, nearest_distance
from export.render import SIZES, render
from tests.needs import missing

DATA = Path(__file__).resolve().parents[2] / "data"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def base():
    view, ignored = load_view(DATA, {})
    assert ignored == []
    return view


def _view(base, **values):
    return make_view(base.dataset, base.coords, ViewState.of(**values))


@pytest.mark.parametrize("size", SIZES)
def test_png_has_the_asked_size_and_is_kept_for_review(base, size):
    data = render(_view(base, lang="ja"), "png", size)
    assert Image.open(io.BytesIO(data)).size == size
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"export-ja-{size[0]}x{size[1]}.png").write_bytes(data)


def test_pdf_is_one_page(base):
    data = render(_view(base, lang="zh", place="天津市"), "pdf")
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == 1
    # 1920x1080 px at 100 dpi
    assert re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data) == [(b"1382.4", b"777.6")]
    assert b"/FontFile" in data and b"NotoSansCJK" in data  # the CJK font travels with the file
    (ARTIFACTS / "export-zh-tianjin.pdf").write_bytes(data)


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_svg_holds_every_shown_place_name_as_text(base, lang):
    view = _view(base, lang=lang)
    svg = render(view, "svg").decode("utf-8")
    names = [p.names.get(lang) for p in view.shown.places]
    assert len(names) == 21
    assert [n for n in names if html.escape(n, quote=False) not in svg] == []
    assert "<text" in svg  # names are text, not glyph outlines


def test_a_filter_changes_what_is_drawn(base):
    """Only Hebei's links (河北省–長野県, 北九州市–唐山市) and their ends: no other place's name."""
    view = _view(base, lang="en", province=("河北省",))
    svg = render(view, "svg").decode("utf-8")
    assert {p.key for p in view.shown.places} == {"河北省", "長野県", "唐山市", "北九州市"}
    assert "Tangshan" in svg and "Nagano" in svg and "Tianjin" not in svg


def _rule_breaks(fig, placed) -> list[str]:
    """Every break of the browser's label rules in a drawn figure, measured by its renderer."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    frame = fig.axes[0].get_window_extent(renderer)
    boxes = [(pl.mark, pl.artist.get_window_extent(renderer)) for pl in placed]
    breaks = []
    for i, (mark, box) in enumerate(boxes):
        if nearest_distance(box, mark.x, mark.y) > MAX_DISTANCE_PX:
            breaks.append(f"{mark.key}: label {nearest_distance(box, mark.x, mark.y):.0f} px from its marker")
        if not (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1):
            breaks.append(f"{mark.key}: label leaves the map")
        breaks += [f"{mark.key} overlaps {other.key}'s label" for other, b in boxes[i + 1:] if box.overlaps(b)]
        breaks += [f"{mark.key}'s label hides {other.key}'s marker" for other, _ in boxes
                   if math.hypot(max(box.x0 - other.x, 0, other.x - box.x1), max(box.y0 - other.y, 0, other.y - box.y1))
                   < other.half]
    return breaks


@pytest.mark.parametrize(("lang", "size", "values"), [
    ("ja", SIZES[0], {}),
    ("en", SIZES[1], {"place": "天津市"}),
    ("zh", (1280, 720), {}),
    ("en", (640, 480), {}),  # crowded: some places get numbered badges
])
def test_labels_keep_the_browsers_rules(base, lang, size, values):
    view = _view(base, lang=lang, **values)
    fig, placed = draw(view, *size, cjk_family())
    assert sorted(pl.mark.key for pl in placed) == sorted(p.key for p in view.shown.places)
    assert _rule_breaks(fig, placed) == []
    texts = [tx.get_text() for tx in fig.texts]
    badges = [pl for pl in placed if pl.badge]
    for pl in placed:
        assert pl.artist.get_text() == (str(pl.badge) if pl.badge else pl.mark.text)
    for pl in badges:  # every badge is explained in the key under the map
        assert any(f"{pl.badge} {pl.mark.text}" in tx for tx in texts)
    if size == SIZES[0]:
        assert badges == []  # at a slide's size every place has its name next to it


def test_the_rule_check_sees_a_label_away_from_its_marker(base):
    fig, placed = draw(_view(base), *SIZES[0], cjk_family())
    placed[0].artist.set_position((placed[0].artist.get_position()[0] + 30, placed[0].artist.get_position()[1]))
    assert any(placed[0].mark.key in b for b in _rule_breaks(fig, placed))


def test_no_cjk_font_is_an_error_not_tofu(monkeypatch):
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [f for f in font_manager.fontManager.ttflist
                                                             if "CJK" not in f.name])
    fonts.cjk_family.cache_clear()
    try:
        with pytest.raises(NoCjkFont, match="Noto Sans CJK JP"):
            cjk_family()
    finally:
        fonts.cjk_family.cache_clear()


TWO_SNAPSHOTS = Path(__file__).resolve().parents[1] / "fixtures" / "two_snapshots"


def _text_of(data: bytes, fmt: str, tmp_path: Path) -> str:
    """The words an export shows: SVG and HTML as text, a PDF through pdftotext."""
    if fmt != "pdf":
        return html.unescape(data.decode("utf-8"))
    if not shutil.which("pdftotext"):
        missing("pdftotext", "apt-get install poppler-utils")
    (tmp_path / "m.pdf").write_bytes(data)
    done = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.parametrize(("fmt", "lang"), [("svg", "ja"), ("svg", "zh"), ("html", "ja"), ("html", "en"), ("pdf", "en")])
@pytest.mark.parametrize(("asof", "shown", "other"),
                         [("", "2015-03-31", "2014-05-31"), ("2014-05-31", "2014-05-31", "2015-03-31")])
def test_the_title_block_names_the_date_shown(tmp_path, fmt, lang, asof, shown, other):
    """With a March 2015 snapshot, an export names that date (or the older one it was asked for);
    the PNG is drawn by the same figure as the SVG and the PDF."""
    view, ignored = load_view(TWO_SNAPSHOTS, {"lang": lang, **({"asof": asof} if asof else {})})
    assert ignored == []
    text = _text_of(render(view, fmt), fmt, tmp_path)
    assert format_date(shown, lang) in text
    assert format_date(other, lang) not in text
    if shown != "2014-05-31":  # a later snapshot: the report and the meetings recorded since
        assert t("workbook.source", lang) in " ".join(text.split()) or fmt == "pdf"
    assert view.dataset.viewed == shown  # the stages drawn are that date's too


def _line_end_breaks(fig) -> list[str]:
    """Every end of a drawn link (Line2D gid "link:<japan>–<china>") that lies nearer to another
    place's marker (gid "place:<key>") than to its own, or off its own: the room reads a line as
    ending at the marker it touches."""
    ax = fig.axes[0]
    markers = {line.get_gid()[len("place:"):]: ax.transData.transform(line.get_xydata()[0])
               for line in ax.lines if (line.get_gid() or "").startswith("place:")}
    breaks = []
    for line in ax.lines:
        if not (line.get_gid() or "").startswith("link:"):
            continue
        ends = line.get_gid()[len("link:"):].split("–")
        for key, end in zip(ends, ax.transData.transform(line.get_xydata()[[0, -1]])):
            own = math.dist(end, markers[key])
            nearer = [k for k, m in markers.items() if k != key and math.dist(end, m) <= own]
            if own > 1 or nearer:
                breaks.append(f"{line.get_gid()} ends {own:.1f} px from {key}, nearer to {nearer}")
    return breaks


@pytest.mark.parametrize(("lang", "size", "values"), [
    ("ja", (1920, 1080), {}),  # 福岡県 and 北九州市 fanned apart
    ("zh", (1280, 720), {"link": "北九州市–天津市"}),
    ("en", (1366, 768), {"place": "天津市"}),
    ("ja", (640, 480), {}),  # crowded: Beijing's three, Tianjin and Tangshan fanned together
])
def test_every_line_ends_at_its_own_marker(base, lang, size, values):
    view = _view(base, lang=lang, **values)
    fig, _ = draw(view, *size, cjk_family())
    drawn = [line for line in fig.axes[0].lines if (line.get_gid() or "").startswith("link:")]
    assert len(drawn) == len(view.shown.partnerships)
    assert _line_end_breaks(fig) == []
