"""Every URL query parameter: understood in any language, applied to the view, rewritten to its
canonical form; an unknown value is shown as a warning naming it and otherwise ignored."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from apptest_kit import assert_no_exception, caption_counts, html_tables, map_element, map_ids, map_js, open_app, texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from common.i18n import t
from core.report.wording import markdown_text

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


@pytest.mark.parametrize(("query", "counts", "canonical"), FILTERS,
                         ids=lambda v: repr(v) if isinstance(v, dict) else None)
def test_parameter_filters_the_view_and_url_is_canonical(query, counts, canonical) -> None:
    at = open_app(query=query)
    assert_no_exception(at)
    assert not at.warning, texts(at.warning)
    assert caption_counts(at) == [counts, counts]
    assert (len(map_ids(at, "link")), len(map_ids(at, "place"))) == counts
    assert len(html_tables(at)[-1].rows) == counts[0]
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
    assert '"sel":1' in map_js(at)


def test_link_with_a_hyphen_opens_the_partnership_and_is_rewritten_with_an_en_dash() -> None:
    at = open_app(query={"link": "神戸市-天津市"})
    assert_no_exception(at)
    assert texts(at.subheader) == ["神戸市 – 天津市"]
    assert dict(at.query_params) == {"link": "神戸市–天津市"}


def test_place_is_rewritten_to_its_key() -> None:
    assert dict(open_app(query={"place": "Tianjin"}).query_params) == {"place": "天津市"}


def test_color_stage_puts_the_stage_legend_in_the_map() -> None:
    default, staged = map_js(open_app()), map_js(open_app(query={"color": "stage"}))
    assert "調整段階（中国側）" in staged and "調整段階（中国側）" not in default
    assert "関係の種類" in default and "関係の種類" not in staged
    # Only the stages of links shown (the two national bodies have no link: no "プラットフォーム了解").
    for stage in ("ほぼ合意", "調整中", "協議予定", "ミッション派遣計画", "状況報告なし"):
        assert stage in staged


def test_osm_tile_url_only_with_basemap_osm() -> None:
    tile = "tile.openstreetmap.org"
    assert tile not in map_js(open_app())
    at = open_app(query={"basemap": "osm"})
    assert tile in map_js(at)
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


# --- values that do not fit the data: one compact warning, and the view still draws --------------

# (query, the warning's line as key and values, URL after the first run, the same view asked for directly)
FITTED = [
    ({"from": "2000"}, ("warn.url.clamped", {"param": "from", "value": "2000", "used": "1992"}),
     {"from": "1992"}),
    ({"to": "1950"}, ("warn.url.clamped", {"param": "to", "value": "1950", "used": "1973"}), {"to": "1973"}),
    ({"from": "1990", "to": "1980"}, ("warn.url.swapped", {"param": "from", "value": "1990", "used": "to=1980"}),
     {"from": "1980", "to": "1990"}),
]


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
@pytest.mark.parametrize(("query", "line", "canonical"), FITTED, ids=lambda v: repr(v) if isinstance(v, dict) else None)
def test_years_that_do_not_fit_are_fixed_and_said(query, line, canonical, lang) -> None:
    at = open_app(query={**query, "lang": lang})
    assert_no_exception(at)
    [warning] = texts(at.warning)
    key, values = line
    assert warning.startswith(t("warn.url.title", lang))
    assert t(key, lang, **{k: markdown_text(v) for k, v in values.items()}) in warning
    lang_query = {} if lang == "ja" else {"lang": lang}
    assert dict(at.query_params) == {**canonical, **lang_query}
    direct = open_app(query={**canonical, "lang": lang})
    assert caption_counts(at) == caption_counts(direct)
    assert at.sidebar.slider(key="years").value == direct.sidebar.slider(key="years").value


def test_the_warning_reads_in_each_language() -> None:
    """Literal texts, not only t(): a catalogue edit that breaks a language fails here."""
    query = {"from": "2000"}
    assert "データの年の範囲外のため 1992 にしました" in texts(open_app(query=query).warning)[0]
    assert "is outside the years in the data: used 1992" in texts(open_app(query={**query, "lang": "en"}).warning)[0]
    assert "超出数据中的年份范围，已改为 1992" in texts(open_app(query={**query, "lang": "zh"}).warning)[0]


def test_every_problem_is_one_line_of_one_warning() -> None:
    at = open_app(query={"from": "2000", "zoom": "3", "lang": ["en", "zh"], "stage": ["done", "ほぼ合意"],
                         "q": "x" * 500})
    assert_no_exception(at)
    [warning] = texts(at.warning)
    lines = warning.split("\n")
    assert lines[0] == t("warn.url.title", "en")
    assert lines[1:] == [
        "- " + t("warn.url.unknown_name", "en", param="zoom", value="3"),
        "- " + t("warn.url.repeated", "en", param="lang", value="zh"),
        "- " + t("warn.url.clamped", "en", param="from", value="2000", used="1992"),
        "- " + t("warn.unknown_param", "en", param="stage", value="done"),
    ]
    assert dict(at.query_params) == {"lang": "en", "from": "1992", "stage": "nearly_agreed", "q": "x" * 500}


def test_a_long_value_is_quoted_short() -> None:
    at = open_app(query={"place": "天" * 5000})
    [warning] = texts(at.warning)
    assert "天" * 60 + "…" in warning and "天" * 61 not in warning


def test_the_warning_can_be_dismissed_and_the_view_stays() -> None:
    at = open_app(query={"from": "2000", "lang": "zh"})
    [dismiss] = [b for b in at.main.button if b.label == t("warn.url.dismiss", "zh")]
    dismiss.click().run()
    assert_no_exception(at)
    assert not at.warning
    assert not [b for b in at.main.button if b.label == t("warn.url.dismiss", "zh")]
    assert dict(at.query_params) == {"from": "1992", "lang": "zh"}
    at.run()
    assert not at.warning


# --- any query string: the map page draws ----------------------------------------------------------

NAMES = ["lang", "province", "from", "to", "undated", "relation", "stage", "q", "place", "link", "color", "basemap"]
PIECES = ["ja", "en", "zh", "Hebei", "河北省", "1979", "2000", "1950", "1", "0", "friendship", "ほぼ合意", "天津",
          "Tianjin", "東京都-北京市", "stage", "osm", "²", "①", "%00", "<script>", "**b**", "-1", "1e9", "%E2%80%8B",
          "9999999999999999999999", "&", "=", "%", "+", ""]
query_strings = st.lists(
    st.tuples(st.one_of(st.sampled_from(NAMES), st.text(max_size=6)),
              st.one_of(st.sampled_from(PIECES), st.text(max_size=12))),
    max_size=6,
).map(lambda pairs: "&".join(f"{name}={value}" for name, value in pairs))


@settings(max_examples=150, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(query_string=query_strings)
def test_any_query_string_draws_the_map_page(query_string: str) -> None:
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        query.setdefault(name, []).append(value)
    at = open_app(query=query)
    assert_no_exception(at)
    assert len(texts(at.warning)) <= 1
    map_element(at)
