"""Snapshots in the app: `asof=` and `since=` in every language, the status page with one and with
two snapshots (the second one FICTIONAL, tests/fixtures/two_snapshots), the map's "changed" halo,
an older status marked with its date, the charts and the workbook download on every table page."""

from __future__ import annotations

import pytest
from apptest_kit import REPO, assert_no_exception, map_js, open_app, shown_text, texts

from common.i18n import format_date, t

OLD, NEW = "2014-05-31", "2015-03-31"
LANGS = ("ja", "en", "zh")


@pytest.fixture
def two_snapshots_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JCAIR_DATA_DIR", str(REPO / "tests" / "fixtures" / "two_snapshots"))


@pytest.mark.parametrize("lang", LANGS)
def test_one_snapshot_says_so_plainly(lang) -> None:
    at = open_app("status", {"lang": lang})
    assert_no_exception(at)
    assert texts(at.info)[0] == t("status.one_snapshot", lang, date=format_date(OLD, lang))
    assert len(at.dataframe[0].value) == 9  # Table 2 right below it
    assert not [w for w in at.sidebar.selectbox if w.key in ("asof", "since")]  # nothing to choose


@pytest.mark.parametrize("lang", LANGS)
def test_two_snapshots_open_with_what_changed(two_snapshots_app, lang) -> None:
    at = open_app("status", {"lang": lang})
    assert_no_exception(at)
    assert texts(at.subheader)[0] == t("changes.title", lang, since=format_date(OLD, lang),
                                       as_of=format_date(NEW, lang))
    assert t("status.changed_count", lang, n=5) in texts(at.caption)
    changes = at.dataframe[0].value
    assert list(changes[t("col.change", lang)][:5]) == [
        t(f"change.{k}", lang) for k in ("advanced", "went_back", "new", "not_reported", "unchanged")]
    table2 = at.dataframe[1].value
    assert t("snapshot.older", lang, date=format_date(OLD, lang)) in list(table2[t("col.as_of", lang)])
    assert len(at.get("vega_lite_chart")) == 1
    assert [b.label for b in at.get("download_button")] == [t("workbook.download", lang)]


@pytest.mark.parametrize(
    ("lang", "query", "warned"),
    [
        ("ja", {"asof": OLD}, None),
        ("en", {"asof": "2015-3-31"}, "warn.unknown_param"),
        ("zh", {"since": NEW}, "warn.url.since_not_before"),
        ("en", {"asof": OLD, "since": OLD}, "warn.url.since_not_before"),
    ],
)
def test_asof_and_since_in_the_url(two_snapshots_app, lang, query, warned) -> None:
    at = open_app("status", {"lang": lang, **query})
    assert_no_exception(at)
    assert bool(at.warning) == bool(warned)
    if warned:
        value = query.get("since") or query["asof"]
        assert value.replace("-", "\\-") in texts(at.warning)[0]
    viewed = query.get("asof") if query.get("asof") == OLD else NEW
    assert t("workbook.as_of", lang, date=format_date(viewed, lang)) in texts(at.caption)
    if viewed == OLD:
        assert texts(at.info)[0] == t("status.first_snapshot", lang, date=format_date(OLD, lang))
        assert at.sidebar.selectbox(key="asof").value == OLD


def test_the_selector_changes_the_date_of_every_table(two_snapshots_app) -> None:
    at = open_app("status")
    stage = t("col.stage", "ja")
    entity = t("col.entity", "ja")

    def beijing(frame) -> str:
        return dict(zip(frame[entity], frame[stage]))["北京市"]

    assert beijing(at.dataframe[1].value) == t("label.nearly_agreed", "ja")
    at.sidebar.selectbox(key="asof").set_value(OLD).run()
    assert_no_exception(at)
    assert beijing(at.dataframe[0].value) == t("label.in_coordination", "ja")
    assert at.query_params["asof"] == OLD


def test_the_map_marks_what_changed_and_follows_the_date(two_snapshots_app) -> None:
    at = open_app("map", {"color": "stage", "place": "武漢市"})
    assert_no_exception(at)
    script = map_js(at)
    for entity in ("北京市", "上海市", "河北省", "武漢市", "天津市"):
        assert f'"id":"place:{entity}","tip"' in script and f'"place:{entity}"' in script
    assert script.count('"chg":1') == 5
    assert t("map.legend.changed", "ja", date=format_date(OLD, "ja")) in script
    assert t("snapshot.older", "ja", date=format_date(OLD, "ja")).replace("（", "\\（") in shown_text(at) or \
        t("snapshot.older", "ja", date=format_date(OLD, "ja")) in shown_text(at)
    # 武漢市's stage over time in its panel: an SVG picture, no Vega chart (a click imports no Altair)
    assert not at.get("vega_lite_chart")
    assert [h for h in at.get("html") if h.value.startswith('<img class="jcm-stage-chart"')]
    old = open_app("map", {"asof": OLD})
    assert '"chg":1' not in map_js(old)  # the first snapshot: nothing to compare with


def test_the_partnerships_page_has_the_chart_and_both_downloads() -> None:
    at = open_app("partnerships", {"lang": "en"})
    assert_no_exception(at)
    assert [b.label for b in at.get("download_button")] == [t("partnerships.download", "en"),
                                                           t("workbook.download", "en")]
    assert len(at.get("vega_lite_chart")) == 1


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("present", [False, True])
@pytest.mark.parametrize("asof", [None, OLD])
def test_the_title_names_the_date_shown(two_snapshots_app, lang, present, asof) -> None:
    """The subtitle (page) and the caption on the map (presenter) say the snapshot shown, never the
    report's end of May 2014 over a March 2015 snapshot."""
    query = {"lang": lang, **({"present": "1"} if present else {}), **({"asof": asof} if asof else {})}
    at = open_app(query=query)
    assert_no_exception(at)
    shown, other = (asof, NEW) if asof else (NEW, OLD)
    said = "\n".join(m.value for m in at.markdown) if present else texts(at.caption)[0]
    assert format_date(shown, lang) in said.replace("\\", "")
    assert format_date(other, lang) not in said.replace("\\", "")
    assert "平成26年5月末" not in said and "end of May 2014" not in said and "2014年5月底" not in said


def test_compare_with_offers_only_dates_before_the_one_shown(two_snapshots_app) -> None:
    """A date the address could not hold (on or after the date shown) is never offered; choosing an
    earlier "as of" takes back a comparison that no longer looks back."""
    at = open_app("map", {"lang": "en", "since": OLD})
    since = at.sidebar.selectbox(key="since")
    assert since.options == [t("since.previous", "en"), format_date(OLD, "en")]
    at.sidebar.selectbox(key="asof").set_value(OLD).run()
    assert at.sidebar.selectbox(key="since").options == [t("since.previous", "en")]
    assert at.sidebar.selectbox(key="since").value == "" and "since" not in at.query_params
