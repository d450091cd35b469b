"""Hypothesis strategies for valid data folders of any shape.

`valid_folders()` draws a `Folder`: the CSV sheets to write and the `Dataset` the loader must read
back from them (one place or many, no partnerships, no statuses, no years, optional files absent or
header-only, shuffled and extra columns, unicode names with commas and quotes, years written as
1981 / 1981年 / full-width / 和暦); `defects.py` breaks them one defect at a time.
Reusable outside tests/core (e.g. an AppTest that every valid folder draws): write with
`Folder.write(path)`, compare with `Folder.expected`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field, replace
from pathlib import Path

from hypothesis import strategies as st

from common.regions import region_endings
from core.data.loading import MAX_COUNT, load_dataset
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
from core.data.rows import FIRST_POSSIBLE_YEAR
from core.data.years import ERAS

BUNDLED = Path(__file__).resolve().parents[2] / "data"
TODAY = dt.date.today()
STORED_STAGES = tuple(s for s in Stage if s is not Stage.NO_STATUS)
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

# Which columns each file must have (the loader's contract, data/README.md) and may have.
REQUIRED = {
    "places.csv": ("name_ja", "name_en", "name_zh", "kind", "country", "region_ja", "region_en", "region_zh", "source"),
    "partnerships.csv": ("japan", "china", "relation", "wording_ja", "year", "source"),
    "statuses.csv": ("entity", "as_of", "stage", "counterparts", "themes", "text_ja", "source"),
    "activities.csv": ("entity", "kind", "count", "qualifier", "fiscal_year", "counterparts", "themes", "text_ja",
                       "source"),
    "events.csv": ("entity", "year", "month", "timing", "status", "text_ja", "source"),
}
OPTIONAL = {
    "places.csv": ("lat", "lon", "note"),
    "partnerships.csv": ("note",),
    "statuses.csv": ("text_en", "text_zh"),
    "activities.csv": ("as_of", "text_en", "text_zh"),
    "events.csv": ("as_of", "text_en", "text_zh"),
}
OPTIONAL_FILES = ("activities.csv", "events.csv")

# Letters, digits, punctuation and symbols of any script (commas and quotes included: the writer
# quotes them); no list separators, no whitespace, nothing hidden.
_NAME_CHARS = st.characters(categories=["L", "N", "P", "S"], exclude_characters=";；")
_TEXT_CHARS = st.one_of(_NAME_CHARS, st.sampled_from(" \n;"))


def names() -> st.SearchStrategy[str]:
    return st.text(_NAME_CHARS, min_size=1, max_size=6)


def texts(required: bool = True) -> st.SearchStrategy[str]:
    """Free text as the loader keeps it (trimmed), line breaks and separators included."""
    head = st.text(_NAME_CHARS, min_size=1 if required else 0, max_size=3)
    return st.builds(lambda h, tail: (h + tail).strip(), head, st.text(_TEXT_CHARS, max_size=10))


@dataclass
class Sheet:
    """One CSV file as its header and rows of cells, written the way Excel's CSV UTF-8 would be."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def add(self, cells: dict[str, str]) -> None:
        self.rows.append([cells.get(column, "") for column in self.header])

    def text(self, rows: list[list[str]] | None = None) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows([self.header, *(self.rows if rows is None else rows)])
        return out.getvalue()

    def line_of(self, index: int) -> int:
        """The physical line row `index` starts on (cells may hold line breaks; the header is line 1)."""
        return self.text(self.rows[:index]).count("\n") + 1

    def cell(self, index: int, column: str) -> str:
        return self.rows[index][self.header.index(column)]

    def set(self, index: int, column: str, value: str) -> None:
        self.rows[index][self.header.index(column)] = value


