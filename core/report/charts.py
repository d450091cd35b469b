"""The charts, as Altair specifications built from DataFrames (pure: pages only show them).

Two pictures a room would rather look at than read: how many entities stand at each stage at
each snapshot (stacked bars), and the friendship agreements per year, cumulative, with the undated
relations as a last bar (one entity's stage over time is an SVG picture: `stagechart.py`). Colours are the map's
(`core/map/style.py`), so a stage is the same colour on the map, in the legend and in a chart.
Each chart's data is a frame with language-independent columns; `localised` gives it the reader's
headers for the exports (the workbook writes the same rows the chart draws).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from common.i18n import Message, format_date, label, t
from core.data.models import Dataset, Partnership, RelationType, Stage
from core.palette import LINK_STYLES

STAGES = list(Stage)  # most advanced first: the stack's order and the legend's
# Whole-chart heights in px (Streamlit fits title, axes and legend into them too): the bars stay
# readable from the back of the room and a chart still fits a 1280x720 screen.
STAGES_HEIGHT, AGREEMENTS_HEIGHT = 420, 360
_FONT_PX = 14


def stage_counts(dataset: Dataset, keys: Iterable[str], lang: str) -> pd.DataFrame:
    """Per snapshot date and stage, how many of the places `keys` stand there (no status included)."""
    keys = list(keys)
    rows = []
    for date in dataset.dates:
        stages = [dataset.stage_of(k, date) for k in keys]
        rows += [{"date": format_date(date, lang), "iso": date, "stage": label(s, lang), "rank": STAGES.index(s),
                  "count": stages.count(s)} for s in STAGES if stages.count(s)]
    return pd.DataFrame(rows, columns=["date", "iso", "stage", "rank", "count"])


def stages_wide(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`stage_counts` as a table: a row per snapshot date, a column per stage present (for the
    workbook, whose native stacked chart reads one series per column)."""
    if not len(frame):
        return pd.DataFrame(columns=[t("chart.date", lang)])
    stages = [label(s, lang) for s in STAGES if label(s, lang) in set(frame["stage"])]
    wide = frame.pivot_table(index=["iso", "date"], columns="stage", values="count", aggfunc="sum", fill_value=0)
    wide = wide.reset_index().sort_values("iso")
    out = wide[["date", *stages]].rename(columns={"date": t("chart.date", lang)})
    out.columns.name = None
    return out.reset_index(drop=True)


def agreement_counts(partnerships: Sequence[Partnership], lang: str) -> pd.DataFrame:
    """Friendship agreements per year from the first to the last year, cumulative, then the
    relations without a year (local offices, exchanges, requests and undated friendships) as one
    last row that brings the total to every relation shown."""
    years = [p.year for p in partnerships if p.year is not None]
    undated = sum(1 for p in partnerships if p.year is None)
    rows, total = [], 0
    for year in range(min(years), max(years) + 1) if years else ():
        added = years.count(year)
        total += added
        rows.append({"year": str(year), "added": added, "total": total, "dated": True})
    if undated:
        rows.append({"year": t("chart.undated", lang), "added": undated, "total": total + undated, "dated": False})
    return pd.DataFrame(rows, columns=["year", "added", "total", "dated"])


def _stage_scale(lang: str) -> alt.Scale:
    colours = LINK_STYLES["stage"]
    return alt.Scale(domain=[label(s, lang) for s in STAGES], range=[colours[s]["color"] for s in STAGES])


def _title(text: str) -> alt.TitleParams:
    """A chart's title, read as itself (Vega would add "Title text '…'" in English)."""
    return alt.TitleParams(text, aria=False)


def _configured(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Sizes for the back of a room; no ARIA text written by Vega ("X-axis titled … for a discrete
    scale", English whatever the page's language): the chart is named by its title."""
    return (chart.configure(aria=False).configure_axis(labelFontSize=_FONT_PX, titleFontSize=_FONT_PX)
            .configure_legend(labelFontSize=_FONT_PX, titleFontSize=_FONT_PX, orient="bottom", columns=3)
            .configure_title(fontSize=_FONT_PX + 2))


def stages_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Stacked bars: entities per stage at each snapshot, the most advanced stage at the bottom."""
    dates = list(dict.fromkeys(frame.sort_values("iso")["date"])) if len(frame) else []
    chart = alt.Chart(frame, height=STAGES_HEIGHT, title=_title(t("chart.stages", lang))).mark_bar().encode(
        x=alt.X(field="date", type="nominal", sort=dates, title=t("chart.date", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y(field="count", type="quantitative", title=t("chart.count", lang), axis=alt.Axis(tickMinStep=1)),
        color=alt.Color(field="stage", type="nominal", scale=_stage_scale(lang), title=t("col.stage", lang)),
        order=alt.Order(field="rank", sort="ascending"),
        tooltip=[alt.Tooltip(field="date", title=t("chart.date", lang)),
                 alt.Tooltip(field="stage", title=t("col.stage", lang)),
                 alt.Tooltip(field="count", title=t("chart.count", lang))],
    )
    return _configured(chart)


def agreements_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Cumulative bars per year in the friendship colour; the undated relations' bar in grey."""
    dated = LINK_STYLES["relation"][RelationType.FRIENDSHIP]["color"]
    chart = alt.Chart(frame, height=AGREEMENTS_HEIGHT, title=_title(t("chart.agreements", lang))).mark_bar().encode(
        x=alt.X(field="year", type="nominal", sort=list(frame["year"]), title=t("chart.year", lang)),
        y=alt.Y(field="total", type="quantitative", title=t("chart.cumulative", lang), axis=alt.Axis(tickMinStep=1)),
        color=alt.condition(alt.datum.dated, alt.value(dated),
                            alt.value(LINK_STYLES["stage"][Stage.NO_STATUS]["color"])),
        tooltip=[alt.Tooltip(field="year", title=t("chart.year", lang)),
                 alt.Tooltip(field="added", title=t("chart.added", lang)),
                 alt.Tooltip(field="total", title=t("chart.cumulative", lang))],
    )
    return _configured(chart)


# The headers a chart's frame has in an export, and the columns kept (internal ones are dropped).
_HEADERS = {
    "date": Message("chart.date"), "stage": Message("col.stage"), "count": Message("chart.count"),
    "year": Message("chart.year"), "added": Message("chart.added"), "total": Message("chart.cumulative"),
}


def localised(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A chart's data with the reader's headers, as the workbook writes it."""
    kept = [c for c in frame.columns if c in _HEADERS]
    return frame[kept].rename(columns={c: _HEADERS[c].text(lang) for c in kept})
