"""Reading one row of a data file strictly: `Cells` turns each cell into a typed value or a
recorded problem (file, line, column, value), never an exception, so one load reports every
problem. Every data file's loader (core/data/loading.py) and the tour's (core/view/tour.py) read through it;
what a cell may hide (full-width forms, invisible characters) is core/data/cells.py's.
"""


from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from common.csvtable import Row
from common.i18n import LANGS
from common.numbers import Bounds, read_number
from core.data.cells import describe, first_hidden, to_halfwidth, without_hidden
from core.data.errors import DataError
from core.data.models import Country, Names, Place
from core.data.years import YearError, parse_year

E = TypeVar("E", bound=StrEnum)

FIRST_POSSIBLE_YEAR = 1949  # founding of the PRC: no Japan–PRC agreement can be older
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # fromisoformat alone also takes 20140531
_DIGITS = re.compile(r"^[0-9]+$")  # int() alone also takes 1_0, +3, -1 and non-ASCII digits


@dataclass(frozen=True)
class Keys:
    """The keys a file defines for the other files to refer to (valid rows or not). When the file
    could not be read whole, references to it are not checked: its own problem is the root, and
    60 "is not a place" messages would only hide it."""

    written: frozenset[str]
    complete: bool

    def lacks(self, key: str) -> bool:
        return self.complete and key not in self.written


