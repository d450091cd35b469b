"""Every URL parameter, declared once: its name, how it reads and writes, its default, what it is
checked against in the data, how it filters, and its sidebar widget and strings.

`core/view/state.py` (parse and write a URL), `core/view/filters.apply_filter` (through
`ViewState.filter`) and `ui/controls.py` (seed, draw, reset the sidebar) are loops over `PARAMS`.
Adding a parameter is one line here, plus a widget kind in `ui/widgets.py` and its strings when it
needs new ones. A URL value is never trusted: `read` returns None for a value that does not fit
(reported and ignored) or a `Read` whose `fixed` says how it was changed to fit (reported, used).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from common.i18n import DEFAULT_LANG, LANG_NAMES, LANGS, Message, format_date, label, t
from core.data.models import Country, Dataset, Names, RelationType, Stage, normalise_name
from core.view import filters
from core.view.basemaps import BASEMAPS, DEFAULT_BASEMAP
from core.view.filters import Filter, year_bounds
from core.view.regionorder import region_order

COLOR_BY = ("relation", "stage")
YEAR_PLAUSIBLE = (1900, 2100)  # a number outside this is not a year at all (ignored, not clamped)


@dataclass(frozen=True)
class Allowed:
    """What this data folder and this app accept as parameter values."""

    dataset: Dataset
    basemaps: tuple[str, ...] = (DEFAULT_BASEMAP,)
    shown: str = ""  # the snapshot date the view shows ("": the data's latest): a comparison looks back from it

    @cached_property
    def regions(self) -> dict[str, Names]:
        return self.dataset.regions()

    @cached_property
    def region_by_name(self) -> dict[str, str]:
        return {normalise_name(n): key for key, names in self.regions.items() for n in names.all()}

    def region_order(self, lang: str = DEFAULT_LANG) -> list[str]:
        """The sidebar's list of regions in the reader's order (core/view/regionorder.py)."""
        japanese = {p.region.ja for p in self.dataset.places.values() if p.country == Country.JP}
        return region_order(self.regions, japanese, lang)

    @cached_property
    def years(self) -> tuple[int, int] | None:
        return year_bounds(self.dataset)

    @cached_property
    def links(self) -> frozenset[str]:
        return frozenset(p.key for p in self.dataset.partnerships)


@dataclass(frozen=True)
class Read:
    """A URL value understood; `fixed` names how it was changed to fit the data ("" = as written)."""

    value: Any
    fixed: str = ""


@dataclass(frozen=True, kw_only=True)
class Param:
    """One URL parameter. `widget` is the sidebar widget kind drawing it (None: not in the sidebar),
    `label`/`help` its texts (catalogue messages), `filter` how a non-default value narrows the view,
    `by_page` whether the pages set it (a click, the tour, the presenter switch: kept in session state,
    no widget), `in_a_step` whether a tour step's view may set it."""

    name: str
    default: Any = None
    many: bool = False
    widget: str | None = None
    label: Message | None = None
    help: Message | None = None
    filter: Filter | None = None
    by_page: bool = False
    in_a_step: bool = True

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        raise NotImplementedError

    def write(self, value: Any) -> str:
        return str(value)

    def options(self, allowed: Allowed, lang: str = DEFAULT_LANG) -> Sequence[Any]:
        """The values a choice widget offers, in the reader's order (only choice parameters have them)."""
        raise NotImplementedError(self.name)

    def show(self, value: Any, lang: str, allowed: Allowed) -> str:
        """A value as a choice widget shows it in `lang`."""
        raise NotImplementedError(self.name)


@dataclass(frozen=True, kw_only=True)
class Choice(Param):
    """One of a fixed list of codes (`choices` may depend on what the app allows)."""

    choices: Callable[[Allowed], Sequence[str]]
    shown: Callable[[str, str], str] = lambda value, lang: value

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        return Read(raw) if raw in self.choices(allowed) else None

    def options(self, allowed: Allowed, lang: str = DEFAULT_LANG) -> Sequence[str]:
        return list(self.choices(allowed))

    def show(self, value: Any, lang: str, allowed: Allowed) -> str:
        return self.shown(value, lang)


@dataclass(frozen=True, kw_only=True)
class Members(Param):
    """Members of an enum, by code or by their label in any language; written as codes."""

    enum: type[StrEnum]
    many: bool = True
    default: Any = ()

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        wanted = normalise_name(raw)
        for member in self.enum:
            if wanted == normalise_name(member.value) or wanted in (normalise_name(label(member, g)) for g in LANGS):
                return Read(member)
        return None

    def write(self, value: Any) -> str:
        return value.value

    def options(self, allowed: Allowed, lang: str = DEFAULT_LANG) -> Sequence[StrEnum]:
        return list(self.enum)

    def show(self, value: Any, lang: str, allowed: Allowed) -> str:
        return label(value, lang)


@dataclass(frozen=True, kw_only=True)
class Region(Param):
    """Prefectures/provinces that hold a place, by any language's name; written as the Japanese name."""

    many: bool = True
    default: Any = ()

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        key = allowed.region_by_name.get(normalise_name(raw))
        return Read(key) if key else None

    def options(self, allowed: Allowed, lang: str = DEFAULT_LANG) -> Sequence[str]:
        return allowed.region_order(lang)

    def show(self, value: Any, lang: str, allowed: Allowed) -> str:
        return allowed.regions[value].get(lang)


_DIGITS = re.compile(r"[0-9]{1,4}")


