"""A file's bytes → its table, the columns found in it and the Overlay: the one entry the UI and
the start-up option (`--overlay`) share."""

from __future__ import annotations

from dataclasses import dataclass

from core.overlay.build import Resolver, build
from core.overlay.columns import ColumnMap
from core.overlay.model import Overlay
from core.overlay.reading import Table, read_table


@dataclass(frozen=True)
class Imported:
    """What one import made: the table (None when unreadable), the column roles used, the Overlay."""

    table: Table | None
    columns: ColumnMap
    overlay: Overlay


def import_overlay(name: str, data: bytes, resolve: Resolver | None = None,
                   columns: ColumnMap | None = None) -> Imported:
    """Read `data` (the file `name`), detect its columns unless given, build the overlay."""
    table, problems = read_table(name, data)
    if table is None:
        return Imported(None, columns or ColumnMap(), Overlay(name, problems=tuple(problems)))
    columns = columns or ColumnMap.detect(table.header)
    overlay = build(table, columns, resolve)
    return Imported(table, columns, Overlay(name, overlay.places, overlay.links, (*problems, *overlay.problems)))
