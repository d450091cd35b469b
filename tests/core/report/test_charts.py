"""The charts' data and specifications: counts per stage and snapshot, the cumulative agreements;
the map's colours, the reader's language and the filters (one entity's stages: test_stagechart.py)."""

from __future__ import annotations

import pytest

from common.i18n import label, t
from core.data.models import Country, Stage
from core.palette import LINK_STYLES
from core.report.charts import (
    agreement_counts,
    agreements_chart,
    localised,
    stage_counts,
    stages_chart,
)
from core.view.filters import apply_filter
from core.view.state import ViewState

OLD, NEW = "2014-05-31", "2015-03-31"


def _cn(dataset, view: ViewState | None = None) -> list[str]:
    active = view.filter if view else ()
    return [p.key for p in apply_filter(dataset, active).places if p.country == Country.CN]


def test_stage_counts_per_snapshot(two_snapshots) -> None:
    frame = stage_counts(two_snapshots, _cn(two_snapshots), "en")
    counts = {(row.iso, row.stage): row.count for row in frame.itertuples()}
    assert counts[(OLD, "Nearly agreed")] == 2 and counts[(NEW, "Consultation planned")] == 2
    assert counts[(OLD, label(Stage.NO_STATUS, "en"))] == 3 and counts[(NEW, label(Stage.NO_STATUS, "en"))] == 2
    assert frame.groupby("iso")["count"].sum().tolist() == [12, 12]  # every Chinese place at each date


def test_stage_counts_follow_the_filters(two_snapshots) -> None:
    keys = _cn(two_snapshots, ViewState.of(province=("河北省",)))
    frame = stage_counts(two_snapshots, keys, "ja")
    assert frame.groupby("iso")["count"].sum().tolist() == [2, 2]


def test_agreements_cumulative_with_the_undated_last(bundled_dataset) -> None:
    frame = agreement_counts(bundled_dataset.partnerships, "ja")
    assert frame["year"].iloc[0] == "1973" and frame["year"].iloc[-2] == "1992"
    assert len(frame) == 1992 - 1973 + 2 and frame["total"].is_monotonic_increasing
    assert frame["year"].iloc[-1] == t("chart.undated", "ja") and frame["total"].iloc[-1] == 12
    assert list(localised(frame, "en").columns) == [t("chart.year", "en"), t("chart.added", "en"),
                                                    t("chart.cumulative", "en")]


def test_no_agreement_shown_is_an_empty_frame() -> None:
    assert agreement_counts([], "ja").empty


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_specs_use_the_maps_colours_and_the_readers_words(two_snapshots, bundled_dataset, lang) -> None:
    spec = stages_chart(stage_counts(two_snapshots, _cn(two_snapshots), lang), lang).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"] == [label(s, lang) for s in Stage]
    assert scale["range"] == [LINK_STYLES["stage"][s]["color"] for s in Stage]
    assert spec["title"] == {"text": t("chart.stages", lang), "aria": False}
    assert spec["encoding"]["y"]["title"] == t("chart.count", lang)
    bars = agreements_chart(agreement_counts(bundled_dataset.partnerships, lang), lang).to_dict()
    assert bars["title"] == {"text": t("chart.agreements", lang), "aria": False}  # read as itself, not "Title text '…'"
    assert spec["config"]["aria"] is False  # no English ARIA text of Vega's for axes, legends, marks
    assert LINK_STYLES["relation"]["friendship"]["color"] in str(bars["encoding"]["color"])
