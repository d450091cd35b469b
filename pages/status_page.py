"""Status page: Table 2 in full (stage, original text, activities, themes, dates), sortable,
with the places that have no status reported listed too."""

import streamlit as st

from core.filters import apply_filter
from core.i18n import label, t
from core.models import Country, Stage
from core.present import place_name, status_summary
from ui import controls, session
from ui.tables import show_table

dataset = session.dataset()
view = controls.current_view()
lang = view.lang
shown = apply_filter(dataset, view.filter)
keys = [p.key for p in shown.places if p.country == Country.CN]

st.header(t("status.title", lang), anchor=False)
order = list(Stage)
rows = []
for key in keys:
    status = dataset.status_of(key)
    if status is None:
        continue
    summary = status_summary(status, dataset, lang)
    rows.append({
        t("col.entity", lang): place_name(dataset, key, lang),
        t("col.stage", lang): summary["stage"],
        t("col.counterparts", lang): summary["counterparts"],
        t("col.activities", lang): summary["activities"],
        t("col.themes", lang): summary["themes"],
        t("col.events", lang): summary["events"],
        t("col.text", lang): summary["text"],
        **({t("col.translation", lang): summary["translation"]} if lang != "ja" else {}),
        t("col.source", lang): summary["source"],
        "_order": order.index(status.stage),
    })
rows.sort(key=lambda r: r.pop("_order"))
if rows:
    show_table(rows, row_height=90)
else:
    st.info(t("map.empty", lang))

st.subheader(t("status.no_status_title", lang), anchor=False)
missing = [
    {t("col.entity", lang): place_name(dataset, k, lang), t("col.kind", lang): label(dataset.places[k].kind, lang),
     t("col.stage", lang): label(Stage.NO_STATUS, lang)}
    for k in keys if dataset.status_of(k) is None
]
show_table(missing)
