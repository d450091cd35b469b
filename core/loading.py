"""Load and validate a data folder (places, partnerships, statuses, activities, events).

Every problem in every file is collected and raised together as `DataLoadError`; the files are
only read, never rewritten, so a bad edit loses nothing. See data/README.md for the columns.

Statuses, activities and events hold one entry per entity and `as_of` date (a snapshot); see
data/README.md, *Snapshots*.

Over 300 lines for now: five file checkers share one cell checker (`_Cells`), and three branches
edit this module at once; splitting it (cells / files) is best done after they are merged.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from common.csvtable import Row, read_table
from common.numbers import LATITUDE, LONGITUDE, Bounds, read_number
from core.cells import describe, first_hidden, to_halfwidth, without_hidden
from core.errors import DataError, DataLoadError
from core.i18n import LANGS
from core.models import (
    Activity,
    ActivityKind,
    CountQualifier,
    Country,
    Dataset,
    Event,
    EventStatus,
    Names,
    Partnership,
    Place,
    PlaceKind,
    RelationType,
    Stage,
    Status,
    Theme,
    Timing,
)
from core.years import YearError, parse_year

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA_DIR_ENV = "JCAIR_DATA_DIR"
FIRST_POSSIBLE_YEAR = 1949  # founding of the PRC: no Japan–PRC agreement can be older

PLACES = "places.csv"
PARTNERSHIPS = "partnerships.csv"
STATUSES = "statuses.csv"
ACTIVITIES = "activities.csv"
EVENTS = "events.csv"
DATA_FILES = (PLACES, PARTNERSHIPS, STATUSES, ACTIVITIES, EVENTS)  # every file load_dataset reads

E = TypeVar("E", bound=StrEnum)


def data_dir_from_env(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder to load: an explicit override, else $JCAIR_DATA_DIR, else the bundled data/."""
    chosen = override or os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR
    return Path(chosen).expanduser().resolve()


# How the Japanese name of a region of each country ends: 都道府県 in Japan; in China a province,
# municipality, autonomous region or special administrative region (the 34 province-level divisions).
REGION_SUFFIXES = {Country.JP: ("都", "道", "府", "県"), Country.CN: ("省", "市", "自治区", "特別行政区", "特别行政区")}
MAX_COUNT = 999  # an activity count beyond this is a typing slip, not a programme of visits
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # fromisoformat alone also takes 20140531
_DIGITS = re.compile(r"^[0-9]+$")  # int() alone also takes 1_0, +3, -1 and non-ASCII digits


@dataclass(frozen=True)
class _Keys:
    """The keys a file defines for the other files to refer to (valid rows or not). When the file
    could not be read whole, references to it are not checked: its own problem is the root, and
    60 "is not a place" messages would only hide it."""

    written: frozenset[str]
    complete: bool

    def lacks(self, key: str) -> bool:
        return self.complete and key not in self.written


class _Cells:
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
        for part in _split(self.row[column]):
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

    def place(self, column: str, places: _Places, country: Country | None = None) -> str:
        key = self.key(column)
        if not key:
            self.fail("missing_place", column)
        elif places.keys.lacks(key):
            self.fail("unknown_place", column, key)
        elif country and key in places.valid and places.valid[key].country != country:
            self.fail("wrong_country", column, key, country, country=country)
        return key

    def counterparts(self, column: str, places: _Places) -> tuple[str, ...]:
        """A ';'-list of Japanese places (the Japanese side named for a Chinese entry)."""
        keys = tuple(self.key(column, part) for part in _split(self.row[column]))
        for key in keys:
            if places.keys.lacks(key):
                self.fail("unknown_place", column, key)
            elif key in places.valid and places.valid[key].country != Country.JP:
                self.fail("counterpart_not_japanese", column, key)
        return keys

    def entry(self, places: _Places, snapshots: _Snapshots) -> tuple[str, str]:
        """The status entry (entity, as_of) an activity or event belongs to: it must exist, or no
        page shows it. A file without an `as_of` column belongs to the one snapshot, when there is
        only one (the file's missing column is reported once by `_entry_rows` otherwise)."""
        key = self.place("entity", places)
        if key and not places.keys.lacks(key) and snapshots.entities.lacks(key):
            self.fail("no_status_row", "entity", key)
        if "as_of" not in self.row.values:
            return key, next(iter(snapshots.dates)) if len(snapshots.dates) == 1 else ""
        as_of = self.date("as_of")
        if key in snapshots.entities.written and as_of and snapshots.entities.complete and (key, as_of) not in snapshots.entries:
            self.fail("no_status_on_date", "as_of", as_of, entity=key)
        return key, as_of

    def names(self, prefix: str) -> Names:
        """A name in every UI language (`<prefix>_<lang>`): each required, hidden characters pointed out."""
        return Names({lang: self.key(column) if self.text(column) else "" for lang, column in _per_lang(prefix)})

    def texts(self, prefix: str) -> Names:
        """A text in the document's words (`<prefix>_ja`, required) and its optional translations."""
        return Names({lang: self.text(column) if lang == "ja" else self.row[column] for lang, column in _per_lang(prefix)})


