"""The meeting pack as an A4 handout (PDF, matplotlib): a cover, one page per map (its position
in the tour, title, the map, the notes), then Table 1 and Table 2 on landscape pages, as many as
their rows need, header repeated.

Text is real text (searchable, copyable) in the CJK font, embedded as TrueType so that every
viewer draws it (`export.fonts.use_truetype`); the map is a 225 dpi picture of the same figure
as the PNG export (taller: a portrait page). Several languages come one after the other, each a whole handout: a page is
read by one reader, and each one can be printed for its own readers (see README "Exports").
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image

from export.fonts import cjk_family, use_truetype
from export.pack import Cover, Pack, Page, Table
from export.render import RC, map_pictures
from export.tablefit import LINE, fit, wrap

A4 = (595.0, 842.0)  # points, portrait
MARGIN = 42.0
MAP_PX = (1600, 1500)  # the map's picture: 225 dpi across the page's text width, most of its height
TABLE_SIZES = (9.0, 8.0, 7.0)
HEADER_FILL, RULE = "#E8EEF7", "#9AA5B5"


def _page(size: tuple[float, float]) -> Figure:
    return Figure(figsize=(size[0] / 72, size[1] / 72), dpi=72, facecolor="white")


def _write(fig: Figure, x: float, y: float, text: str, size: float, room: float, bold: bool = False,
           color: str = "#111") -> float:
    """`text` wrapped to `room` points from (x, y) (points from the top left); returns the y below it."""
    w, h = fig.get_size_inches() * 72
    for line in wrap(text, room, size):
        fig.text(x / w, 1 - (y + size) / h, line, size=size, weight="bold" if bold else "normal", color=color,
                 family=cjk_family())
        y += size * LINE
    return y


def _cover(cover: Cover) -> Figure:
    fig = _page(A4)
    room = A4[0] - 2 * MARGIN
    y = _write(fig, MARGIN, 260, cover.title, 24, room, bold=True) + 12
    y = _write(fig, MARGIN, y, cover.as_of, 15, room) + 24
    y = _write(fig, MARGIN, y, cover.source, 10, room, color="#333")
    _write(fig, MARGIN, y + 4, cover.made, 10, room, color="#333")
    return fig


def _map_page(page: Page, picture: bytes) -> Figure:
    fig = _page(A4)
    room = A4[0] - 2 * MARGIN
    y = _write(fig, MARGIN, MARGIN, page.position, 9, room, color="#444")
    y = _write(fig, MARGIN, y + 2, page.title, 16, room, bold=True) + 8
    height = room * MAP_PX[1] / MAP_PX[0]
    ax = fig.add_axes((MARGIN / A4[0], 1 - (y + height) / A4[1], room / A4[0], height / A4[1]))
    # embedded as drawn (any other resamples it to 72 dpi)
    ax.imshow(Image.open(io.BytesIO(picture)), interpolation="none")
    ax.set_axis_off()
    _write(fig, MARGIN, y + height + 14, page.notes, 11, room)
    return fig


def _table_pages(table: Table) -> list[Figure]:
    size = (A4[1], A4[0])  # landscape
    room = (size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - 30)
    fitted = min((fit(table.frame, room, sizes=(s,)) for s in TABLE_SIZES), key=lambda f: (len(f.pages), -f.size))
    figures = []
    for n, rows in enumerate(fitted.pages, 1):
        fig = _page(size)
        title = f"{table.title}  {n} / {len(fitted.pages)}" if len(fitted.pages) > 1 else table.title
        y = _write(fig, MARGIN, MARGIN, title, 13, room[0], bold=True) + 8
        for r, height in [(-1, fitted.header_height), *((r, fitted.heights[r]) for r in rows)]:
            x = MARGIN
            for col, w in enumerate(fitted.widths):
                fig.add_artist(Rectangle((x / size[0], 1 - (y + height) / size[1]), w / size[0], height / size[1],
                                         transform=fig.transFigure, facecolor=HEADER_FILL if r < 0 else "none",
                                         edgecolor=RULE, linewidth=0.5))
                _write(fig, x + fitted.pad[0] / 2, y + fitted.pad[1] / 2 - 1, "\n".join(fitted.lines(r, col)),
                       fitted.size, w, bold=r < 0)
                x += w
            y += height
        figures.append(fig)
    return figures


def handout_bytes(packs: Sequence[Pack], today: date | None = None, workers: int = 1) -> bytes:
    """The A4 PDF of `packs`, one after the other (one per language); `workers`: see map_pictures.

    Raises export.fonts.NoCjkFont when no CJK font is installed."""
    figures: list[Figure] = []
    pictures = iter(map_pictures([page.view for pack in packs for page in pack.pages], MAP_PX, today, workers))
    for pack in packs:
        if pack.cover:
            figures.append(_cover(pack.cover))
        figures += [_map_page(page, next(pictures)) for page in pack.pages]
        for table in pack.tables:
            figures += _table_pages(table)
    use_truetype(figures)
    out = io.BytesIO()
    title = packs[0].cover.title if packs[0].cover else packs[0].pages[0].title
    with matplotlib.rc_context(RC), PdfPages(out, metadata={"Title": title, "CreationDate": None}) as pdf:
        for fig in figures:
            pdf.savefig(fig)
    return out.getvalue()
