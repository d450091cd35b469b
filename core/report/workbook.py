"""The report's tables as one Excel workbook (.xlsx), written with openpyxl from the same
DataFrames the pages show.

Each sheet opens with its title, the source and the "as of" date (a handout page must say where
and when its figures are from), then the table with its header row frozen, column widths set and
long text wrapped. Every cell is written as TEXT with the Text number format: a place name or note
starting with `=`, `+`, `-` or `@` stays what it is and never becomes a formula. A sheet can
carry a native Excel bar chart of its own rows (the charts are exported with their data).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

TEXT_FORMAT = "@"  # Excel's Text format: what is typed in later stays text too
HEADER_FILL = PatternFill("solid", fgColor="DDE6F5")
MIN_WIDTH, MAX_WIDTH = 8, 60  # column widths in characters; longer text wraps
WIDE_CHAR = 2  # a CJK character is about two Latin ones wide
INVALID_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})  # characters Excel refuses in sheet names


@dataclass(frozen=True)
class BarSpec:
    """A native bar chart over a sheet's rows: `labels` is the category column, `values` the
    numeric columns (one series each, stacked when `stacked`)."""

    title: str
    labels: str
    values: tuple[str, ...]
    stacked: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str  # tab name (at most 31 characters; Excel's forbidden characters are replaced)
    title: str
    frame: pd.DataFrame
    chart: BarSpec | None = None
    numbers: tuple[str, ...] = ()  # columns written as numbers (a chart's values), all others as text


def _width(text: str) -> int:
    longest = max((sum(WIDE_CHAR if ord(c) > 0x2E7F else 1 for c in line) for line in text.split("\n")), default=0)
    return min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


def _text_cell(ws: Worksheet, row: int, col: int, value: object) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    cell.data_type = "s"  # set after the value: openpyxl would otherwise store "=…" as a formula
    cell.number_format = TEXT_FORMAT
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _write_sheet(ws: Worksheet, sheet: Sheet, meta: Sequence[str]) -> None:
    lines = [sheet.title, *meta]
    for i, line in enumerate(lines, start=1):
        _text_cell(ws, i, 1, line)
        ws.cell(row=i, column=1).alignment = Alignment(wrap_text=False, vertical="top")
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    header_row = len(lines) + 2
    columns = list(sheet.frame.columns)
    widths = [_width(str(c)) for c in columns]
    for j, column in enumerate(columns, start=1):
        _text_cell(ws, header_row, j, column)
        ws.cell(row=header_row, column=j).font = Font(bold=True)
        ws.cell(row=header_row, column=j).fill = HEADER_FILL
    for i, values in enumerate(sheet.frame.itertuples(index=False), start=header_row + 1):
        for j, (column, value) in enumerate(zip(columns, values), start=1):
            if column in sheet.numbers:
                ws.cell(row=i, column=j, value=int(value))
            else:
                _text_cell(ws, i, j, value)
            widths[j - 1] = max(widths[j - 1], _width(str(value)))
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)  # the header stays on screen and on print
    ws.print_title_rows = f"{header_row}:{header_row}"
    if sheet.chart and len(sheet.frame):
        _add_chart(ws, sheet, header_row, len(columns))


def _add_chart(ws: Worksheet, sheet: Sheet, header_row: int, width: int) -> None:
    spec = sheet.chart
    assert spec is not None
    columns = list(sheet.frame.columns)
    last = header_row + len(sheet.frame)
    chart = BarChart()
    chart.title = spec.title
    chart.height, chart.width = 9, 18
    if spec.stacked:
        chart.grouping, chart.overlap = "stacked", 100
    for name in spec.values:
        col = columns.index(name) + 1
        chart.add_data(Reference(ws, min_col=col, min_row=header_row, max_row=last), titles_from_data=True)
    label_col = columns.index(spec.labels) + 1
    chart.set_categories(Reference(ws, min_col=label_col, min_row=header_row + 1, max_row=last))
    ws.add_chart(chart, f"{get_column_letter(width + 2)}{header_row}")


def sheet_name(name: str) -> str:
    return name.translate(INVALID_TITLE)[:31]


def workbook_bytes(sheets: Sequence[Sheet], meta: Sequence[str]) -> bytes:
    """The workbook: one sheet per table, each opening with its title and the `meta` lines
    (source, "as of" date, filters)."""
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in sheets:
        _write_sheet(wb.create_sheet(sheet_name(sheet.name)), sheet, meta)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
