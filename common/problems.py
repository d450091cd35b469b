"""A fault in a data file, as a record: each layer renders it in its reader's language.

The CSV reader (common) and the geocode cache (geo) find problems but cannot word them: the
wording and its translations belong to the core (`core.errors.DataError` renders a `Problem`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One problem in one cell (or row, or file): where it is, its code and its parameters."""

    file: str
    problem: str  # a code of core.errors._PROBLEMS, e.g. "missing_file", "out_of_range"
    line: int | None = None
    column: str | None = None
    value: str = ""
    expected: str = ""
    params: dict[str, str | tuple[str, str, str]] = field(default_factory=dict)  # a triple is (ja, en, zh)