def _per_lang(prefix: str) -> list[tuple[str, str]]:
    """(language, column) of a multilingual value: adding a language adds its columns to the data."""
    return [(lang, f"{prefix}_{lang}") for lang in LANGS]


@dataclass(frozen=True)
class _Snapshots:
    """What statuses.csv defines for activities and events to refer to: its entities, and each
    (entity, as_of) entry and date."""

    entities: _Keys
    entries: frozenset[tuple[str, str]]
    dates: frozenset[str]


@dataclass(frozen=True)
class _Places:
    valid: dict[str, Place]
    keys: _Keys


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.replace("；", ";").split(";") if part.strip()]


def _rows(folder: Path, filename: str, required: tuple[str, ...], errors: list[DataError]) -> tuple[list[Row], bool]:
    """The file's rows, and whether it was read whole (no file, header or row problem)."""
    rows, problems = read_table(folder / filename, required)
    errors += map(DataError.of, problems)
    return list(rows or ()), rows is not None and not problems


def _unique(file: str, rows: list[tuple[Row, tuple[str, ...]]], column: str, errors: list[DataError]) -> None:
    seen: dict[tuple[str, ...], int] = {}
    for row, key in rows:
        if all(key) and key in seen:
            value = "–".join(key)
            errors.append(DataError(file, "duplicate", row.line, column, value, params={"other_line": str(seen[key])}))
        seen.setdefault(key, row.line)


def _check_region(c: _Cells, region: Names, country: Country | None, regions: dict[str, tuple[Names, int]]) -> None:
    """A region has one set of names, and a place lies in a region of its own country."""
    if not region.ja:
        return  # already reported as empty
    if region.ja in regions and regions[region.ja][0] != region:
        other, other_line = regions[region.ja]
        column = next(c for lang, c in _per_lang("region") if other.get(lang) != region.get(lang))
        c.fail("conflicting_region", column, region.ja, other_line=str(other_line))
    regions.setdefault(region.ja, (region, c.row.line))
    if country and not region.ja.endswith(REGION_SUFFIXES[country]):
        suffixes = " / ".join(REGION_SUFFIXES[country])
        c.fail("region_country", "region_ja", region.ja, country=country, suffixes=suffixes)


def _load_places(folder: Path, errors: list[DataError]) -> _Places:
    file = str(folder / PLACES)
    columns = (*(c for _, c in _per_lang("name")), "kind", "country", *(c for _, c in _per_lang("region")), "source")
    places: dict[str, Place] = {}
    keyed: list[tuple[Row, tuple[str, ...]]] = []
    regions: dict[str, tuple[Names, int]] = {}
    rows, complete = _rows(folder, PLACES, columns, errors)
    if complete and not rows:
        errors.append(DataError(file, "no_rows"))
        complete = False  # the missing rows are the one problem, not each place the other files name
    for row in rows:
        c = _Cells(file, row, errors)
        names, region = c.names("name"), c.names("region")
        kind, country = c.choice("kind", PlaceKind), c.choice("country", Country)
        lat, lon = c.number("lat", LATITUDE), c.number("lon", LONGITUDE)
        missing = "lat" if lat is None else "lon"
        if (lat is None) != (lon is None) and not row[missing]:  # empty, not merely unreadable
            c.fail("half_coordinates", missing)
        source = c.text("source", "missing_source")
        keyed.append((row, (names.ja,)))
        _check_region(c, region, country, regions)
        if names.ja and kind and country and names.ja not in places:
            places[names.ja] = Place(names, kind, country, region, source, lat, lon, row["note"])
    _unique(file, keyed, "name_ja", errors)
    return _Places(places, _Keys(frozenset(key for _, (key,) in keyed), complete))


def _load_partnerships(folder: Path, places: _Places, errors: list[DataError]) -> tuple[Partnership, ...]:
    file = str(folder / PARTNERSHIPS)
    result = []
    keyed: list[tuple[Row, tuple[str, ...]]] = []
    rows, _ = _rows(folder, PARTNERSHIPS, ("japan", "china", "relation", "wording_ja", "year", "source"), errors)
    for row in rows:
        c = _Cells(file, row, errors)
        japan = c.place("japan", places, Country.JP)
        china = c.place("china", places, Country.CN)
        relation = c.choice("relation", RelationType)
        wording = c.text("wording_ja")
        year = c.year("year", required=relation is RelationType.FRIENDSHIP)
        source = c.text("source", "missing_source")
        keyed.append((row, (japan, china)))
        if relation:
            result.append(Partnership(japan, china, relation, wording, year, source, row["note"]))
    _unique(file, keyed, "china", errors)
    return tuple(result)


