"""Reading CSV files as Excel on Japanese Windows and other tools write them."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from folder_faults import FS_FAULTS, make_fault

from common.csvtable import Row, decode, duplicate_keys, read_table

SAMPLE = "name,code,note\n北九州市,01100,①NA\n四日市市,NA,\n"
SAMPLE_ROWS = [
    (2, {"name": "北九州市", "code": "01100", "note": "①NA"}),
    (3, {"name": "四日市市", "code": "NA", "note": ""}),
]


def test_cp932_sample_is_not_shift_jis():
    """Why CP932 and not shift_jis: the circled digits of Excel files exist only in CP932."""
    data = SAMPLE.encode("cp932")
    with pytest.raises(UnicodeDecodeError):
        data.decode("shift_jis")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(SAMPLE.encode("utf-8"), id="utf-8"),
        pytest.param(SAMPLE.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param(SAMPLE.encode("cp932"), id="cp932"),
        pytest.param(SAMPLE.replace("\n", "\r\n").encode("cp932"), id="cp932-crlf"),
        pytest.param(SAMPLE.replace("\n", "\r\n").encode("utf-8-sig"), id="utf-8-bom-crlf"),
    ],
)
def test_encodings_read_the_same(tmp_path: Path, data: bytes):
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    rows, errors = read_table(path, ("name", "code"))
    assert errors == []
    assert list(rows[0].values) == ["name", "code", "note"]  # no BOM glued to the first header
    assert [(r.line, r.values) for r in rows] == SAMPLE_ROWS


@pytest.mark.parametrize(
    ("data", "problem", "line", "value"),
    [
        pytest.param(b"PK\x03\x04\x14\x00", "xlsx", None, "", id="xlsx"),
        pytest.param("a,b\n".encode("utf-16"), "utf16", None, "", id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff\x00a", "utf16", None, "", id="utf-16-be-bom"),
        pytest.param("a,b\n東京,1\n".encode("utf-16-le"), "utf16", None, "", id="utf-16-le-no-bom"),
        pytest.param("a,b\n東京,1\n".encode("utf-16-be"), "utf16", None, "", id="utf-16-be-no-bom"),
        pytest.param(b"a,b\n1,2\n\x81\x00,3\n", "encoding", 3, "bytes 81 00 2c 33", id="bad-bytes-ascii-file"),
        pytest.param("a,b\n東京,1\n".encode() + b"x\x81\x00\n", "encoding", 3, "bytes 81 00 0a",
                     id="bad-bytes-utf8-file"),
        pytest.param("a,b\n東京,1\n北京,2\n".encode("cp932") + b"\x81\x00\n", "encoding", 4, "bytes 81 00 0a",
                     id="bad-bytes-cp932-file"),
    ],
)
def test_undecodable_bytes(tmp_path: Path, data: bytes, problem: str, line: int | None, value: str):
    text, errors = decode(tmp_path / "t.csv", data)
    assert text is None
    assert [(e.problem, e.line, e.value) for e in errors] == [(problem, line, value)]


# (id, file text, expected columns of the rows, expected [(line, values)], expected [(problem, line)])
TABLES = [
    pytest.param(
        "a,b\n\n1,2\n   \n,\n3,4\n", ("a", "b"), [(3, {"a": "1", "b": "2"}), (6, {"a": "3", "b": "4"})], [],
        id="blank-and-empty-rows-skipped-lines-kept",
    ),
    pytest.param(
        "\n\na,b\n1,2\n", ("a", "b"), [(4, {"a": "1", "b": "2"})], [], id="blank-lines-before-header",
    ),
    pytest.param(
        'a,b\n1,"x\ny\nz"\n2,w\n', ("a", "b"), [(2, {"a": "1", "b": "x\ny\nz"}), (5, {"a": "2", "b": "w"})], [],
        id="multiline-cell-keeps-start-line",
    ),
    pytest.param(
        'a,b\r\n1,"x\r\ny"\r\n2,w\r\n', ("a", "b"), [(2, {"a": "1", "b": "x\r\ny"}), (4, {"a": "2", "b": "w"})], [],
        id="multiline-cell-crlf",
    ),
    pytest.param(
        " a , b\t\n 1 , 2 \n", ("a", "b"), [(2, {"a": "1", "b": "2"})], [], id="header-and-values-trimmed",
    ),
    pytest.param(
        "a,b\nNA,01100\nnull,1e3\n", ("a", "b"),
        [(2, {"a": "NA", "b": "01100"}), (3, {"a": "null", "b": "1e3"})], [], id="values-stay-text",
    ),
    pytest.param(
        "a,b\n1,2,3\n4\n5,6\n", ("a", "b"), [(4, {"a": "5", "b": "6"})], [("field_count", 2), ("field_count", 3)],
        id="wrong-field-counts-dropped-and-reported",
    ),
    pytest.param(
        'a,b\n1,"2,3"\n', ("a", "b"), [(2, {"a": "1", "b": "2,3"})], [], id="quoted-comma",
    ),
    pytest.param(
        "a,,b\n1,,2\n", ("a", "b"), [(2, {"a": "1", "b": "2"})], [], id="unnamed-column-ignored",
    ),
]


@pytest.mark.parametrize(("text", "columns", "rows", "problems"), TABLES)
def test_read_table(tmp_path: Path, text, columns, rows, problems):
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode("utf-8"))
    table, errors = read_table(path, ("a", "b"))
    assert [(e.problem, e.line) for e in errors] == problems
    assert all(tuple(r.values) == columns for r in table)
    assert [(r.line, r.values) for r in table] == rows


# (id, file bytes, required columns, expected [(problem, line, column)]) — no table comes back
UNUSABLE = [
    pytest.param(b"", ("a",), [("empty_file", None, None)], id="empty"),
    pytest.param(b"\n \n\r\n", ("a",), [("empty_file", None, None)], id="blank-only"),
    pytest.param(b"a,b\n1,2\n", ("a", "c", "d"), [("missing_column", 1, "c"), ("missing_column", 1, "d")],
                 id="missing-columns"),
    pytest.param(b"a,b,a\n1,2,3\n", ("a",), [("duplicate_column", 1, "a")], id="duplicate-column"),
    pytest.param(b'a,b\n1,2\n3,"4\n5,6\n', ("a",), [("parse", 3, None)], id="quote-open-at-eof"),
    pytest.param(b'a,b\n1,"x\ny"\n3,"4"z\n', ("a",), [("parse", 4, None)], id="stray-after-quote"),
]


@pytest.mark.parametrize(("data", "required", "problems"), UNUSABLE)
def test_unusable_files_give_no_table(tmp_path: Path, data, required, problems):
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    table, errors = read_table(path, required)
    assert table is None
    assert [(e.problem, e.line, e.column) for e in errors] == problems
    assert all(e.file == str(path) for e in errors)


def test_missing_file(tmp_path: Path):
    table, errors = read_table(tmp_path / "nope.csv", ("a",))
    assert table is None and [e.problem for e in errors] == ["missing_file"]


def test_row_missing_column_reads_empty():
    row = Row(2, {"a": "1"})
    assert (row["a"], row["zzz"]) == ("1", "")


@pytest.mark.parametrize("fault", sorted(FS_FAULTS))
def test_file_system_faults_are_problems_naming_the_file(tmp_path: Path, monkeypatch, fault: str):
    path = tmp_path / "places.csv"
    path.write_text("a\n1\n", encoding="utf-8")
    make_fault(tmp_path, "places.csv", fault, monkeypatch)
    rows, errors = read_table(path, ("a",))
    assert rows is None
    assert [(e.file, e.problem, e.line, e.column) for e in errors] == [(str(path), FS_FAULTS[fault], None, None)]


def test_other_os_errors_name_the_error_symbol_not_its_english_text(tmp_path: Path, monkeypatch):
    def eio(fd, size):
        raise OSError(errno.EIO, "Input/output error")

    (tmp_path / "t.csv").write_text("a\n1\n", encoding="utf-8")
    monkeypatch.setattr("common.readlimit.os.read", eio)
    rows, errors = read_table(tmp_path / "t.csv", ("a",))
    assert rows is None and [(e.problem, e.value) for e in errors] == [("unreadable_file", "EIO")]


def test_duplicate_keys_name_the_first_line():
    rows = [Row(2, {}), Row(3, {}), Row(5, {}), Row(6, {})]
    problems = duplicate_keys("f.csv", list(zip(rows, ["a", "b", "a", ""])), "key")
    assert [(p.line, p.column, p.value, p.params) for p in problems] == [(5, "key", "a", {"other_line": "2"})]
