"""The one CSV reader: the files coordinators edit in Excel, and the geocode cache.

UTF-8 (with or without BOM) or CP932, the encoding of Japanese Excel. Values stay text (codes such
as "01100" and the string "NA" are not numbers or missing values); each row keeps the physical line
it starts on so that messages can point at it. The bytes come from `common.readlimit` (regular
files only, sizes counted while reading). Every fault, the file system's included, comes back as a
`Problem` naming the file: the reader never raises.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from common.problems import Problem
from common.readlimit import read_bytes


@dataclass(frozen=True)
class Row:
    line: int  # the physical line the row starts on (the header is line 1)
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes → text, trying UTF-8 (BOM optional) then CP932, the encoding of Japanese Excel."""
    name = str(path)
    if data.startswith(b"PK\x03\x04"):
        return None, [Problem(name, "xlsx")]
    # UTF-16 (Excel's "Unicode text"), with its byte-order mark or without: it puts a NUL beside
    # every ASCII character, which would otherwise pass as UTF-8
    head = data[:4096]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and head.count(0) * 4 >= len(head)):
        return None, [Problem(name, "utf16")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp932"), []
        except UnicodeDecodeError as cp932_error:
            # The decoder that read further is the file's likely encoding: point at its failure.
            pos = max(utf8_error.start, cp932_error.start)
            line = data[:pos].count(b"\n") + 1
            snippet = data[pos : pos + 4].hex(" ")
            return None, [Problem(name, "encoding", line=line, value=f"bytes {snippet}")]


def read_table(path: Path, required: tuple[str, ...]) -> tuple[tuple[Row, ...] | None, list[Problem]]:
    """Read a whole file; return its rows and every problem found (rows only when usable)."""
    name = str(path)
    data, errors = read_bytes(path)
    if data is None:
        return None, errors
    text, errors = decode(path, data)
    if text is None:
        return None, errors
    if not text.strip():
        return None, [Problem(name, "empty_file")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[Row] = []
    header: list[str] | None = None
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.strip() for cell in record]
                errors += _check_header(name, header, required)
                continue
            if len(record) != len(header):
                errors.append(
                    Problem(name, "field_count", line=line, value=str(len(record)), expected=str(len(header)))
                )
                continue
            rows.append(Row(line, {col: cell.strip() for col, cell in zip(header, record) if col}))
    except csv.Error as exc:
        errors.append(Problem(name, "parse", line=start, value=str(exc)))
    if header is None:
        return None, errors or [Problem(name, "empty_file")]
    if any(e.problem in ("missing_column", "duplicate_column", "parse") for e in errors):
        return None, errors
    return tuple(rows), errors


def _check_header(name: str, header: list[str], required: tuple[str, ...]) -> list[Problem]:
    errors = []
    seen: set[str] = set()
    for col in header:
        if col and col in seen:
            errors.append(Problem(name, "duplicate_column", line=1, column=col))
        seen.add(col)
    for col in required:
        if col not in seen:
            errors.append(Problem(name, "missing_column", line=1, column=col))
    return errors


def duplicate_keys(name: str, keyed: list[tuple[Row, str]], column: str) -> list[Problem]:
    """One problem per repeated key, naming the line it first appeared on: no silent "last wins"."""
    errors: list[Problem] = []
    seen: dict[str, int] = {}
    for row, key in keyed:
        if key and key in seen:
            errors.append(Problem(name, "duplicate", row.line, column, key, params={"other_line": str(seen[key])}))
        seen.setdefault(key, row.line)
    return errors
