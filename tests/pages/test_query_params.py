"""Every URL query parameter: understood in any language, applied to the view, rewritten to its
canonical form; an unknown value is shown as a warning naming it and otherwise ignored."""

from __future__ import annotations

import pytest

from apptest_kit import assert_no_exception, caption_counts, map_args, map_ids, open_app, texts
from core.i18n import t
from core.present import markdown_text

# (query, (links, places) shown, canonical query after the first run)
FILTERS = [
    ({"lang": "en"}, (12, 21), {"lang": "en"}),
    ({"lang": "zh"}, (12, 21), {"lang": "zh"}),
    ({"lang": "ja"}, (12, 21), {}),
    ({"province": "河北省"}, (2, 4), {"province": "河北省"}),
    ({"province": "Hebei"}, (2, 4), {"province": "河北省"}),
    ({"province": "河北省", "lang": "zh"}, (2, 4), {"province": "河北省", "lang": "zh"}),
    ({"province": "福岡県"}, (5, 7), {"province": "福岡県"}),
    ({"province": "兵庫県"}, (2, 4), {"province": "兵庫県"}),
    ({"province": ["Hebei", "兵库县"]}, (4, 8), {"province": ["河北省", "兵庫県"]}),
    ({"from": "1980", "to": "1983"}, (8, 14), {"from": "1980", "to": "1983"}),
    ({"from": "1980", "to": "1983", "undated": "0"}, (4, 8), {"from": "1980", "to": "1983", "undated": "0"}),
    ({"undated": "0"}, (8, 15), {"undated": "0"}),
    ({"undated": "1"}, (12, 21), {}),
    ({"relation": "friendship"}, (8, 15), {"relation": "friendship"}),
    ({"relation": "友好都市"}, (8, 15), {"relation": "friendship"}),
    ({"relation": "Friendship city"}, (8, 15), {"relation": "friendship"}),
    ({"stage": "nearly_agreed"}, (4, 5), {"stage": "nearly_agreed"}),
    ({"stage": "ほぼ合意"}, (4, 5), {"stage": "nearly_agreed"}),
    ({"stage": "基本达成一致"}, (4, 5), {"stage": "nearly_agreed"}),
    ({"q": "天津"}, (3, 4), {"q": "天津"}),
    ({"q": "Tianjin"}, (3, 4), {"q": "Tianjin"}),
    ({"q": "北九州"}, (4, 5), {"q": "北九州"}),
    ({"color": "stage"}, (12, 21), {"color": "stage"}),
    ({"color": "relation"}, (12, 21), {}),
    ({"basemap": "osm"}, (12, 21), {"basemap": "osm"}),
    ({"basemap": "offline"}, (12, 21), {}),
]


@pytest.mark.parametrize(("query", "counts", "canonical"), FILTERS, ids=lambda v: repr(v) if isinstance(v, dict) else None)
def test_parameter_filters_the_view_and_url_is_canonical(query, counts, canonical) -> None:
    at = open_app(query=query)
    assert_no_exception(at)
    assert not at.warning, texts(at.warning)
    assert caption_counts(at) == [counts, counts]
    assert (len(map_ids(at, "link")), len(map_ids(at, "place"))) == counts
    assert len(at.dataframe[-1].value) == counts[0]
    assert dict(at.query_params) == canonical


@pytest.mark.parametrize(("lang", "title"), [("en", "Japan–China"), ("zh", "中日城市间"), ("ja", "日中都市間")])
def test_lang_translates_the_page(lang: str, title: str) -> None:
    at = open_app(query={"lang": lang})
    assert texts(at.title)[0].startswith(title)
    assert texts(at.markdown)[0] == "#### " + markdown_text(t("details.status", lang))
    assert at.sidebar.selectbox(key="lang").value == lang


@pytest.mark.parametrize(("value", "lang", "heading", "key"), [
    ("天津市", "ja", "天津市", "天津市"), ("Tianjin", "ja", "天津市", "天津市"), ("天津市", "en", "Tianjin", "天津市"),
    ("Kitakyushu", "zh", "北九州市", "北九州市"), ("广东省", "en", "Guangdong", "広東省"),
])
def test_place_in_any_language_opens_its_details(value: str, lang: str, heading: str, key: str) -> None:
    at = open_app(query={"place": value, "lang": lang})
    assert_no_exception(at)
    assert texts(at.subheader) == [heading]
    assert at.query_params["place"] == key  # canonical: the place's key
    assert '"sel":1' in map_args(at)["script"]


def test_link_with_a_hyphen_opens_the_partnership_and_is_rewritten_with_an_en_dash() -> None:
    at = open_app(query={"link": "神戸市-天津市"})
    assert_no_exception(at)
    assert texts(at.subheader) == ["神戸市 – 天津市"]
    assert dict(at.query_params) == {"link": "神戸市–天津市"}


def test_place_is_rewritten_to_its_key() -> None:
    assert dict(open_app(query={"place": "Tianjin"}).query_params) == {"place": "天津市"}


def test_color_stage_puts_the_stage_legend_in_the_map() -> None:
    default, staged = map_args(open_app())["script"], map_args(open_app(query={"color": "stage"}))["script"]
    assert "調整段階（中国側）" in staged and "調整段階（中国側）" not in default
    assert "関係の種類" in default and "関係の種類" not in staged
    # Only the stages of links shown (the two national bodies have no link: no "プラットフォーム了解").
    for stage in ("ほぼ合意", "調整中", "協議予定", "ミッション派遣計画", "状況報告なし"):
        assert stage in staged


def test_osm_tile_url_only_with_basemap_osm() -> None:
    tile = "tile.openstreetmap.org"
    assert tile not in map_args(open_app())["script"]
    at = open_app(query={"basemap": "osm"})
    assert tile in map_args(at)["script"]
    assert t("map.online_note", "ja") in texts(at.sidebar.caption)


BAD = [
    ("lang", "xx"), ("province", "Atlantis"), ("from", "abc"), ("to", "1800"), ("from", "①"),
    ("undated", "2"), ("relation", "enemy"), ("stage", "done"), ("place", "Atlantis"),
    ("link", "東京都–上海市"), ("color", "rainbow"), ("basemap", "google"),
]


@pytest.mark.parametrize(("param", "value"), BAD)
def test_unknown_value_is_warned_about_and_ignored(param: str, value: str) -> None:
    at = open_app(query={param: value})
    assert_no_exception(at)
    warnings = texts(at.warning)
    assert len(warnings) == 1, warnings
    assert f"{param}={value}" in warnings[0].replace("\\", "")
    assert caption_counts(at) == [(12, 21), (12, 21)]
    assert len(map_ids(at, "link")) == 12
    assert texts(at.info) == [t("map.click_hint", "ja")]  # nothing selected
    assert dict(at.query_params) == {}  # the ignored value is dropped from the URL


def test_unknown_value_beside_good_ones_keeps_the_good_ones() -> None:
    at = open_app(query={"province": ["兵庫県", "Atlantis"], "lang": "en"})
    assert len(at.warning) == 1 and "province=Atlantis" in at.warning[0].value
    assert "Ignored" in at.warning[0].value  # in the chosen language
    assert caption_counts(at) == [(2, 4), (2, 4)]
    assert dict(at.query_params) == {"province": "兵庫県", "lang": "en"}
