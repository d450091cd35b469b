"""The map page and the timeline: `year=` reaches the map's timeline and stays in the URL; the
year slider filters without re-framing the map."""

from __future__ import annotations

import json
import re

import pytest
from apptest_kit import assert_no_exception, map_ids, map_js, open_app


def timeline_options(at) -> dict:
    return json.loads(re.search(r"jcm\.timeline\([^{]*(\{\"years\".*?\}\})\);", map_js(at), re.S).group(1))


def fit_bounds(at) -> str:
    return json.loads(re.search(r"jcm\.frame\([^{]*(\{.*?\})\);", map_js(at), re.S).group(1))["bounds"]


@pytest.mark.parametrize(("raw", "start"), [("1980", 1980), ("１９８５", 1985), ("1900", 1973), (None, None)])
def test_year_opens_the_timeline_there_and_stays_in_the_url(raw, start):
    at = open_app(query={"year": raw} if raw else {})
    assert_no_exception(at)
    options = timeline_options(at)
    assert options["years"] == [1973, 1992] and options["start"] == start
    assert at.query_params.get("year") == (str(start) if start else None)
    assert len(map_ids(at, "link")) == 12  # the timeline filters in the browser, never on the server


def test_the_year_slider_filters_links_but_keeps_the_frame():
    at = open_app()
    framed, links = fit_bounds(at), map_ids(at, "link")
    at.sidebar.checkbox(key="undated").uncheck().run()
    at.sidebar.slider(key="years").set_value((1973, 1979)).run()  # 2 links, from Kobe to Beijing only
    assert_no_exception(at)
    assert map_ids(at, "link") == {"神戸市–天津市", "東京都–北京市"} < links
    assert fit_bounds(at) == framed  # their own extent would be far smaller (no Guangdong, no Shenyang)
    assert timeline_options(at)["years"] == [1973, 1979]  # the timeline runs over the links shown
