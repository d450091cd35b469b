"""Map page (default): the map, a status side panel, the selected place's or link's details,
and below them the table of the partnerships shown, with a count."""

from ui.pagepath import through_app

through_app()  # run alone by Streamlit's legacy pages/ router: app.py runs instead, this page through it

import streamlit as st

from common.i18n import label, t
from core.data.models import Country
from core.map.build import build_map
from core.report.wording import markdown_text, name_of, partnership_columns, partnership_row, place_list
from core.view.filters import apply_filter
from ui import controls, presenter, session, tourpanel
from ui.details import selection, selection_details
from ui.downloads import download_buttons
from ui.mapclick import answers_click, clear_selection, delivery, show_map
from ui.maprequest import map_request
from ui.snapshots import as_of_caption
from ui.tables import small_table

dataset = controls.viewed_dataset()
coords = session.coordinates()
view = controls.current_view()
lang = view.lang
shown = apply_filter(dataset, view.filter)
request = map_request(dataset, coords, view, shown)

if presenter.presenting():
    presenter.map_view(dataset, view, shown, request)
    tourpanel.panel(dataset, lang, view["step"])
    st.stop()


def details_panel() -> None:
    """What was clicked, then the status table: a click's details start at the top of the column,
    on a 720 px projector's screen without scrolling (below the table they started at ~620 px)."""
    chosen = selection(dataset, view, request.overlay)
    if chosen is None:
        st.info(t("map.click_hint", lang), icon=":material/touch_app:")
    else:
        selection_details(dataset, view, shown, request.overlay, chosen)
        st.button(t("details.clear", lang), on_click=clear_selection)
    st.markdown(f"#### {markdown_text(t('details.status', lang))}")
    as_of_caption(dataset, lang)
    stages = [(name_of(dataset, p.key, lang), label(dataset.stage_of(p.key), lang)) for p in shown.places
              if p.country == Country.CN]
    columns = (t("col.entity", lang), t("col.stage", lang))
    small_table([dict(zip(columns, row)) for row in stages], columns, max_height=330)


def map_panel() -> None:
    """The counts and the switch to the presenter view, the map and its export buttons."""
    with st.container(horizontal=True, vertical_alignment="center", key="jcm_map_head"):
        st.caption(t("map.shown", lang, links=len(shown.partnerships), places=len(shown.places)))
        st.button(t("present.switch", lang), key="jcm_present", icon=":material/slideshow:", type="tertiary",
                  on_click=controls.present, args=(True,))
    if shown.empty:
        controls.filters_leave_nothing(st, lang)
    unplaced = [p.key for p in shown.places if p.key not in coords]
    if unplaced:
        st.warning(markdown_text(t("map.unplaced", lang, names=place_list(dataset, unplaced, lang))))
    show_map(build_map(request, delivery()), height=640)
    st.caption(t("map.click_hint", lang))
    download_buttons(dataset, coords, view)


map_col, side_col = st.columns([2, 1], gap="medium")
# Sent first: the details when this run answers a click on the map (a click's answer is its details);
# otherwise the map: on a session's first run its frame has the most to load, and after a filter
# change the redrawn map is the answer. The browser draws what arrived every few milliseconds, and
# what comes later waits for the page around it to be drawn again.
panels = [(map_col, map_panel), (side_col, details_panel)]
for column, panel in reversed(panels) if answers_click() else panels:
    with column:
        panel()

st.markdown(f"#### {markdown_text(t('partnerships.title', lang))}")
st.caption(t("map.shown", lang, links=len(shown.partnerships), places=len(shown.places)))
small_table([partnership_row(p, dataset, lang) for p in shown.partnerships], partnership_columns(lang))