@dataclass(frozen=True, kw_only=True)
class Year(Param):
    """A year (full-width digits too), clamped into the data's years; ignored when the data has none."""

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        text = raw.strip()
        if not text.isdecimal():  # isdigit() and NFKC would admit ² and ①
            return None
        text = unicodedata.normalize("NFKC", text)  # full-width digits
        if not _DIGITS.fullmatch(text) or not YEAR_PLAUSIBLE[0] <= int(text) <= YEAR_PLAUSIBLE[1]:
            return None
        if allowed.years is None:
            return Read(None, "no_years")
        lo, hi = allowed.years
        year = min(max(int(text), lo), hi)
        return Read(year, "clamped" if year != int(text) else "")


@dataclass(frozen=True, kw_only=True)
class Flag(Param):
    """On or off, written 1 or 0."""

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        return Read(raw == "1") if raw in ("0", "1") else None

    def write(self, value: Any) -> str:
        return "1" if value else "0"


@dataclass(frozen=True, kw_only=True)
class Whole(Param):
    """A whole number from 1 to `high` in ASCII or full-width digits (a tour step)."""

    high: int = 999

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        text = unicodedata.normalize("NFKC", raw.strip()) if raw.strip().isdecimal() else ""
        return Read(int(text)) if _DIGITS.fullmatch(text) and 1 <= int(text) <= self.high else None


@dataclass(frozen=True, kw_only=True)
class Text(Param):
    """Free text (the name search), kept as typed but for surrounding spaces."""

    default: Any = ""

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        return Read(raw.strip())


@dataclass(frozen=True, kw_only=True)
class PlaceRef(Param):
    """A place by any of its names; written as its key."""

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        place = allowed.dataset.find_place(raw)
        return Read(place.key) if place else None


@dataclass(frozen=True, kw_only=True)
class LinkRef(Param):
    """A partnership "japan–china" (an ASCII hyphen works too); written with the en dash."""

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        key = raw.replace("-", "–")
        return Read(key) if key in allowed.links else None


@dataclass(frozen=True, kw_only=True)
class Snapshot(Param):
    """A snapshot date of the data (YYYY-MM-DD exactly as in statuses.csv). The default "" moves
    with the data: the latest snapshot for `asof`, the one before the date shown for `since`
    (`looks_back_from`: the parameter of the date shown; only dates before it are offered, as a URL
    gets them: core/view/state.py)."""

    default: Any = ""
    moving: Message  # how the default is shown ({date}: the latest snapshot)
    looks_back_from: str = ""

    def read(self, raw: str, allowed: Allowed) -> Read | None:
        return Read(raw.strip()) if raw.strip() in allowed.dataset.dates else None

    def options(self, allowed: Allowed) -> Sequence[str]:
        dates = earlier_dates(allowed.dataset, allowed.shown) if self.looks_back_from else allowed.dataset.dates
        return ["", *reversed(dates)]

    def show(self, value: Any, lang: str, allowed: Allowed) -> str:
        if value:
            return format_date(value, lang)
        latest = allowed.dataset.dates[-1] if allowed.dataset.dates else ""
        return self.moving.text(lang, date=format_date(latest, lang) if latest else "")


def earlier_dates(dataset: Dataset, shown: str) -> tuple[str, ...]:
    """The snapshot dates before the one a view shows (`shown`, "" for the data's latest): what it
    may be compared with."""
    shown = shown or dataset.viewed or ""
    return tuple(d for d in dataset.dates if d < shown)


def _color_name(value: str, lang: str) -> str:
    return t(f"map.color_by.{value}", lang)


def _basemap_name(value: str, lang: str) -> str:
    return BASEMAPS[value].names[lang]


PARAMS: tuple[Param, ...] = (
    Choice(name="lang", default=DEFAULT_LANG, choices=lambda a: LANGS, shown=lambda v, lang: LANG_NAMES[v],
           in_a_step=False),  # the reader's, never a step's
    Region(name="province", widget="multiselect", label=Message("filter.region"), help=Message("filter.region_help"),
           filter=filters.PROVINCE),
    Year(name="from", widget="years", label=Message("filter.years"), filter=filters.YEAR_FROM),
    Year(name="to", widget="years", label=Message("filter.years"), filter=filters.YEAR_TO),
    Flag(name="undated", default=True, widget="checkbox", label=Message("filter.undated"), filter=filters.UNDATED),
    Members(name="relation", enum=RelationType, widget="multiselect", label=Message("filter.relation"),
            filter=filters.RELATION),
    Members(name="stage", enum=Stage, widget="multiselect", label=Message("filter.stage"), filter=filters.STAGE),
    Text(name="q", widget="text", label=Message("filter.search"), help=Message("filter.search_help"),
         filter=filters.SEARCH),
    PlaceRef(name="place", by_page=True),
    LinkRef(name="link", by_page=True),
    Snapshot(name="asof", widget="snapshot", label=Message("filter.asof"), moving=Message("asof.latest")),
    Snapshot(name="since", widget="snapshot", label=Message("filter.since"), moving=Message("since.previous"),
             looks_back_from="asof"),
    # the timeline stopped at this year (a tour step); the browser plays it, never a filter
    Year(name="year", by_page=True),
    Choice(name="color", default="relation", choices=lambda a: COLOR_BY, shown=_color_name, widget="radio",
           label=Message("map.color_by")),
    Choice(name="basemap", default=DEFAULT_BASEMAP, choices=lambda a: a.basemaps, shown=_basemap_name,
           widget="selectbox", label=Message("map.basemap")),
    Flag(name="present", default=False, by_page=True, in_a_step=False),  # the presenter view (ui/presenter.py)
    Whole(name="step", by_page=True, in_a_step=False),  # the guided tour's step (core/view/tour.py)
)
SET_BY_PAGES = tuple(p.name for p in PARAMS if p.by_page)  # kept in session state, drawn by no widget
NOT_IN_A_STEP = tuple(p.name for p in PARAMS if not p.in_a_step)  # a tour step's view may not set these
