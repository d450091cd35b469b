"""The whole view as URL query parameters, so that a presenter can share exactly what is shown.

`lang`, `province` (repeatable, any language's name), `from`, `to`, `undated` (1/0), `relation`,
`stage` (repeatable; code or any language's label), `q` (search), `place` / `link` (selection),
`color` (relation/stage) and `basemap`. Unknown values are reported back and ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TypeVar

from core.basemap import DEFAULT_BASEMAP
from core.filters import ViewFilter
from core.i18n import DEFAULT_LANG, LANGS, label
from core.models import Dataset, RelationType, Stage, normalise_name

COLOR_BY = ("relation", "stage")
E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class ViewState:
    lang: str = DEFAULT_LANG
    filter: ViewFilter = field(default_factory=ViewFilter)
    place: str | None = None  # selected place key
    link: str | None = None  # selected partnership key "japan–china"
    color_by: str = "relation"
    basemap: str = DEFAULT_BASEMAP


@dataclass(frozen=True)
class Ignored:
    """A query parameter value the app did not understand (shown to the user as a warning)."""

    param: str
    value: str


def _values(params: Mapping[str, str | list[str]], name: str) -> list[str]:
    raw = params.get(name, [])
    return [v for v in ([raw] if isinstance(raw, str) else list(raw)) if v != ""]


def _enum(value: str, enum: type[E]) -> E | None:
    """A member by its code or by its label in any language."""
    wanted = normalise_name(value)
    for member in enum:
        if wanted == normalise_name(member.value) or wanted in (normalise_name(label(member, lang)) for lang in LANGS):
            return member
    return None


def _year(value: str) -> int | None:
    return int(value) if value.isdecimal() and 1900 <= int(value) <= 2100 else None  # isdigit() admits ², ①


def parse_query(
    params: Mapping[str, str | list[str]], dataset: Dataset, basemaps: Collection[str] = (DEFAULT_BASEMAP,)
) -> tuple[ViewState, list[Ignored]]:
    """Read a view from query parameters; every value not understood is returned as Ignored."""
    ignored: list[Ignored] = []

    def single(name: str) -> str | None:
        values = _values(params, name)
        for extra in values[1:]:
            ignored.append(Ignored(name, extra))
        return values[0] if values else None

    state = ViewState()
    if (lang := single("lang")) is not None:
        state = replace(state, lang=lang) if lang in LANGS else state
        if lang not in LANGS:
            ignored.append(Ignored("lang", lang))

    regions = dataset.regions()
    by_name = {normalise_name(n): key for key, names in regions.items() for n in names.all()}
    chosen_regions = []
    for value in _values(params, "province"):
        key = by_name.get(normalise_name(value))
        if key is None:
            ignored.append(Ignored("province", value))
        elif key not in chosen_regions:
            chosen_regions.append(key)

    years: dict[str, int | None] = {}
    for name in ("from", "to"):
        value = single(name)
        years[name] = _year(value) if value is not None else None
        if value is not None and years[name] is None:
            ignored.append(Ignored(name, value))

    undated = True
    if (value := single("undated")) is not None:
        if value in ("0", "1"):
            undated = value == "1"
        else:
            ignored.append(Ignored("undated", value))

    def members(name: str, enum: type[E]) -> tuple[E, ...]:
        found: list[E] = []
        for value in _values(params, name):
            member = _enum(value, enum)
            if member is None:
                ignored.append(Ignored(name, value))
            elif member not in found:
                found.append(member)
        return tuple(found)

    view_filter = ViewFilter(
        regions=tuple(chosen_regions),
        year_from=years["from"],
        year_to=years["to"],
        include_undated=undated,
        relations=members("relation", RelationType),
        stages=members("stage", Stage),
        search=single("q") or "",
    )
    state = replace(state, filter=view_filter)

    if (value := single("place")) is not None:
        place = dataset.find_place(value)
        state = replace(state, place=place.key) if place else state
        if place is None:
            ignored.append(Ignored("place", value))
    if (value := single("link")) is not None:
        keys = {p.key for p in dataset.partnerships}
        normalised = value.replace("-", "–")
        state = replace(state, link=normalised) if normalised in keys else state
        if normalised not in keys:
            ignored.append(Ignored("link", value))
    if (value := single("color")) is not None:
        state = replace(state, color_by=value) if value in COLOR_BY else state
        if value not in COLOR_BY:
            ignored.append(Ignored("color", value))
    if (value := single("basemap")) is not None:
        state = replace(state, basemap=value) if value in basemaps else state
        if value not in basemaps:
            ignored.append(Ignored("basemap", value))
    return state, ignored


def to_query(state: ViewState) -> dict[str, str | list[str]]:
    """The query parameters of a view; defaults are left out to keep shared URLs short."""
    f = state.filter
    query: dict[str, str | list[str]] = {}
    if state.lang != DEFAULT_LANG:
        query["lang"] = state.lang
    if f.regions:
        query["province"] = list(f.regions)
    if f.year_from is not None:
        query["from"] = str(f.year_from)
    if f.year_to is not None:
        query["to"] = str(f.year_to)
    if not f.include_undated:
        query["undated"] = "0"
    if f.relations:
        query["relation"] = [r.value for r in f.relations]
    if f.stages:
        query["stage"] = [s.value for s in f.stages]
    if f.search:
        query["q"] = f.search
    if state.place:
        query["place"] = state.place
    if state.link:
        query["link"] = state.link
    if state.color_by != "relation":
        query["color"] = state.color_by
    if state.basemap != DEFAULT_BASEMAP:
        query["basemap"] = state.basemap
    return query
