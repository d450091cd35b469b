"""Load and validate a data folder (places, partnerships, statuses, activities, events).

Every problem in every file is collected and raised together as `DataLoadError`; the files are
only read, never rewritten, so a bad edit loses nothing. See data/README.md for the columns.

Statuses, activities and events hold one entry per entity and `as_of` date (a snapshot); see
data/README.md, *Snapshots*. Each row is read through the one cell checker, `core.data.rows.Cells`.
"""

from __future__ import annotations

import os
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from common.csvtable import Row, read_table
from common.numbers import LATITUDE, LONGITUDE
from common.regions import region_endings
from core.data.errors import DataError, DataLoadError
from core.data.models import (
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
from core.data.rows import Cells, Keys, Places, Snapshots, per_lang

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_ENV = "JCAIR_DATA_DIR"

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


MAX_COUNT = 999  # an activity count beyond this is a typing slip, not a programme of visits


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


def _check_region(c: Cells, region: Names, country: Country | None, regions: dict[str, tuple[Names, int]]) -> None:
    """A region has one set of names, and a place lies in a region of its own country."""
    if not region.ja:
        return  # already reported as empty
    if region.ja in regions and regions[region.ja][0] != region:
        other, other_line = regions[region.ja]
        column = next(c for lang, c in per_lang("region") if other.get(lang) != region.get(lang))
        c.fail("conflicting_region", column, region.ja, other_line=str(other_line))
    regions.setdefault(region.ja, (region, c.row.line))
    if country and not region.ja.endswith(region_endings(country)):
        suffixes = " / ".join(region_endings(country))
        c.fail("region_country", "region_ja", region.ja, country=country, suffixes=suffixes)


def _load_places(folder: Path, errors: list[DataError]) -> Places:
    file = str(folder / PLACES)
    columns = (*(c for _, c in per_lang("name")), "kind", "country", *(c for _, c in per_lang("region")), "source")
    places: dict[str, Place] = {}
    keyed: list[tuple[Row, tuple[str, ...]]] = []
    regions: dict[str, tuple[Names, int]] = {}
    rows, complete = _rows(folder, PLACES, columns, errors)
    if complete and not rows:
        errors.append(DataError(file, "no_rows"))
        complete = False  # the missing rows are the one problem, not each place the other files name
    for row in rows:
        c = Cells(file, row, errors)
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
    return Places(places, Keys(frozenset(key for _, (key,) in keyed), complete))


def _load_partnerships(folder: Path, places: Places, errors: list[DataError]) -> tuple[Partnership, ...]:
    file = str(folder / PARTNERSHIPS)
    result = []
    keyed: list[tuple[Row, tuple[str, ...]]] = []
    rows, _ = _rows(folder, PARTNERSHIPS, ("japan", "china", "relation", "wording_ja", "year", "source"), errors)
    for row in rows:
        c = Cells(file, row, errors)
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


def _load_statuses(folder: Path, places: Places, errors: list[DataError]) -> tuple[list[Status], Snapshots]:
    """The statuses (without their activities and events yet), one per entity and date, and what
    statuses.csv defines for the other files."""
    file = str(folder / STATUSES)
    statuses: list[Status] = []
    keyed: list[tuple[Row, tuple[str, ...]]] = []
    stored_stages = tuple(s for s in Stage if s is not Stage.NO_STATUS)
    columns = ("entity", "as_of", "stage", "counterparts", "themes", "text_ja", "source")
    rows, complete = _rows(folder, STATUSES, columns, errors)
    for row in rows:
        c = Cells(file, row, errors)
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
    entities = Keys(frozenset(entity for entity, _ in entries), complete)
    return statuses, Snapshots(entities, entries, frozenset(as_of for _, as_of in entries if as_of))


def _entry_rows(folder: Path, filename: str, columns: tuple[str, ...], snapshots: Snapshots,
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


def _load_activities(folder: Path, places: Places, snapshots: Snapshots, errors: list[DataError]) -> list[Activity]:
    file = str(folder / ACTIVITIES)
    result = []
    columns = ("entity", "kind", "count", "qualifier", "fiscal_year", "counterparts", "themes", "text_ja", "source")
    for row in _entry_rows(folder, ACTIVITIES, columns, snapshots, errors):
        c = Cells(file, row, errors)
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
            result.append(Activity(entity, kind, count, qualifier, fiscal_year, counterparts, themes, text, source,
                                   as_of))
    return result


def _load_events(folder: Path, places: Places, snapshots: Snapshots, errors: list[DataError]) -> list[Event]:
    file = str(folder / EVENTS)
    result = []
    columns = ("entity", "year", "month", "timing", "status", "text_ja", "source")
    for row in _entry_rows(folder, EVENTS, columns, snapshots, errors):
        c = Cells(file, row, errors)
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