@dataclass
class Folder:
    """The sheets of a data folder (an optional file left out is absent) and what loading it yields."""

    sheets: dict[str, Sheet]
    expected: Dataset | None = None

    def write(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        for name, sheet in self.sheets.items():
            (path / name).write_bytes(sheet.text().encode("utf-8"))


@st.composite
def _columns(draw: st.DrawFn, file: str) -> list[str]:
    """The required columns, some optional ones and perhaps an extra one, in any order."""
    optional = draw(st.lists(st.sampled_from(OPTIONAL[file]), unique=True))
    extra = ["memo"] if draw(st.booleans()) else []
    return draw(st.permutations([*REQUIRED[file], *optional, *extra]))


@st.composite
def _year(draw: st.DrawFn) -> tuple[int, str]:
    """A year and one way a coordinator writes it."""
    year = draw(st.integers(FIRST_POSSIBLE_YEAR, TODAY.year))
    era = next(e for e in reversed(ERAS) if e.first_year <= year)
    number = year - era.first_year + 1
    written = draw(st.sampled_from([
        str(year), f"{year}年", str(year).translate(FULL_WIDTH_DIGITS),
        f"{era.name}{'元' if number == 1 else number}年", f"{era.letter}{number}",
    ]))
    return year, written


def _list_cell(draw: st.DrawFn, items: list[str]) -> str:
    return draw(st.sampled_from([";", "；", "; "])).join(items)


@st.composite
def _regions(draw: st.DrawFn, country: Country) -> list[Names]:
    stems = draw(st.lists(names(), min_size=1, max_size=3, unique=True))
    suffixes = region_endings(country)
    return [Names({"ja": stem + draw(st.sampled_from(suffixes)), "en": draw(names()), "zh": draw(names())})
            for stem in stems]


@st.composite
def _places(draw: st.DrawFn, min_places: int, max_places: int) -> tuple[Sheet, dict[str, Place]]:
    sheet = Sheet(draw(_columns("places.csv")))
    regions = {country: draw(_regions(country)) for country in Country}
    regions = {c: list({r.ja: r for r in rs}.values()) for c, rs in regions.items()}
    keys = draw(st.lists(names(), min_size=min_places, max_size=max_places, unique=True))
    places: dict[str, Place] = {}
    for key in keys:
        country, kind = draw(st.sampled_from(Country)), draw(st.sampled_from(PlaceKind))
        region = draw(st.sampled_from(regions[country]))
        cells = {"name_ja": key, "name_en": draw(names()), "name_zh": draw(names()), "kind": kind, "country": country,
                 "region_ja": region.ja, "region_en": region["en"], "region_zh": region["zh"], "source": draw(texts())}
        lat = lon = None
        if "lat" in sheet.header and "lon" in sheet.header and draw(st.booleans()):
            cells["lat"] = f"{draw(st.floats(-90, 90)):.4f}"
            cells["lon"] = f"{draw(st.floats(-180, 180)):.4f}"
            lat, lon = float(cells["lat"]), float(cells["lon"])
        note = draw(texts(required=False)) if "note" in sheet.header else ""
        cells["note"] = note
        sheet.add(cells)
        names_ = Names({"ja": key, "en": cells["name_en"], "zh": cells["name_zh"]})
        places[key] = Place(names_, kind, country, region, cells["source"], lat, lon, note)
    return sheet, places


@st.composite
def _partnerships(draw: st.DrawFn, places: dict[str, Place]) -> tuple[Sheet, tuple[Partnership, ...]]:
    sheet = Sheet(draw(_columns("partnerships.csv")))
    japan = [k for k, p in places.items() if p.country is Country.JP]
    china = [k for k, p in places.items() if p.country is Country.CN]
    pairs = [(j, c) for j in japan for c in china]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=8)) if pairs else []
    result = []
    for j, c in chosen:
        relation = draw(st.sampled_from(RelationType))
        year, written = draw(_year()) if relation is RelationType.FRIENDSHIP or draw(st.booleans()) else (None, "")
        note = draw(texts(required=False)) if "note" in sheet.header else ""
        cells = {"japan": j, "china": c, "relation": relation, "wording_ja": draw(texts()), "year": written,
                 "note": note, "source": draw(texts())}
        sheet.add(cells)
        result.append(Partnership(j, c, relation, cells["wording_ja"], year, cells["source"], note))
    return sheet, tuple(result)


def _translations(draw: st.DrawFn, sheet: Sheet, cells: dict[str, str]) -> Names:
    for lang in ("en", "zh"):
        cells[f"text_{lang}"] = draw(texts(required=False)) if f"text_{lang}" in sheet.header else ""
    cells["text_ja"] = draw(texts())
    return Names({lang: cells[f"text_{lang}"] for lang in ("ja", "en", "zh")})


@st.composite
def _statuses(draw: st.DrawFn, places: dict[str, Place], japan: list[str]) -> tuple[Sheet, list[Status]]:
    """Statuses of some places, each at one or more dates (rows in any order)."""
    sheet = Sheet(draw(_columns("statuses.csv")))
    entries = [(entity, as_of.isoformat()) for entity in draw(st.lists(st.sampled_from(sorted(places)), unique=True))
               for as_of in draw(st.lists(st.dates(dt.date(2000, 1, 1), TODAY), min_size=1, max_size=2, unique=True))]
    statuses = []
    for entity, as_of in draw(st.permutations(entries)):
        counterparts = draw(st.lists(st.sampled_from(japan), max_size=3)) if japan else []
        themes = draw(st.lists(st.sampled_from(Theme), max_size=3))
        cells = {"entity": entity, "as_of": as_of, "stage": draw(st.sampled_from(STORED_STAGES)),
                 "counterparts": _list_cell(draw, counterparts), "themes": _list_cell(draw, themes),
                 "source": draw(texts())}
        text = _translations(draw, sheet, cells)
        sheet.add(cells)
        statuses.append(Status(entity, as_of, Stage(cells["stage"]), tuple(counterparts), tuple(themes), text,
                               cells["source"]))
    return sheet, statuses


