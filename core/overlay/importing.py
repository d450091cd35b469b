"""A file's bytes → its table, the columns found in it and the Overlay: the one entry the UI and
the start-up option (`--overlay`) share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from common.csvtable import AMBIGUOUS, first_lines
from common.problems import Problem
from common.readlimit import read_bytes
from core.overlay.build import Resolver, build
from core.overlay.columns import ColumnMap
from core.overlay.model import Overlay
from core.overlay.reading import Table, read_table


@dataclass(frozen=True)
class Imported:
    """What one import made: the table (None when unreadable), the column roles used, the Overlay
    (its problems: the reading's first, then the rows'), the reading's problems alone, and the
    file's bytes while the reader has to pick their encoding (problem "ambiguous_encoding")."""

    table: Table | None
    columns: ColumnMap
    overlay: Overlay
    reading: tuple[Problem, ...] = ()
    undecided: bytes = b""

    def read_as(self, encoding: str, resolve: Resolver | None = None) -> Imported:
        """The undecided file read in the `encoding` the reader picked."""
        return import_overlay(self.overlay.source, self.undecided, resolve, encoding)

    def previews(self, lines: int) -> dict[str, list[str]]:
        """The undecided file's first `lines` lines in each encoding it could be in."""
        return {encoding: first_lines(self.undecided, encoding, lines) for encoding in AMBIGUOUS}

    def remap(self, columns: ColumnMap, resolve: Resolver | None = None) -> Imported:
        """The same table read with other column roles (the reader reassigned one by hand)."""
        if self.table is None:
            return self
        built = build(self.table, columns, resolve)
        return Imported(self.table, columns, replace(built, problems=(*self.reading, *built.problems)), self.reading)


def _refused(name: str, problems: list[Problem] | tuple[Problem, ...]) -> Imported:
    return Imported(None, ColumnMap(), Overlay(name, problems=tuple(problems)), tuple(problems))


def _names_both_cities(row: Sequence[str]) -> bool:
    """A header: a row in which the column roles find both cities' names (a half coordinate pair is
    then reported on the header found, not taken for "no header")."""
    return not ColumnMap.detect(row).missing_names()


def import_overlay(name: str, data: bytes, resolve: Resolver | None = None, encoding: str | None = None) -> Imported:
    """Read `data` (the file `name`; a CSV in `encoding` when the reader chose it), detect its
    columns, build the overlay."""
    table, problems = read_table(name, data, is_header=_names_both_cities, encoding=encoding)
    if table is None:
        undecided = any(p.problem == "ambiguous_encoding" for p in problems)
        return replace(_refused(name, problems), undecided=data if undecided else b"")
    return Imported(table, ColumnMap(), Overlay(name), tuple(problems)).remap(ColumnMap.detect(table.header), resolve)


def import_file(path: Path, resolve: Resolver | None = None) -> Imported:
    """The overlay in the file at `path` (the start-up option): read as a data file is (a regular
    file only, its size counted while reading); a missing or unreadable one is a problem like a data file's."""
    name = str(path)
    data, problems = read_bytes(path)
    if data is None:
        return _refused(name, problems)
    return import_overlay(name, data, resolve)
