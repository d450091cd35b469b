"""An imported list of partnerships (the overlay), as the map and the details panel read it.

Why its own model and not core.data.models: a foreign file's pairs are between any two places of the
world, have no Table 2 status and no year we can trust; they are drawn beneath the programme's
links, never mixed with them. Places are stored once and links refer to them by index, which is
also how the browser receives them (core/map/overlay.py): a link costs a few bytes, not its names.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from common.problems import Problem

JAPAN, CHINA = "JP", "CN"
T = TypeVar("T")


@dataclass(frozen=True)
class OverlayPlace:
    """One end of one or more imported pairs."""

    name: str  # as written in the file (plain text: escaped wherever it is shown)
    country: str  # ISO 3166-1 alpha-2, upper case ("JP", "CN", "US"), or "" when not known
    lat: float
    lon: float
    region: str = ""  # for a place in Japan or China: its prefecture/province's Japanese name
    # (as the app's region filter holds them, e.g. "天津市", "兵庫県"); "" elsewhere or unknown


@dataclass(frozen=True)
class OverlayLink:
    """One row of the file that became a pair."""

    a: int  # index into Overlay.places
    b: int
    row: int  # where the row is in the file, as the reader counts it (the CSV line, the sheet's row)
    cells: tuple[str, ...] = ()  # the row's cells as text, under Overlay.header (shown on click): the
    # table's own row, shared, not copied into (header, cell) pairs (16 MB for the reference set)


@dataclass(frozen=True)
class Overlay:
    """The pairs of one imported file: what drew, and what did not (each failed row a Problem), and
    what drew otherwise than the file wrote it (`notes`)."""

    source: str  # the file's name, as the user gave it
    places: tuple[OverlayPlace, ...] = ()
    links: tuple[OverlayLink, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    header: tuple[str, ...] = ()  # the file's column names, over each link's cells
    notes: tuple[Problem, ...] = ()  # what was drawn otherwise than written (a country nobody knows), once per value
    # What was computed from this overlay (memo): it lives and dies with the object, which a session
    # keeps across reruns. Not lru_cache: that would hash all 25,917 links on every call.
    _memo: dict[Hashable, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def fields(self, link: OverlayLink) -> tuple[tuple[str, str], ...]:
        """The link's row as (column name, cell text) pairs."""
        return tuple(zip(self.header, link.cells))

    def is_japan_china(self, link: OverlayLink) -> bool:
        """True for a pair between Japan and China (either order): the programme's own kind."""
        return {self.places[link.a].country, self.places[link.b].country} == {JAPAN, CHINA}

    @cached_property
    def japan_china(self) -> frozenset[int]:
        """Indices of the Japan–China links."""
        return frozenset(i for i, link in enumerate(self.links) if self.is_japan_china(link))

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, once per overlay object and `key` (a rerun that changes only a filter
        reuses what the last one computed)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]
