"""The report's workbook, read back with openpyxl: its sheets, the source and date rows, frozen
headers, widths, wrapped text, every cell text (never a formula), and the native charts."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
import pytest
from openpyxl import load_workbook

from common.i18n import format_date, t
from core.report.sheets import report_workbook
from core.report.workbook import Sheet, sheet_name, workbook_bytes
from core.view.filters import apply_filter

OLD, NEW = "2014-05-31", "2015-03-31"
# Fictional cell values a spreadsheet would run as formulas if they were written as such.
FORMULAS = ["=HYPERLINK(\"http://attacker.invalid\",\"x\")", "+81-3-0000", "-2+3", "@SUM(A1:A2)", "=1+2"]


def _read(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_every_cell_is_text_even_when_it_looks_like_a_formula() -> None:
    frame = pd.DataFrame({"名前": FORMULAS, "=列": ["a", "b", "c", "d", "e"]}, dtype=object)
    ws = _read(workbook_bytes([Sheet("t", "=title", frame)], ["=source"]))["t"]
    values = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert {c.data_type for c in values} == {"s"}
    assert {c.number_format for c in values} == {"@"}
    assert [ws.cell(row=r, column=1).value for r in range(5, 10)] == FORMULAS
    assert ws["A1"].value == "=title" and ws["A2"].value == "=source" and ws["B4"].value == "=列"


@pytest.fixture(scope="module")
def book(two_snapshots):
    shown = apply_filter(two_snapshots, ())
    return _read(report_workbook(two_snapshots, shown, "ja", since=OLD))


def test_a_sheet_per_table_plus_what_changed_and_the_charts(book) -> None:
    assert book.sheetnames == [sheet_name(t(k, "ja")) for k in
                               ("sheet.table1", "sheet.table2", "sheet.changes", "sheet.stages", "sheet.agreements")]


def test_without_a_comparison_there_is_no_change_sheet(bundled_dataset) -> None:
    book = _read(report_workbook(bundled_dataset, apply_filter(bundled_dataset, ()), "en"))
    assert t("sheet.changes", "en") not in book.sheetnames and len(book.sheetnames) == 4


def test_each_sheet_names_its_source_and_date_and_freezes_its_header(book) -> None:
    for ws in book.worksheets:
        assert ws["A2"].value == t("workbook.source", "ja")
        assert ws["A3"].value == t("workbook.as_of", "ja", date=format_date(NEW, "ja"))
        assert ws.freeze_panes == "A6" and ws["A5"].font.bold  # header on row 5, frozen above row 6
        assert all(ws.column_dimensions[c].width >= 8 for c in "AB")


def test_table_2_rows_are_the_pages_rows_with_wrapped_text(book) -> None:
    ws = book[sheet_name(t("sheet.table2", "ja"))]
    header = [c.value for c in ws[5]]
    assert header[:3] == [t("col.entity", "ja"), t("col.stage", "ja"), t("col.as_of", "ja")]
    entities = [ws.cell(row=r, column=1).value for r in range(6, ws.max_row + 1)]
    assert len(entities) == 10 and set(entities[:2]) == {"天津市", "北京市"}  # nearly agreed first
    wuhan = next(r for r in range(6, ws.max_row + 1) if ws.cell(row=r, column=1).value == "武漢市")
    assert ws.cell(row=wuhan, column=3).value == t("snapshot.older", "ja", date=format_date(OLD, "ja"))
    assert ws.cell(row=6, column=8).alignment.wrap_text
    assert ws.column_dimensions["H"].width == 60  # the original text: capped, then wrapped


def test_the_change_sheet_lists_changes_first(book) -> None:
    ws = book[sheet_name(t("sheet.changes", "ja"))]
    assert ws["A1"].value == t("changes.title", "ja", since=format_date(OLD, "ja"), as_of=format_date(NEW, "ja"))
    assert [ws.cell(row=r, column=1).value for r in range(6, 11)] == ["北京市", "上海市", "河北省", "武漢市", "天津市"]


def test_the_chart_sheets_hold_numbers_and_a_native_chart(book) -> None:
    stages = book[sheet_name(t("sheet.stages", "ja"))]
    assert [c.value for c in stages[5]][:2] == [t("chart.date", "ja"), t("label.nearly_agreed", "ja")]
    assert stages.cell(row=7, column=1).value == format_date(NEW, "ja") and stages.cell(row=7, column=2).value == 2
    assert len(stages._charts) == 1
    agreements = book[sheet_name(t("sheet.agreements", "ja"))]
    last = agreements.max_row
    assert agreements.cell(row=6, column=1).value == "1973"
    assert agreements.cell(row=last, column=1).value == t("chart.undated", "ja")
    assert agreements.cell(row=last, column=3).value == 12  # every partnership of Table 1
    assert len(agreements._charts) == 1


def test_data_that_looks_like_a_formula_stays_text_in_the_report(bundled_dataset) -> None:
    first = replace(bundled_dataset.partnerships[0], wording_ja=FORMULAS[0])
    dataset = replace(bundled_dataset, partnerships=(first, *bundled_dataset.partnerships[1:]))
    ws = _read(report_workbook(dataset, apply_filter(dataset, ()), "ja"))[sheet_name(t("sheet.table1", "ja"))]
    cell = ws.cell(row=6, column=4)
    assert (cell.value, cell.data_type) == (FORMULAS[0], "s")
