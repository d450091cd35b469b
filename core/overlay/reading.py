"""A foreign file of pairs (CSV or a workbook: .xlsx, .xls, .ods; bytes + its name) as a table of text,
or why it cannot be one.

pandas reads it, every cell as text (`keep_default_na=False`: "NA" and "01100" stay as written). A
CSV is read with `dtype=object`, the parser's own strings (`dtype=str` added an Arrow copy of every
cell, 27 MB for the reference set, that the server kept after the import); a workbook with calamine
and `dtype=str`, which writes its numbers as text. The limits are checked before pandas parses
anything, in milliseconds: the size on the bytes, the rows on a count of line breaks (an upper
bound; only a file near the limit is parsed, and then no further than one row past it). CSV text is
decoded as the data files are (`common.csvtable.decode`: UTF-8 with or without BOM, CP932 or
GB18030; a workbook named .csv is refused with the fix), and UTF-16 with its byte-order mark
(Excel's "Unicode text", tab-separated) is read too. A row with too many values is listed (its line)
and the others are kept; every fault is a `Problem`.

Spreadsheets are not always one header line and rows: the header may sit under a title or notes,
a CSV may be separated by tabs or semicolons (Excel's "CSV" in many locales), the pairs may be on a
workbook's second sheet. Given a test of what a header looks like (`is_header`: the importer's
column roles), the reader looks for it in each separator's reading of a file's first lines, and on
each sheet in turn; what is above the header is not read (`Table.header_line` says where it is).
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TYPE_CHECKING

import numpy as np

from common.csvtable import decode, detect
from common.problems import Problem
from common.readlimit import MAX_BYTES, too_large
from core.overlay import workbook_limits
from core.overlay.workbook_limits import MAX_CELL_CHARS

if TYPE_CHECKING:  # pandas is imported by the readers below: the map page imports this module, never pandas
    import pandas as pd

# The server holds an import in memory: the worst file these limits allow peaks under 300 MB
# (`make bench`, bench/read_limits_bench.py).
MAX_ROWS = 50_000  # data rows: about twice the largest known list (25,917)
MAX_CSV_CELLS = 400_000  # a CSV's rows × its header's columns: 50,000 pairs of 8 columns
LIMITS = {"size": f"{MAX_BYTES // 2**20} MB", "rows": f"{MAX_ROWS:,}",  # the limits as the reader reads them
          **workbook_limits.LIMITS}
CSV_SUFFIXES = (".csv", ".txt")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# read by calamine: Excel's formats, old and new, and LibreOffice's
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_SKIPPED = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")
SEPARATORS = (",", "\t", ";")  # a CSV's, in the order tried: the comma wins a tie
HEADER_SEARCH = 20  # lines (rows of a sheet) from the top where a header is looked for

IsHeader = Callable[[Sequence[str]], bool]


@dataclass(frozen=True)
class Table:
    """The file's header and data rows as text; `lines[i]` is where row i is in the file (the
    CSV line it starts on, the sheet's row number), for messages."""

    source: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    header_line: int = 1

    def preview(self, n: int = 10) -> pd.DataFrame:
        """The first `n` rows under their headers (text, shown literally by st.dataframe)."""
        import pandas as pd

        frame = pd.DataFrame(list(self.rows[:n]), columns=range(len(self.header)), dtype=str)
        frame.columns = [h or f"({i + 1})" for i, h in enumerate(self.header)]
        return frame


def read_table(name: str, data: bytes, is_header: IsHeader = lambda row: False,
               encoding: str | None = None) -> tuple[Table | None, list[Problem]]:
    """The table in `data` (the file `name`), with every problem found; None when nothing is usable.
    Its header is the first row `is_header` accepts near the top, else the first row with a value.
    A CSV is read in `encoding` when the reader chose one, else in the one its bytes tell."""
    if len(data) > MAX_BYTES:
        return None, [too_large(name, len(data))]
    suffix = PurePath(name).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(name, data, is_header)
    if suffix not in CSV_SUFFIXES:
        return None, [Problem(name, "file_type", value=suffix or name)]
    return _read_csv(name, data, is_header, encoding)


