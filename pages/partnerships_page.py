"""Partnerships page: Table 1 as a filterable table, downloadable as an Excel-safe CSV."""

import streamlit as st

from core.export import csv_bytes
from core.filters import apply_filter
from core.i18n import label, t
from core.present import place_name, year_text
from ui import controls, session
from ui.tables import show_table

dataset = session.dataset()
view = controls.current_view()
lang = view.lang
shown = apply_filter(dataset, view.filter)

st.header(t("partnerships.title", lang), anchor=False)
st.caption(t("map.shown", lang, links=len(shown.partnerships), places=len(shown.places)))
columns = [t(k, lang) for k in ("col.japan", "col.china", "col.relation", "col.wording", "col.year", "col.stage", "col.source")]
rows = [
    dict(zip(columns, (
        place_name(dataset, p.japan, lang),
        place_name(dataset, p.china, lang),
        label(p.relation, lang),
        p.wording_ja,
        year_text(p.year, lang),
        label(dataset.stage_of(p.china), lang),
        p.source,
    )))
    for p in shown.partnerships
]
if rows:
    show_table(rows)
else:
    st.info(t("map.empty", lang))
st.download_button(
    t("partnerships.download", lang),
    data=csv_bytes(rows, columns),
    file_name="partnerships.csv",
    mime="text/csv",
)
