"""Map page (default): the map, a status side panel, the selected place's or link's details,
and below them the table of the partnerships shown, with a count."""

from ui.pagepath import through_app

through_app()  # run alone by Streamlit's legacy pages/ router: app.py runs instead, this page through it

import streamlit as st

from core.filters import apply_filter, without_years
from core.i18n import label, t
from core.map.build import build_map
from core.map.overlay import link_frame, overlay_map
from core.models import Country
from core.present import markdown_text, partnership_row, place_list, place_name
from ui import controls, overlay, presenter, session, tourpanel
from ui.details import link_details, overlay_details, place_details
from ui.downloads import download_buttons
from ui.mapclick import (
    answers_click, clear_selection, overlay_selected, picked_in_finder, publish_overlay, show_map,
)
from ui.snapshots import as_of_caption, map_marks
from ui.tables import show_table

dataset = controls.viewed_dataset()
coords = session.coordinates()
view = controls.current_view()
lang = view.lang
shown = apply_filter(dataset, view.filter)
# Framed on the view without its year filters: moving the year slider keeps the map still.
framed = apply_filter(dataset, without_years(view.filter))
# What both the page's map and the presenter's show besides the places and links; `imported` is
# this session's list of other partnerships (ui/overlay.py), if any.
imported = overlay.current()
overlay_view = overlay_map(imported, view["province"], overlay_selected())
# A pair picked in the overlay's finder may be out of sight: the map frames it instead.
picked = overlay_view.selected_link if overlay_view and picked_in_finder() else None
marks = dict(
    shaded=view["province"], **map_marks(dataset, view), timeline_year=view["year"],
    frame=([coords[p.key] for p in framed.places if p.key in coords] if picked is None
           else link_frame(overlay_view.overlay, picked)),
    overlay=overlay_view,
)

if presenter.presenting():
    tour, _ = tourpanel.steps()
    step = tourpanel.current(tour, view["step"])
    presenter.map_view(dataset, coords, view, shown, step.extent if step and picked is None else None, marks)
    tourpanel.panel(dataset, lang, view["step"])
    st.stop()


def details_panel() -> None:
    """What was clicked, then the status table: a click's details start at the top of the column,
    on a 720 px projector's screen without scrolling (below the table they started at ~620 px)."""
    links = {p.key: p for p in dataset.partnerships}
    if view.place in dataset.places:
        place_details(dataset, view.place, lang, shown=shown)
    elif view.link in links:
        link_details(dataset, links[view.link], lang, shown=shown)
    elif imported and (row := marks["overlay"].selected_link) is not None:
        overlay_details(imported.overlay, row, lang)
    else:
        st.info(t("map.click_hint", lang), icon=":material/touch_app:")
    if view.place or view.link or overlay_selected() is not None:
        st.button(t("details.clear", lang), on_click=clear_selection)
    st.markdown(f"#### {markdown_text(t('details.status', lang))}")
    as_of_caption(dataset, lang)
    stages = [(place_name(dataset, p.key, lang), label(dataset.stage_of(p.key), lang)) for p in shown.places
              if p.country == Country.CN]
    show_table([{t("col.entity", lang): n, t("col.stage", lang): s} for n, s in stages], max_height=330)


def map_panel() -> None:
    """The counts and the switch to the presenter view, the map and its export buttons."""
    with st.container(horizontal=True, vertical_alignment="center", key="jcm_map_head"):
        st.caption(t("map.shown", lang, links=len(shown.partnerships), places=len(shown.places)))
        st.button(t("present.switch", lang), key="jcm_present", icon=":material/slideshow:", type="tertiary",
                  on_click=controls.present, args=(True,))
    if not shown.partnerships and not shown.places:
        st.info(t("map.empty", lang), icon=":material/filter_alt_off:")
    unplaced = [p.key for p in shown.places if p.key not in coords]
    if unplaced:
        st.warning(markdown_text(t("map.unplaced", lang, names=place_list(dataset, unplaced, lang))))
    fmap = build_map(
        shown.places, shown.partnerships, coords,
        lang=lang, color_by=view.color, stage_of=dataset.stage_of,
        basemap=view.basemap, selected=view.place, selected_link=view.link,
        inline_basemap=False, publish_overlay=publish_overlay, **marks,
    )
    show_map(fmap, height=640)
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
show_table([partnership_row(p, dataset, lang) for p in shown.partnerships])
