"""Load and validate a data folder (places, partnerships, statuses, activities, events).

Every problem in every file is collected and raised together as `DataLoadError`; the files are
only read, never rewritten, so a bad edit loses nothing. See data/README.md for the columns.
"""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from common.csvtable import Row, duplicate_keys, read_table
from common.i18n import Message
from common.numbers import LATITUDE, LONGITUDE, Bounds, read_number
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
ANY_TEXT = Message("expected.text")


def data_dir_from_env(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder to load: an explicit override, else $JCAIR_DATA_DIR, else the bundled data/."""
    chosen = override or os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR
    return Path(chosen).expanduser().resolve()


class _Cells:
    """Typed access to one row's cells; each problem is recorded, never raised."""

    def __init__(self, file: str, row: Row, errors: list[DataError]):
        self.file, self.row, self.errors = file, row, errors

    def fail(
        self, problem: str, column: str | None, value: str = "", expected: str | Message = "", **params: str | StrEnum
    ) -> None:
        self.errors.append(DataError(self.file, problem, self.row.line, column, value, expected, params))

    def text(self, column: str, required: bool = True, expected: str | Message = ANY_TEXT) -> str:
        value = self.row[column]
        if required and not value:
            self.fail("missing_value", column, expected=expected)
        return value

    def choice(self, column: str, enum: type[E], allowed: tuple[E, ...] | None = None) -> E | None:
        options = allowed or tuple(enum)
        value = self.row[column]
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
            if part in tuple(enum):
                result.append(enum(part))
            else:
                self.fail("bad_choice", column, part, " / ".join(enum))
        return tuple(result)

    def number(self, column: str, lo: float, hi: float, expected: Message, integer: bool = False) -> float | None:
        value = self.row[column]
        if not value:
            return None
        number, problem = read_number(value, Bounds(lo, hi, expected), integer=integer)
        if problem:
            self.fail(problem, column, value, expected)
        return number

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

    def place(self, column: str, places: dict[str, Place], country: Country | None = None) -> str:
        key = self.text(column, expected=Message("expected.place"))
        if key and key not in places:
            self.fail("unknown_place", column, key)
        elif key and country and places[key].country != country:
            self.fail("wrong_country", column, key, country, country=country)
        return key

    def places_list(self, column: str, places: dict[str, Place]) -> tuple[str, ...]:
        keys = _split(self.row[column])
        for key in keys:
            if key not in places:
                self.fail("unknown_place", column, key)
        return tuple(keys)

    def names(self, prefix: str, required: tuple[str, ...] = LANGS) -> Names:
        """The `<prefix>_<lang>` columns of every UI language."""
        return Names({lang: self.text(f"{prefix}_{lang}", lang in required) for lang in LANGS})


def _per_lang(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{lang}" for lang in LANGS)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.replace("；", ";").split(";") if part.strip()]


def _rows(folder: Path, filename: str, required: tuple[str, ...], errors: list[DataError]) -> list[Row]:
    rows, problems = read_table(folder / filename, required)
    errors += map(DataError.of, problems)
    return list(rows or ())


def _unique(file: str, rows: list[tuple[Row, str]], column: str, errors: list[DataError]) -> None:
    errors += map(DataError.of, duplicate_keys(file, rows, column))


def _load_places(folder: Path, errors: list[DataError]) -> dict[str, Place]:
    file = str(folder / PLACES)
    columns = (*_per_lang("name"), "kind", "country", *_per_lang("region"), "source")
    places: dict[str, Place] = {}
    keyed: list[tuple[Row, str]] = []
    regions: dict[str, tuple[Names, int]] = {}
    for row in _rows(folder, PLACES, columns, errors):
        c = _Cells(file, row, errors)
        names, region = c.names("name"), c.names("region")
        kind, country = c.choice("kind", PlaceKind), c.choice("country", Country)
        lat = c.number("lat", LATITUDE.low, LATITUDE.high, LATITUDE.expected)
        lon = c.number("lon", LONGITUDE.low, LONGITUDE.high, LONGITUDE.expected)
        missing = "lat" if lat is None else "lon"
        if (lat is None) != (lon is None) and not row[missing]:  # empty, not merely unreadable
            c.fail("half_coordinates", missing)
        source = c.text("source", expected=Message("expected.source"))
        keyed.append((row, names.ja))
        if region.ja in regions and regions[region.ja][0] != region:
            c.fail("conflicting_region", "region_en", region.ja, other_line=str(regions[region.ja][1]))
        regions.setdefault(region.ja, (region, row.line))
        if names.ja and kind and country and names.ja not in places:
            places[names.ja] = Place(names, kind, country, region, source, lat, lon, row["note"])
    _unique(file, keyed, "name_ja", errors)
    return places


def _load_partnerships(folder: Path, places: dict[str, Place], errors: list[DataError]) -> tuple[Partnership, ...]:
    file = str(folder / PARTNERSHIPS)
    result = []
    keyed: list[tuple[Row, str]] = []
    for row in _rows(folder, PARTNERSHIPS, ("japan", "china", "relation", "wording_ja", "year", "source"), errors):
        c = _Cells(file, row, errors)
        japan = c.place("japan", places, Country.JP)
        china = c.place("china", places, Country.CN)
        relation = c.choice("relation", RelationType)
        wording = c.text("wording_ja", expected=Message("expected.wording"))
        year = c.year("year", required=relation is RelationType.FRIENDSHIP)
        source = c.text("source", expected=Message("expected.source_table"))
        keyed.append((row, f"{japan}–{china}"))
        if relation:
            result.append(Partnership(japan, china, relation, wording, year, source, row["note"]))
    _unique(file, keyed, "china", errors)
    return tuple(result)


def _load_activities(folder: Path, places: dict[str, Place], errors: list[DataError]) -> list[Activity]:
    file = str(folder / ACTIVITIES)
    if not os.path.lexists(folder / ACTIVITIES):  # optional; a broken link to it is still reported
        return []
    result = []
    columns = ("entity", "kind", "count", "qualifier", "fiscal_year", "counterparts", "themes", "text_ja", "source")
    for row in _rows(folder, ACTIVITIES, columns, errors):
        c = _Cells(file, row, errors)
        entity = c.place("entity", places)
        kind = c.choice("kind", ActivityKind)
        count = c.number("count", 1, 999, Message("expected.count"), integer=True)
        qualifier = c.choice("qualifier", CountQualifier)
        count_unreadable = bool(row["count"]) and count is None  # already reported as bad_number
        if qualifier and not count_unreadable and (count is None) != (qualifier is CountQualifier.UNSPECIFIED):
            c.fail("bad_choice", "qualifier", qualifier, Message("expected.qualifier"))
        fiscal_year = c.year("fiscal_year")
        counterparts = c.places_list("counterparts", places)
        themes = c.choices("themes", Theme)
        text = c.names("text", required=("ja",))
        source = c.text("source")
        if kind and qualifier:
            count_int = int(count) if count is not None else None
            result.append(Activity(entity, kind, count_int, qualifier, fiscal_year, counterparts, themes, text, source))
    return result


def _load_events(folder: Path, places: dict[str, Place], errors: list[DataError]) -> list[Event]:
    file = str(folder / EVENTS)
    if not os.path.lexists(folder / EVENTS):
        return []
    result = []
    for row in _rows(folder, EVENTS, ("entity", "year", "month", "timing", "status", "text_ja", "source"), errors):
        c = _Cells(file, row, errors)
        entity = c.place("entity", places)
        year = c.year("year", required=True)
        month = c.number("month", 1, 12, Message("expected.month"), integer=True)
        if month is None and not row["month"]:
            c.fail("missing_value", "month", expected="1–12")
        timing, status = c.choice("timing", Timing), c.choice("status", EventStatus)
        text = c.names("text", required=("ja",))
        source = c.text("source")
        if year and month and timing and status:
            result.append(Event(entity, year, int(month), timing, status, text, source))
    return result


def _load_statuses(
    folder: Path, places: dict[str, Place], activities: list[Activity], events: list[Event], errors: list[DataError]
) -> dict[str, Status]:
    file = str(folder / STATUSES)
    statuses: dict[str, Status] = {}
    keyed: list[tuple[Row, str]] = []
    stored_stages = tuple(s for s in Stage if s is not Stage.NO_STATUS)
    columns = ("entity", "as_of", "stage", "counterparts", "themes", "text_ja", "source")
    for row in _rows(folder, STATUSES, columns, errors):
        c = _Cells(file, row, errors)
        entity = c.place("entity", places)
        as_of = c.text("as_of", expected="YYYY-MM-DD")
        try:
            as_of = dt.date.fromisoformat(as_of).isoformat() if as_of else as_of
        except ValueError:
            c.fail("bad_date", "as_of", as_of)
        stage = c.choice("stage", Stage, stored_stages)
        counterparts = c.places_list("counterparts", places)
        themes = c.choices("themes", Theme)
        text = c.names("text", required=("ja",))
        source = c.text("source")
        keyed.append((row, entity))
        if entity in places and stage and entity not in statuses:
            mine_a = tuple(a for a in activities if a.entity == entity)
            mine_e = tuple(sorted((e for e in events if e.entity == entity), key=lambda e: e.sort_key))
            statuses[entity] = Status(entity, as_of, stage, counterparts, themes, text, source, mine_a, mine_e)
    _unique(file, keyed, "entity", errors)
    return statuses


def load_dataset(folder: str | os.PathLike[str] | None = None) -> Dataset:
    """Load a data folder; raise DataLoadError listing every problem when any file is wrong."""
    path = data_dir_from_env(folder)
    errors: list[DataError] = []
    places = _load_places(path, errors)
    partnerships = _load_partnerships(path, places, errors)
    activities = _load_activities(path, places, errors)
    events = _load_events(path, places, errors)
    statuses = _load_statuses(path, places, activities, events, errors)
    if errors:
        raise DataLoadError(errors)
    return Dataset(places=places, partnerships=partnerships, statuses=statuses)

