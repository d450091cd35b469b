"""The tour as a PowerPoint deck, opened with python-pptx: a title slide, one slide per step (its
title, its map as a picture, its notes in the speaker notes), then Tables 1 and 2 as native tables,
in ja, en and zh; everything checked against data/ read directly. Then the deck drawn by
LibreOffice, slide by slide, at presentation size (kept in test-artifacts/ to look at)."""

from __future__ import annotations

import hashlib
import io
import subprocess
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu

from common.i18n import LANGS, format_date, t
from core.view.tour import load_tour
from export.deck import PICTURE_PX, SLIDE
from export.drawing import load_view, make_view
from export.fonts import cjk_family
from export.render import figure_bytes, render_tour
from tests.export import tour_data
from tests.export.pdf_viewers import text
from tests.needs import command

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TODAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def built():
    """One deck holding the three languages one after the other (the view's pictures are the cost)."""
    base, _ = load_view(tour_data.DATA, {})
    tour = load_tour(tour_data.DATA, base.dataset)
    data = render_tour(base, "pptx", tour, LANGS, TODAY)
    return base, tour, data, Presentation(io.BytesIO(data))


def _parts(deck) -> dict[str, list]:
    """The slides of each language: its cover, its 14 step slides, its table slides."""
    slides, out, n = list(deck.slides), {}, len(tour_data.steps("ja"))
    starts = [i for i, s in enumerate(slides) if not any(sh.shape_type == 13 or sh.has_table for sh in s.shapes)]
    for lang, start, end in zip(LANGS, starts, [*starts[1:], len(slides)]):
        out[lang] = slides[start:end]
    assert all(len(v) > n + 2 for v in out.values()), {k: len(v) for k, v in out.items()}
    return out


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]


def _pictures(slide) -> list:
    return [sh for sh in slide.shapes if sh.shape_type == 13]


def _tables(slides) -> list[tuple[str, list[list[str]]]]:
    """Each table's slide title and rows (header left out)."""
    found = []
    for slide in slides:
        for sh in slide.shapes:
            if sh.has_table:
                rows = [[c.text for c in row.cells] for row in sh.table.rows]
                found.append((_texts(slide)[0].splitlines()[-1], rows[1:], sh))  # the title under "1 / 3"
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_title_slide_says_what_when_and_from_where(built, lang):
    base, _, _, deck = built
    cover = "\n".join(_texts(_parts(deck)[lang][0]))
    assert t("app.title", lang) in cover and t("export.source", lang) in cover
    assert format_date(base.dataset.viewed, lang) in cover and format_date(TODAY.isoformat(), lang) in cover


@pytest.mark.parametrize("lang", LANGS)
def test_each_step_has_its_title_notes_and_its_own_map(built, lang):
    _, tour, _, deck = built
    steps = tour_data.steps(lang)
    slides = _parts(deck)[lang][1:1 + len(steps)]
    seen: dict[bytes, set] = {}
    for step, slide, tour_step in zip(steps, slides, tour, strict=True):
        shown = "\n".join(_texts(slide))
        assert tour_data.filled(step["title"], shown)
        assert tour_data.filled(step["notes"], slide.notes_slide.notes_text_frame.text, whole=True)
        if step["place"]:
            assert step["place"] in shown
        (picture,) = _pictures(slide)
        assert Image.open(io.BytesIO(picture.image.blob)).size == PICTURE_PX
        assert picture.left >= 0 and picture.top >= 0
        assert picture.left + picture.width <= SLIDE[0] and picture.top + picture.height <= SLIDE[1]
        assert picture.width / picture.height == pytest.approx(PICTURE_PX[0] / PICTURE_PX[1], rel=1e-3)
        assert Emu(picture.width).inches / 13.333 * 1920 <= PICTURE_PX[0]  # never enlarged on a 1920 px screen
        view = (tuple(sorted((k, tuple(v)) for k, v in tour_step.query.items())), tour_step.extent)
        seen.setdefault(hashlib.sha256(picture.image.blob).digest(), set()).add(view)
    assert all(len(views) == 1 for views in seen.values())  # one picture, one view (steps 1 and 14 share theirs)
    assert len(seen) == len({v for views in seen.values() for v in views})


