"""Snapshots in Chromium at projector sizes, on the FICTIONAL second snapshot
(tests/fixtures/two_snapshots): the map's dashed halo on exactly the places that changed and its
legend row, the status page opening with what changed and drawing its chart; nothing leaves
localhost. Screenshots: test-artifacts/snapshots-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from common.i18n import format_date, t
from tests.browser.browser_kit import url, wait_for_map
from tests.browser.conftest import REPO_ROOT, _require_browser, run_app

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "two_snapshots"
CHANGED = {"北京市", "上海市", "河北省", "武漢市", "天津市"}
OLD = "2014-05-31"


@pytest.fixture(scope="module")
def snapshots_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    with run_app(FIXTURE, tmp_path_factory.mktemp("snapshots") / "app.log") as base:
        yield base


@pytest.mark.parametrize(("width", "height", "lang"), [(1280, 720, "ja"), (1920, 1080, "en")])
def test_the_map_marks_what_changed(snapshots_url, tab, artifacts: Path, width, height, lang) -> None:
    page = tab.page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url(snapshots_url, lang=lang, color="stage"))
    _, frame = wait_for_map(page, "w.document.querySelectorAll('.jcm-chg').length > 0")
    marked = frame.evaluate("""() => {
      const out = [];
      map_div.eachLayer(l => {
        if (l._icon && l._icon.querySelector('.jcm-s.jcm-chg')) out.push(l.feature.properties.id);
      });
      return out;
    }""")
    assert {m.removeprefix("place:") for m in marked} == CHANGED
    outline = frame.evaluate(
        "() => getComputedStyle(document.querySelector('.leaflet-marker-pane .jcm-chg')).outlineStyle")
    assert outline == "dashed"
    legend = frame.text_content(".jcm-legend")  # folded on a narrow map: its text is still there
    assert t("map.legend.changed", lang, date=format_date(OLD, lang)) in legend
    page.screenshot(path=str(artifacts / f"snapshots-map-{width}x{height}-{lang}.png"))
    assert not tab.page_errors


def test_the_status_page_opens_with_what_changed_and_its_chart(snapshots_url, tab, artifacts: Path) -> None:
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(url(snapshots_url, lang="ja").replace("/?", "/status?"))
    title = t("changes.title", "ja", since=format_date(OLD, "ja"), as_of=format_date("2015-03-31", "ja"))
    page.get_by_text(title).wait_for(timeout=60_000)
    page.locator(".vega-embed").first.wait_for(timeout=60_000)
    page.screenshot(path=str(artifacts / "snapshots-status-1366x768-ja.png"))
    page.locator(".vega-embed").first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.vega-embed svg, .vega-embed canvas')")
    page.screenshot(path=str(artifacts / "snapshots-status-chart-1366x768-ja.png"))
    assert not tab.page_errors
