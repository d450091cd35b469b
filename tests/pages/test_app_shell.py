"""The shell around every page: no exception on any page in any language, a translated title,
navigation and sidebar."""

from __future__ import annotations

import sys

import pytest
from apptest_kit import LANGS, PAGES, assert_no_exception, open_app, texts

from common.i18n import t
from core.report.wording import markdown_text

# Literal expectations (not only t()): a catalogue edit that mixes languages fails here too.
TITLES = {
    "ja": "日中都市間連携 大気環境改善協力マップ",
    "en": "Japan–China Inter-City Air Quality Cooperation Map",
    "zh": "中日城市间大气环境改善合作地图",
}
NAV = {
    "ja": ["地図", "調整状況", "連携一覧", "このアプリについて"],
    "en": ["Map", "Status", "Partnerships", "About"],
    "zh": ["地图", "协调状况", "合作关系", "关于"],
}
SIDEBAR_KEYS = {
    "multiselect": ("filter.region", "filter.relation", "filter.stage"),
    "slider": ("filter.years",),
    "checkbox": ("filter.undated",),
    "text_input": ("filter.search",),
    "button": ("filter.reset",),
    "radio": ("map.color_by",),
    "selectbox": ("sidebar.language", "map.basemap"),
}
# Each page's own heading (the map page has none; its first markdown heading instead).
PAGE_HEADING = {
    "map": ("markdown", "details.status"),
    "status": ("header", "status.title"),
    "partnerships": ("header", "partnerships.title"),
    "about": ("header", "page.about"),
}


def navigation_labels(at) -> list[str]:
    # AppTest has no accessor for st.navigation; its registry holds each st.Page's title.
    return [info["page_name"] for info in at._registered_pages.values()]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_in_every_language(page: str, lang: str) -> None:
    at = open_app(page, {"lang": lang})
    assert_no_exception(at)
    assert texts(at.title) == [TITLES[lang]]
    assert navigation_labels(at) == NAV[lang]
    kind, key = PAGE_HEADING[page]
    heading = markdown_text(t(key, lang)) if kind == "markdown" else t(key, lang)
    assert any(heading in v for v in texts(getattr(at, kind))), texts(getattr(at, kind))
    assert not at.error and not at.warning


@pytest.mark.parametrize("lang", LANGS)
def test_sidebar_widgets_have_translated_labels(lang: str) -> None:
    at = open_app("map", {"lang": lang})
    for kind, keys in SIDEBAR_KEYS.items():
        labels = [w.label for w in getattr(at.sidebar, kind)]
        assert labels == [t(k, lang) for k in keys], (kind, labels)
    assert texts(at.sidebar.header) == [t("sidebar.filters", lang)]
    assert at.sidebar.selectbox(key="lang").value == lang


def test_language_picker_switches_everything_and_the_url() -> None:
    at = open_app()
    assert texts(at.title) == [TITLES["ja"]] and "lang" not in at.query_params
    at.sidebar.selectbox(key="lang").set_value("zh").run()
    assert_no_exception(at)
    assert texts(at.title) == [TITLES["zh"]]
    assert navigation_labels(at) == NAV["zh"]
    assert at.query_params.get("lang") == "zh"


@pytest.mark.parametrize("lang", LANGS)
def test_broken_data_folder_shows_the_problem_not_a_traceback(data_folder, lang: str) -> None:
    from apptest_kit import edit_csv

    line = edit_csv(data_folder, "partnerships.csv", {"japan": "東京都", "china": "北京市"}, {"japan": "大阪市"})
    at = open_app(query={"lang": lang})
    assert_no_exception(at)
    assert texts(at.error) == [t("error.data_title", lang)]
    assert texts(at.text) == [t("error.data_folder", lang, folder=data_folder)]
    [message] = texts(at.code)
    assert "partnerships.csv" in message and "大阪市" in message
    assert f"line {line}" in message if lang == "en" else str(line) in message
    assert "Traceback" not in message and not at.title  # stopped before the pages


def test_first_session_after_server_start_keeps_the_url_view_on_first_interaction(monkeypatch) -> None:
    import streamlit.testing.v1.app_test as app_test_module

    from ui.streamlit_private import PagesManager

    at = open_app(query={"lang": "en", "q": "天津"})  # AppTest: like a fresh server process

    class AfterNavigation(PagesManager):  # what the process keeps once app.py called st.navigation
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    monkeypatch.setattr(app_test_module, "PagesManager", AfterNavigation)
    at.sidebar.checkbox(key="undated").uncheck().run()
    assert dict(at.query_params) == {"lang": "en", "q": "天津", "undated": "0"}


