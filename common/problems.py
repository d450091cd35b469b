"""A fault in a data file, as a record: each layer renders it in its reader's language.

The CSV reader (common) and the geocode cache (geo) find problems but cannot word them: the
wording lives in the catalogues (`core.data.errors.DataError` renders a `Problem` in the reader's language).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from common.i18n import Message


@dataclass(frozen=True)
class Problem:
    """One problem in one cell (or row, or file): where it is, its code and its parameters."""

    file: str
    problem: str  # a catalogue code: problem.<code> says what is wrong, fix.<code> how to fix it
    line: int | None = None
    column: str | None = None
    value: str = ""
    expected: str | Message = ""
    params: dict[str, str | StrEnum | Message] = field(default_factory=dict)  # enum members show their label
    fix: str = ""  # the catalogue's fix.<fix> instead of fix.<problem>: one remedy for a whole file (geocache.csv)
