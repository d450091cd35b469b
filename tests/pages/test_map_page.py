"""Map page: counts, the st_folium map (offline, filtered), the table, empty views, simulated clicks."""

from __future__ import annotations

import json
import re
import sys

import pytest
from apptest_kit import (
    REPO,
    assert_no_exception,
    caption_counts,
    click,
    html_tables,
    map_args,
    map_element,
    map_ids,
    map_js,
    open_app,
    shown_text,
    texts,
)

from common.i18n import t
from core.report.wording import markdown_text


@pytest.fixture(scope="module")
def default_map():
    """Made before the autouse `_app_env` (conftest.py), so it sets what the app reads itself: pytest's
    own options in sys.argv were taken for the app's and refused (an error page instead of the map)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        patch.setattr(sys, "argv", ["app.py"])
        return open_app()


def test_default_view_counts_map_and_table(default_map) -> None:
    at = default_map
    assert_no_exception(at)
    assert caption_counts(at) == [(12, 21), (12, 21)]  # above the map and above the table
    assert "表示中の連携: 12 件 / 場所: 21 か所" in texts(at.caption)
    assert len(map_ids(at, "link")) == 12
    assert len(map_ids(at, "place")) == 21
    assert "神戸市–天津市" in map_ids(at, "link") and "天津市" in map_ids(at, "place")
    status, partnerships = html_tables(at)  # the status of the places shown, the partnerships below the map
    assert len(partnerships.rows) == 12 and partnerships.columns[0] == t("col.japan", "ja")
    assert status.columns == [t("col.entity", "ja"), t("col.stage", "ja")]
    assert "天津市" in status.column(status.columns[0])
    assert not at.dataframe  # no grid: the map page needs no pandas (ui/tables.py)
    assert texts(at.info) == [t("map.click_hint", "ja")]


def test_default_view_is_offline(default_map) -> None:
    args = map_args(default_map)
    assert args["js_links"] and args["css_links"]
    for link in args["js_links"] + args["css_links"]:
        assert link.startswith("../../app/static/"), link
    assert not re.search(r"https?://", json.dumps(args, ensure_ascii=False))
    assert "cdn" not in json.dumps(args).lower()


def test_empty_filter_shows_message_and_empty_map() -> None:
    at = open_app(query={"q": "zzzz"})
    assert_no_exception(at)
    assert t("map.empty", "ja") in texts(at.info)
    assert caption_counts(at) == [(0, 0), (0, 0)]
    map_element(at)  # still drawn (the Japan–China area), just empty
    assert map_ids(at, "link") == set() and map_ids(at, "place") == set()
    assert html_tables(at)[-1].rows == [] and html_tables(at)[-1].columns  # an empty table, headers kept


def test_click_on_a_place_shows_its_details_and_updates_the_url() -> None:
    at = click(open_app(), "place:天津市", 39.14, 117.18)
    assert_no_exception(at)
    body = shown_text(at)
    assert texts(at.subheader) == ["天津市"]
    assert "ほぼ合意" in body and "専門家派遣" in body
    assert at.query_params.get("place") == "天津市"
    assert t("map.click_hint", "ja") not in texts(at.info)
    assert '"sel":1' in map_js(at)  # highlighted on the map


def test_click_on_a_link_shows_both_ends() -> None:
    at = click(open_app(), "link:神戸市–天津市")
    assert_no_exception(at)
    assert texts(at.subheader) == ["神戸市 – 天津市"]
    assert [e.label for e in at.main.expander] == ["神戸市", "天津市"]
    assert "友好都市" in shown_text(at) and "1973" in shown_text(at)
    assert at.query_params.get("link") == "神戸市–天津市"
    assert "place" not in at.query_params


def test_a_japanese_city_lists_its_partners_statuses_in_english() -> None:
    at = open_app(query={"lang": "en", "place": "Kitakyushu"})
    assert_no_exception(at)
    assert texts(at.subheader) == ["Kitakyushu"]
    labels = [e.label for e in at.main.expander]
    assert labels == [
        "Shanghai — Nearly agreed",
        "Tianjin — Nearly agreed",
        "Wuhan — Mission planned",
        "Tangshan — No status reported",
    ]
    tangshan = at.main.expander[3]
    assert [i.value for i in tangshan.info] == [t("details.no_status", "en")]
    partners = html_tables(at)[0]  # the partner table: the details come before the status table
    assert len(partners.rows) == 4 and "Tianjin" in partners.column(t("details.partner", "en"))
    assert at.query_params.get("place") == "北九州市" and at.query_params.get("lang") == "en"


@pytest.mark.parametrize(("lang", "place", "date"),
                         [("en", "Tianjin", "May 31, 2014"), ("ja", "天津市", "2014年5月31日")])
def test_details_show_the_report_date_as_the_language_writes_it(lang, place, date) -> None:
    at = open_app(query={"lang": lang, "place": place})
    assert_no_exception(at)
    assert f"{t('details.as_of', lang)}**: {date}" in shown_text(at) and "2014-05-31" not in shown_text(at)


def test_clear_selection_button() -> None:
    at = click(open_app(), "place:天津市")
    assert at.query_params.get("place") == "天津市"
    [clear] = [b for b in at.main.button if b.label == t("details.clear", "ja")]
    clear.click().run()
    assert_no_exception(at)
    assert "place" not in at.query_params
    assert texts(at.subheader) == []
    assert texts(at.info) == [t("map.click_hint", "ja")]
    assert '"sel":1' not in map_js(at)
    assert not [b for b in at.main.button if b.label == t("details.clear", "ja")]
    at.run()  # st_folium still returns the last click: applied once, it selects nothing again
    assert "place" not in at.query_params
    click(at, "place:天津市")  # the same place clicked again: a new click token
    assert at.query_params.get("place") == "天津市"


def test_click_on_something_that_is_not_a_feature_changes_nothing() -> None:
    at = open_app()
    at.session_state[map_element(at).key] = {"last_active_drawing": None, "last_object_clicked_tooltip": None,
                                              "last_object_clicked": {"lat": 30.0, "lng": 130.0}}
    at.run()
    assert_no_exception(at)
    assert dict(at.query_params) == {}
    assert texts(at.info) == [t("map.click_hint", "ja")]


def test_click_on_a_japanese_city_in_ja_lists_four_partner_expanders() -> None:
    at = click(open_app(), "place:北九州市")
    assert_no_exception(at)
    assert [e.label for e in at.main.expander] == [
        "上海市 — ほぼ合意", "天津市 — ほぼ合意", "武漢市 — ミッション派遣計画", "唐山市 — 状況報告なし",
    ]


def test_click_keeps_language_and_filters() -> None:
    at = click(open_app(query={"lang": "en", "q": "天津"}), "place:天津市")
    assert dict(at.query_params) == {"lang": "en", "q": "天津", "place": "天津市"}


PAYLOAD = "<img src=x onerror=alert(1)> ${alert(2)} :red[x] **b** ![i](http://example.invalid/i.png)"
RAW_MARKUP = ("<img", "![i](", ":red[x]", "**b**", "${alert")  # each must only appear backslash-escaped


def assert_no_raw_markup(bodies: list[str]) -> None:
    for body in bodies:
        for raw in RAW_MARKUP:
            assert not re.search(r"(?<!\\)" + re.escape(raw), body), (raw, body)


def test_data_is_shown_literally_never_as_markup(data_folder) -> None:
    from apptest_kit import edit_csv, markdown_bodies

    edit_csv(data_folder, "places.csv", {"name_ja": "天津市"}, {"note": PAYLOAD})
    edit_csv(data_folder, "partnerships.csv", {"japan": "四日市市", "china": "天津市"},
             {"wording_ja": PAYLOAD, "note": PAYLOAD})
    at = open_app(query={"place": "天津市"})
    assert_no_exception(at)
    bodies = markdown_bodies(at)
    showing = [b for b in bodies if "onerror" in b]
    assert showing, "the note is not shown at all"
    assert_no_raw_markup(bodies)
    assert any(r"\<img src\=x onerror\=alert\(1\)\>" in b for b in showing)
    # The tables escape it (HtmlTable fails on any tag in one): the partner table and the partnerships
    # table hold it verbatim.
    assert PAYLOAD in html_tables(at)[0].column(t("details.wording", "ja"))
    assert PAYLOAD in html_tables(at)[-1].column(t("col.wording", "ja"))
    # The map script carries it as inert, escaped data only.
    script = map_js(at)
    assert "<img" not in script and "onerror" in script

    link = open_app(query={"link": "四日市市–天津市"})
    assert_no_exception(link)
    assert_no_raw_markup(markdown_bodies(link))
    assert sum("onerror" in b for b in markdown_bodies(link)) >= 2  # wording and note lines


def test_markup_in_a_url_value_is_escaped_in_the_warning() -> None:
    at = open_app(query={"place": "![i](http://example.invalid/i.png) **b**"})
    [warning] = texts(at.warning)
    assert "![i](" not in warning and "**b**" not in warning and "example" in warning


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # A place: its own row's source (names, region) in its details, in the reader's language.
        ({"place": "天津市"}, ["IGES 2014-05 表1 表2; 英語名・中国語名と地域: ウィキペディア（英語版・中国語版）",
                              "IGES 2014-05 表2; 英語・中国語: プロジェクトチームによる翻訳"]),
        ({"link": "北九州市–天津市", "lang": "zh"}, ["IGES 2014-05 表1 (北九州市一栏：第2个伙伴 ↔ 第2条备注)"]),
        # A link: Table 1's source, and its Chinese end's Table 2 sources (status and events).
        ({"link": "東京都–北京市", "lang": "en"}, [
            "IGES 2014-05 Table 1",
            "IGES 2014-05 Table 2 (year: the report's date, 2014-05-31); en/zh: translation by the project team",
        ]),
    ],
)
def test_details_name_the_source_of_every_fact(query, expected) -> None:
    at = open_app(query=query)
    assert_no_exception(at)
    captions = "\n".join(texts(at.caption))
    for source in expected:
        assert markdown_text(source) in captions


@pytest.mark.parametrize(
    ("lang", "activity"),
    [("ja", "専門家派遣1回以上"), ("en", "At least one expert dispatch"), ("zh", "专家派遣1次以上")],
)
def test_details_show_the_activity_texts_in_the_readers_language(lang, activity) -> None:
    at = open_app(query={"place": "天津市", "lang": lang})
    assert_no_exception(at)
    assert markdown_text(activity) in shown_text(at)


@pytest.mark.parametrize(("query", "name"), [
    ({"place": "天津市", "province": "河北省"}, "天津市"),
    ({"link": "神戸市–天津市", "province": "河北省"}, "神戸市 – 天津市"),
])
def test_a_selection_the_filters_hide_keeps_its_details_and_says_it_is_not_on_the_map(query, name) -> None:
    at = open_app(query=query)
    assert_no_exception(at)
    assert name in texts(at.subheader)
    assert t("details.not_on_map", "ja") in texts(at.info)
    shown = open_app(query={k: v for k, v in query.items() if k != "province"})
    assert t("details.not_on_map", "ja") not in texts(shown.info)


def test_a_click_sends_the_details_first_and_any_other_run_the_map(monkeypatch) -> None:
    """A click's answer is its details, which reach the screen before the map's update; a first
    run's map has its frame and code to load, a filter change's answer is the redrawn map."""
    import ui.details
    import ui.mapclick

    order: list[str] = []
    show_map, place_details = ui.mapclick.show_map, ui.details.place_details
    monkeypatch.setattr(ui.mapclick, "show_map", lambda *a, **k: (order.append("map"), show_map(*a, **k)))
    monkeypatch.setattr(ui.details, "place_details",
                        lambda *a, **k: (order.append("details"), place_details(*a, **k)))
    at = open_app(query={"place": "天津市"})
    assert_no_exception(at)
    assert order == ["map", "details"]
    order.clear()
    click(at, "place:北京市")
    assert order == ["details", "map"]
    order.clear()
    at.multiselect(key="province").set_value(["北京市"]).run()
    assert order == ["map", "details"]


def test_the_map_page_and_its_clicks_import_no_pandas() -> None:
    """The server's memory after a first session (ui/tables.py, core/map/nopandas.py): the map page, a
    click on a city and one on a link need neither pandas (nor Altair, nor openpyxl) in a fresh process."""
    import subprocess

    probe = ("import sys; sys.argv = ['app.py']; sys.path.insert(0, 'tests/pages'); "
             "from apptest_kit import click, open_app; at = click(open_app(), 'place:北九州市'); "
             "at = click(at, 'link:神戸市–天津市'); assert not at.exception, at.exception; "
             "print(sorted(m for m in ('pandas', 'altair', 'openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().split("\n")[-1] == "[]"
