"""Status page: what changed since the snapshot compared with (or "one snapshot so far"), Table 2
at the date shown (stage, original text, activities, themes, dates), the places without a status,
the stages per snapshot as a chart, and the report's workbook."""

from ui.pagepath import through_app

through_app()  # run alone by Streamlit's legacy pages/ router: app.py runs instead, this page through it

import streamlit as st

from common.i18n import format_date, t
from core.data.models import Country
from core.report.changes import compare, comparison
from core.report.charts import stage_counts, stages_chart
from core.report.frames import changes_frame, no_status, table2
from core.view.filters import apply_filter
from ui import controls
from ui.snapshots import as_of_caption, workbook_button
from ui.tables import show_table

dataset = controls.viewed_dataset()
view = controls.current_view()
lang = view.lang
shown = apply_filter(dataset, view.filter)
keys = [p.key for p in shown.places if p.country == Country.CN]

st.header(t("status.title", lang), anchor=False)
as_of_caption(dataset, lang)
since = comparison(dataset, view.since)
if since and dataset.viewed:
    st.subheader(t("changes.title", lang, since=format_date(since, lang), as_of=format_date(dataset.viewed, lang)),
                 anchor=False)
    changes = tuple(c for c in compare(dataset, since, dataset.viewed) if c.entity in keys)
    changed = sum(c.changed for c in changes)
    if changed:
        st.caption(t("status.changed_count", lang, n=changed))
    else:
        st.info(t("status.no_changes", lang), icon=":material/check:")
    show_table(changes_frame(changes, dataset, lang), row_height=60)
elif len(dataset.dates) == 1:
    st.info(t("status.one_snapshot", lang, date=format_date(dataset.dates[0], lang)), icon=":material/history:")
elif dataset.viewed:
    st.info(t("status.first_snapshot", lang, date=format_date(dataset.viewed, lang)), icon=":material/history:")

frame = table2(dataset, shown, lang)
if len(frame):
    show_table(frame, row_height=90)
else:
    controls.filters_leave_nothing(st, lang)

st.subheader(t("status.no_status_title", lang), anchor=False)
show_table(no_status(dataset, shown, lang))

st.subheader(t("status.charts", lang), anchor=False)
st.altair_chart(stages_chart(stage_counts(dataset, keys, lang), lang), width="stretch")
workbook_button(dataset, shown, view, key="status_workbook")
