"""Workbooks written part by part (zip + XML), as no spreadsheet program would let a user make them:
the zip bombs and huge strings the overlay reader must refuse, and the largest files it accepts.

Shared by the read-limits benchmark (bench/read_limits_bench.py) and the reader's tests. Every
name and value here is FICTIONAL.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    b'Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    b'Target="sharedStrings.xml"/></Relationships>'
)
_MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def column(index: int) -> str:
    """A column's letters: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_rows(rows: Iterable[Iterable[str]]) -> Iterator[bytes]:
    """A worksheet's XML, row by row, every value an inline string (as many generators write them)."""
    yield b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + _MAIN + b"><sheetData>"
    for r, row in enumerate(rows, start=1):
        cells = "".join(f'<c r="{column(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                        for c, v in enumerate(row))
        yield f'<row r="{r}">{cells}</row>'.encode()
    yield b"</sheetData></worksheet>"


def xlsx(sheet: Iterable[bytes], shared: Iterable[bytes] | None = None, target: io.IOBase | None = None) -> bytes:
    """An .xlsx of one sheet from its XML (pieces, written as they come) and, if given, the XML of its
    shared strings; returns the bytes (or writes them to `target` and returns b"")."""
    out = target if target is not None else io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        for name, parts in (("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", shared or shared_strings())):
            with book.open(name, "w", force_zip64=True) as part:
                for piece in parts:
                    part.write(piece)
    return b"" if target is not None else out.getvalue()


def shared_strings(*strings: bytes) -> Iterator[bytes]:
    """The shared-strings part, each string given as its (escaped) UTF-8 bytes."""
    yield b'<?xml version="1.0" encoding="UTF-8"?><sst ' + _MAIN + f' count="{len(strings)}">'.encode()
    for text in strings:
        yield b"<si><t>" + text + b"</t></si>"
    yield b"</sst>"


def blank_cells(rows: int, columns: int) -> Iterator[bytes]:
    """A header and `rows` × `columns` blank cells below it (a style only, as a formatted empty range is
    saved; no cell references, as some generators write them): a few MB zipped, a GiB unpacked."""
    yield b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + _MAIN + b"><sheetData>"
    yield b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    row = b"<row>" + b'<c s="1"/>' * columns + b"</row>"
    for _ in range(rows):
        yield row
    yield b"</sheetData></worksheet>"
