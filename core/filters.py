"""What the sidebar's filters select: pure functions over a Dataset, shared by every page.

A region matches itself and every place inside it; the year range applies to dated relations and
a switch decides about undated ones; relation, stage and a name search narrow further.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.models import Dataset, Partnership, Place, RelationType, Stage, normalise_name


@dataclass(frozen=True)
class ViewFilter:
    """Empty tuples mean "no restriction"."""

    regions: tuple[str, ...] = ()  # Japanese names of prefectures/provinces (Names.ja of Place.region)
    year_from: int | None = None
    year_to: int | None = None
    include_undated: bool = True
    relations: tuple[RelationType, ...] = ()
    stages: tuple[Stage, ...] = ()
    search: str = ""

    @property
    def restricts_links_only(self) -> bool:
        """Relation and year filters are about links: places without any link fail them."""
        return bool(self.relations) or not self.include_undated


@dataclass(frozen=True)
class View:
    partnerships: tuple[Partnership, ...]
    places: tuple[Place, ...]  # ends of the shown partnerships, plus matching unlinked places


def _name_matches(place: Place, search: str) -> bool:
    """The search text is part of any of the place's names (case and width folded)."""
    return any(normalise_name(search) in normalise_name(n) for n in place.names.all())


def _place_matches(place: Place, f: ViewFilter) -> bool:
    return (not f.regions or place.region.ja in f.regions) and (not f.search or _name_matches(place, f.search))


def _link_matches(p: Partnership, dataset: Dataset, f: ViewFilter) -> bool:
    ends = (dataset.places[p.japan], dataset.places[p.china])
    if f.regions and not any(end.region.ja in f.regions for end in ends):
        return False
    if f.search and not any(_name_matches(end, f.search) for end in ends):
        return False
    if p.year is None:
        if not f.include_undated:
            return False
    elif (f.year_from is not None and p.year < f.year_from) or (f.year_to is not None and p.year > f.year_to):
        return False
    if f.relations and p.relation not in f.relations:
        return False
    if f.stages and dataset.stage_of(p.china) not in f.stages:
        return False
    return True


def apply_filter(dataset: Dataset, f: ViewFilter) -> View:
    """The partnerships and places a view shows, in the data's order."""
    links = tuple(p for p in dataset.partnerships if _link_matches(p, dataset, f))
    linked = {key for p in links for key in (p.japan, p.china)}
    all_linked = {key for p in dataset.partnerships for key in (p.japan, p.china)}
    places = []
    for key, place in dataset.places.items():
        if key in linked:
            places.append(place)
        elif key not in all_linked and not f.restricts_links_only and _place_matches(place, f):
            if not f.stages or dataset.stage_of(key) in f.stages:
                places.append(place)
    return View(links, tuple(places))


def year_bounds(dataset: Dataset) -> tuple[int, int] | None:
    """The smallest and largest agreement year in the data, for the year slider."""
    years = [p.year for p in dataset.partnerships if p.year is not None]
    return (min(years), max(years)) if years else None
