"""The details panel: a place with its partners and Table 2 status, or one partnership.

Data strings go through `markdown_text` (or into escaped HTML tables, ui/tables.py), so a note
such as `<img onerror=…>` or `${…}` is displayed, never interpreted. A click on the map draws no
dataframe and no Vega chart: its details need neither pandas nor Altair (a place's stages over time,
drawn when the data has several snapshots, is an SVG picture: core/report/stagechart.py).
"""

from __future__ import annotations

import streamlit as st

from common.i18n import label, t
from core.data.models import Country, Dataset, Partnership, Status
from core.map.ids import Kind
from core.map.overlay import OverlayMap, pair_label, source_name
from core.overlay.model import Overlay
from core.report import stagechart
from core.report.wording import (
    activity_text,
    as_of_text,
    event_text,
    markdown_text,
    name_of,
    place_list,
    region_label,
    source_text,
    status_sources,
    translation,
    year_text,
)
from core.view.filters import Shown
from core.view.state import ViewState
from ui.tables import show_table, small_table


def _line(heading: str, value: str) -> None:
    st.markdown(f"**{markdown_text(heading)}**: {markdown_text(value)}")


def status_block(dataset: Dataset, key: str, lang: str) -> None:
    """A place's Table 2 entry, or the explicit "no status reported"."""
    status: Status | None = dataset.status_of(key)
    if status is None:
        st.info(t("details.no_status", lang), icon=":material/info:")
        return
    _line(t("details.stage", lang), label(status.stage, lang))
    _line(t("details.as_of", lang), as_of_text(status, lang, dataset.viewed))
    if status.counterparts:
        _line(t("details.counterparts", lang), place_list(dataset, status.counterparts, lang))
    if status.themes:
        _line(t("details.themes", lang), " / ".join(label(th, lang) for th in status.themes))
    if status.activities:
        st.markdown(f"**{markdown_text(t('details.activities', lang))}**")
        st.markdown("\n".join(f"- {markdown_text(activity_text(a, dataset, lang))}" for a in status.activities))
    if status.events:
        st.markdown(f"**{markdown_text(t('details.events', lang))}**")
        st.markdown("\n".join(f"- {markdown_text(event_text(e, lang))}" for e in status.events))
    st.markdown(f"**{markdown_text(t('details.original', lang))}**")
    st.markdown(markdown_text(status.text.ja))
    if text := translation(status.text, lang):
        st.markdown(f"**{markdown_text(t('details.translation', lang))}**")
        st.markdown(markdown_text(text))
    _sources(status_sources(status), lang)
    if len(dataset.dates) > 1:  # an SVG picture: a click needs neither Altair nor pandas
        st.html(stagechart.picture(dataset, key, lang))


def _sources(sources: list[str], lang: str) -> None:
    """Provenance under every fact shown: a presenter asked "where is this from?" can answer."""
    st.caption("  \n".join(f"{markdown_text(t('details.source', lang))}: {markdown_text(source_text(s, lang))}"
                           for s in sources))


def _partner_columns(lang: str) -> tuple[str, ...]:
    return (t("details.partner", lang), t("details.relation", lang), t("details.wording", lang),
            t("details.year", lang), t("col.stage", lang))


def _partner_rows(dataset: Dataset, key: str, lang: str) -> list[dict[str, str]]:
    rows, columns = [], _partner_columns(lang)
    for p in dataset.partnerships_of(key):
        other = p.china if p.japan == key else p.japan
        rows.append(dict(zip(columns, (
            name_of(dataset, other, lang), label(p.relation, lang), p.wording_ja, year_text(p.year, lang),
            label(dataset.stage_of(p.china), lang)))))
    return rows


def _at_a_glance(dataset: Dataset, key: str, lang: str) -> None:
    """Stage and partners as text lines first: what a room reads from a projector without scrolling."""
    if dataset.places[key].country == Country.CN:
        _line(t("details.stage", lang), label(dataset.stage_of(key), lang))
    lines = []
    for p in dataset.partnerships_of(key):
        other = p.china if p.japan == key else p.japan
        year = f" ({year_text(p.year, lang)})" if p.year else ""
        relation = markdown_text(label(p.relation, lang) + year)
        lines.append(f"- {markdown_text(name_of(dataset, other, lang))} — {relation}")
    if lines:
        st.markdown(f"**{markdown_text(t('details.partners', lang))}**\n" + "\n".join(lines))


