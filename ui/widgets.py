"""The sidebar's widget kinds: how a parameter of `core/view/params.py` is seeded, drawn and read back.

A widget draws the parameters that share its label (`from` and `to` are one slider). Before
drawing, each widget's value is fitted to what the data offers and re-assigned to its key on
every run: a value left from other data can never make Streamlit raise, and a run whose widgets
had other ids (before ui.pagepath.as_main_script, a process's first run through the legacy
pages/ router) never loses the URL-seeded values on the first click.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from common.i18n import Message, t
from core.view.params import PARAMS, Allowed, Param
from core.view.state import ViewState

Params = Sequence[Param]
Draw = Callable[[DeltaGenerator, str, Params, Allowed, str], dict[str, Any]]  # a kind's: see Kind.draw


@dataclass(frozen=True)
class Kind:
    """`seed`: the widget's session value for a view (None: the widget keeps no value).
    `draw`: draw it under `key`; return the values of its parameters."""

    seed: Callable[[Params, ViewState, Allowed], Any]
    draw: Draw


CHOOSE = Message("select.choose")  # a select box's placeholder (Streamlit's is English)


def _help(param: Param, lang: str) -> str | None:
    return param.help.text(lang) if param.help else None


def _fitted(key: str, valid: Callable[[Any], Any]) -> None:
    if key in st.session_state:
        st.session_state[key] = valid(st.session_state[key])


def _multiselect(side: DeltaGenerator, key: str, params: Params, allowed: Allowed, lang: str) -> dict[str, Any]:
    [param] = params
    options = param.options(allowed, lang)
    _fitted(key, lambda chosen: [v for v in chosen if v in options])
    side.multiselect(
        param.label.text(lang), options, key=key, placeholder=t("filter.all", lang),
        format_func=lambda v: param.show(v, lang, allowed), help=_help(param, lang),
    )
    return {param.name: tuple(st.session_state[key])}


def _choice(draw: Callable[..., Any], **more: Message) -> Draw:
    """A radio or a select box over the parameter's options (`more`: its other texts, as messages)."""

    def widget(side: DeltaGenerator, key: str, params: Params, allowed: Allowed, lang: str) -> dict[str, Any]:
        [param] = params
        options = param.options(allowed)
        _fitted(key, lambda value: value if value in options else param.default)
        draw(side, param.label.text(lang), options, key=key, format_func=lambda v: param.show(v, lang, allowed),
             **{name: message.text(lang) for name, message in more.items()})
        return {param.name: st.session_state[key]}

    return widget


def _checkbox(side: DeltaGenerator, key: str, params: Params, allowed: Allowed, lang: str) -> dict[str, Any]:
    [param] = params
    _fitted(key, bool)
    side.checkbox(param.label.text(lang), key=key, help=_help(param, lang))
    return {param.name: st.session_state[key]}


def _text(side: DeltaGenerator, key: str, params: Params, allowed: Allowed, lang: str) -> dict[str, Any]:
    [param] = params
    _fitted(key, str)
    side.text_input(param.label.text(lang), key=key, help=_help(param, lang))
    return {param.name: st.session_state[key].strip()}


def _range_seed(params: Params, state: ViewState, allowed: Allowed) -> tuple[int, int] | None:
    if allowed.years is None:
        return None
    low, high = params
    lo, hi = allowed.years
    return (state[low.name] or lo, state[high.name] or hi)


def _range(side: DeltaGenerator, key: str, params: Params, allowed: Allowed, lang: str) -> dict[str, Any]:
    """A range slider over the data's years; a data set with fewer than two years gets a text instead
    (Streamlit's slider raises when its ends are equal)."""
    low, high = params
    if allowed.years is None or allowed.years[0] == allowed.years[1]:
        if allowed.years is None:
            side.caption(t("filter.years_none", lang))
        else:
            side.caption(t("filter.years_one", lang, year=allowed.years[0]))
        return {low.name: None, high.name: None}
    lo, hi = allowed.years
    inside = lambda year: min(max(int(year), lo), hi)  # noqa: E731
    _fitted(key, lambda chosen: tuple(sorted((inside(chosen[0]), inside(chosen[1])))))
    st.session_state.setdefault(key, (lo, hi))
    chosen = side.slider(low.label.text(lang), lo, hi, key=key)
    return {low.name: chosen[0] if chosen[0] > lo else None, high.name: chosen[1] if chosen[1] < hi else None}


def _snapshot(side: DeltaGenerator, key: str, params: Params, allowed: Allowed, lang: str) -> dict[str, Any]:
    """A snapshot date, drawn only when the data has more than one: with one there is nothing to choose.
    A comparison offers the dates before the one shown (the widget its parameter looks back from):
    what the address can hold, so that reloading it shows the same view."""
    if len(allowed.dataset.dates) < 2:
        return {params[0].name: params[0].default}
    if params[0].looks_back_from:  # drawn after the widget of the date shown, whose key is its name
        allowed = replace(allowed, shown=st.session_state.get(params[0].looks_back_from) or "")
    return _choice(DeltaGenerator.selectbox, placeholder=CHOOSE)(side, key, params, allowed, lang)


def _one(params: Params, state: ViewState, allowed: Allowed) -> Any:
    value = state[params[0].name]
    return list(value) if params[0].many else value


KINDS: dict[str, Kind] = {
    "multiselect": Kind(_one, _multiselect),
    "checkbox": Kind(_one, _checkbox),
    "text": Kind(_one, _text),
    "radio": Kind(_one, _choice(DeltaGenerator.radio)),
    "selectbox": Kind(_one, _choice(DeltaGenerator.selectbox, placeholder=CHOOSE)),
    "years": Kind(_range_seed, _range),
    "snapshot": Kind(_one, _snapshot),
}


@dataclass(frozen=True)
class Widget:
    key: str  # its session-state key: the parameter's name, or the kind's for several parameters
    kind: Kind
    params: Params

    @property
    def filters(self) -> bool:
        return any(p.filter for p in self.params)

    def seed(self, state: ViewState, allowed: Allowed) -> None:
        value = self.kind.seed(self.params, state, allowed)
        if value is not None:
            st.session_state[self.key] = value

    def draw(self, side: DeltaGenerator, allowed: Allowed, lang: str) -> dict[str, Any]:
        return self.kind.draw(side, self.key, self.params, allowed, lang)


def widgets(params: Params = PARAMS) -> Iterator[Widget]:
    """The sidebar's widgets in the registry's order: consecutive parameters sharing a label share one."""
    drawn = [p for p in params if p.widget]
    for _, group in groupby(drawn, key=lambda p: (p.widget, p.label)):
        members = list(group)
        kind = members[0].widget or ""
        yield Widget(members[0].name if len(members) == 1 else kind, KINDS[kind], members)