def _load_statuses(folder: Path, places: _Places, errors: list[DataError]) -> tuple[list[Status], _Snapshots]:
    """The statuses (without their activities and events yet), one per entity and date, and what
    statuses.csv defines for the other files."""
    file = str(folder / STATUSES)
    statuses: list[Status] = []
    keyed: list[tuple[Row, tuple[str, ...]]] = []
    stored_stages = tuple(s for s in Stage if s is not Stage.NO_STATUS)
    columns = ("entity", "as_of", "stage", "counterparts", "themes", "text_ja", "source")
    rows, complete = _rows(folder, STATUSES, columns, errors)
    for row in rows:
        c = _Cells(file, row, errors)
        entity = c.place("entity", places)
        as_of = c.date("as_of")
        stage = c.choice("stage", Stage, stored_stages)
        counterparts = c.counterparts("counterparts", places)
        themes = c.choices("themes", Theme)
        text = c.texts("text")
        source = c.text("source", "missing_source")
        keyed.append((row, (entity, as_of)))
        if entity in places.valid and stage:
            statuses.append(Status(entity, as_of, stage, counterparts, themes, text, source))
    _unique(file, keyed, "entity", errors)
    entries = frozenset((entity, as_of) for _, (entity, as_of) in keyed)
    entities = _Keys(frozenset(entity for entity, _ in entries), complete)
    return statuses, _Snapshots(entities, entries, frozenset(as_of for _, as_of in entries if as_of))


def _entry_rows(folder: Path, filename: str, columns: tuple[str, ...], snapshots: _Snapshots,
                errors: list[DataError]) -> list[Row]:
    """The rows of activities.csv or events.csv (none when the optional file is absent). Without an
    `as_of` column they belong to the one snapshot; with several snapshots the column is required."""
    if not os.path.lexists(folder / filename):  # optional; a broken link to it is still reported
        return []
    rows = _rows(folder, filename, columns, errors)[0]
    if rows and "as_of" not in rows[0].values and len(snapshots.dates) > 1:
        dates = ", ".join(sorted(snapshots.dates))
        errors.append(DataError(str(folder / filename), "missing_as_of", 1, "as_of", params={"dates": dates}))
    return rows


def _load_activities(folder: Path, places: _Places, snapshots: _Snapshots, errors: list[DataError]) -> list[Activity]:
    file = str(folder / ACTIVITIES)
    result = []
    columns = ("entity", "kind", "count", "qualifier", "fiscal_year", "counterparts", "themes", "text_ja", "source")
    for row in _entry_rows(folder, ACTIVITIES, columns, snapshots, errors):
        c = _Cells(file, row, errors)
        entity, as_of = c.entry(places, snapshots)
        kind = c.choice("kind", ActivityKind)
        count = c.whole("count", 1, MAX_COUNT)
        qualifier = c.choice("qualifier", CountQualifier)
        count_unreadable = bool(row["count"]) and count is None  # already reported
        if qualifier and not count_unreadable and (count is None) != (qualifier is CountQualifier.UNSPECIFIED):
            c.fail("qualifier_count", "qualifier", qualifier)
        fiscal_year = c.year("fiscal_year")
        counterparts = c.counterparts("counterparts", places)
        themes = c.choices("themes", Theme)
        text = c.texts("text")
        source = c.text("source", "missing_source")
        if kind and qualifier:
            result.append(Activity(entity, kind, count, qualifier, fiscal_year, counterparts, themes, text, source, as_of))
    return result


def _load_events(folder: Path, places: _Places, snapshots: _Snapshots, errors: list[DataError]) -> list[Event]:
    file = str(folder / EVENTS)
    result = []
    columns = ("entity", "year", "month", "timing", "status", "text_ja", "source")
    for row in _entry_rows(folder, EVENTS, columns, snapshots, errors):
        c = _Cells(file, row, errors)
        entity, as_of = c.entry(places, snapshots)
        year = c.year("year", required=True)
        month = c.whole("month", 1, 12)
        if month is None and not row["month"]:
            c.fail("missing_value", "month", expected="1–12")
        timing, status = c.choice("timing", Timing), c.choice("status", EventStatus)
        text = c.texts("text")
        source = c.text("source", "missing_source")
        if year and month and timing and status:
            result.append(Event(entity, year, month, timing, status, text, source, as_of))
    return result


def _history(statuses: list[Status], activities: list[Activity], events: list[Event]) -> dict[str, tuple[Status, ...]]:
    """Each entity's entries, oldest first, each with its activities (in file order) and events (in
    date order)."""
    history: dict[str, list[Status]] = {}
    for status in statuses:
        entry = (status.entity, status.as_of)
        history.setdefault(status.entity, []).append(replace(
            status,
            activities=tuple(a for a in activities if (a.entity, a.as_of) == entry),
            events=tuple(sorted((e for e in events if (e.entity, e.as_of) == entry), key=lambda e: e.sort_key)),
        ))
    return {entity: tuple(sorted(entries, key=lambda s: s.as_of)) for entity, entries in history.items()}


def load_dataset(folder: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a data folder; raise DataLoadError listing every problem when any file is wrong."""
    path = data_dir_from_env(folder)
    errors: list[DataError] = []
    places = _load_places(path, errors)
    partnerships = _load_partnerships(path, places, errors)
    statuses, snapshots = _load_statuses(path, places, errors)
    activities = _load_activities(path, places, snapshots, errors)
    events = _load_events(path, places, snapshots, errors)
    if errors:
        raise DataLoadError(errors)
    return Dataset(places=places.valid, partnerships=partnerships, history=_history(statuses, activities, events))

