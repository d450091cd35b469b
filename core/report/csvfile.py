"""CSV downloads that Excel on Japanese Windows opens correctly and safely.

UTF-8 with a BOM (Excel then detects the encoding), and text cells that Excel would read as a
formula (OWASP "CSV injection": a leading = + - @, tab, CR or LF) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(rows: Sequence[Mapping[str, object]], columns: Sequence[str]) -> bytes:
    """`rows` as CSV (header = `columns`), encoded for Excel."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    for row in rows:
        writer.writerow([neutralise(row.get(c, "")) for c in columns])
    return buffer.getvalue().encode("utf-8-sig")
