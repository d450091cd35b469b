"""The whole view as URL query parameters: parsing, reporting what is ignored, and round trips."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.data.models import RelationType, Stage
from core.view.params import PARAMS, Allowed
from core.view.state import Ignored, ViewState, parse_query, to_query

BASEMAPS = ("offline", "osm", "gsi")
DEFAULT = ViewState()


_FILTER_PARAM = {"regions": "province", "year_from": "from", "year_to": "to", "include_undated": "undated",
                 "relations": "relation", "stages": "stage", "search": "q"}


def state(lang: str = "ja", place=None, link=None, color_by="relation", basemap="offline", **filter_fields):
    values = {_FILTER_PARAM[k]: v for k, v in filter_fields.items()}
    return ViewState.of(lang=lang, place=place, link=link, color=color_by, basemap=basemap, **values)


# (query params, expected ViewState, expected Ignored list)
CASES = [
    pytest.param({}, DEFAULT, [], id="empty"),
    pytest.param({"lang": "en"}, state("en"), [], id="lang-en"),
    pytest.param({"lang": "zh"}, state("zh"), [], id="lang-zh"),
    pytest.param({"lang": "ja"}, state("ja"), [], id="lang-ja"),
    pytest.param({"lang": "fr"}, DEFAULT, [Ignored("lang", "fr")], id="lang-unknown"),
    pytest.param({"lang": ["en", "zh"]}, state("en"), [Ignored("lang", "zh", "repeated")],
                 id="lang-repeated-extra-ignored"),
    pytest.param({"lang": ""}, DEFAULT, [], id="empty-value-is-absent"),
    pytest.param({"province": "河北省"}, state(regions=("河北省",)), [], id="province-ja"),
    pytest.param({"province": "Hebei"}, state(regions=("河北省",)), [], id="province-en"),
    pytest.param({"province": "hebei"}, state(regions=("河北省",)), [], id="province-en-lowercase"),
    pytest.param({"province": "福冈县"}, state(regions=("福岡県",)), [], id="province-zh"),
    pytest.param({"province": "Kanagawa"}, state(regions=("神奈川県",)), [], id="prefecture-only-a-container"),
    pytest.param({"province": ["河北省", "Hebei", "河北省"]}, state(regions=("河北省",)), [],
                 id="province-repeated-once"),
    pytest.param({"province": ["Hyogo", "广东省", "大阪府"]}, state(regions=("兵庫県", "広東省")),
                 [Ignored("province", "大阪府")], id="provinces-and-an-unknown"),
    pytest.param({"province": "Kitakyushu"}, DEFAULT, [Ignored("province", "Kitakyushu")], id="city-is-not-a-province"),
    pytest.param({"from": "1980", "to": "1983"}, state(year_from=1980, year_to=1983), [], id="years"),
    pytest.param({"from": "１９８０"}, state(year_from=1980), [], id="year-full-width"),
    pytest.param({"from": "80"}, DEFAULT, [Ignored("from", "80")], id="year-two-digits"),
    pytest.param({"to": "3000"}, DEFAULT, [Ignored("to", "3000")], id="year-out-of-range"),
    pytest.param({"from": "abc", "to": "-1"}, DEFAULT, [Ignored("from", "abc"), Ignored("to", "-1")],
                 id="year-garbage"),
    pytest.param({"from": "²"}, DEFAULT, [Ignored("from", "²")], id="year-superscript"),
    pytest.param({"to": "①⑨⑧⓪"}, DEFAULT, [Ignored("to", "①⑨⑧⓪")], id="year-circled-digits"),
    pytest.param({"from": "2000"}, state(year_from=1992), [Ignored("from", "2000", "clamped", "1992")],
                 id="year-after-the-data-clamped"),
    pytest.param({"to": "1950"}, state(year_to=1973), [Ignored("to", "1950", "clamped", "1973")],
                 id="year-before-the-data-clamped"),
    pytest.param({"from": "1990", "to": "1980"}, state(year_from=1980, year_to=1990),
                 [Ignored("from", "1990", "swapped", "to=1980")], id="years-reversed-swapped"),
    pytest.param({"from": ["1980", "1985"]}, state(year_from=1980), [Ignored("from", "1985", "repeated")],
                 id="year-repeated"),
    pytest.param({"from": " 1980 "}, state(year_from=1980), [], id="year-spaces"),
    pytest.param({"from": "1980.0"}, DEFAULT, [Ignored("from", "1980.0")], id="year-float"),
    pytest.param({"from": "9" * 5000}, DEFAULT, [Ignored("from", "9" * 5000)], id="year-huge-number"),
    pytest.param({"undated": "0"}, state(include_undated=False), [], id="undated-0"),
    pytest.param({"undated": "1"}, DEFAULT, [], id="undated-1"),
    pytest.param({"undated": "x"}, DEFAULT, [Ignored("undated", "x")], id="undated-garbage"),
    pytest.param({"relation": "friendship"}, state(relations=(RelationType.FRIENDSHIP,)), [], id="relation-code"),
    pytest.param({"relation": "FRIENDSHIP"}, state(relations=(RelationType.FRIENDSHIP,)), [], id="relation-code-case"),
    pytest.param({"relation": "友好都市"}, state(relations=(RelationType.FRIENDSHIP,)), [], id="relation-label-ja"),
    pytest.param({"relation": "friendship city"}, state(relations=(RelationType.FRIENDSHIP,)), [],
                 id="relation-label-en"),
    pytest.param({"relation": "友好城市"}, state(relations=(RelationType.FRIENDSHIP,)), [], id="relation-label-zh"),
    pytest.param({"relation": ["cooperation_request", "協力要請あり", "Local office"]},
                 state(relations=(RelationType.COOPERATION_REQUEST, RelationType.LOCAL_OFFICE)), [],
                 id="relations-deduplicated-in-order"),
    pytest.param({"relation": ["friend", "local_office"]}, state(relations=(RelationType.LOCAL_OFFICE,)),
                 [Ignored("relation", "friend")], id="relation-unknown"),
    pytest.param({"relation": "nearly_agreed"}, DEFAULT, [Ignored("relation", "nearly_agreed")],
                 id="stage-code-is-not-a-relation"),
    pytest.param({"stage": "nearly_agreed"}, state(stages=(Stage.NEARLY_AGREED,)), [], id="stage-code"),
    pytest.param({"stage": "ほぼ合意"}, state(stages=(Stage.NEARLY_AGREED,)), [], id="stage-label-ja"),
    pytest.param({"stage": "In coordination"}, state(stages=(Stage.IN_COORDINATION,)), [], id="stage-label-en"),
    pytest.param({"stage": "计划协商"}, state(stages=(Stage.CONSULTATION_PLANNED,)), [], id="stage-label-zh"),
    pytest.param({"stage": ["no_status", "状況報告なし"]}, state(stages=(Stage.NO_STATUS,)), [], id="stage-no-status"),
    pytest.param({"stage": "agreed"}, DEFAULT, [Ignored("stage", "agreed")], id="stage-unknown"),
    pytest.param({"q": "天津"}, state(search="天津"), [], id="search"),
    pytest.param({"q": "  天津 "}, state(search="天津"), [], id="search-trimmed"),
    pytest.param({"q": "   "}, DEFAULT, [], id="search-only-spaces-is-absent"),
    pytest.param({"Lang": "en", "zoom": ["3", "4"], "": "x"}, DEFAULT,
                 [Ignored("Lang", "en", "unknown_name"), Ignored("zoom", "3, 4", "unknown_name"),
                  Ignored("", "x", "unknown_name")], id="unknown-parameter-names"),
    pytest.param({"q": ["天津", "上海"]}, state(search="天津"), [Ignored("q", "上海", "repeated")],
                 id="search-repeated"),
    pytest.param({"place": "天津市"}, state(place="天津市"), [], id="place-ja"),
    pytest.param({"place": "Tianjin"}, state(place="天津市"), [], id="place-en"),
    pytest.param({"place": "ｔｉａｎｊｉｎ"}, state(place="天津市"), [], id="place-full-width"),
    pytest.param({"place": "沈阳市"}, state(place="瀋陽市"), [], id="place-zh"),
    pytest.param({"place": "Sino-Japan Friendship Centre for Environmental Protection"},
                 state(place="日中友好環境保全センター"), [], id="place-national-body"),
    pytest.param({"place": "Osaka"}, DEFAULT, [Ignored("place", "Osaka")], id="place-unknown"),
    pytest.param({"link": "東京都–北京市"}, state(link="東京都–北京市"), [], id="link"),
    pytest.param({"link": "北九州市-唐山市"}, state(link="北九州市–唐山市"), [], id="link-ascii-hyphen"),
    pytest.param({"link": "東京都–上海市"}, DEFAULT, [Ignored("link", "東京都–上海市")], id="link-not-a-pair"),
    pytest.param({"link": "北京市–東京都"}, DEFAULT, [Ignored("link", "北京市–東京都")], id="link-reversed"),
    pytest.param({"color": "stage"}, state(color_by="stage"), [], id="color-stage"),
    pytest.param({"color": "relation"}, DEFAULT, [], id="color-relation"),
    pytest.param({"color": "size"}, DEFAULT, [Ignored("color", "size")], id="color-unknown"),
    pytest.param({"basemap": "osm"}, state(basemap="osm"), [], id="basemap-allowed"),
    pytest.param({"basemap": "google"}, DEFAULT, [Ignored("basemap", "google")], id="basemap-not-allowed"),
    pytest.param(
        {"lang": "xx", "province": "Atlantis", "from": "then", "undated": "maybe", "relation": "?", "stage": "",
         "place": "<script>", "link": "a–b", "color": "#f00", "basemap": "../../etc"},
        DEFAULT,
        [Ignored("lang", "xx"), Ignored("province", "Atlantis"), Ignored("from", "then"), Ignored("undated", "maybe"),
         Ignored("relation", "?"), Ignored("place", "<script>"), Ignored("link", "a–b"), Ignored("color", "#f00"),
         Ignored("basemap", "../../etc")],
        id="all-garbage",
    ),
    pytest.param(
        {"lang": "zh", "province": ["Hebei", "Fukuoka"], "from": "1980", "to": "1990", "undated": "0",
         "relation": "friendship", "stage": "no_status", "q": "Nagano", "place": "長野県", "link": "長野県–河北省",
         "color": "stage", "basemap": "gsi"},
        state("zh", "長野県", "長野県–河北省", "stage", "gsi", regions=("河北省", "福岡県"), year_from=1980,
              year_to=1990, include_undated=False, relations=(RelationType.FRIENDSHIP,), stages=(Stage.NO_STATUS,),
              search="Nagano"),
        [],
        id="everything",
    ),
]


@pytest.mark.parametrize(("params", "expected", "ignored"), CASES)
def test_parse_query(bundled_dataset, params, expected, ignored):
    got, got_ignored = parse_query(params, bundled_dataset, BASEMAPS)
    assert got == expected
    assert got_ignored == ignored


def test_basemap_defaults_to_offline_only(bundled_dataset):
    got, ignored = parse_query({"basemap": "osm"}, bundled_dataset)
    assert got.basemap == "offline" and ignored == [Ignored("basemap", "osm")]


ROUND_TRIP_STATES = [
    pytest.param(DEFAULT, id="default"),
    pytest.param(state("en"), id="lang"),
    pytest.param(state(regions=("河北省", "兵庫県")), id="regions"),
    pytest.param(state(year_from=1973, year_to=1992, include_undated=False), id="years"),
    pytest.param(state(year_to=1985), id="upper-year-only"),
    pytest.param(state(relations=(RelationType.COOPERATION_REQUEST, RelationType.FRIENDSHIP)), id="relations"),
    pytest.param(state(stages=(Stage.NO_STATUS, Stage.PLATFORM_AGREED)), id="stages"),
    pytest.param(state(search="ＴＩＡＮＪＩＮ 市"), id="search"),
    pytest.param(state(place="日中友好環境保全センター"), id="place"),
    pytest.param(state(link="北九州市–上海市"), id="link"),
    pytest.param(state("zh", "唐山市", "北九州市–唐山市", "stage", "osm", regions=("河北省",), year_from=1980,
                       include_undated=False, relations=(RelationType.COOPERATION_REQUEST,),
                       stages=(Stage.NO_STATUS,), search="唐山"), id="everything"),
]


@pytest.mark.parametrize("view", ROUND_TRIP_STATES)
def test_round_trip(bundled_dataset, view):
    query = to_query(view)
    parsed, ignored = parse_query(query, bundled_dataset, BASEMAPS)
    assert ignored == []
    assert to_query(parsed) == query
    assert parsed == view


def test_defaults_produce_an_empty_query():
    assert to_query(ViewState()) == {}
    assert to_query(ViewState.of(undated=True, lang="ja", place=None)) == {}
    assert ViewState().filter == ()


@pytest.mark.parametrize(
    ("view", "query"),
    [
        (state("en"), {"lang": "en"}),
        (state(include_undated=False), {"undated": "0"}),
        (state(regions=("河北省",)), {"province": ["河北省"]}),
        (state(relations=(RelationType.FRIENDSHIP,)), {"relation": ["friendship"]}),
        (state(stages=(Stage.NEARLY_AGREED,)), {"stage": ["nearly_agreed"]}),
        (state(color_by="stage", basemap="osm"), {"color": "stage", "basemap": "osm"}),
    ],
)
def test_to_query_writes_codes(view, query):
    assert to_query(view) == query


# --- any query dict: never raises, reports everything it does not use, writes a fixed point -------

REGISTRY = {p.name: p for p in PARAMS}
GOOD = [
    "ja", "en", "zh", "河北省", "Hebei", "福冈县", "1973", "1980", "１９９０", "1992", "0", "1", "friendship",
    "友好都市", "Nearly agreed", "no_status", "天津", "Tianjin", "北九州市", "東京都–北京市", "神戸市-天津市", "stage",
    "relation", "osm", "gsi", "offline",
]
HOSTILE = [
    "", " ", "²", "①", "①⑨⑧⓪", "\x00", "1980\x00", "<script>alert(1)</script>", "${alert(1)}", "**b**", ":red[x]",
    "-1", "-1980", "1e3", "1980.0", "NaN", "inf", "0x7C5", "9" * 5000, "天津" * 20_000, "\u200b", "\ufeff1980",
    "Ｈｅｂｅｉ", "ＳＴＡＧＥ", "[]", "null", "1900", "2100", "3000", "🗾",
]
values = st.one_of(st.sampled_from(GOOD), st.sampled_from(HOSTILE), st.text(max_size=30),
                   st.integers(-10**6, 10**6).map(str), st.floats().map(str))
queries = st.dictionaries(
    st.one_of(st.sampled_from(sorted(REGISTRY)), st.text(max_size=12)),
    st.one_of(values, st.lists(values, max_size=5)),
    max_size=8,
)


def _used(name: str, raw: str, index: int, state: ViewState, allowed: Allowed) -> bool:
    """The raw value shows in the view as read (the first of a one-value parameter, any of a list)."""
    param = REGISTRY[name]
    got = param.read(raw, allowed)
    if got is None or got.fixed or (not param.many and index > 0):
        return False
    shown = state[name] if param.many else (state[name],)
    return got.value in shown or (name in ("from", "to") and got.value in (state["from"], state["to"]))


@settings(max_examples=2000, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(query=queries)
def test_any_query_is_read_without_raising_and_every_unused_value_is_reported(bundled_dataset, query) -> None:
    state, ignored = parse_query(query, bundled_dataset, BASEMAPS)
    allowed = Allowed(bundled_dataset, BASEMAPS)
    reported = {(i.param, i.value) for i in ignored}
    for name, raw in query.items():
        raws = [v for v in ([raw] if isinstance(raw, str) else raw) if v != ""]
        if name not in REGISTRY:
            assert (name, ", ".join(raws)) in reported
            continue
        for index, value in enumerate(raws):
            assert (name, value) in reported or _used(name, value, index, state, allowed), (name, value)
    assert {param for param, _ in reported} <= set(query)
    # What the app writes back reads as the same view, with nothing to report, and writes the same.
    canonical = to_query(state)
    again, nothing = parse_query(canonical, bundled_dataset, BASEMAPS)
    assert nothing == []
    assert again == state
    assert to_query(again) == canonical
