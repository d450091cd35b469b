"""The whole view as URL query parameters, so that a presenter can share exactly what is shown.

Both directions are loops over the parameter registry (`core/view/params.py`): `parse_query` reads every
declared parameter and reports every value it could not use as written (`Ignored`), `to_query`
writes every value that is not its default. What is reported is what the one URL warning lists.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.data.models import Dataset
from core.view.basemaps import DEFAULT_BASEMAP
from core.view.filters import ActiveFilters
from core.view.params import COLOR_BY, PARAMS, Allowed, Param, earlier_dates

__all__ = ["COLOR_BY", "Ignored", "ViewState", "parse_query", "to_query"]  # COLOR_BY: declared in core.view.params


def _defaults(params: Collection[Param] = PARAMS) -> dict[str, Any]:
    return {p.name: p.default for p in params}


@dataclass(frozen=True)
class ViewState:
    """Every parameter's value, defaults included; pages read it through the properties below."""

    values: Mapping[str, Any] = field(default_factory=_defaults)

    @classmethod
    def of(cls, **values: Any) -> ViewState:
        """The default view with some values changed (names as in the URL: `ViewState.of(province=...)`)."""
        return cls({**_defaults(), **values})

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def replace(self, **values: Any) -> ViewState:
        return ViewState({**self.values, **values})

    @property
    def lang(self) -> str:
        return self["lang"]

    @property
    def place(self) -> str | None:
        return self["place"]

    @property
    def link(self) -> str | None:
        return self["link"]

    @property
    def asof(self) -> str | None:
        """The snapshot date shown; None: the latest."""
        return self["asof"] or None

    @property
    def since(self) -> str | None:
        """The snapshot compared with; None: the one before the date shown."""
        return self["since"] or None

    @property
    def color(self) -> str:
        return self["color"]

    @property
    def basemap(self) -> str:
        return self["basemap"]

    @property
    def filter(self) -> ActiveFilters:
        """The active filters with their values, for `apply_filter`."""
        return tuple((p.filter, self[p.name]) for p in PARAMS if p.filter and self[p.name] != p.default)


@dataclass(frozen=True)
class Ignored:
    """A URL value the app could not use as written (shown to the user in the URL warning).

    `reason`: "unknown" (not understood, ignored), "repeated" (a second value of a one-value
    parameter, ignored), "unknown_name" (no such parameter), "clamped" (a year moved into the
    data's years, `used` says to what), "no_years" (the data has no years), "swapped" (`from`
    after `to`, `used` names the other end), "since_not_before" (`since` not before the date shown).
    """

    param: str
    value: str
    reason: str = "unknown"
    used: str = ""


def _values(query: Mapping[str, str | list[str]], name: str) -> list[str]:
    raw = query.get(name, [])
    return [v for v in ([raw] if isinstance(raw, str) else list(raw)) if v != ""]


def _read(param: Param, raws: list[str], allowed: Allowed, ignored: list[Ignored]) -> Any:
    """One parameter's value from its raw URL values; what does not fit goes to `ignored`."""
    if not param.many:
        ignored += [Ignored(param.name, extra, "repeated") for extra in raws[1:]]
        raws = raws[:1]
    found: list[Any] = []
    for raw in raws:
        got = param.read(raw, allowed)
        if got is None:
            ignored.append(Ignored(param.name, raw))
            continue
        if got.fixed:
            used = "" if got.value is None else param.write(got.value)
            ignored.append(Ignored(param.name, raw, got.fixed, used))
        if got.value is not None and got.value not in found:
            found.append(got.value)
    if param.many:
        return tuple(found)
    return found[0] if found else param.default


def _ordered_years(values: dict[str, Any], ignored: list[Ignored]) -> None:
    """`from` after `to` is a range written backwards: swap the two and say so."""
    lo, hi = values.get("from"), values.get("to")
    if lo is not None and hi is not None and lo > hi:
        values["from"], values["to"] = hi, lo
        ignored.append(Ignored("from", str(lo), "swapped", f"to={hi}"))


def _since_before_asof(values: dict[str, Any], dataset: Dataset, ignored: list[Ignored]) -> None:
    """A comparison looks back: `since` on or after the date shown is dropped (the default compares
    with the snapshot before)."""
    if values.get("since") and values["since"] not in earlier_dates(dataset, values.get("asof") or ""):
        ignored.append(Ignored("since", values["since"], "since_not_before"))
        values["since"] = ""


def parse_query(
    query: Mapping[str, str | list[str]],
    dataset: Dataset,
    basemaps: Collection[str] = (DEFAULT_BASEMAP,),
    params: Collection[Param] = PARAMS,
) -> tuple[ViewState, list[Ignored]]:
    """Read a view from query parameters; every value not used as written is returned as Ignored."""
    allowed = Allowed(dataset, tuple(basemaps))
    known = {p.name for p in params}
    ignored = [Ignored(name, ", ".join(_values(query, name)), "unknown_name") for name in query if name not in known]
    values = {p.name: _read(p, _values(query, p.name), allowed, ignored) for p in params}
    _ordered_years(values, ignored)
    _since_before_asof(values, dataset, ignored)
    return ViewState(values), ignored


def to_query(state: ViewState, params: Collection[Param] = PARAMS) -> dict[str, str | list[str]]:
    """The query parameters of a view; defaults are left out to keep shared URLs short."""
    query: dict[str, str | list[str]] = {}
    for p in params:
        value = state[p.name]
        if value != p.default:
            query[p.name] = [p.write(v) for v in value] if p.many else p.write(value)
    return query
