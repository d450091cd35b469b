"""core.report.csvfile: CSV downloads that Excel opens correctly (UTF-8 BOM, CRLF) and safely (no formulas)."""

from __future__ import annotations

import csv
import io

import pytest

from core.report.csvfile import csv_bytes, neutralise

BOM = b"\xef\xbb\xbf"

CELLS = [
    ("=1+1", "'=1+1"),
    ("+81 3 1234", "'+81 3 1234"),
    ("-2", "'-2"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("=HYPERLINK(\"http://example.invalid\")", "'=HYPERLINK(\"http://example.invalid\")"),
    ("天津市", "天津市"),
    ("a=1", "a=1"),
    ("環境交流都市 (覚書あり)", "環境交流都市 (覚書あり)"),
    ("", ""),
    (None, ""),
    (1973, "1973"),
    ("'quoted", "'quoted"),
]


@pytest.mark.parametrize(("cell", "expected"), CELLS)
def test_neutralise(cell, expected) -> None:
    assert neutralise(cell) == expected


def test_bom_crlf_and_round_trip() -> None:
    columns = ["日本側", "中国側", "原文の表記", "締結年"]
    rows = [
        {"日本側": "神戸市", "中国側": "天津市", "原文の表記": "友好都市", "締結年": 1973},
        {"日本側": "北九州市", "中国側": "上海市", "原文の表記": "=1+1", "締結年": None},
        {"日本側": "東京都", "中国側": "北京市", "原文の表記": 'two "quoted"\nlines, with a comma'},
    ]
    data = csv_bytes(rows, columns)
    assert data.startswith(BOM) and not data[3:].startswith(BOM)
    text = data[3:].decode("utf-8")
    assert text.endswith("\r\n")
    assert text.split("\r\n")[0] == "日本側,中国側,原文の表記,締結年"
    back = list(csv.reader(io.StringIO(text, newline="")))
    assert back == [
        columns,
        ["神戸市", "天津市", "友好都市", "1973"],
        ["北九州市", "上海市", "'=1+1", ""],
        ["東京都", "北京市", 'two "quoted"\nlines, with a comma', ""],
    ]


def test_header_cells_are_neutralised_too_and_empty_rows_give_a_header_only_file() -> None:
    data = csv_bytes([], ["=cmd", "name"])
    assert data == BOM + b"'=cmd,name\r\n"


def test_leading_line_feed_is_neutralised() -> None:
    assert neutralise("\n=1+1") == "'\n=1+1"
