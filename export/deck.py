"""The meeting pack as a PowerPoint deck (python-pptx): a title slide, one slide per map (its title
as text, the map as a picture, the step's notes in the speaker notes), then Table 1 and Table 2
as native tables, over as many slides as their rows need, header repeated.

16:9 (13.333 x 7.5 in). A map is drawn 1920 px wide, wider than it is shown on a 1920x1080
screen, so it stays sharp on the projector. Every text is real text in the CJK font the maps use
(for the Latin and the East Asian scripts alike), so a reader can edit it in PowerPoint.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from export.fonts import cjk_family
from export.pack import Cover, Pack, Table
from export.render import map_pictures
from export.tablefit import fit

SLIDE = (Inches(13.333), Inches(7.5))
MARGIN = Inches(0.2)
TITLE_TOP, TITLE_HEIGHT = Inches(0.15), Inches(0.85)
BODY_TOP = Inches(1.05)  # below the title: the map or the table
PICTURE_PX = (1920, 928)  # the body's shape (12.93 x 6.25 in) at 1920 px across
TABLE_SIZES = (12.0, 11.0, 10.0, 9.0)  # points: the largest with the fewest slides is used
GREY = RGBColor(0x44, 0x44, 0x44)
BLANK_LAYOUT = 6  # the default template's empty slide


def _body() -> tuple[int, int]:
    """The room under the title (EMU)."""
    return SLIDE[0] - 2 * MARGIN, SLIDE[1] - BODY_TOP - MARGIN


def _font(run, size: float, bold: bool = False, color: RGBColor | None = None) -> None:
    """`run` in the CJK font for every script (a:latin and a:ea), at `size` points."""
    family = cjk_family()
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, family
    if color is not None:
        run.font.color.rgb = color
    props = run._r.get_or_add_rPr()
    ea = props.find(qn("a:ea"))
    if ea is None:
        ea = props.makeelement(qn("a:ea"), {})
        props.find(qn("a:latin")).addnext(ea)
    ea.set("typeface", family)


def _text(slide, box: tuple[int, int, int, int], lines: Sequence[tuple[str, float, bool]]) -> None:
    """A text box holding `lines` (text, size, bold), one paragraph each, wrapped in the box."""
    frame = slide.shapes.add_textbox(*box).text_frame
    frame.word_wrap = True
    for i, (text, size, bold) in enumerate(line for line in lines if line[0]):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        _font(run, size, bold, None if bold else GREY)


def _title(slide, title: str, position: str = "") -> None:
    width = SLIDE[0] - 2 * MARGIN
    _text(slide, (MARGIN, TITLE_TOP, width, TITLE_HEIGHT), [(position, 12, False), (title, 26, True)])


def _cover(deck, c: Cover) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
    _text(slide, (Inches(0.8), Inches(2.2), SLIDE[0] - Inches(1.6), Inches(3.5)),
          [(c.title, 36, True), (c.as_of, 24, False), ("", 0, False), (c.source, 16, False), (c.made, 14, False)])


def _table_slides(deck, table: Table) -> None:
    """`table` as native tables, as many slides as its rows need (the header on each)."""
    room = tuple(Emu(v).pt for v in _body())
    fitted = min((fit(table.frame, room, sizes=(s,)) for s in TABLE_SIZES), key=lambda f: (len(f.pages), -f.size))
    for n, rows in enumerate(fitted.pages, 1):
        slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
        _title(slide, table.title, f"{n} / {len(fitted.pages)}" if len(fitted.pages) > 1 else "")
        shape = slide.shapes.add_table(len(rows) + 1, len(fitted.header), MARGIN, BODY_TOP, _body()[0],
                                       Pt(fitted.header_height + sum(fitted.heights[r] for r in rows)))
        grid = shape.table
        for col, w in enumerate(fitted.widths):
            grid.columns[col].width = Pt(w)
        grid.rows[0].height = Pt(fitted.header_height)
        for i, r in enumerate(rows, 1):
            grid.rows[i].height = Pt(fitted.heights[r])
        for i, cells in enumerate([fitted.header, *(fitted.rows[r] for r in rows)]):
            for col, text in enumerate(cells):
                frame = grid.cell(i, col).text_frame
                frame.word_wrap = True
                for k, para in enumerate(text.split("\n")):
                    paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
                    run = paragraph.add_run()
                    run.text = para
                    _font(run, fitted.size, bold=i == 0)


def deck_bytes(packs: Sequence[Pack], today: date | None = None, workers: int = 1) -> bytes:
    """The .pptx of `packs`, one after the other (one per language); `workers`: see map_pictures.

    Raises export.fonts.NoCjkFont when no CJK font is installed."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE
    deck.core_properties.title = packs[0].cover.title if packs[0].cover else packs[0].pages[0].title
    deck.core_properties.language = ",".join(p.lang for p in packs)
    width, height = _body()
    pictures = iter(map_pictures([page.view for pack in packs for page in pack.pages], PICTURE_PX, today, workers))
    for pack in packs:
        if pack.cover:
            _cover(deck, pack.cover)
        for page in pack.pages:
            slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
            _title(slide, page.title, page.position)
            slide.shapes.add_picture(io.BytesIO(next(pictures)), MARGIN, BODY_TOP, width,
                                     int(width * PICTURE_PX[1] / PICTURE_PX[0]))
            slide.notes_slide.notes_text_frame.text = page.notes
        for table in pack.tables:
            _table_slides(deck, table)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
