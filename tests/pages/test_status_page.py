"""Status page: Table 2 in full, the places with no status, and the sidebar filters applied."""

from __future__ import annotations

from apptest_kit import assert_no_exception, open_app, texts

from common.i18n import t

STAGES = {
    "天津市": "ほぼ合意", "上海市": "ほぼ合意", "環境保護部": "プラットフォーム了解",
    "日中友好環境保全センター": "プラットフォーム了解", "北京市": "調整中", "江蘇省": "調整中", "瀋陽市": "調整中",
    "広東省": "協議予定", "武漢市": "ミッション派遣計画",
}


def column(df, name: str) -> list[str]:
    return [str(v) for v in df[name]]


def test_all_table_2_entities_with_their_stages_in_stage_order() -> None:
    at = open_app("status")
    assert_no_exception(at)
    table = at.dataframe[0].value
    entity, stage = t("col.entity", "ja"), t("col.stage", "ja")
    assert dict(zip(column(table, entity), column(table, stage))) == STAGES
    assert len(table) == 9
    order = ["ほぼ合意", "プラットフォーム了解", "調整中", "協議予定", "ミッション派遣計画"]
    assert [order.index(s) for s in column(table, stage)] == sorted(order.index(s) for s in column(table, stage))
    assert "専門家派遣" in " ".join(column(table, t("col.activities", "ja")))
    assert all("IGES 2014-05 表2" in source for source in column(table, t("col.source", "ja")))


def test_places_with_no_status_reported() -> None:
    at = open_app("status")
    assert texts(at.subheader) == [t("status.no_status_title", "ja"), t("status.charts", "ja")]
    missing = at.dataframe[1].value
    assert sorted(column(missing, t("col.entity", "ja"))) == sorted(["遼寧省", "河北省", "唐山市"])
    assert set(column(missing, t("col.stage", "ja"))) == {"状況報告なし"}


def test_english_has_translations_and_english_names() -> None:
    at = open_app("status", {"lang": "en"})
    table = at.dataframe[0].value
    assert "Translation" in table.columns
    assert "Tianjin" in column(table, "City / body") and "Nearly agreed" in column(table, "Stage")
    assert sorted(column(at.dataframe[1].value, "City / body")) == ["Hebei", "Liaoning", "Tangshan"]


def test_follows_the_sidebar_filters() -> None:
    at = open_app("status", {"province": "河北省"})
    assert_no_exception(at)
    assert len(at.dataframe) == 1  # no status rows: the info instead of the table
    assert texts(at.info) == [t("status.one_snapshot", "ja", date="2014年5月31日"), t("map.empty", "ja")]
    assert sorted(column(at.dataframe[0].value, t("col.entity", "ja"))) == ["唐山市", "河北省"]


def test_follows_a_widget_change_in_the_sidebar() -> None:
    at = open_app("status")
    at.sidebar.text_input(key="q").set_value("天津").run()
    assert_no_exception(at)
    assert column(at.dataframe[0].value, t("col.entity", "ja")) == ["天津市"]
    assert at.query_params.get("q") == "天津"
