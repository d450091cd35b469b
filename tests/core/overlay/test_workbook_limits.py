"""A workbook's limits hold on what it unpacks to, before calamine parses it; a CSV's on its cells.

Every file here is FICTIONAL, written part by part (bench/workbooks.py) as a hostile or careless
sender could make it.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import olefile
import pandas as pd
import pytest

from bench.workbooks import blank_cells, shared_strings, sheet_rows, xlsx
from core.data.errors import DataError
from core.overlay import reading, workbook_limits
from core.overlay.importing import import_overlay
from core.overlay.reading import read_table

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "overlay"
HEADER = ["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"]
_MAIN = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def _sheet(*rows: bytes) -> list[bytes]:
    return [b'<?xml version="1.0"?>' + _MAIN, *rows, b"</sheetData></worksheet>"]


_MANIFEST = (
    b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    b'<manifest:file-entry manifest:full-path="/" '
    b'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def _ods(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")  # stored, first
        book.writestr("META-INF/manifest.xml", _MANIFEST)
        book.writestr("content.xml", content)
    return out.getvalue()


def _ods_rows(rows: int, cells: int) -> bytes:
    """A table whose one row, repeated `rows` times, holds one value repeated `cells` times."""
    return (
        b'<?xml version="1.0"?>'
        b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        b'<table:table table:name="P"><table:table-row>'
        b'<table:table-cell office:value-type="string"><text:p>city1</text:p>'
        b'</table:table-cell><table:table-cell office:value-type="string"><text:p>city2</text:p></table:table-cell>'
        b'</table:table-row>'
        + f'<table:table-row table:number-rows-repeated="{rows}">'
          f'<table:table-cell table:number-columns-repeated="{cells}" office:value-type="string">'
          f'<text:p>Kobe</text:p></table:table-cell>'.encode()
        + b'<table:table-cell table:number-columns-repeated="16000"/></table:table-row>'
        b'<table:table-row table:number-rows-repeated="1048000">'
        b'<table:table-cell table:number-columns-repeated="16384"/>'
        b"</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    )


def _many_parts(parts: int) -> bytes:
    """A small workbook and `parts` empty files beside it (listing them took 250 MB at 400,000)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        small = zipfile.ZipFile(io.BytesIO(xlsx(sheet_rows([["city1", "city2"], ["Kobe", "Tianjin"]]))))
        for entry in small.infolist():
            book.writestr(entry, small.read(entry))
        for i in range(parts):
            book.writestr(f"x/{i}", b"")
    return out.getvalue()


def _never_parsed(monkeypatch) -> None:
    monkeypatch.setattr(pd, "read_excel", lambda *a, **k: pytest.fail("calamine was asked to parse it"))


# (id, the workbook, its name, the problem, its value)
REFUSED = [
    pytest.param(lambda: xlsx(blank_cells(6_000, 1_000), shared_strings(b"city1", b"city2")), "blank.xlsx",
                 "workbook_unpacked", "57 MB", id="60-MB-of-blank-cells"),
    pytest.param(lambda: xlsx(_sheet(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
                                     b'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>1</v></c></row>'),
                              shared_strings(b"city1", b"city2", b"x" * (60 * 2**20))),
                 "huge-string.xlsx", "workbook_unpacked", "60 MB", id="60-MiB-shared-string"),
    pytest.param(lambda: xlsx(_sheet(b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
                                     b'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>1</v></c></row>'),
                              shared_strings(b"city1", b"city2", "神戸".encode() * 2**19)),
                 "long-name.xlsx", "cell_too_long", "32,767+", id="1-MiB-shared-string"),
    pytest.param(lambda: xlsx(_sheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>city1</t></is></c></row>',
                                     b'<row r="2"><c r="B2" t="inlineStr"><is><t>' + b"y" * 40_000
                                     + b"</t></is></c></row>")),
                 "inline.xlsx", "cell_too_long", "32,767+", id="long-inline-string"),
    pytest.param(lambda: xlsx(_sheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>city1</t></is></c></row>',
                                     b'<row r="100000"><c r="Z100000" t="inlineStr"><is><t>x</t></is></c></row>')),
                 "far.xlsx", "too_many_cells", "2,600,000", id="two-cells-far-apart"),
    pytest.param(lambda: xlsx(_sheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>city1</t></is></c></row>',
                                     b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')),
                 "corner.xlsx", "too_many_cells", "17,179,869,184", id="A1-and-XFD1048576"),
    pytest.param(lambda: xlsx(blank_cells(500, 1_000), shared_strings(b"city1", b"city2")), "cells.xlsx",
                 "too_many_cells", f"{(workbook_limits.MAX_CELLS // 1_000 + 1) * 1_000:,}",
                 id="500k-blank-cells-without-references"),
    pytest.param(lambda: _many_parts(workbook_limits.MAX_ENTRIES), "parts.xlsx", "too_many_parts", "10,006",
                 id="ten-thousand-parts"),
    pytest.param(lambda: _ods(_ods_rows(1_000, 1_000)), "repeated.ods", "too_many_cells", "1,000,002+",
                 id="ods-repeats"),
    pytest.param(lambda: xlsx([b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>' + _MAIN +
                               b"<row><c><v>&a;</v></c></row></sheetData></worksheet>"]),
                 "entities.xlsx", "bad_workbook", "ExpatError", id="xml-entities"),
]