@st.composite
def _entry_columns(draw: st.DrawFn, file: str, entries: list[tuple[str, str]]) -> list[str]:
    """An activities/events header: `as_of` may be left out only when there is one snapshot date."""
    columns = draw(_columns(file))
    if len({as_of for _, as_of in entries}) > 1 and "as_of" not in columns:
        columns.insert(draw(st.integers(0, len(columns))), "as_of")
    return columns


@st.composite
def _activities(draw: st.DrawFn, entries: list[tuple[str, str]], japan: list[str]) -> tuple[Sheet, list[Activity]]:
    sheet = Sheet(draw(_entry_columns("activities.csv", entries)))
    result = []
    for entity, as_of in draw(st.lists(st.sampled_from(entries), max_size=6)) if entries else []:
        qualifier = draw(st.sampled_from(CountQualifier))
        count = None if qualifier is CountQualifier.UNSPECIFIED else draw(st.integers(1, MAX_COUNT))
        written = "" if count is None else draw(st.sampled_from([str(count), str(count).translate(FULL_WIDTH_DIGITS)]))
        fiscal_year, fy_written = draw(_year()) if draw(st.booleans()) else (None, "")
        counterparts = draw(st.lists(st.sampled_from(japan), max_size=2)) if japan else []
        themes = draw(st.lists(st.sampled_from(Theme), max_size=2))
        cells = {"entity": entity, "as_of": as_of, "kind": draw(st.sampled_from(ActivityKind)), "count": written,
                 "qualifier": qualifier, "fiscal_year": fy_written, "counterparts": _list_cell(draw, counterparts),
                 "themes": _list_cell(draw, themes), "source": draw(texts())}
        text = _translations(draw, sheet, cells)
        sheet.add(cells)
        result.append(Activity(entity, ActivityKind(cells["kind"]), count, qualifier, fiscal_year, tuple(counterparts),
                               tuple(themes), text, cells["source"], as_of))
    return sheet, result


@st.composite
def _events(draw: st.DrawFn, entries: list[tuple[str, str]]) -> tuple[Sheet, list[Event]]:
    sheet = Sheet(draw(_entry_columns("events.csv", entries)))
    result = []
    for entity, as_of in draw(st.lists(st.sampled_from(entries), max_size=6)) if entries else []:
        year, written = draw(_year())
        cells = {"entity": entity, "as_of": as_of, "year": written, "month": str(draw(st.integers(1, 12))),
                 "timing": draw(st.sampled_from(Timing)), "status": draw(st.sampled_from(EventStatus)),
                 "source": draw(texts())}
        text = _translations(draw, sheet, cells)
        sheet.add(cells)
        result.append(Event(entity, year, int(cells["month"]), Timing(cells["timing"]), EventStatus(cells["status"]),
                            text, cells["source"], as_of))
    return sheet, result


@st.composite
def valid_folders(draw: st.DrawFn, min_places: int = 1, max_places: int = 10) -> Folder:
    """A data folder the loader must accept, with the Dataset it must load from it."""
    places_sheet, places = draw(_places(min_places, max_places))
    japan = [k for k, p in places.items() if p.country is Country.JP]
    partnerships_sheet, partnerships = draw(_partnerships(places))
    statuses_sheet, statuses = draw(_statuses(places, japan))
    entries = sorted((s.entity, s.as_of) for s in statuses)
    activities_sheet, activities = draw(_activities(entries, japan))
    events_sheet, events = draw(_events(entries))
    sheets = {"places.csv": places_sheet, "partnerships.csv": partnerships_sheet, "statuses.csv": statuses_sheet}
    for name, sheet in (("activities.csv", activities_sheet), ("events.csv", events_sheet)):
        if sheet.rows or draw(st.booleans()):  # an optional file without rows may be absent
            sheets[name] = sheet
    history: dict[str, list[Status]] = {}
    for status in sorted(statuses, key=lambda s: s.as_of):
        entry = (status.entity, status.as_of)
        history.setdefault(status.entity, []).append(replace(
            status, activities=tuple(a for a in activities if (a.entity, a.as_of) == entry),
            events=tuple(sorted((e for e in events if (e.entity, e.as_of) == entry), key=lambda e: e.sort_key))))
    return Folder(sheets, Dataset(places=places, partnerships=partnerships,
                                  history={key: tuple(entries) for key, entries in history.items()}))


def bundled_folder() -> Folder:
    """The bundled data/ folder as sheets, with the Dataset it loads to."""
    sheets = {}
    for name in REQUIRED:
        with (BUNDLED / name).open(encoding="utf-8-sig", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        sheets[name] = Sheet(header, rows)
    return Folder(sheets, load_dataset(BUNDLED))
