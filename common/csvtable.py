"""The one CSV reader: the files coordinators edit in Excel, and the geocode cache.

UTF-8 (with or without BOM), CP932 (Japanese Excel) or GB18030/GBK (Chinese Excel), told apart on
the bytes; a file both of the last two read as plausibly is refused with the fix, not guessed.
Values stay text (codes such as "01100" and the string "NA" are not numbers or missing values); each
row keeps the physical line it starts on so that messages can point at it. The bytes come from
`common.readlimit` (regular files only, sizes counted while reading). Every fault, the file system's
included, comes back as a `Problem` naming the file: the reader never raises.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path, PurePath

from common.problems import Problem
from common.readlimit import read_bytes


@dataclass(frozen=True)
class Row:
    line: int  # the physical line the row starts on (the header is line 1)
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")


ENCODINGS = ("utf-8-sig", "cp932", "gb18030")  # UTF-8 (BOM optional), Japanese Excel's, Chinese Excel's
AMBIGUOUS = ENCODINGS[1:]  # what the reader picks from when the bytes cannot tell
_HALFWIDTH_KANA = ("\uff61", "\uff9f")
_PRIVATE_USE = ("\ue000", "\uf8ff")


def detect(path: PurePath, data: bytes) -> tuple[str | None, list[Problem]]:
    """The encoding of `data`, told on its bytes: UTF-8 when they are UTF-8; else CP932 or GB18030,
    whichever alone decodes them into plausible text, or alone reads as plausible (see _likelier).
    When both read as plausibly (or as oddly), the bytes cannot tell: problem "ambiguous_encoding",
    never a guess. A CP932 file with one broken character still decodes as GB18030, into text
    mostly outside GB2312: that is the broken CP932 file, pointed at, not a Chinese one."""
    name = str(path)
    if data.startswith(b"PK\x03\x04"):
        return None, [Problem(name, "xlsx")]
    # UTF-16 (Excel's "Unicode text"), with its byte-order mark or without: it puts a NUL beside
    # every ASCII character, which would otherwise pass as UTF-8
    head = data[:4096]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and head.count(0) * 4 >= len(head)):
        return None, [Problem(name, "utf16")]
    failures: list[UnicodeDecodeError] = []
    odd: dict[str, tuple[int, int]] = {}  # encoding → (odd, non-ASCII) distinct characters of its reading
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            failures.append(error)
            continue
        if encoding == "utf-8-sig":
            return encoding, []
        odd[encoding] = _odd(encoding, text)
        del text
    # GB18030 decodes nearly any bytes: alone, it is the file's only if its reading is mostly GB2312
    if len(odd) == 1 and ("cp932" in odd or _share(*odd["gb18030"]) < 0.5):
        return next(iter(odd)), []
    if len(odd) < 2:
        # The decoder that read furthest is the file's likely encoding: point at its failure.
        return None, [_undecodable(name, data, max(error.start for error in failures))]
    chosen = _likelier(odd["cp932"], odd["gb18030"])
    return (chosen, []) if chosen else (None, [Problem(name, "ambiguous_encoding")])


def _odd(encoding: str, text: str) -> tuple[int, int]:
    """How many distinct characters of a reading are odd for the encoding, of how many non-ASCII ones.

    Chinese bytes read as CP932 give half-width katakana (北京 → ｱｱｾｩ), C1 controls and private-use
    characters; Japanese bytes read as GB18030 give characters outside GB2312, the set Chinese text
    is written in."""
    wide = {c for c in set(text) if c >= "\x80"}
    if encoding == "cp932":
        return sum(_HALFWIDTH_KANA[0] <= c <= _HALFWIDTH_KANA[1] or _PRIVATE_USE[0] <= c <= _PRIVATE_USE[1]
                   or c <= "\x9f" for c in wide), len(wide)
    return sum(not _in_gb2312(c) for c in wide), len(wide)


def _share(odd: int, wide: int) -> float:
    return odd / wide if wide else 0.0


def _likelier(japanese: tuple[int, int], chinese: tuple[int, int]) -> str | None:
    """Which reading of bytes that both CP932 and GB18030 decode is the file's, or None, from each
    reading's (odd, non-ASCII) characters: a reading with odd characters loses to one without.
    Chinese read as CP932 is taken for Chinese only if it also gives other characters (kanji),
    since a file of half-width katakana alone may be Japanese. When both are odd (Japanese with
    some half-width katakana), CP932 wins if most of the GB18030 reading is odd and at most half
    as much of its own; the reverse is asked about."""
    (odd_ja, wide_ja), (odd_zh, _) = japanese, chinese
    if odd_zh and not odd_ja:
        return "cp932"
    if odd_ja and not odd_zh and wide_ja > odd_ja:
        return "gb18030"
    if odd_ja and odd_zh and _share(*chinese) >= 0.5 and _share(*japanese) <= _share(*chinese) / 2:
        return "cp932"
    return None


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def decode(path: PurePath, data: bytes, encoding: str | None = None) -> tuple[str | None, list[Problem]]:
    """Bytes → text, in `encoding` when the reader chose it, else in the encoding `detect` tells."""
    if encoding is None:
        encoding, problems = detect(path, data)
        if encoding is None:
            return None, problems
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as error:
        return None, [_undecodable(str(path), data, error.start)]


def first_lines(data: bytes, encoding: str, lines: int) -> list[str]:
    """The first `lines` lines of `data` in `encoding` (a character it cannot read shown as �)."""
    return data[: 2**16].decode(encoding, errors="replace").splitlines()[:lines]


def _undecodable(name: str, data: bytes, pos: int) -> Problem:
    """Bytes that no encoding read, at `pos`: their line and the first of them, in hex."""
    return Problem(name, "encoding", line=data[:pos].count(b"\n") + 1, value=f"bytes {data[pos : pos + 4].hex(' ')}")


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
