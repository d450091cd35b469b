"""What the pages share about snapshots: the date shown, the map's "changed" halo, the workbook.

Thin: the comparison, frames and workbook are computed in `core`; this only places them.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from common.i18n import format_date, t
from core.data.models import Dataset
from core.report.changes import changed_keys, comparison
from core.report.wording import as_of_line
from core.view.filters import Shown
from core.view.state import ViewState

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def as_of_caption(dataset: Dataset, lang: str) -> None:
    """The date the page shows, always in sight: a room must know which meeting it is looking at."""
    if dataset.viewed:
        st.caption(as_of_line(dataset, lang))


def map_marks(dataset: Dataset, view: ViewState) -> dict[str, Any]:
    """`build_map`'s keyword arguments for the halo of the places that changed since the compared snapshot."""
    since = comparison(dataset, view.since)
    if not since:
        return {}
    return {"changed": changed_keys(dataset, since),
            "changed_label": t("map.legend.changed", view.lang, date=format_date(since, view.lang))}


def _workbook(dataset: Dataset, shown: Shown, lang: str, since: str | None) -> bytes:
    """The .xlsx bytes; core.report.sheets (openpyxl, Altair) is imported on the first click, not by every
    page's first run."""
    from core.report.sheets import report_workbook

    return report_workbook(dataset, shown, lang, since)


def workbook_button(dataset: Dataset, shown: Shown, view: ViewState, key: str) -> None:
    """The report's tables for the current filter and snapshot as one .xlsx download, built only
    when clicked (about half a second of openpyxl: never on a rerun) and without a rerun."""
    lang = view.lang
    build = partial(_workbook, dataset, shown, lang, comparison(dataset, view.since))
    st.download_button(t("workbook.download", lang), data=build, file_name=f"jcair-{dataset.viewed or 'report'}.xlsx",
                       mime=XLSX_MIME, key=key, icon=":material/table_view:", on_click="ignore")
