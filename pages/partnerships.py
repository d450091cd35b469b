"""Partnerships page: Table 1 as a filterable table (with the stage at the date shown), the
agreements per year as a chart, and the downloads: an Excel-safe CSV and the report's workbook."""

from ui.pagepath import through_app

through_app()  # run alone by Streamlit's legacy pages/ router: app.py runs instead, this page through it

import streamlit as st

from common.i18n import t
from core.report.charts import agreement_counts, agreements_chart
from core.report.csvfile import csv_bytes
from core.report.frames import table1
from core.view.filters import apply_filter
from ui import controls
from ui.snapshots import as_of_caption, workbook_button
from ui.tables import show_table

dataset = controls.viewed_dataset()
view = controls.current_view()
lang = view.lang
shown = apply_filter(dataset, view.filter)

st.header(t("partnerships.title", lang), anchor=False)
as_of_caption(dataset, lang)
st.caption(t("map.shown", lang, links=len(shown.partnerships), places=len(shown.places)))
frame = table1(dataset, shown, lang)
if len(frame):
    show_table(frame)
else:
    controls.filters_leave_nothing(st, lang)
left, right = st.columns(2)
left.download_button(
    t("partnerships.download", lang),
    data=csv_bytes(frame.to_dict("records"), list(frame.columns)),
    file_name="partnerships.csv",
    mime="text/csv",
)
with right:
    workbook_button(dataset, shown, view, key="partnerships_workbook")
if len(shown.partnerships):
    st.altair_chart(agreements_chart(agreement_counts(shown.partnerships, lang), lang), width="stretch")
