"""Partnerships page: Table 1 as a filterable table, downloadable as an Excel-safe CSV."""

import streamlit as st

from core.export import csv_bytes
from core.filters import apply_filter
from core.i18n import t
from core.present import partnership_columns, partnership_row
from ui import controls, session
from ui.tables import show_table

dataset = session.dataset()
view = controls.current_view()
lang = view.lang
shown = apply_filter(dataset, view.filter)

st.header(t("partnerships.title", lang), anchor=False)
st.caption(t("map.shown", lang, links=len(shown.partnerships), places=len(shown.places)))
columns = [*partnership_columns(lang), t("col.source", lang)]
rows = [{**partnership_row(p, dataset, lang), t("col.source", lang): p.source} for p in shown.partnerships]
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
