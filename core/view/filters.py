"""What the sidebar's filters select: pure predicates over a Dataset, shared by every page.

Each filter is one `Filter` (how it judges a link, and a place without any link); the parameter
registry (`core/view/params.py`) binds each to its URL parameter. A view's filter is the list of the
active ones with their values, and `apply_filter` is a loop over it, like datasette's filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from core.data.models import Dataset, Partnership, Place, normalise_name


@dataclass(frozen=True)
class Filter:
    """How one parameter's value narrows the view.

    `link` judges a partnership. `place` judges a place that has no partnership at all; a filter
    about links only (relation, undated) rejects such places whenever it is active.
    """

    link: Callable[[Dataset, Partnership, Any], bool]
    place: Callable[[Dataset, Place, Any], bool]


# The active filters of a view with their values; empty = everything is shown.
ActiveFilters = tuple[tuple[Filter, Any], ...]


@dataclass(frozen=True)
class Shown:
    """What the filters let through: the partnerships shown and their places (the map, the tables, the exports)."""

    partnerships: tuple[Partnership, ...]
    places: tuple[Place, ...]  # ends of the shown partnerships, plus matching unlinked places

    @property
    def empty(self) -> bool:
        """Nothing on the map: the filters leave no link and no place."""
        return not self.partnerships and not self.places


def _ends(dataset: Dataset, p: Partnership) -> tuple[Place, Place]:
    return dataset.places[p.japan], dataset.places[p.china]


def _in_regions(place: Place, regions: Iterable[str]) -> bool:
    """A region matches itself and every place inside it (regions are keyed by their Japanese name)."""
    return place.region.ja in regions


def _name_matches(place: Place, search: str) -> bool:
    """The search text is part of any of the place's names (case and width folded)."""
    return any(normalise_name(search) in normalise_name(n) for n in place.names.all())


def _links_only(dataset: Dataset, place: Place, value: Any) -> bool:
    return False


PROVINCE = Filter(
    link=lambda d, p, regions: any(_in_regions(end, regions) for end in _ends(d, p)),
    place=lambda d, place, regions: _in_regions(place, regions),
)
SEARCH = Filter(
    link=lambda d, p, text: any(_name_matches(end, text) for end in _ends(d, p)),
    place=lambda d, place, text: _name_matches(place, text),
)
YEAR_FROM = Filter(link=lambda d, p, year: p.year is None or p.year >= year, place=lambda d, place, year: True)
YEAR_TO = Filter(link=lambda d, p, year: p.year is None or p.year <= year, place=lambda d, place, year: True)
UNDATED = Filter(link=lambda d, p, undated: undated or p.year is not None, place=_links_only)
RELATION = Filter(link=lambda d, p, relations: p.relation in relations, place=_links_only)
STAGE = Filter(
    link=lambda d, p, stages: d.stage_of(p.china) in stages,
    place=lambda d, place, stages: d.stage_of(place.key) in stages,
)
WHEN = (YEAR_FROM, YEAR_TO, UNDATED)  # the filters about when, not which


def without_years(active: ActiveFilters) -> ActiveFilters:
    """`active` without the filters about when: what the map frames, so the year slider never moves it."""
    return tuple((f, v) for f, v in active if all(f is not w for w in WHEN))


def apply_filter(dataset: Dataset, active: ActiveFilters) -> Shown:
    """The partnerships and places a view shows, in the data's order."""
    links = tuple(p for p in dataset.partnerships if all(f.link(dataset, p, v) for f, v in active))
    linked = {key for p in links for key in (p.japan, p.china)}
    all_linked = {key for p in dataset.partnerships for key in (p.japan, p.china)}
    places = [
        place for key, place in dataset.places.items()
        if key in linked or (key not in all_linked and all(f.place(dataset, place, v) for f, v in active))
    ]
    return Shown(links, tuple(places))


def year_bounds(dataset: Dataset) -> tuple[int, int] | None:
    """The smallest and largest agreement year in the data: the range `from` and `to` are held to."""
    years = [p.year for p in dataset.partnerships if p.year is not None]
    return (min(years), max(years)) if years else None