def test_a_steps_picture_is_that_steps_view(built):
    base, tour, _, deck = built
    step = tour[2]  # 天津市 selected, framed on its own extent
    view = make_view(base.dataset, base.coords, step.view(base.state.replace(lang="zh"), base.dataset), step.extent)
    (picture,) = _pictures(_parts(deck)["zh"][1 + 2])
    assert picture.image.blob == figure_bytes(view, "png", PICTURE_PX, TODAY, heading=False)


@pytest.mark.parametrize("lang", LANGS)
def test_the_tables_are_native_and_hold_the_rows_of_data(built, lang):
    _, _, _, deck = built
    tables = _tables(_parts(deck)[lang])
    by_title: dict[str, list[list[str]]] = {}
    for title, rows, _ in tables:
        by_title.setdefault(title, []).extend(rows)
    assert list(by_title) == [t("partnerships.title", lang), t("status.title", lang)]
    table1 = by_title[t("partnerships.title", lang)]
    assert [(r[0], r[1]) for r in table1] == [(j, c) for j, c, _ in tour_data.table1(lang)]
    assert all(year in row for row, (_, _, year) in zip(table1, tour_data.table1(lang)) if year)
    assert {r[0] for r in by_title[t("status.title", lang)]} == tour_data.table2_entities(lang)


def test_every_table_fits_its_slide(built):
    _, _, _, deck = built
    for _, _, shape in _tables(deck.slides):
        height = sum(row.height for row in shape.table.rows)
        assert shape.top + height <= SLIDE[1]
        assert shape.left + sum(c.width for c in shape.table.columns) <= SLIDE[0]


def test_every_text_is_in_the_cjk_font(built):
    _, _, _, deck = built
    family = cjk_family()
    for slide in deck.slides:
        for run in slide.shapes._spTree.iter(qn("a:rPr")):
            assert run.find(qn("a:latin")).get("typeface") == family
            assert run.find(qn("a:ea")).get("typeface") == family


def test_libreoffice_draws_the_slides_at_presentation_size(built, tmp_path):
    """Title, a step and the tables of zh and ja, drawn by LibreOffice at 1920x1080 and kept to look at;
    a table's text stays on its slide."""
    _, _, data, deck = built
    soffice = command("soffice", "libreoffice-impress (apt-get install --no-install-recommends; bash .ci/run does it)")
    (tmp_path / "tour.pptx").write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "tour.pptx")], check=True, capture_output=True,
                    timeout=300)
    pdf = tmp_path / "tour.pdf"
    parts = _parts(deck)
    assert int(next(line.split()[-1] for line in subprocess.run(
        [command("pdfinfo", "poppler-utils"), str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:"))) == len(deck.slides)
    ARTIFACTS.mkdir(exist_ok=True)
    first = {lang: list(deck.slides).index(parts[lang][0]) + 1 for lang in LANGS}
    for lang in ("zh", "ja"):
        tables = [i + 1 for i, s in enumerate(deck.slides) if any(sh.has_table for sh in s.shapes) and s in parts[lang]]
        for name, page in (("title", first[lang]), ("step3", first[lang] + 3), ("table2", tables[-1])):
            out = tmp_path / f"{lang}-{name}"
            subprocess.run([command("pdftoppm", "poppler-utils"), "-f", str(page), "-l", str(page),
                            "-scale-to-x", "1920", "-scale-to-y", "1080", "-png", "-singlefile", str(pdf), str(out)],
                           check=True)
            image = Image.open(f"{out}.png")
            assert image.size == (1920, 1080)
            image.save(ARTIFACTS / f"deck-{lang}-{name}.png")
            grey = np.asarray(image.convert("L"))
            assert (grey[-12:] > 240).all(), f"{lang} {name}: something runs off the slide's bottom"
        assert tour_data.filled(tour_data.steps(lang)[2]["title"], text(pdf, first[lang] + 3))
