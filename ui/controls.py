"""The sidebar (language, filters, map options) and its two-way link with the URL.

On a session's first run the URL's query parameters seed the widgets; from then on the widgets
are the truth and the URL is rewritten to match, so the address bar always shares this view.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core.basemap import BASEMAPS
from core.filters import ViewFilter, year_bounds
from core.i18n import LANG_NAMES, LANGS, label, t
from core.models import Dataset, RelationType, Stage
from core.present import markdown_text
from core.viewstate import COLOR_BY, Ignored, ViewState, parse_query, to_query

_SEEDED = "_view_seeded"
_IGNORED = "_url_ignored"
_VIEW = "_view"


def _query_dict() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


_WIDGET_KEYS = ("lang", "regions", "years", "undated", "relations", "stages", "q", "color_by", "basemap")


def seed_from_url(dataset: Dataset) -> None:
    """Once per session: turn the URL's parameters into widget values (and remember what failed).

    On every later run, re-assign each widget's value to its key before the widget is drawn.
    Streamlit's widget ids include the running page's script hash, and a process's first run
    goes through the legacy pages/ router (another hash): without this, the first click after
    a server start would reset the URL-seeded language and filters to their defaults.
    """
    if st.session_state.get(_SEEDED):
        for key in _WIDGET_KEYS:
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
        return
    state, ignored = parse_query(_query_dict(), dataset, tuple(BASEMAPS))
    bounds = year_bounds(dataset)
    f = state.filter
    st.session_state.update(
        lang=state.lang,
        regions=list(f.regions),
        undated=f.include_undated,
        relations=list(f.relations),
        stages=list(f.stages),
        q=f.search,
        color_by=state.color_by,
        basemap=state.basemap,
        place=state.place,
        link=state.link,
    )
    if bounds:
        lo, hi = bounds
        st.session_state["years"] = (max(lo, f.year_from or lo), min(hi, f.year_to or hi))
    st.session_state[_IGNORED] = ignored
    st.session_state[_SEEDED] = True


def language() -> str:
    """The language picker, first in the sidebar so that everything after it is translated."""
    url_lang = st.query_params.get("lang")
    st.session_state.setdefault("lang", url_lang if url_lang in LANGS else "ja")
    return st.sidebar.selectbox(t("sidebar.language", "ja"), LANGS, format_func=LANG_NAMES.__getitem__, key="lang")


def sidebar(dataset: Dataset, lang: str) -> ViewState:
    """Draw the filters; return the view they select and write it into the URL."""
    side = st.sidebar
    side.header(t("sidebar.filters", lang))
    regions = dataset.regions()
    region_order = sorted(regions, key=lambda k: (_country_of(dataset, k), regions[k]["en"]))
    side.multiselect(
        t("filter.region", lang), region_order, key="regions", placeholder=t("filter.all", lang),
        format_func=lambda k: regions[k].get(lang), help=t("filter.region_help", lang),
    )
    year_from = year_to = None
    if bounds := year_bounds(dataset):
        lo, hi = bounds
        st.session_state.setdefault("years", (lo, hi))
        chosen = side.slider(t("filter.years", lang), lo, hi, key="years")
        year_from = chosen[0] if chosen[0] > lo else None
        year_to = chosen[1] if chosen[1] < hi else None
    side.checkbox(t("filter.undated", lang), key="undated")
    side.multiselect(t("filter.relation", lang), list(RelationType), key="relations", placeholder=t("filter.all", lang), format_func=lambda r: label(r, lang))
    side.multiselect(t("filter.stage", lang), list(Stage), key="stages", placeholder=t("filter.all", lang), format_func=lambda s: label(s, lang))
    side.text_input(t("filter.search", lang), key="q", help=t("filter.search_help", lang))
    side.button(t("filter.reset", lang), on_click=_reset, args=(dataset,))
    side.divider()
    side.radio(t("map.color_by", lang), COLOR_BY, key="color_by", format_func=lambda c: t(f"map.color_by.{c}", lang))
    side.selectbox(t("map.basemap", lang), list(BASEMAPS), key="basemap", format_func=lambda b: BASEMAPS[b].names[lang])
    if BASEMAPS[st.session_state["basemap"]].online:
        side.caption(t("map.online_note", lang))

    state = ViewState(
        lang=lang,
        filter=ViewFilter(
            regions=tuple(st.session_state["regions"]),
            year_from=year_from,
            year_to=year_to,
            include_undated=st.session_state["undated"],
            relations=tuple(st.session_state["relations"]),
            stages=tuple(st.session_state["stages"]),
            search=st.session_state["q"].strip(),
        ),
        place=st.session_state.get("place"),
        link=st.session_state.get("link"),
        color_by=st.session_state["color_by"],
        basemap=st.session_state["basemap"],
    )
    publish(state)
    return state


def _country_of(dataset: Dataset, region_key: str) -> int:
    place = next((p for p in dataset.places.values() if p.region.ja == region_key), None)
    return 0 if place is None or place.country == "JP" else 1


def _reset(dataset: Dataset) -> None:
    bounds = year_bounds(dataset)
    st.session_state.update(regions=[], undated=True, relations=[], stages=[], q="", place=None, link=None)
    st.session_state[_IGNORED] = []
    if bounds:
        st.session_state["years"] = bounds


def publish(state: ViewState) -> None:
    """Make `state` the current view: remembered for the pages and written into the URL."""
    st.session_state[_VIEW] = state
    target = to_query(state)
    if _query_dict() != {k: (v if isinstance(v, list) else [v]) for k, v in target.items()}:
        st.query_params.from_dict(target)


def current_view() -> ViewState:
    return st.session_state[_VIEW]


def select(place: str | None = None, link: str | None = None) -> None:
    """Select a place or a link (or nothing) and keep the URL in step."""
    st.session_state["place"], st.session_state["link"] = place, link
    publish(replace(current_view(), place=place, link=link))


def url_warnings(lang: str) -> None:
    """Show every URL value that was not understood and was ignored, until filters are cleared."""
    ignored: list[Ignored] = st.session_state.get(_IGNORED, [])
    for item in ignored:
        text = t("warn.unknown_param", lang, param=markdown_text(item.param), value=markdown_text(item.value))
        st.warning(text, icon=":material/warning:")