def _layout(text: str, is_header: IsHeader) -> tuple[str, int, int]:
    """The separator of a CSV text, how many lines are above its header and its header's fields: the
    first of its first lines that a separator splits into a header; without one, line 0 and the
    separator that splits the first line with a value into the most fields (the comma when none splits it)."""
    top = text[:2**16].splitlines()[:HEADER_SEARCH]  # the top only: a 50 MB file is not split whole
    for skip, line in enumerate(top):
        for separator in SEPARATORS:
            fields = [f.strip() for f in next(csv.reader([line], delimiter=separator), [])]
            if len(fields) > 1 and is_header(fields):
                return separator, skip, len(fields)
    first = next((line for line in top if line.strip()), "")
    counts = [len(next(csv.reader([first], delimiter=separator), [])) for separator in SEPARATORS]
    return SEPARATORS[counts.index(max(counts))], 0, max(counts)


def _read_csv(name: str, data: bytes, is_header: IsHeader, encoding: str | None) -> tuple[Table | None, list[Problem]]:
    import pandas as pd

    if encoding is None and data.startswith(UTF16_BOMS):  # Excel's "Unicode text": tab-separated, read as such
        encoding = "utf-16"
    if encoding is None:
        encoding, problems = detect(PurePath(name), data)
        if encoding is None:
            return None, problems
    text, problems = decode(PurePath(name), data, encoding)
    if text is None:
        return None, problems
    if not text.strip():
        return None, [Problem(name, "empty_file")]
    separator, above, columns = _layout(text, is_header)
    # Records never outnumber line breaks + 1: a file under the limit by that count is never
    # parsed twice; one over it is parsed up to one row past the limit, and refused. The limit
    # is on rows, and on cells: pandas makes as many columns as the header has fields.
    row_limit = min(MAX_ROWS, MAX_CSV_CELLS // max(columns, 1))
    bounded = text.count("\n") > row_limit + 1
    quoted = '"' in text
    # pandas reads UTF-8 bytes (a StringIO held 4 bytes a character): the file's own when it is UTF-8
    utf8 = io.BytesIO(data if encoding == "utf-8-sig" else text.encode("utf-8"))
    del text
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            frame = pd.read_csv(
                utf8, encoding="utf-8-sig", header=None, dtype=object, keep_default_na=False, skip_blank_lines=False,
                on_bad_lines="warn", nrows=row_limit + 2 if bounded else None, sep=separator, skiprows=above,
            )
        except pd.errors.EmptyDataError:
            return None, [Problem(name, "empty_file")]
        except (pd.errors.ParserError, ValueError) as exc:
            return None, [Problem(name, "parse", value=str(exc).strip())]
    skipped: list[int] = []
    for warning in caught:
        found = _SKIPPED.search(str(warning.message))
        if found:
            record, expected, saw = map(int, found.groups())
            record -= above  # pandas counts the lines above the header too
            skipped.append(record)
            problems.append(Problem(name, "field_count", line=record, value=str(saw), expected=str(expected)))
        elif issubclass(warning.category, pd.errors.ParserWarning):  # worded otherwise: never a silent loss
            problems.append(Problem(name, "parse", value=str(warning.message).strip()))
    cells = _stripped(frame)
    records = np.setdiff1d(np.arange(1, len(cells) + len(skipped) + 1), skipped)  # 1-based, header first
    lines = records
    if quoted:  # a quoted value may span lines: later rows start that many lines further down
        breaks = frame.apply(lambda column: column.str.count("\n")).sum(axis=1).to_numpy()
        after = np.cumsum(breaks)  # line breaks quoted in rows 0..i
        lines = records + np.concatenate(([0], after[:-1]))
        problems = [_shifted(p, records, after) for p in problems]
    problems = [p if p.line is None else replace(p, line=p.line + above) for p in problems]
    # its first line is the header (_layout)
    return _table(name, cells, (lines + above).tolist(), problems, row_limit=row_limit)


def _shifted(problem: Problem, records: np.ndarray, after: np.ndarray) -> Problem:
    """A skipped record's physical line: its record number moved by the line breaks quoted before it."""
    before = int(np.searchsorted(records, problem.line or 0))
    shift = int(after[before - 1]) if before else 0
    return Problem(problem.file, problem.problem, (problem.line or 0) + shift, value=problem.value,
                   expected=problem.expected)


def _read_workbook(name: str, data: bytes, is_header: IsHeader) -> tuple[Table | None, list[Problem]]:
    """The first sheet with a header `is_header` accepts near its top (named in the source when it
    is not the first: every message then says which sheet), else the first sheet. A zipped
    workbook's limits are checked before it is parsed (workbook_limits), an .xls's on what was read."""
    refused = workbook_limits.check_workbook(name, data)
    if refused:
        return None, refused
    import pandas as pd

    try:
        sheets = pd.read_excel(io.BytesIO(data), header=None, dtype=str, keep_default_na=False, engine="calamine",
                               nrows=MAX_ROWS + 2, sheet_name=None)
    except Exception as exc:  # noqa: BLE001 - a foreign workbook can break the reader in any way; it is the file's fault
        return None, [Problem(name, "bad_workbook", value=type(exc).__name__)]
    cells = {sheet: _stripped(frame) for sheet, frame in sheets.items()}
    count = sum(c.size for c in cells.values())
    if count > workbook_limits.MAX_CELLS:
        return None, [Problem(name, "too_many_cells", value=f"{count:,}", expected=LIMITS["cells"])]
    first = next(iter(cells), None)
    chosen, at = next(((sheet, i) for sheet, c in cells.items() if (i := _header_at(c, is_header)) is not None),
                      (first, None))
    if chosen is None:
        return None, [Problem(name, "empty_file")]
    source = name if chosen == first else f"{name} › {chosen}"
    return _table(source, cells[chosen], list(range(1, len(cells[chosen]) + 1)), [], at)


def _first_long(cells: np.ndarray, kept: np.ndarray) -> tuple[int, int] | None:
    """The (row, column) of the first kept cell longer than MAX_CELL_CHARS, or None."""
    if not cells.size:
        return None
    lengths = np.frompyfunc(len, 1, 1)(cells[kept]).astype(np.int64)
    over = np.argwhere(lengths > MAX_CELL_CHARS)
    return (int(kept[over[0][0]]), int(over[0][1])) if len(over) else None


def _stripped(frame: pd.DataFrame) -> np.ndarray:
    """The cells as text without surrounding spaces (vectorised: 200,000 cells in ~30 ms)."""
    return frame.apply(lambda column: column.str.strip()).to_numpy(dtype=object)


def _filled(cells: np.ndarray) -> np.ndarray:
    """The indices of the rows with a value."""
    return np.flatnonzero((cells != "").any(axis=1)) if cells.size else np.zeros(0, dtype=int)


def _header_at(cells: np.ndarray, is_header: IsHeader) -> int | None:
    """The index of the first of the first rows with a value that `is_header` accepts, or None."""
    return next((int(i) for i in _filled(cells)[:HEADER_SEARCH] if is_header(tuple(cells[i]))), None)


def _table(name: str, cells: np.ndarray, lines: list[int], problems: list[Problem],
           header: int | None = None, row_limit: int = MAX_ROWS) -> tuple[Table | None, list[Problem]]:
    """Header and rows from the parsed cells: blank rows dropped (and those above the header: row
    `header`, else the first with a value), headers checked, the limits kept (rows, and cells when
    `row_limit` is lower; the longest cell)."""
    kept = _filled(cells)
    if not len(kept):
        return None, problems or [Problem(name, "empty_file")]
    kept = kept[kept >= (kept[0] if header is None else header)]
    header_line, header = lines[kept[0]], tuple(cells[kept[0]])
    body = kept[1:]
    if len(body) > row_limit:
        if row_limit < MAX_ROWS:
            return None, [Problem(name, "too_many_cells", value=f"{len(body):,} × {len(header)}+",
                                  expected=f"{MAX_CSV_CELLS:,}")]
        return None, [Problem(name, "too_many_rows", expected=LIMITS["rows"])]
    long = _first_long(cells, kept)
    if long is not None:
        row, column = long
        return None, [Problem(name, "cell_too_long", line=lines[row], column=header[column] or f"({column + 1})",
                              value=f"{len(cells[row, column]):,}", expected=LIMITS["cell"])]
    seen: set[str] = set()
    for column in header:
        if column and column in seen:
            problems.append(Problem(name, "duplicate_column", line=header_line, column=column))
        seen.add(column)
    if any(p.problem == "duplicate_column" for p in problems):
        return None, problems
    if not len(body):
        return None, problems + [Problem(name, "no_rows")]
    rows = tuple(map(tuple, cells[body].tolist()))
    table = Table(name, header, rows, tuple(lines[i] for i in body.tolist()), header_line)
    return table, sorted(problems, key=lambda p: p.line or 0)