@pytest.mark.parametrize("lang", LANGS)
def test_error_screen_lists_no_raw_page_file_names(data_folder, monkeypatch, lang: str) -> None:
    """Without st.navigation before st.stop(), Streamlit's pages/-folder router would put "app",
    "about page", "map page"… in the sidebar, in English whatever the language."""
    import streamlit.testing.v1.local_script_runner as runner_module
    from apptest_kit import edit_csv

    from ui.streamlit_private import ForwardMsgQueue, Navigation

    sent: list = []

    class Recording(ForwardMsgQueue):
        def enqueue(self, msg) -> None:
            if msg.HasField("navigation"):
                sent.append(msg.navigation)
            super().enqueue(msg)

    monkeypatch.setattr(runner_module, "ForwardMsgQueue", Recording)
    edit_csv(data_folder, "places.csv", {"name_ja": "東京都"}, {"kind": "ken"})
    at = open_app(query={"lang": lang})
    assert_no_exception(at)
    assert texts(at.error) == [t("error.data_title", lang)]
    # The first run of a process still sends the router's list first; the browser keeps the last one.
    assert [page.page_name for page in sent[-1].app_pages] == NAV[lang]
    assert sent[-1].position == Navigation.Position.HIDDEN
    assert navigation_labels(at) == NAV[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_error_screen_shows_fifty_problems_then_counts_the_rest(data_folder, lang: str) -> None:
    """A sheet pasted with 80 bad rows lists 50 and says how many more of the same kind there are."""
    with (data_folder / "partnerships.csv").open("a", encoding="utf-8", newline="") as handle:
        handle.writelines(f"大阪{i}市,北京市,friendship,友好都市,1979,,IGES 2014-05 表1\n" for i in range(80))
    at = open_app(query={"lang": lang})
    assert_no_exception(at)
    [shown] = texts(at.code)
    lines = shown.splitlines()
    assert len(lines) == 51 and all("partnerships.csv" in line for line in lines[:50])
    assert "大阪49市" in lines[49] and "大阪50市" not in shown
    assert lines[50] == t("error.more_of_kind", lang, count=30)


def test_each_sidebar_widget_writes_its_own_parameter_into_the_url() -> None:
    at = open_app()
    at.sidebar.multiselect(key="province").set_value(["河北省"]).run()
    at.sidebar.slider(key="years").set_value((1980, 1985)).run()
    at.sidebar.multiselect(key="stage").set_value(["no_status"]).run()
    at.sidebar.radio(key="color").set_value("stage").run()
    assert_no_exception(at)
    assert dict(at.query_params) == {"province": "河北省", "from": "1980", "to": "1985", "stage": "no_status",
                                     "color": "stage"}
    at.sidebar.slider(key="years").set_value((1973, 1992)).run()  # the data's whole range is no restriction
    assert "from" not in at.query_params and "to" not in at.query_params


def test_clear_filters_resets_every_filter_and_the_selection_but_keeps_language_and_map_options() -> None:
    at = open_app(query={"lang": "en", "province": "Hebei", "from": "2000", "undated": "0", "relation": "friendship",
                         "stage": "no_status", "q": "Nagano", "place": "長野県", "color": "stage", "basemap": "osm",
                         "zoom": "4"})
    assert len(at.warning) == 1
    [reset] = [b for b in at.sidebar.button if b.label == t("filter.reset", "en")]
    reset.click().run()
    assert_no_exception(at)
    assert dict(at.query_params) == {"lang": "en", "color": "stage", "basemap": "osm"}
    assert at.sidebar.slider(key="years").value == (1973, 1992)
    assert at.sidebar.multiselect(key="province").value == [] and at.sidebar.text_input(key="q").value == ""
    assert at.sidebar.checkbox(key="undated").value is True
    assert not at.warning and not at.subheader


@pytest.mark.parametrize(("app_args", "code", "option", "value"), [
    (["--overlay"], "missing_value", "--overlay", ""),
    (["--allow-edit=yes"], "flag_value", "--allow-edit", "yes"),
    (["--bad"], "unknown_option", "--bad", ""),
])
def test_plain_streamlit_run_with_a_wrong_option_shows_it_on_the_page(monkeypatch, app_args, code, option, value):
    """`streamlit run app.py -- --bad` (not through the launcher): argparse's exit left a blank page."""
    monkeypatch.setattr(sys, "argv", ["app.py", *app_args])
    at = open_app(query={"lang": "en"})
    assert_no_exception(at)
    said = t(f"startup.{code}", "en", option=option, value=value,
             options="--data-dir, --allow-edit, --overlay, --share")
    assert texts(at.error) == [markdown_text(said)] and not at.title
