"""A table of pairs (core/overlay/reading.py) and its column roles → an Overlay.

Strict like the data files: a coordinate is a plain number in range (common/numbers.py; a decimal
comma is read as a point), a name is not empty. A row with a problem is listed (row, column, value,
what was expected) and not drawn; every other row is. Cells are text and stay text:
`=HYPERLINK(...)` or `<script>` is a name like any other (escaped wherever shown). A side without
coordinates (no columns, or both cells empty) is looked up by name through `resolve` (the offline
geocoding chain in the app, see geocode/overlay.py); a name it cannot place is listed as unresolved.
A country nobody knows (a typo such as "Japn") leaves its pair drawn among other countries' pairs,
never silently: each such value is a note with its first line, its column and how many drawn rows
write it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from common.numbers import LATITUDE, LONGITUDE, Bounds, read_number
from common.problems import Problem
from core.overlay.columns import ROLE_LABELS, ColumnMap
from core.overlay.countries import country_code
from core.overlay.model import Overlay, OverlayLink, OverlayPlace
from core.overlay.reading import Table
from core.overlay.regions import regions_of

# name, country code or "" → (lat, lon, country code), or None when the name cannot be placed.
Resolver = Callable[[str, str], "tuple[float, float, str] | None"]
Point = tuple[str, str, float, float]  # name, country, lat, lon: one place
# "34,69": a decimal comma (a semicolon-separated export of a European spreadsheet, or a quoted
# cell). One comma between digits and no point: a coordinate never needs a thousands separator.
_DECIMAL_COMMA = re.compile(r"\s*[+-]?\d+,\d+\s*")


class _Row:
    """One row's cells by role, and the problems found reading them."""

    def __init__(self, table: Table, columns: ColumnMap, at: dict[str, int], index: int,
                 read_number: Callable[[str, Bounds], tuple[float | int | None, str]]):
        self.table, self.columns, self.at, self.line = table, columns, at, table.lines[index]
        self.cells = table.rows[index]
        self.read_number = read_number  # _read_number, remembered for the whole table (see build)
        self.problems: list[Problem] = []
        self.unknown: list[tuple[str, str]] = []  # (role, text) of each country written but not known

    def text(self, role: str) -> str:
        i = self.at.get(role)
        return "" if i is None else self.cells[i]

    def problem(self, role: str, code: str, value: str = "", **params: str) -> None:
        self.problems.append(Problem(self.table.source, code, self.line, self.columns.get(role), value,
                                     expected=ROLE_LABELS[role], params=dict(params)))

    def number(self, role: str, bounds: Bounds) -> float | None:
        number, code = self.read_number(self.text(role), bounds)
        if code:
            self.problem(role, code, self.text(role), **bounds.params)
        return number


def _read_number(text: str, bounds: Bounds) -> tuple[float | int | None, str]:
    """read_number, a decimal comma read as a decimal point (the problem, if any, still quotes the cell)."""
    return read_number(text.replace(",", ".") if _DECIMAL_COMMA.fullmatch(text) else text, bounds)


def _side(row: _Row, side: str, countries: dict[str, str], resolve: Resolver | None,
          resolved: dict[tuple[str, str], tuple[float, float, str] | None]) -> Point | None:
    """The place at one end of the row, or None (and the row's problem)."""
    name = row.text(f"city{side}")
    if not name:
        row.problem(f"city{side}", "missing_value")
        return None
    written = row.text(f"country{side}")
    if written not in countries:
        countries[written] = country_code(written)
    country = countries[written]
    lat_text, lon_text = row.text(f"lat{side}"), row.text(f"lon{side}")
    if lat_text or lon_text:
        if not (lat_text and lon_text):
            row.problem(f"lon{side}" if lat_text else f"lat{side}", "half_coordinates")
            return None
        lat, lon = row.number(f"lat{side}", LATITUDE), row.number(f"lon{side}", LONGITUDE)
        if written and not country:
            row.unknown.append((f"country{side}", written))
        return None if lat is None or lon is None else (name, country, lat, lon)
    key = (name, country)
    if key not in resolved:
        resolved[key] = resolve(name, country) if resolve else None
    found = resolved[key]
    if found is None:
        row.problem(f"city{side}", "unresolved_place", name)
        return None
    lat, lon, found_country = found
    if written and not (country or found_country):
        row.unknown.append((f"country{side}", written))
    return name, country or found_country, lat, lon


def build(table: Table, columns: ColumnMap, resolve: Resolver | None = None) -> Overlay:
    """Every row that makes a pair, once per place; the rows that do not, as problems."""
    problems = columns.problems(table.source, table.header_line)
    if problems:
        return Overlay(table.source, problems=tuple(problems))
    index: dict[Point, int] = {}
    links: list[OverlayLink] = []
    countries: dict[str, str] = {}
    resolved: dict[tuple[str, str], tuple[float, float, str] | None] = {}
    position = {column: i for i, column in enumerate(table.header)}
    at = {role: position[column] for role, column in columns.columns.items() if column in position}
    # A file repeats each place's coordinates on every row of its pairs: each text is read once, in
    # a cache of this build's (gone with it; a module-wide one kept every import's numbers).
    read = cache(_read_number)
    unknown: dict[tuple[str, str], list[int]] = {}  # (role, text) → [first line, rows]
    for i in range(len(table.rows)):
        row = _Row(table, columns, at, i, read)
        ends = [_side(row, side, countries, resolve, resolved) for side in "12"]
        if row.problems:
            problems += row.problems
            continue
        for key in row.unknown:
            unknown.setdefault(key, [row.line, 0])[1] += 1
        a, b = (index.setdefault(end, len(index)) for end in ends if end)
        links.append(OverlayLink(a, b, row.line, row.cells))
    points = list(index)
    regions = regions_of([(country, lat, lon) for _, country, lat, lon in points])
    places = tuple(OverlayPlace(name, country, lat, lon, region)
                   for (name, country, lat, lon), region in zip(points, regions))
    notes = tuple(Problem(table.source, "unknown_country", line, columns.get(role), text, params={"count": f"{rows:,}"})
                  for (role, text), (line, rows) in sorted(unknown.items(), key=lambda item: item[1][0]))
    return Overlay(table.source, places, tuple(links), tuple(problems), table.header, notes)