def _not_on_map(lang: str) -> None:
    """Under a selection the filters now hide: its details stay (the reader chose it), and a notice
    the room can read says why the map does not show it."""
    st.info(t("details.not_on_map", lang), icon=":material/filter_alt_off:")


def place_details(dataset: Dataset, key: str, lang: str, compact: bool = False, shown: Shown | None = None) -> None:
    """`compact` (the presenter's panel over the map): stage and partners first, as text; `shown`:
    what the map shows, when its filters may leave the place out."""
    place = dataset.places[key]
    st.subheader(markdown_text(place.names.get(lang)), anchor=False)
    if shown is not None and place not in shown.places:
        _not_on_map(lang)
    if compact:
        _at_a_glance(dataset, key, lang)
    _line(t("details.names", lang), " / ".join(place.names.all()))
    _line(t("details.kind", lang), f"{label(place.kind, lang)} · {label(place.country, lang)}")
    _line(t("details.region", lang), region_label(place, lang))
    if place.note:
        _line(t("details.note", lang), place.note)
    _sources([place.source], lang)
    if not compact and (rows := _partner_rows(dataset, key, lang)):
        st.markdown(f"**{markdown_text(t('details.partners', lang))}**")
        small_table(rows, _partner_columns(lang))
    st.markdown(f"#### {markdown_text(t('details.status', lang))}")
    if place.country == Country.CN:
        status_block(dataset, key, lang)
        return
    partners = [p.china for p in dataset.partnerships_of(key)]
    st.caption(t("details.partner_statuses", lang))
    for other in partners:
        with st.expander(f"{markdown_text(name_of(dataset, other, lang))} — {label(dataset.stage_of(other), lang)}"):
            status_block(dataset, other, lang)


def link_details(dataset: Dataset, link: Partnership, lang: str, shown: Shown | None = None) -> None:
    """`shown`: what the map shows, when its filters may leave the link out."""
    ends = f"{name_of(dataset, link.japan, lang)} – {name_of(dataset, link.china, lang)}"
    st.subheader(markdown_text(ends), anchor=False)
    if shown is not None and link not in shown.partnerships:
        _not_on_map(lang)
    _line(t("details.relation", lang), label(link.relation, lang))
    _line(t("details.wording", lang), link.wording_ja)
    _line(t("details.year", lang), year_text(link.year, lang))
    if link.note:
        _line(t("details.note", lang), link.note)
    _sources([link.source], lang)
    for key in (link.japan, link.china):
        with st.expander(markdown_text(name_of(dataset, key, lang)), expanded=key == link.china):
            if dataset.places[key].country == Country.CN:
                status_block(dataset, key, lang)
            else:
                small_table(_partner_rows(dataset, key, lang), _partner_columns(lang))


def overlay_details(overlay: Overlay, index: int, lang: str) -> None:
    """One row of an imported file: its two places, where it is in the file, and every cell as the
    file wrote it (a table: text stays text), said to be outside the programme."""
    link = overlay.links[index]
    st.subheader(markdown_text(pair_label(overlay, index, lang)), anchor=False)
    st.caption(markdown_text(t("details.overlay_source", lang, file=source_name(overlay), row=link.row)))
    show_table([{t("details.overlay_column", lang): header, t("details.overlay_value", lang): value}
                for header, value in overlay.fields(link)])


Selected = tuple[Kind, str | Partnership | int]


def selection(dataset: Dataset, view: ViewState, overlay: OverlayMap | None) -> Selected | None:
    """What the view selects whose details can be shown, by kind (core/map/ids.py): a place of the
    data (its key), a programme link (the Partnership) or a row of the imported overlay (its index)."""
    link = next((p for p in dataset.partnerships if p.key == view.link), None)
    if view.place in dataset.places:
        return "place", view.place
    if link is not None:
        return "link", link
    if overlay is not None and overlay.selected_link is not None:  # an imported row (core/map/overlay.py)
        return "overlay", overlay.selected_link
    return None


def selection_details(dataset: Dataset, view: ViewState, shown: Shown, overlay: OverlayMap | None,
                      chosen: Selected, compact: bool = False) -> None:
    """The details of `chosen` (selection()), the one dispatch the map page and the presenter view share."""
    kind, what = chosen
    if kind == "place":
        place_details(dataset, what, view.lang, compact=compact, shown=shown)
    elif kind == "link":
        link_details(dataset, what, view.lang, shown=shown)
    else:
        overlay_details(overlay.overlay, what, view.lang)
