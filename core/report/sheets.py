"""The report's workbook for the current view: which tables and charts it holds, in what words.

Table 1 and Table 2 for the current filter and snapshot, "what changed" when two snapshots are
compared, and the charts' data with native Excel charts, each sheet headed by the source and the
date. The frames are the pages' own (`core/report/frames.py`, `core/report/charts.py`).
"""

from __future__ import annotations

from common.i18n import format_date, t
from core.data.models import Country, Dataset
from core.report import charts, frames
from core.report.changes import compare
from core.report.wording import as_of_line
from core.report.workbook import BarSpec, Sheet, workbook_bytes
from core.view.filters import Shown


def report_sheets(dataset: Dataset, shown: Shown, lang: str, since: str | None = None) -> list[Sheet]:
    """The workbook's sheets: the tables, the changes since `since` (when given), the charts' data."""
    sheets = [
        Sheet(t("sheet.table1", lang), t("partnerships.title", lang), frames.table1(dataset, shown, lang)),
        Sheet(t("sheet.table2", lang), t("status.title", lang), frames.table2(dataset, shown, lang)),
    ]
    if since and dataset.viewed:
        title = t("changes.title", lang, since=format_date(since, lang), as_of=format_date(dataset.viewed, lang))
        changes = frames.changes_frame(compare(dataset, since, dataset.viewed), dataset, lang)
        sheets.append(Sheet(t("sheet.changes", lang), title, changes))
    keys = [p.key for p in shown.places if p.country == Country.CN]
    stages = charts.stages_wide(charts.stage_counts(dataset, keys, lang), lang)
    series = tuple(stages.columns[1:])
    sheets.append(Sheet(t("sheet.stages", lang), t("chart.stages", lang), stages, numbers=series,
                        chart=BarSpec(t("chart.stages", lang), stages.columns[0], series, stacked=True)))
    agreements = charts.localised(charts.agreement_counts(shown.partnerships, lang), lang)
    year, added, total = agreements.columns
    sheets.append(Sheet(t("sheet.agreements", lang), t("chart.agreements", lang), agreements, numbers=(added, total),
                        chart=BarSpec(t("chart.agreements", lang), year, (total,))))
    return sheets


def report_workbook(dataset: Dataset, shown: Shown, lang: str, since: str | None = None) -> bytes:
    """The .xlsx bytes of `report_sheets`, each sheet headed by the source and the "as of" date."""
    meta = [t("workbook.source", lang), *filter(None, [as_of_line(dataset, lang)])]
    return workbook_bytes(report_sheets(dataset, shown, lang, since), meta)
