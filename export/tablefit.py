"""A table laid out to fit a slide or a page: column widths, lines of each cell, rows per page.

Widths are measured with the CJK font itself (matplotlib's FreeType binding), so what the deck and
the handout promise is what PowerPoint, LibreOffice and a PDF viewer draw: a place name is never
broken over two lines (a short cell is one unbreakable unit, so its column is at least that wide),
long texts wrap, and a page holds only as many rows as fit, its header repeated on the next.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import pandas as pd

UNBREAKABLE = 16  # characters: a text this short with no space (a CJK name, a date) stays on one line
LINE = 1.45  # line height, in font sizes: Noto Sans CJK's own (ascent 1.16 + descent 0.29 em)
AUTOSPACE = 0.25  # em that PowerPoint and LibreOffice put between a CJK and a Latin character
SLACK = 1.08  # office suites set text a little wider than FreeType measures it (spaces around ・)
SIZES = (12.0, 11.0, 10.0, 9.0, 8.0, 7.0)  # points, the largest that fits is used


@dataclass(frozen=True)
class Fitted:
    """A table at one font `size` (pt): column widths (pt, padding included) and, per page, the
    rows' indices and each row's height (pt)."""

    size: float
    pad: tuple[float, float]  # (left+right, top+bottom) of a cell, pt
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    header_height: float
    pages: tuple[tuple[int, ...], ...]
    heights: tuple[float, ...]

    def lines(self, row: int, col: int) -> list[str]:
        """The cell's text broken into the lines drawn (the header is row -1)."""
        text = self.header[col] if row < 0 else self.rows[row][col]
        return wrap(text, self.widths[col] - self.pad[0], self.size)


@cache
def _font_path() -> str:
    from matplotlib import font_manager

    from export.fonts import cjk_family

    return str(font_manager.findfont(font_manager.FontProperties(family=cjk_family())))


@cache
def _advance(char: str) -> float:
    """The width of `char` at 1 pt (a control character has none)."""
    if unicodedata.category(char).startswith("C"):
        return 0.0
    from matplotlib.font_manager import get_font
    from matplotlib.ft2font import LoadFlags

    font = get_font(_font_path())
    font.set_size(100, 72)
    return font.load_char(ord(char), flags=LoadFlags.NO_HINTING).linearHoriAdvance / 65536 / 100


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def width(text: str, size: float) -> float:
    """`text` on one line, in points at `size` (with the space office suites add between scripts)."""
    switches = sum(1 for a, b in zip(text, text[1:]) if _wide(a) != _wide(b) and " " not in (a, b))
    return (sum(_advance(c) for c in text) + switches * AUTOSPACE) * size * SLACK


def _units(text: str) -> list[str]:
    """Where a line may break: after a space, and between two wide (CJK) characters; a short
    text without a space is one unit."""
    if len(text) <= UNBREAKABLE and " " not in text:
        return [text]
    units: list[str] = []
    for char in text:
        if units and not _wide(char) and not units[-1].endswith(" ") and not _wide(units[-1][-1]):
            units[-1] += char
        else:
            units.append(char)
    return units


def wrap(text: str, room: float, size: float) -> list[str]:
    """`text` broken into lines no wider than `room` points (a unit wider than that on its own line)."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for unit in _units(paragraph):
            if line and width(line + unit.rstrip(), size) > room:
                lines.append(line.rstrip())
                line = unit.lstrip()
            else:
                line += unit
        lines.append(line.rstrip())
    return lines


def _height(cells: Sequence[str], widths: Sequence[float], size: float, pad: tuple[float, float]) -> float:
    """A row's height: its tallest cell's lines (half a line more when it wraps: office suites may
    break a line earlier than measured)."""
    lines = max(len(wrap(c, w - pad[0], size)) for c, w in zip(cells, widths))
    return (lines + (0.5 if lines > 1 else 0)) * size * LINE + pad[1]


def _widths(cells: Sequence[Sequence[str]], room: float, size: float, pad: tuple[float, float]) -> list[float] | None:
    """Column widths filling `room`: each at least its widest unbreakable unit, the rest given,
    a step at a time, to the column that shortens the table most; None when the units do not fit."""
    columns = [[para for cell in col for para in str(cell).split("\n")] for col in zip(*cells)]
    widths = [max(width(u, size) for para in col for u in _units(para) or [""]) + pad[0] for col in columns]
    want = [max(width(para, size) for para in col) + pad[0] for col in columns]
    if sum(widths) > room:
        return None
    step = max(size * 2, (room - sum(widths)) / 40)
    while room - sum(widths) >= step:
        total = sum(_height(row, widths, size, pad) for row in cells)
        gains = []
        for i in range(len(widths)):
            if widths[i] < want[i]:
                wider = [*widths[:i], widths[i] + step, *widths[i + 1:]]
                gains.append((total - sum(_height(row, wider, size, pad) for row in cells), want[i] - widths[i], i))
        if not gains:
            break
        widths[max(gains)[2]] += step
    spare = room - sum(widths)  # what no column needs: shared out evenly
    return [w + spare / len(widths) for w in widths]


def fit(frame: pd.DataFrame, room: tuple[float, float], pad: tuple[float, float] = (14.4, 7.2),
        sizes: Sequence[float] = SIZES) -> Fitted:
    """`frame` laid out in `room` (width, height: pt) at the largest size of `sizes` whose columns
    fit (the smallest one otherwise), its rows split over as many pages as they need."""
    header = tuple(str(c) for c in frame.columns)
    rows = tuple(tuple("" if v is None else str(v) for v in r) for r in frame.itertuples(index=False))
    for size in sizes:
        widths = _widths([header, *rows], room[0], size, pad)
        if widths is not None:
            break
    else:  # never with the project's tables; keep every column, narrowest font
        size = sizes[-1]
        widths = [room[0] / len(header)] * len(header)

    header_height = _height(header, widths, size, pad)
    heights = tuple(_height(r, widths, size, pad) for r in rows)
    pages: list[list[int]] = [[]]
    used = header_height
    for i, h in enumerate(heights):
        if pages[-1] and used + h > room[1]:
            pages.append([])
            used = header_height
        pages[-1].append(i)
        used += h
    return Fitted(size, pad, header, rows, tuple(widths), header_height, tuple(map(tuple, pages)), heights)
