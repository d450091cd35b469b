"""The sidebar (language, filters, map options) and its two-way link with the URL.

On a session's first run the URL's query parameters seed the widgets; from then on the widgets
are the truth and the URL is rewritten to match, so the address bar always shares this view.
Seeding, drawing and resetting are loops over the parameter registry (`core/view/params.py`).

Streamlit's own `bind="query-params"` does not fit these widgets: it writes a widget's *displayed*
option into the URL (a translated label, so `?stage=ほぼ合意` would become `?stage=Nearly agreed`
when the language changes), drops a value it does not understand without a word, binds one widget
to one parameter (the year slider is `from` and `to`), and a bound parameter can no longer be set
through `st.query_params` (which `select` does for a map click).
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from common.i18n import LANG_NAMES, LANGS, Message, t
from core.data.models import Dataset
from core.report.wording import markdown_text
from core.view.basemaps import BASEMAPS
from core.view.params import SET_BY_PAGES, Allowed
from core.view.state import Ignored, ViewState, parse_query, to_query
from ui import session
from ui.widgets import widgets

_SEEDED = "_view_seeded"
_SHOWN_OVER = "_widgets_shown_over"  # {widget key: (its value before `show`, the value `show` gave it)}
_SHOWN_RUN = "_widgets_shown_now"  # `show` ran in this run (a callback or the URL's step)
_IGNORED = "_url_ignored"
_VIEW = "_view"
_VALUE_SHOWN = 60  # characters of a URL value the warning quotes; the warning stays compact


def _query_dict() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def _allowed(dataset: Dataset) -> Allowed:
    return Allowed(dataset, tuple(BASEMAPS))


def seed_from_url(dataset: Dataset) -> bool:
    """Once per session: turn the URL's parameters into widget values (and remember what did not fit).
    True on the run that seeded."""
    if st.session_state.get(_SEEDED):
        return False
    query = _query_dict()
    if "lang" not in query and (lang := session.device_lang()):  # a participant's phone: its own language
        query["lang"] = [lang]
    state, ignored = parse_query(query, dataset, tuple(BASEMAPS))
    allowed = _allowed(dataset)
    for widget in widgets():
        widget.seed(state, allowed)
    st.session_state.update(lang=state.lang, **{name: state[name] for name in SET_BY_PAGES})
    st.session_state[_IGNORED] = ignored
    st.session_state[_VIEW] = state  # until the sidebar publishes the view drawn
    st.session_state[_SEEDED] = True
    return True


def language(side: DeltaGenerator | None = None) -> str:
    """The language picker, first in the sidebar (or the presenter's filter panel) so that
    everything after it is translated."""
    url_lang = st.query_params.get("lang")
    st.session_state["lang"] = st.session_state.get("lang", url_lang if url_lang in LANGS else "ja")  # see ui.widgets
    return (side or st.sidebar).selectbox(t("sidebar.language", "ja"), LANGS, format_func=LANG_NAMES.__getitem__,
                                         key="lang", placeholder=t("select.choose", st.session_state["lang"]))


def sidebar(dataset: Dataset, lang: str, side: DeltaGenerator | None = None) -> ViewState:
    """Draw the filters, then the map options (in the sidebar, or the presenter's filter panel);
    return the view they select and write it into the URL."""
    allowed = _allowed(dataset)
    side = side or st.sidebar
    if not st.session_state.get("present"):  # the presenter view has its own leave button
        st.session_state["_present_switch"] = False  # off whenever shown: it enters the view
        side.toggle(t("present.switch", lang), key="_present_switch", on_change=present, args=(True,))
    side.header(t("sidebar.filters", lang))
    values = {"lang": lang, **{name: st.session_state.get(name) for name in SET_BY_PAGES}}
    for widget in widgets():
        if widget.filters:
            values.update(widget.draw(side, allowed, lang))
    side.button(t("filter.reset", lang), on_click=_reset, args=(dataset,))
    side.divider()
    for widget in widgets():
        if not widget.filters:
            values.update(widget.draw(side, allowed, lang))
    if BASEMAPS[values["basemap"]].online:
        side.caption(t("map.online_note", lang))
    if side is st.sidebar:  # drawn where the browser keeps them: its copy is this run's from the next run on
        st.session_state.pop(_SHOWN_OVER, None)
    state = ViewState.of(**values)
    publish(state)
    return state


def filters_leave_nothing(where: DeltaGenerator, lang: str) -> None:
    """Said where the filters leave no link and no place (`Shown.empty`): the map alone would show
    an empty basemap, unexplained, framed on what the year filters took away."""
    where.info(t("map.empty", lang), icon=":material/filter_alt_off:")


def present(on: bool) -> None:
    """Enter or leave the presenter view in this session (a callback): filters, selection,
    language and an uploaded overlay stay; leaving ends the tour."""
    update(present=on, **({} if on else {"step": None}))


def _reset(dataset: Dataset) -> None:
    """Every filter back to its default, the selection cleared; language and map options stay."""
    show(dataset, ViewState.of(lang=current_view().lang, present=current_view()["present"]), filters_only=True)


def show(dataset: Dataset, state: ViewState, filters_only: bool = False, keep_warning: bool = False) -> None:
    """Make the widgets and session show `state` (a tour step, a reset); call it from a callback,
    before the widgets are drawn. `filters_only` leaves language and map options alone;
    `keep_warning` the URL warning (a step the URL asked for)."""
    allowed = _allowed(dataset)
    before = {widget.key: st.session_state.get(widget.key) for widget in widgets()}
    for widget in widgets():
        if widget.filters or not filters_only:
            widget.seed(state, allowed)
    st.session_state[_SHOWN_OVER] = {key: (old, st.session_state.get(key)) for key, old in before.items()
                                     if st.session_state.get(key) != old}
    st.session_state[_SHOWN_RUN] = True  # this run draws them: checked from the next run on
    st.session_state.update({name: state[name] for name in SET_BY_PAGES})
    if not keep_warning:
        _dismiss()


def keep_shown() -> None:
    """Call it before the widgets are drawn: what `show` gave the widgets stays, unless the reader
    changed it since. The browser keeps its own copy of each widget's value and sends it with every
    rerun; a widget it does not draw (the presenter's filter panel while closed) never takes the
    value the server gave it, and the browser's old value came back with the next click: a tour
    step's colouring or cleared search reverted at a click on the map. The browser's copy is known
    to be stale while it still equals the value before `show`; once it differs (the panel was
    opened, or the reader chose something else) it is the reader's, and once the sidebar has drawn
    the widgets (`sidebar`: the normal view) it is the server's: a value chosen there that equals
    the one before `show` is the reader's choice (the year put back to 1991 after the presenter
    view was left)."""
    if st.session_state.pop(_SHOWN_RUN, False):
        return
    shown = st.session_state.get(_SHOWN_OVER, {})
    for key, (old, new) in list(shown.items()):
        if st.session_state.get(key) == old:
            st.session_state[key] = new
        else:
            del shown[key]


def publish(state: ViewState) -> None:
    """Make `state` the current view: remembered for the pages and written into the URL.

    Written on every call, never only when `st.query_params` differs: that is the address the
    browser sent with this rerun, and it may be older than the page's. Two quick interactions
    (PageDown, PageUp) sent the second rerun with the first one's address still unwritten; the
    second view equalled that address, was not written, and the first one's later write left the
    address one step ahead of the screen. The browser changes its address only where it differs.
    During a tour step the address always names the selection, `place=` when there is none."""
    st.session_state[_VIEW] = state
    query = to_query(state)
    if state["present"] and state["step"] is not None and not (state.place or state.link):
        query["place"] = ""  # a tour step with nothing selected: see ui.tourpanel.start_from_url
    st.query_params.from_dict(query)


def expose() -> None:
    """The view this run draws, as data attributes of a hidden element of the page (a test reads
    them, with `data-run` telling one finished run from the next): its query, the selection, the
    tour step. Escaped: the values come from the URL."""
    state = current_view()
    run = st.session_state["_runs"] = st.session_state.get("_runs", 0) + 1
    shown = {"query": urlencode(to_query(state), doseq=True), "place": state.place or "", "link": state.link or "",
             "step": state["step"] or "", "present": "1" if state["present"] else "", "lang": state.lang, "run": run}
    attrs = " ".join(f'data-{name}="{html.escape(str(value))}"' for name, value in shown.items())
    st.html(f"<div hidden data-jcm-view {attrs}></div>")


def current_view() -> ViewState:
    return st.session_state[_VIEW]


def viewed_dataset() -> Dataset:
    """The data at the view's "as of" date: what every page, panel, map and export shows."""
    return session.dataset().at(current_view().asof)


def select(place: str | None = None, link: str | None = None) -> None:
    """Select a place or a link (or nothing) and keep the URL in step."""
    update(place=place, link=link)


def select_changed(place: str | None = None, link: str | None = None) -> None:
    """`select`, the URL published only when the selection changes (a click on what is selected, a
    finder's pick with nothing of the programme selected)."""
    view = current_view()
    if (view.place, view.link) != (place, link):
        select(place=place, link=link)


def update(**values: object) -> None:
    """Change parameters that have no widget (`place`, `link`, `present`, `step`) and keep the URL in step."""
    st.session_state.update(values)
    publish(current_view().replace(**values))


_EXPLAINED = {
    "unknown": Message("warn.unknown_param"),
    "repeated": Message("warn.url.repeated"),
    "unknown_name": Message("warn.url.unknown_name"),
    "clamped": Message("warn.url.clamped"),
    "no_years": Message("warn.url.no_years"),
    "swapped": Message("warn.url.swapped"),
    "since_not_before": Message("warn.url.since_not_before"),
    "not_a_step": Message("warn.url.not_a_step"),
}


def _explain(item: Ignored, lang: str) -> str:
    """One line of the warning; the URL's text is escaped (it is data, never Markdown)."""
    value = item.value if len(item.value) <= _VALUE_SHOWN else item.value[:_VALUE_SHOWN] + "…"
    shown = {"param": item.param, "value": value, "used": item.used}
    return _EXPLAINED[item.reason].text(lang, **{k: markdown_text(v) for k, v in shown.items()})


def url_warnings(lang: str) -> None:
    """One warning listing every URL value not used as written, until dismissed or filters are cleared."""
    ignored: list[Ignored] = st.session_state.get(_IGNORED, [])
    if not ignored:
        return
    items = "\n".join(f"- {_explain(item, lang)}" for item in ignored)
    st.warning(f"{t('warn.url.title', lang)}\n{items}", icon=":material/warning:")
    st.button(t("warn.url.dismiss", lang), key="_dismiss_url_warning", on_click=_dismiss)


def ignore(item: Ignored) -> None:
    """One more URL value not used as written, for the one warning (a page's own check)."""
    st.session_state[_IGNORED] = [*st.session_state.get(_IGNORED, []), item]


def _dismiss() -> None:
    st.session_state[_IGNORED] = []
