"""The guided tour in the presenter view: the current step's title and notes over the map, and
the buttons (clicked by → ← PageDown PageUp Space, see assets/presenter.js) that move through it.

A step is applied like a shared URL: its view replaces every filter and the selection (an overlay
pair's too; language and display options stay the presenter's), and the URL carries `step=N`.
"""

from __future__ import annotations

import streamlit as st

from common.i18n import t
from core.data.errors import DataLoadError
from core.data.models import Dataset
from core.report.wording import markdown_text
from core.view.state import Ignored
from core.view.tour import TourStep
from ui import controls, overlaypick, session


def steps() -> tuple[tuple[TourStep, ...], DataLoadError | None]:
    """The data folder's tour, or no tour and why (a broken tour.csv never hides the map)."""
    try:
        return session.tour(), None
    except DataLoadError as problem:
        return (), problem


def current(tour: tuple[TourStep, ...], number: int | None) -> TourStep | None:
    return next((s for s in tour if s.number == number), None)


def go(dataset: Dataset, move: int) -> None:
    """Show the step `move` (+1, -1) from the one shown now (a button's callback: it runs before the
    widgets are drawn), with no overlay pair selected: the step's own selection, and its frame,
    replace it. Counted from the session's step, not from the page's buttons: a clicker's two quick
    presses (PageDown, PageUp) pressed the second button before the first press's rerun had drawn
    it anew, and its step, bound when it was drawn, was two steps from the first press's."""
    tour, _ = steps()
    if not tour:
        return
    step = current(tour, controls.current_view()["step"])
    index = min(max((tour.index(step) if step else -1) + move, 0), len(tour) - 1)
    overlaypick.unselect()
    controls.show(dataset, tour[index].view(controls.current_view(), dataset))


def start_from_url(dataset: Dataset) -> None:
    """A URL with `present=1&step=N` opens on that step's view (call it on the session's first run),
    unless it names the selection (`place=`, empty when none: controls.publish writes it with a
    step): then it is an address the app wrote, the view on screen when it was written (a place
    clicked, or the step's selection closed, during step N), and it opens as written.
    A number the tour does not have (`step=999` on 14 steps) opens on its nearest step, or on no
    step without a tour; the URL warning says so and the address follows."""
    state = st.session_state
    number = state.get("step")
    if not state.get("present") or number is None:
        return
    tour, _ = steps()
    step = current(tour, number) or min(tour, key=lambda s: abs(s.number - number), default=None)
    if step is None:
        controls.update(step=None)
        controls.ignore(Ignored("step", str(number)))
        return
    if "place" in st.query_params or "link" in st.query_params:
        controls.update(step=step.number)
    else:
        controls.show(dataset, step.view(controls.current_view(), dataset), keep_warning=True)
    if step.number != number:
        controls.ignore(Ignored("step", str(number), "not_a_step", str(step.number)))


def panel(dataset: Dataset, lang: str, number: int | None) -> None:
    """The tour over the map: title, notes, back/next and the keys; or why there is no tour."""
    tour, problem = steps()
    if problem:
        with st.container(key="jcm_tour_error"):
            st.warning(t("tour.errors", lang), icon=":material/warning:")
            st.code("\n".join(problem.messages(lang)[:5]), language=None, wrap_lines=True)
        return
    if not tour:
        return
    step = current(tour, number)
    index = tour.index(step) if step else -1
    with st.container(key="jcm_tour"):
        if step:
            title, notes = step.words(dataset, lang)
            st.container(key="jcm_tour_text").markdown(
                markdown_text(title) + (f"\n\n{markdown_text(notes)}" if notes else ""))
        with st.container(key="jcm_tour_nav", horizontal=True, vertical_alignment="center"):
            st.button(t("tour.prev", lang), key="jcm_prev", disabled=index <= 0, on_click=go, args=(dataset, -1))
            st.button(t("tour.next", lang), key="jcm_next", disabled=index >= len(tour) - 1, on_click=go,
                      args=(dataset, 1))
            if step:
                st.markdown(markdown_text(t("tour.position", lang, step=index + 1, count=len(tour))))
        st.container(key="jcm_tour_keys").caption(t("tour.keys", lang))
