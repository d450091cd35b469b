"""Reading the CSV files coordinators edit in Excel: UTF-8 (with or without BOM) or CP932.

Values stay text (codes such as "01100" and the string "NA" are not numbers or missing values);
each row keeps the physical line it starts on so that messages can point at it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from core.errors import DataError


@dataclass(frozen=True)
class Row:
    line: int  # the physical line the row starts on (the header is line 1)
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True)
class Table:
    path: Path
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


def decode(path: Path, data: bytes) -> tuple[str | None, list[DataError]]:
    """Bytes → text, trying UTF-8 (BOM optional) then CP932, the encoding of Japanese Excel."""
    name = str(path)
    if data.startswith(b"PK\x03\x04"):
        return None, [DataError(name, "xlsx")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [DataError(name, "utf16")]
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
            return None, [DataError(name, "encoding", line=line, value=f"bytes {snippet}")]


def read_table(path: Path, required: tuple[str, ...]) -> tuple[Table | None, list[DataError]]:
    """Read a whole file; return the table and every problem found (a table only when usable)."""
    name = str(path)
    if not path.is_file():
        return None, [DataError(name, "missing_file")]
    text, errors = decode(path, path.read_bytes())
    if text is None:
        return None, errors
    if not text.strip():
        return None, [DataError(name, "empty_file")]
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
                    DataError(name, "field_count", line=line, value=str(len(record)), expected=str(len(header)))
                )
                continue
            rows.append(Row(line, {col: cell.strip() for col, cell in zip(header, record) if col}))
    except csv.Error as exc:
        errors.append(DataError(name, "parse", line=start, value=str(exc)))
    if header is None:
        return None, errors or [DataError(name, "empty_file")]
    if any(e.problem in ("missing_column", "duplicate_column", "parse") for e in errors):
        return None, errors
    return Table(path, tuple(header), tuple(rows)), errors


def _check_header(name: str, header: list[str], required: tuple[str, ...]) -> list[DataError]:
    errors = []
    seen: set[str] = set()
    for col in header:
        if col and col in seen:
            errors.append(DataError(name, "duplicate_column", line=1, column=col))
        seen.add(col)
    for col in required:
        if col not in seen:
            errors.append(DataError(name, "missing_column", line=1, column=col))
    return errors
