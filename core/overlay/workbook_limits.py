"""A workbook's limits, checked on its bytes before any reader parses it.

A workbook is small on disk and large in memory: an .xlsx or .ods is a zip of XML. A 4.5 MB .xlsx
can unpack to 1 GiB of blank cells, a 61 KB one to a 60 MiB string, and calamine (the reader) makes
one dense table of the whole used range: a cell at A1 and one at XFD1048576 ask for 17 billion
cells. So, before calamine sees the file:

- the zip's directory may list MAX_ENTRIES entries in MAX_DIRECTORY bytes (read from its end
  record before zipfile parses it: 400,000 empty entries took 250 MB to list), which may unpack
  to MAX_UNPACKED bytes in all (their declared sizes; zipfile refuses an entry whose bytes do not
  match what it declares);
- each sheet is streamed through expat (the zip entry decompressed piece by piece, never whole):
  its cells are counted, as is the area from A1 to its farthest cell (ODS's repeated rows and
  cells included), and the longest text of a cell or shared string; the scan stops at the first
  limit passed.

An old .xls is not compressed (the 50 MB file limit bounds its text) but is as sparse: its cell
records (BIFF, in the OLE file's Workbook stream, read with olefile) are counted, and the area to
the farthest, before calamine reads it. Every format's cells and longest text are checked again on
what calamine read (core/overlay/reading.py).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pyexpat import ExpatError, ParserCreate

import olefile

from common.problems import Problem

MAX_UNPACKED = 30 * 1024 * 1024  # what a workbook may unpack to: text in cells, their XML and styles
MAX_CELLS = 240_000  # cells of all sheets, or the area A1 to the farthest cell: 30,000 pairs × 8 columns
MAX_CELL_CHARS = 32_767  # Excel's own limit of one cell's text
LIMITS = {"unpacked": f"{MAX_UNPACKED // 2**20} MB", "cells": f"{MAX_CELLS:,}", "cell": f"{MAX_CELL_CHARS:,}"}
MAX_ENTRIES = 10_000  # parts of a zip: a workbook has a few dozen (sheets, styles, images)
MAX_DIRECTORY = 2 * 1024 * 1024  # bytes of its central directory (~100 bytes an entry)
_PIECE = 1024 * 1024
_END = b"PK\x05\x06"  # the zip's end-of-central-directory record: entries (+10), directory size (+12)
_SHEET_PARTS = re.compile(r"xl/worksheets/[^/]+\.xml|xl/sharedStrings\.xml|content\.xml", re.IGNORECASE)
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# BIFF records of one cell (row, column at their start): NUMBER, RK, BLANK, LABELSST, LABEL, FORMULA,
# BOOLERR, RSTRING; MULRK and MULBLANK hold a row of cells (their last column at their end).
_CELLS = {0x0203, 0x027E, 0x0201, 0x00FD, 0x0204, 0x0006, 0x0205, 0x00D6}
_ROW_OF_CELLS = {0x00BD, 0x00BE}
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


class _Over(Exception):
    """A limit passed: the scan stops there."""

    def __init__(self, problem: str, value: str, expected: str):
        super().__init__(problem)
        self.found = (problem, value, expected)


def check_workbook(name: str, data: bytes) -> list[Problem]:
    """The limits a workbook (.xlsx, .xlsm, .ods, .xls) passes, as problems; [] when it passes
    them or is no workbook at all (calamine then says what it is)."""
    if data.startswith(_OLE):
        return _check_xls(name, data)
    end = data.rfind(_END, max(0, len(data) - 65_557))  # the record, then a comment of up to 64 KB
    if end >= 0 and end + 16 <= len(data):
        entries, size = struct.unpack_from("<HI", data, end + 10)
        if entries > MAX_ENTRIES or size > MAX_DIRECTORY:
            shown = f"{entries:,}" + ("+" if entries == 0xFFFF else "")  # more in a zip64 record
            return [Problem(name, "too_many_parts", value=shown, expected=f"{MAX_ENTRIES:,}")]
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        entries = book.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED:
        return [Problem(name, "workbook_unpacked", value=f"{unpacked / 2**20:,.0f} MB", expected=LIMITS["unpacked"])]
    scan = _Scan()
    try:
        for entry in entries:
            if _SHEET_PARTS.fullmatch(entry.filename):
                scan.part(book, entry)
    except _Over as over:
        problem, value, expected = over.found
        return [Problem(name, problem, value=value, expected=expected)]
    except (zipfile.BadZipFile, ExpatError, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        return [Problem(name, "bad_workbook", value=type(exc).__name__)]
    return []


def _check_xls(name: str, data: bytes) -> list[Problem]:
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
            biff = ole.openstream(stream).read() if stream else b""
    except (OSError, ValueError, struct.error, IndexError):
        return []  # calamine says what is wrong with it
    scan, rows, columns, pos = _Scan(), 0, 0, 0
    try:
        while pos + 4 <= len(biff):
            kind, size = struct.unpack_from("<HH", biff, pos)
            if (kind in _CELLS or kind in _ROW_OF_CELLS) and size >= 4:
                row, first = struct.unpack_from("<HH", biff, pos + 4)
                last = struct.unpack_from("<H", biff, pos + 2 + size)[0] if kind in _ROW_OF_CELLS else first
                rows, columns = max(rows, row + 1), max(columns, last + 1)
                scan.count(max(last - first + 1, 1), rows * columns)
            pos += 4 + size
    except _Over as over:
        problem, value, expected = over.found
        return [Problem(name, problem, value=value, expected=expected)]
    return []


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


class _Scan:
    """Counts over the sheets of one workbook (all sheets share the cell budget, as calamine reads them all)."""

    def __init__(self) -> None:
        self.cells = 0
        self.text = 0  # characters of the current cell or shared string

    def part(self, book: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
        parser = ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartDoctypeDeclHandler = self._doctype
        parser.CharacterDataHandler = self._characters
        sheet = _Sheet(self) if entry.filename.lower() != "content.xml" else _OdsSheet(self)
        parser.StartElementHandler = sheet.start
        parser.EndElementHandler = sheet.end
        with book.open(entry) as stream:
            while piece := stream.read(_PIECE):
                parser.Parse(piece, False)
        parser.Parse(b"", True)

    def _doctype(self, *args: object) -> None:
        raise ExpatError("a workbook's XML has no DOCTYPE")  # entities could multiply its text

    def _characters(self, text: str) -> None:
        self.text += len(text)
        if self.text > MAX_CELL_CHARS:
            raise _Over("cell_too_long", f"{MAX_CELL_CHARS:,}+", LIMITS["cell"])

    def count(self, cells: int, area: int) -> None:
        self.cells += cells
        if self.cells > MAX_CELLS:
            raise _Over("too_many_cells", f"{self.cells:,}+", LIMITS["cells"])
        if area > MAX_CELLS:
            raise _Over("too_many_cells", f"{area:,}", LIMITS["cells"])


class _Sheet:
    """An .xlsx sheet or its shared strings: `<c r="B7">` cells, `<row r="7">` rows, `<si>`/`<is>`/`<v>` texts."""

    def __init__(self, scan: _Scan) -> None:
        self.scan = scan
        self.row = 0
        self.column = 0  # of the last cell in this row
        self.rows = self.columns = 0  # the farthest cell's row and column

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = tag.rsplit(" ", 1)[-1]
        if local == "row":
            self.row = int(attrs["r"]) if attrs.get("r", "").isdigit() else self.row + 1
            self.column = 0
        elif local == "c":
            found = _CELL_REF.fullmatch(attrs.get("r", ""))
            if found:
                self.row, self.column = max(self.row, int(found[2])), _column(found[1])
            else:
                self.column += 1
            self.rows, self.columns = max(self.rows, self.row), max(self.columns, self.column)
            self.scan.count(1, self.rows * self.columns)
        if local in ("row", "c", "si", "is", "v", "f"):  # a new text: a shared string sums its runs (<r><t>)
            self.scan.text = 0

    def end(self, tag: str) -> None:
        return None


class _OdsSheet:
    """An .ods content.xml: rows and cells repeated by `number-rows-repeated`/`number-columns-repeated`
    (LibreOffice ends every sheet with a million empty ones: only those before a value count)."""

    def __init__(self, scan: _Scan) -> None:
        self.scan = scan
        self.rows = 0  # rows of this table so far (repeats included)
        self.row_repeat = 1
        self.column = 0  # cells of this row so far (repeats included)
        self.width = 0  # columns up to this row's last cell with a value
        self.height = self.widest = 0  # rows up to the last with a value; the widest row

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        uri, _, local = tag.rpartition(" ")
        if uri != _TABLE:
            return
        if local in ("table-row", "table-cell", "covered-table-cell"):  # a new text: a cell sums its paragraphs
            self.scan.text = 0
        if local == "table":
            self.rows = self.height = self.widest = 0
        elif local == "table-row":
            self.row_repeat = _repeat(attrs, "number-rows-repeated")
            self.column = self.width = 0
        elif local in ("table-cell", "covered-table-cell"):
            repeat = _repeat(attrs, "number-columns-repeated")
            self.column += repeat
            if f"{_OFFICE} value-type" in attrs:
                self.width = self.column

    def end(self, tag: str) -> None:
        uri, _, local = tag.rpartition(" ")
        if uri == _TABLE and local == "table-row":
            self.rows += self.row_repeat
            if self.width:
                self.widest = max(self.widest, self.width)
                self.scan.count(self.row_repeat * self.width, self.rows * self.widest)


def _repeat(attrs: dict[str, str], name: str) -> int:
    value = attrs.get(f"{_TABLE} {name}", "1")
    return int(value) if value.isdigit() else 1
