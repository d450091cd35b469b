"""The presenter view (`?present=1`): the map fills the window, a projector's whole screen.

Everything else floats over the map as a small fixed panel (ui/assets/presenter.css): the title,
source and date as a caption; the filters in a collapsible panel beside the button that leaves the
view; the clicked place's or link's details, closed by Esc or their button; the guided tour
(ui/tourpanel.py). Keys (ui/assets/presenter.js) click those same buttons.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from common.i18n import t
from core.data.models import Dataset
from core.map.build import build_map
from core.map.overlay import OverlayMap
from core.map.request import MapRequest
from core.report.wording import markdown_text, subtitle
from core.view.filters import Shown
from core.view.state import ViewState
from ui import controls, style
from ui.details import selection, selection_details
from ui.mapclick import clear_selection, delivery, show_map

FRAME_HEIGHT = 720  # st_folium's frame height before the stylesheet makes it the window's


def presenting() -> bool:
    """The view asked for by the URL, the switch or the leave button (session state `present`)."""
    return bool(st.session_state.get("present"))


def controls_panel(lang: str) -> DeltaGenerator:
    """Where the language and filter widgets go: the sidebar, or in the presenter view a compact
    collapsible panel next to the button that leaves the view."""
    if not presenting():
        return st.sidebar
    style.stylesheet("presenter.css")
    style.script("presenter.js")
    bar = st.container(key="jcm_bar", horizontal=True)
    panel = bar.popover(t("present.filters", lang), icon=":material/filter_alt:")
    bar.button(t("present.exit", lang), key="jcm_exit", on_click=controls.present, args=(False,))
    return panel


def _details(dataset: Dataset, view: ViewState, shown: Shown, overlay: OverlayMap | None) -> None:
    chosen = selection(dataset, view, overlay)
    if chosen is None:
        return
    with st.container(key="jcm_details"):
        st.button(t("present.close", view.lang), key="jcm_close", on_click=clear_selection)
        selection_details(dataset, view, shown, overlay, chosen, compact=True)


def map_view(dataset: Dataset, view: ViewState, shown: Shown, request: MapRequest) -> None:
    """The whole presenter page but the tour: caption, the window-filling map (ui/maprequest.py: the
    page's marks, wider links, a tour step's extent), the details panel."""
    lang = view.lang
    st.container(key="jcm_caption").markdown(
        f"{markdown_text(t('app.title', lang))}\n\n{markdown_text(subtitle(dataset, lang))}")
    if shown.empty:  # over the empty map, in the middle of the screen: the room would see only a basemap
        controls.filters_leave_nothing(st.container(key="jcm_empty"), lang)
    # Before the map, always (unlike the map page, whose panels sit in fixed columns): here both are in
    # one column, and a panel that moved from after the map to before it took the map's place in the
    # page, which re-created the map and left it blank. A click's details still reach the screen first.
    _details(dataset, view, shown, request.overlay)
    show_map(build_map(request, delivery()), height=FRAME_HEIGHT)
