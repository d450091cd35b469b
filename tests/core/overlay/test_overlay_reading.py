"""Reading a foreign pairs file: encodings, workbooks, limits and every way a file can be wrong.

Every file here is FICTIONAL (made up in the test), except the reference set, which is read in place.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from core.data.errors import DataError
from core.overlay import reading
from core.overlay.importing import import_file, import_overlay
from core.overlay.reading import MAX_BYTES, read_table

HEADER = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
ROW = "Kobe,Japan,34.69,135.19,Tianjin,China,39.13,117.2\n"


def xlsx(rows: list[list[object]]) -> bytes:
    """A workbook written with openpyxl, as Excel would save it (one sheet)."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_reference_set_reads_whole(reference):
    imported, seconds = reference
    table = imported.table
    assert table.header == ("city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2")
    assert len(table.rows) == 25_917 and imported.reading == ()
    assert table.lines[:2] == (2, 3) and table.lines[-1] >= 25_918
    print(f"reference set imported in {seconds:.2f} s")  # a figure (pytest -s), not a timed test


@pytest.mark.parametrize(
    ("name", "data", "rows", "lines"),
    [
        ("utf8.csv", (HEADER + ROW).encode(), [ROW.strip().split(",")], (2,)),
        ("bom.csv", (HEADER + ROW).encode("utf-8-sig"), [ROW.strip().split(",")], (2,)),
        ("cp932.csv", "都市1,緯度1,経度1,都市2,緯度2,経度2\n①市,35,135,天津市,39,117\n".encode("cp932"),
         [["①市", "35", "135", "天津市", "39", "117"]], (2,)),
        ("crlf.csv", b"a,b\r\n\r\n x , NA \r\n01100,\r\n", [["x", "NA"], ["01100", ""]], (3, 4)),
        ("quoted.csv", b'a,b\n"two\nlines",1\n"=HYPERLINK(""http://x"")",<script>\n',
         [["two\nlines", "1"], ['=HYPERLINK("http://x")', "<script>"]], (2, 4)),
        ("book.xlsx", xlsx([["city1", "lat1"], ["Kobe", 34.5], [], ["<b>x</b>", "01100"]]),
         [["Kobe", "34.5"], ["<b>x</b>", "01100"]], (2, 4)),
    ],
)
def test_files_read_as_text_with_their_lines(name, data, rows, lines):
    table, problems = read_table(name, data)
    assert problems == [] and [list(r) for r in table.rows] == rows and table.lines == lines
    assert table.preview(1).shape == (1, len(table.header))


@pytest.mark.parametrize(
    ("name", "data", "code", "line"),
    [
        ("empty.csv", b"", "empty_file", None),
        ("blank.csv", b"\n \n", "empty_file", None),
        ("header.csv", HEADER.encode(), "no_rows", None),
        ("twice.csv", b"city1,city2,city1\nA,B,C\n", "duplicate_column", 1),
        ("utf16.csv", (HEADER + ROW).encode("utf-16-le"), "utf16", None),  # no byte-order mark: LE or BE unknown
        ("renamed.csv", xlsx([["a"], ["b"]]), "xlsx", None),
        ("open.csv", b'a,b\n"never closed,1\n', "parse", None),
        ("cut.xls", b"\xd0\xcf\x11\xe0", "bad_workbook", None),  # an old workbook's first bytes only
        ("pairs.numbers", b"PK\x03\x04", "file_type", None),
        ("broken.xlsx", b"PK\x03\x04 not really", "bad_workbook", None),
        ("empty.xlsx", xlsx([]), "empty_file", None),
    ],
)
def test_unreadable_files_are_one_clear_problem(name, data, code, line):
    table, problems = read_table(name, data)
    assert table is None and [(p.problem, p.line) for p in problems] == [(code, line)]
    for lang in ("ja", "en", "zh"):
        assert name in DataError.of(problems[0]).message(lang)


def workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    """A workbook with these sheets, in this order."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FIELDS, VALUES = HEADER.strip().split(","), ROW.strip().split(",")


def pairs_header(row) -> bool:
    """What the importer takes for a header (there: its column roles)."""
    return {"city1", "city2"} <= set(row)


@pytest.mark.parametrize(
    ("name", "data", "header_line", "lines", "source"),
    [
        ("tabs.csv", (HEADER + ROW).replace(",", "\t").encode(), 1, (2,), "tabs.csv"),
        ("semicolons.csv", (HEADER + ROW).replace(",", ";").encode(), 1, (2,), "semicolons.csv"),
        # a title (with a comma: not a header either) and a blank line above the header
        ("titled.csv", ("Sister cities, 2024\n\n" + HEADER + ROW).encode(), 3, (4,), "titled.csv"),
        ("titled-tabs.csv", ("姉妹都市一覧\n" + HEADER + ROW).replace(",", "\t").encode("cp932"), 2, (3,),
         "titled-tabs.csv"),
        ("titled.xlsx", xlsx([["Sister cities"], [], FIELDS, VALUES]), 3, (4,), "titled.xlsx"),
        ("second.xlsx", workbook({"Notes": [["About this list"]], "Pairs": [FIELDS, VALUES]}), 1, (2,),
         "second.xlsx › Pairs"),
    ],
)
def test_the_header_is_found_under_a_title_after_other_separators_and_on_a_later_sheet(
        name, data, header_line, lines, source):
    table, problems = read_table(name, data, is_header=pairs_header)
    assert problems == [] and table.header == tuple(FIELDS) and table.rows == (tuple(VALUES),)
    assert (table.header_line, table.lines, table.source) == (header_line, lines, source)


def test_an_old_excel_workbook_is_read_like_a_new_one():
    """.xls (Excel 97-2003), as many offices still send it (tests/fixtures/overlay/README.md): the
    pairs on its second sheet, under Japanese headers, the bad row listed by its row number."""
    data = (Path(__file__).resolve().parents[2] / "fixtures" / "overlay" / "fictional-pairs.xls").read_bytes()
    imported = import_overlay("fictional-pairs.xls", data)
    assert [(p.problem, p.file, p.line, p.column, p.value) for p in imported.overlay.problems] == [
        ("number_out_of_range", "fictional-pairs.xls › ペア", 4, "緯度", "95")]
    assert [(p.name, p.lat, p.lon) for p in imported.overlay.places] == [
        ("架空市", 34.69, 135.19), ("虚构市", 39.13, 117.2), ("架空町", 35.0, 139.0), ("虚构县", 31.2, 121.5)]
    assert imported.overlay.fields(imported.overlay.links[0])[-1] == ("締結年", "1973")


def test_a_libreoffice_spreadsheet_is_read_like_a_workbook():
    data = (Path(__file__).resolve().parents[2] / "fixtures" / "overlay" / "fictional-pairs.ods").read_bytes()
    table, problems = read_table("fictional-pairs.ods", data)
    assert not problems
    assert (table.header, table.rows) == (("日本側", "中国側", "備考"),
                                          (("架空市", "虚构市", "FICTIONAL"), ("架空町", "虚构县", "")))


def test_without_a_recognised_header_the_separator_splitting_the_first_line_most_is_used():
    assert read_table("t.csv", b"a\tb\n1\t2\n")[0].rows == (("1", "2"),)
    assert read_table("c.csv", b"a;b,c\n1;2,3\n")[0].header == ("a;b", "c")  # a tie goes to the comma
    only = workbook({"Notes": [["About"], ["x"]], "More": [["y"], ["z"]]})
    assert read_table("none.xlsx", only)[0].rows == (("x",),)  # no header anywhere: the first sheet


def test_a_long_row_under_a_title_is_listed_by_its_own_line():
    data = ("Title\n" + HEADER + ROW.strip() + ",extra\n" + ROW).encode()
    table, problems = read_table("ragged-titled.csv", data, is_header=pairs_header)
    assert table.lines == (4,) and table.header_line == 2
    assert [(p.problem, p.line, p.value, p.expected) for p in problems] == [("field_count", 3, "9", "8")]


def test_a_row_with_too_many_values_is_listed_by_its_line_and_the_rest_kept():
    data = b'a,b\n1,2\n"x\ny",3\n4,5,6\n7,8\n'
    table, problems = read_table("ragged.csv", data)
    assert [r for r in table.rows] == [("1", "2"), ("x\ny", "3"), ("7", "8")] and table.lines == (2, 3, 6)
    assert [(p.problem, p.line, p.value, p.expected) for p in problems] == [("field_count", 5, "3", "2")]


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path, monkeypatch):
    big = tmp_path / "huge.csv"
    with big.open("wb") as f:
        f.write(HEADER.encode())
        f.write(ROW.encode() * (60 * 2**20 // len(ROW)))  # ~60 MB of fictional rows
    parsed = []
    monkeypatch.setattr(pd, "read_csv", lambda *a, **k: parsed.append(1))
    start = time.perf_counter()
    from_disk = import_file(big)
    from_upload = read_table(big.name, big.read_bytes())
    print(f"a 60 MB file refused in {time.perf_counter() - start:.3f} s")  # a figure, not a timed test
    assert parsed == []  # refused on its size alone
    for problems in (from_disk.overlay.problems, from_upload[1]):
        assert [(p.problem, p.expected) for p in problems] == [("too_large", f"{MAX_BYTES // 2**20} MB")]
    assert "60.0 MB" in DataError.of(from_disk.overlay.problems[0]).message("en")


def test_a_file_over_the_row_limit_is_refused_without_parsing_it_all(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 20)
    at_limit = (HEADER + ROW * 20).encode()
    over = (HEADER + ROW * 1000).encode()
    assert len(read_table("twenty.csv", at_limit)[0].rows) == 20
    table, problems = read_table("over.csv", over)
    assert table is None and [p.problem for p in problems] == ["too_many_rows"]


def test_a_missing_start_up_file_is_a_problem_naming_it(tmp_path: Path):
    imported = import_file(tmp_path / "gone.csv")
    assert imported.table is None and [p.problem for p in imported.overlay.problems] == ["missing_file"]


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("make", "kind"), [
    pytest.param(lambda p: p.symlink_to("/dev/zero"), "file_kind.device", id="dev-zero"),  # stat() says 0 bytes
    pytest.param(lambda p: os.mkfifo(p), "file_kind.fifo", id="fifo"),  # open() would wait for a writer
])
def test_a_start_up_file_that_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, make, kind: str):
    path = tmp_path / "pairs.csv"
    make(path)
    imported = import_file(path)
    assert imported.table is None
    assert [(p.problem, p.params["kind"].key) for p in imported.overlay.problems] == [("special_file", kind)]


def test_a_chinese_excel_upload_with_coordinates_is_read_as_chinese():
    """The issue's case: a GBK list from a partner city was read as CP932 (北京 as ｱｱｾｩ)."""
    data = ("城市1,国家1,纬度1,经度1,城市2,国家2,纬度2,经度2\n天津市,中国,39.13,117.2,北九州市,日本,33.88,130.88\n"
            "大连市,中国,38.91,121.6,北九州市,日本,33.88,130.88\n").encode("gbk")
    imported = import_overlay("partners.csv", data)
    assert imported.overlay.problems == () and imported.table.rows[0][0] == "天津市"


def test_an_upload_that_reads_as_japanese_and_chinese_alike_waits_for_the_readers_pick():
    data = "city1,city2\n北京,东京\n".encode("gbk")  # as CP932: ｱｱｾｩ,ｶｫｾｩ
    imported = import_overlay("short.csv", data)
    assert imported.table is None and [p.problem for p in imported.overlay.problems] == ["ambiguous_encoding"]
    assert imported.previews(5) == {"cp932": ["city1,city2", "ｱｱｾｩ,ｶｫｾｩ"], "gb18030": ["city1,city2", "北京,东京"]}
    picked = imported.read_as("gb18030")
    assert picked.table.rows == (("北京", "东京"),) and picked.undecided == b""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_excels_unicode_text_is_read(encoding: str):
    """Excel's "Unicode text" (.txt): UTF-16 with its byte-order mark, separated by tabs."""
    bom = "\ufeff" if encoding == "utf-16-be" else ""
    data = (bom + (HEADER + ROW + "神戸,日本,34.69,135.19,天津,中国,39.13,117.2\n").replace(",", "\t")).encode(encoding)
    table, problems = read_table("pairs.txt", data)
    assert problems == [] and table.rows[1][:2] == ("神戸", "日本") and len(table.header) == 8