@pytest.mark.parametrize(("make", "name", "problem", "value"), REFUSED)
def test_a_workbook_over_a_limit_is_refused_before_it_is_parsed(monkeypatch, make, name, problem, value):
    data = make()
    _never_parsed(monkeypatch)
    imported = import_overlay(name, data)
    assert imported.table is None
    assert [(p.problem, p.value) for p in imported.overlay.problems] == [(problem, value)]
    message = DataError.of(imported.overlay.problems[0]).message("ja")
    assert name in message and "対処" in message


def test_the_largest_workbook_allowed_is_read():
    pairs = workbook_limits.MAX_CELLS // len(HEADER) - 1  # the header is a row too
    data = xlsx(sheet_rows([HEADER, *([f"Kobe{i}", "Japan", "34.69", "135.19", f"Tianjin{i}", "China", "39.13", "117.2"]
                                      for i in range(pairs))]))
    table, problems = read_table("largest.xlsx", data)
    assert problems == [] and len(table.rows) == pairs


def test_a_libreoffice_sheet_ends_with_a_million_empty_repeated_rows_and_is_read():
    table, problems = read_table("pairs.ods", _ods(_ods_rows(3, 2)))
    assert problems == [] and table.rows == (("Kobe", "Kobe"),) * 3


def _xls_with_a_far_cell(tmp_path: Path) -> bytes:
    """The .xls fixture with one of its text cells moved to the sheet's last row and column (65535, 255):
    calamine would make a table of all 16.7 million cells between."""
    path = tmp_path / "far.xls"
    path.write_bytes((FIXTURES / "fictional-pairs.xls").read_bytes())
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        biff = bytearray(ole.openstream("Workbook").read())
        pos = 0
        while pos + 4 <= len(biff):
            kind, size = struct.unpack_from("<HH", biff, pos)
            if kind == 0x00FD:  # LABELSST: row, column, style, string index
                struct.pack_into("<HH", biff, pos + 4, 65535, 255)
            pos += 4 + size
        ole.write_stream("Workbook", bytes(biff))
    return path.read_bytes()


def test_an_xls_with_a_far_cell_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch):
    data = _xls_with_a_far_cell(tmp_path)
    _never_parsed(monkeypatch)
    table, problems = read_table("far.xls", data)
    assert table is None and [(p.problem, p.value) for p in problems] == [("too_many_cells", "16,777,216")]


def test_an_xls_is_checked_on_what_was_read(monkeypatch):
    monkeypatch.setattr(workbook_limits, "MAX_CELLS", 10)
    table, problems = read_table("fictional-pairs.xls", (FIXTURES / "fictional-pairs.xls").read_bytes())
    assert table is None and [p.problem for p in problems] == ["too_many_cells"]


def test_a_csv_cell_over_the_limit_is_refused_naming_its_line_and_column():
    data = ("city1,city2\nKobe,Tianjin\nKobe," + "天" * 40_000 + "\n").encode()
    table, problems = read_table("long.csv", data)
    assert table is None
    assert [(p.problem, p.line, p.column, p.value) for p in problems] == [("cell_too_long", 3, "city2", "40,000")]
    assert DataError.of(problems[0]).message("en") == (
        "file long.csv, line 3, column city2: a cell holds 40,000 characters, more than the 32,767 a cell may hold"
        " — fix: shorten this cell: it is far too long for a place name")


def test_a_csv_with_too_many_cells_is_refused_without_parsing_it_all(monkeypatch):
    monkeypatch.setattr(reading, "MAX_CSV_CELLS", 1_000)
    header = ",".join(f"c{i}" for i in range(100))
    data = (header + "\n" + "\n".join(",".join("x" * 100) for _ in range(20)) + "\n").encode()
    assert len(read_table("narrow.csv", ("a\n" + "x\n" * 900).encode())[0].rows) == 900  # one column: 900 cells
    table, problems = read_table("wide.csv", data)
    assert table is None and [(p.problem, p.expected) for p in problems] == [("too_many_cells", "1,000")]
