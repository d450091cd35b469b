"""The report's tables as pandas DataFrames in the reader's language: Table 1, Table 2, the places
without a status, and what changed between two snapshots.

One builder per table, so that the page's table, its CSV download, the charts and the Excel
workbook all show the same rows: a figure on the screen and in the handout never disagree.
Every cell is plain text (dataframes show it literally; the exports write it as text).
"""

from __future__ import annotations

import pandas as pd

from common.i18n import Message, label, t
from core.data.models import Country, Dataset, Stage, Status
from core.report.changes import ActivityChange, ActivityDiff, EntityChange, StageChange
from core.report.wording import (
    activity_text,
    as_of_text,
    bullets,
    event_text,
    name_of,
    partnership_columns,
    partnership_row,
    source_text,
    status_summary,
)
from core.view.filters import Shown

STAGE_CHANGE_TEXT = {
    StageChange.ADVANCED: Message("change.advanced"),
    StageChange.WENT_BACK: Message("change.went_back"),
    StageChange.NEW: Message("change.new"),
    StageChange.NOT_REPORTED: Message("change.not_reported"),
    StageChange.UNCHANGED: Message("change.unchanged"),
}
_ACTIVITY_CHANGE_TEXT = {
    ActivityChange.ADDED: Message("change.activity_added"),
    ActivityChange.REMOVED: Message("change.activity_removed"),
    ActivityChange.RECOUNTED: Message("change.activity_recounted"),
}


def table1(dataset: Dataset, shown: Shown, lang: str) -> pd.DataFrame:
    """Table 1: the partnerships shown, with the Chinese side's stage at the viewed date."""
    columns = [*partnership_columns(lang), t("col.source", lang)]
    rows = [[*partnership_row(p, dataset, lang).values(), source_text(p.source, lang)] for p in shown.partnerships]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def table2(dataset: Dataset, shown: Shown, lang: str) -> pd.DataFrame:
    """Table 2: the shown Chinese places' statuses at the viewed date, most advanced first."""
    order = list(Stage)
    statuses = [s for p in shown.places if p.country == Country.CN and (s := dataset.status_of(p.key))]
    statuses.sort(key=lambda s: order.index(s.stage))
    rows = []
    for status in statuses:
        summary = status_summary(status, dataset, lang)
        rows.append({
            t("col.entity", lang): name_of(dataset, status.entity, lang),
            t("col.stage", lang): summary["stage"],
            t("col.as_of", lang): as_of_text(status, lang, dataset.viewed),
            t("col.counterparts", lang): summary["counterparts"],
            t("col.activities", lang): summary["activities"],
            t("col.themes", lang): summary["themes"],
            t("col.events", lang): summary["events"],
            t("col.text", lang): summary["text"],
            **({t("col.translation", lang): summary["translation"]} if lang != "ja" else {}),
            t("col.source", lang): summary["source"],
        })
    return pd.DataFrame(rows, columns=list(rows[0]) if rows else _table2_columns(lang), dtype=object)


def _table2_columns(lang: str) -> list[str]:
    """Table 2's headers when it has no row (the same as `table2`'s rows carry)."""
    translation = [t("col.translation", lang)] if lang != "ja" else []
    return [t("col.entity", lang), t("col.stage", lang), t("col.as_of", lang), t("col.counterparts", lang),
            t("col.activities", lang), t("col.themes", lang), t("col.events", lang), t("col.text", lang),
            *translation, t("col.source", lang)]


def no_status(dataset: Dataset, shown: Shown, lang: str) -> pd.DataFrame:
    """The shown Chinese places with no status at the viewed date."""
    rows = [[name_of(dataset, p.key, lang), label(p.kind, lang), label(Stage.NO_STATUS, lang)]
            for p in shown.places if p.country == Country.CN and dataset.status_of(p.key) is None]
    return pd.DataFrame(rows, columns=[t("col.entity", lang), t("col.kind", lang), t("col.stage", lang)], dtype=object)


def _activity_change(diff: ActivityDiff, dataset: Dataset, lang: str) -> str:
    before = diff.before and t(f"count.{diff.before.qualifier}", lang, n=diff.before.count or 0)
    after = diff.after and t(f"count.{diff.after.qualifier}", lang, n=diff.after.count or 0)
    return _ACTIVITY_CHANGE_TEXT[diff.change].text(
        lang, activity=activity_text(diff.activity, dataset, lang), before=before or "", after=after or "")


def _stage_text(status: Status | None, lang: str) -> str:
    return label(status.stage, lang) if status else label(Stage.NO_STATUS, lang)


def changes_frame(changes: tuple[EntityChange, ...], dataset: Dataset, lang: str) -> pd.DataFrame:
    """What changed, one row per entity, in the order of `compare` (changes first)."""
    columns = [t("col.entity", lang), t("col.change", lang), t("col.stage_change", lang),
               t("col.activity_changes", lang), t("col.new_events", lang)]
    rows = [[
        name_of(dataset, c.entity, lang),
        STAGE_CHANGE_TEXT[c.stage].text(lang),
        f"{_stage_text(c.before, lang)} → {label(c.after.stage, lang)}",
        bullets([_activity_change(d, dataset, lang) for d in c.activities]),
        bullets([event_text(e, lang) for e in c.new_events]),
    ] for c in changes]
    return pd.DataFrame(rows, columns=columns, dtype=object)
