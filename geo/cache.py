"""The geocode cache: one CSV file in the data folder (geocache.csv), read by the app, written by the CLI.

Columns: key,lat,lon,source,detail,fingerprint,updated (UTF-8). `source`/`detail` are those
of the source that really answered (gazetteer, nominatim); `fingerprint` is
GeocodeQuery.fingerprint, so an entry is served only while the place keeps the names,
country, kind and region it had when it was geocoded. Only real answers are stored.

The file is read with the data files' own reader and checked as strictly: one row per key
(a repeated key is an error naming both lines, never "last wins"), coordinates that are
numbers and on Earth. A faulty cache serves nothing: its problems are reported instead, once
per fault (the first row it is found on, and how many rows have it), each with the one remedy:
`make geocode REFRESH=1`, which writes the file again (data/README.md: never edit it by hand).
Only `python -m geocode` writes it, in one atomic replacement (`common.atomicwrite`).
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from common.atomicwrite import write_atomic
from common.csvtable import Row, duplicate_keys, read_table
from common.numbers import LATITUDE, LONGITUDE, Bounds, read_number
from common.problems import Problem

from .query import GeocodeQuery, Location

CACHE_FILE = "geocache.csv"
COLUMNS = ("key", "lat", "lon", "source", "detail", "fingerprint", "updated")
REQUIRED = ("key", "lat", "lon")
CACHEABLE_SOURCES = ("gazetteer", "nominatim")
REFRESH_FIXES = ("geocache_refresh", "geocache_refresh_rows")  # fix.<…>: one fault on one row / on {rows} rows


@dataclass(frozen=True)
class CacheEntry:
    key: str
    lat: float
    lon: float
    source: str
    detail: str
    fingerprint: str
    updated: str

    @classmethod
    def of(cls, query: GeocodeQuery, location: Location, updated: str) -> CacheEntry:
        """The entry for a real answer; anything else (manual, cache) is refused with ValueError."""
        if not isinstance(location, Location) or location.source not in CACHEABLE_SOURCES:
            raise ValueError(f"only answers from {CACHEABLE_SOURCES} are cached, got {location!r}")
        return cls(query.key, location.lat, location.lon, location.source, location.detail,
                   query.fingerprint, updated)


def read_cache(path: Path) -> tuple[dict[str, CacheEntry], list[Problem]]:
    """All entries by key and no problem, or no entry and every fault, once each (see the module's
    docstring); no file is an empty cache."""
    entries, problems = _read_cache(path)
    fault = {id(p): (p.problem, p.column) for p in problems}  # a kind of problem in one column (or row)
    counts = Counter(fault.values())
    first = {fault[id(p)]: p for p in reversed(problems)}  # the first row of each fault, in order
    return entries, [replace(p, fix=REFRESH_FIXES[counts[fault[id(p)]] > 1],
                             params={**p.params, "rows": str(counts[fault[id(p)]])})
                     for p in problems if first[fault[id(p)]] is p]


def _read_cache(path: Path) -> tuple[dict[str, CacheEntry], list[Problem]]:
    if not os.path.lexists(path):  # a broken link is not "no file": read_table names it
        return {}, []
    rows, problems = read_table(path, REQUIRED)
    if rows is None:
        return {}, problems
    name = str(path)
    entries: dict[str, CacheEntry] = {}
    for row in rows:
        lat = _number(name, row, "lat", LATITUDE, problems)
        lon = _number(name, row, "lon", LONGITUDE, problems)
        if not row["key"]:
            problems.append(Problem(name, "missing_value", row.line, "key", expected="name_ja"))
        elif lat is not None and lon is not None:
            entries.setdefault(row["key"], CacheEntry(row["key"], lat, lon, row["source"], row["detail"],
                                                      row["fingerprint"], row["updated"]))
    problems += duplicate_keys(name, [(row, row["key"]) for row in rows], "key")
    return ({} if problems else entries), problems


def _number(name: str, row: Row, column: str, bounds: Bounds, problems: list[Problem]) -> float | None:
    value = row[column]
    number, problem = read_number(value, bounds)
    if problem:
        problems.append(Problem(name, problem if value else "missing_text", row.line, column, value,
                                params=bounds.params))
    return number


def render(entries: Iterable[CacheEntry]) -> bytes:
    """The file's content, sorted by key so that a re-run changes only what changed."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in sorted(entries, key=lambda e: e.key):
        writer.writerow([e.key, repr(e.lat), repr(e.lon), e.source, e.detail, e.fingerprint, e.updated])
    return buf.getvalue().encode("utf-8")


def write_cache(path: Path, entries: Iterable[CacheEntry]) -> None:
    """Replace the cache file atomically, keeping its permissions; OSError when it cannot be written."""
    write_atomic(path, render(entries))


class CacheSource:
    """Serves earlier answers read from the cache file (see read_cache)."""

    name = "cache"

    def __init__(self, entries: Mapping[str, CacheEntry]) -> None:
        self.entries = entries

    def geocode(self, query: GeocodeQuery) -> Location | None:
        entry = self.entries.get(query.key)
        if entry is None or entry.fingerprint != query.fingerprint:
            return None  # unknown, or cached for a place that has since been renamed/moved
        when = f", {entry.updated}" if entry.updated else ""
        return Location(entry.lat, entry.lon, self.name,
                        f"cached {entry.source} answer{when}: {entry.detail}")