class Cells:
    """Typed access to one row's cells; each problem is recorded, never raised."""

    def __init__(self, file: str, row: Row, errors: list[DataError]):
        self.file, self.row, self.errors = file, row, errors

    def fail(
        self, problem: str, column: str | None, value: str = "", expected: str = "", **params: str | StrEnum
    ) -> None:
        self.errors.append(DataError(self.file, problem, self.row.line, column, value, expected, params))

    def key(self, column: str, value: str | None = None) -> str:
        """A cell that identifies or refers to something; a hidden character in it is pointed out and
        dropped, so that the one problem reported is the hidden character, not a name that "differs"."""
        value = self.row[column] if value is None else value
        at = first_hidden(value)
        if at is None:
            return value
        char = describe(value[at])
        if at == 0:
            self.fail("hidden_character_first", column, value, char=char)
        else:
            self.fail("hidden_character", column, value, char=char, before=without_hidden(value[:at]))
        return without_hidden(value)

    def text(self, column: str, problem: str = "missing_text") -> str:
        value = self.row[column]
        if not value:
            self.fail(problem, column)
        return value

    def choice(self, column: str, enum: type[E], allowed: tuple[E, ...] | None = None) -> E | None:
        options = allowed or tuple(enum)
        value = self.key(column)
        if not value:
            self.fail("missing_value", column, expected=" / ".join(options))
            return None
        if value not in options:
            self.fail("bad_choice", column, value, " / ".join(options))
            return None
        return enum(value)

    def choices(self, column: str, enum: type[E]) -> tuple[E, ...]:
        """A ';'-separated list of codes (Excel-friendly multi-value cell)."""
        result = []
        for part in split_list(self.row[column]):
            part = self.key(column, part)
            if part in tuple(enum):
                result.append(enum(part))
            else:
                self.fail("bad_choice", column, part, " / ".join(enum))
        return tuple(result)

    def number(self, column: str, bounds: Bounds) -> float | None:
        """A decimal number in `bounds`, read strictly (no `1_0`, `nan` or `inf`: see common.numbers)."""
        value = self.row[column]
        if not value:
            return None
        number, problem = read_number(value, bounds)
        if problem:
            self.fail(problem, column, value, **bounds.params)
        return number

    def whole(self, column: str, lo: int, hi: int) -> int | None:
        """A whole number written in digits (full-width ones too, as a Japanese IME types them)."""
        value = self.row[column]
        if not value:
            return None
        digits = to_halfwidth(value)
        if not _DIGITS.match(digits):
            self.fail("not_a_whole_number", column, value, lo=str(lo), hi=str(hi))
            return None
        if not lo <= int(digits) <= hi:
            self.fail("number_out_of_range", column, value, lo=str(lo), hi=str(hi))
            return None
        return int(digits)

    def year(self, column: str, required: bool = False) -> int | None:
        value = self.row[column]
        if not value:
            if required:
                self.fail("missing_value", column, expected="1981 / 昭和56年")
            return None
        this_year = dt.date.today().year
        try:
            year = parse_year(value)
        except YearError as exc:
            self.fail(exc.kind, column, value, exc.detail)
            return None
        if not FIRST_POSSIBLE_YEAR <= year <= this_year:
            self.fail("impossible_year", column, value, f"{FIRST_POSSIBLE_YEAR}–{this_year}")
            return None
        return year

    def date(self, column: str) -> str:
        """An ISO date (YYYY-MM-DD) no later than today: a report cannot be dated in the future.
        "" when it is not one (reported), so that no other check counts it as a snapshot date."""
        value = self.row[column]
        if not value:
            self.fail("missing_value", column, expected="YYYY-MM-DD")
            return value
        try:
            if not _ISO_DATE.match(value):
                raise ValueError(value)
            date = dt.date.fromisoformat(value)
        except ValueError:
            self.fail("bad_date", column, value)
            return ""
        today = dt.date.today()
        if date > today:
            self.fail("future_date", column, value, today=today.isoformat())
            return ""
        return value

    def place(self, column: str, places: Places, country: Country | None = None) -> str:
        key = self.key(column)
        if not key:
            self.fail("missing_place", column)
        elif places.keys.lacks(key):
            self.fail("unknown_place", column, key)
        elif country and key in places.valid and places.valid[key].country != country:
            self.fail("wrong_country", column, key, country, country=country)
        return key

    def counterparts(self, column: str, places: Places) -> tuple[str, ...]:
        """A ';'-list of Japanese places (the Japanese side named for a Chinese entry)."""
        keys = tuple(self.key(column, part) for part in split_list(self.row[column]))
        for key in keys:
            if places.keys.lacks(key):
                self.fail("unknown_place", column, key)
            elif key in places.valid and places.valid[key].country != Country.JP:
                self.fail("counterpart_not_japanese", column, key)
        return keys

    def entry(self, places: Places, snapshots: Snapshots) -> tuple[str, str]:
        """The status entry (entity, as_of) an activity or event belongs to: it must exist, or no
        page shows it. A file without an `as_of` column belongs to the one snapshot, when there is
        only one (the file's missing column is reported once by `_entry_rows` otherwise)."""
        key = self.place("entity", places)
        if key and not places.keys.lacks(key) and snapshots.entities.lacks(key):
            self.fail("no_status_row", "entity", key)
        if "as_of" not in self.row.values:
            return key, next(iter(snapshots.dates)) if len(snapshots.dates) == 1 else ""
        as_of = self.date("as_of")
        written = key in snapshots.entities.written and snapshots.entities.complete
        if written and as_of and (key, as_of) not in snapshots.entries:
            self.fail("no_status_on_date", "as_of", as_of, entity=key)
        return key, as_of

    def names(self, prefix: str) -> Names:
        """A name in every UI language (`<prefix>_<lang>`): each required, hidden characters pointed out."""
        return Names({lang: self.key(column) if self.text(column) else "" for lang, column in per_lang(prefix)})

    def texts(self, prefix: str) -> Names:
        """A text in the document's words (`<prefix>_ja`, required) and its optional translations."""
        return Names({lang: self.text(column) if lang == "ja" else self.row[column]
                      for lang, column in per_lang(prefix)})


def per_lang(prefix: str) -> list[tuple[str, str]]:
    """(language, column) of a multilingual value: adding a language adds its columns to the data."""
    return [(lang, f"{prefix}_{lang}") for lang in LANGS]


@dataclass(frozen=True)
class Snapshots:
    """What statuses.csv defines for activities and events to refer to: its entities, and each
    (entity, as_of) entry and date."""

    entities: Keys
    entries: frozenset[tuple[str, str]]
    dates: frozenset[str]


@dataclass(frozen=True)
class Places:
    valid: dict[str, Place]
    keys: Keys


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.replace("；", ";").split(";") if part.strip()]
