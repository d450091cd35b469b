"""The timeline element: what it hands the browser (years, start, texts, layers), and that its
script follows st_folium's renaming of the layers it drives."""

from __future__ import annotations

import json
import re

import pytest
from map_sample import COORDS, LINKS, PLACES, P, build, elements, features, framed, layers, link, stage_of

from common.i18n import t
from core.map.features import link_features
from core.map.timeline import Timeline
from core.view.filters import WHEN, without_years
from core.view.params import PARAMS


def timeline(m) -> Timeline:
    [element] = [c for c in elements(m) if isinstance(c, Timeline)]
    return element


def options(m) -> dict:
    script = str(timeline(m)._template.module.script(timeline(m), {}))
    return json.loads(re.search(r"(\{\"years\".*\})\);", script, re.S).group(1))


@pytest.mark.parametrize(
    ("links", "start", "years", "opened"),
    [
        (LINKS, None, [1980, 1980], None),  # every dated sample link is of 1980
        ([link("東京都", "北京市", year=1979), link("神戸市", "天津市", year=1973)], 1975, [1973, 1979], 1975),
        ([link("北九州市", "上海市", year=None)], 1980, None, 1980),  # no year: the browser hides the control
        ([], None, None, None),
    ],
)
def test_years_are_those_of_the_links_shown_and_start_is_the_url_year(links, start, years, opened):
    got = options(build(PLACES, links, timeline_year=start))
    assert (got["years"], got["start"]) == (years, opened)
    assert got["frameMs"] > 0


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_buttons_and_the_last_frame_speak_the_readers_language(lang):
    texts = options(build(lang=lang))["texts"]
    assert texts == {k: t(f"timeline.{k}", lang) for k in texts}
    assert set(texts) == {"title", "play", "pause", "back", "forward", "close", "undated"}


def test_links_carry_their_year_and_undated_ones_none():
    years = {f["properties"]["id"]: f["properties"].get("y") for f in features(build(), "links")}
    assert years == {f"link:{p.key}": p.year for p in LINKS}
    assert None in years.values()
    feats = link_features([(LINKS[0], COORDS["東京都"], COORDS["北京市"])], {}, "ja", "relation", stage_of, None, None)
    assert json.loads(feats[0])["properties"]["y"] == 1980


def test_script_drives_the_renamed_link_and_place_layers():
    m = build()
    element = timeline(m)
    names = {n: layers(m)[n] for n in ("links", "places", "labels")}
    for layer in names.values():
        layer._id = f"renamed_{layer.layer_name}"
    script = str(element._template.module.script(element, {}))
    assert re.search(r"jcm\.timeline\(feature_group_\w+,\s*\[geo_json_layer_renamed_links\],\s*"
                     r"\[geo_json_layer_renamed_places,geo_json_layer_renamed_labels\]", script), script


def test_a_map_without_links_gives_the_timeline_no_link_layer():
    element = timeline(build([P["川崎市"]], []))
    assert element.link_layers == [] and element.place_layers == ["places", "labels"]


def test_year_is_one_registry_parameter_that_filters_nothing():
    [year] = [p for p in PARAMS if p.name == "year"]
    assert year.filter is None and year.widget is None


def test_framing_ignores_the_year_filters_only():
    by_name = {p.name: p for p in PARAMS}
    active = ((by_name["from"].filter, 1990), (by_name["relation"].filter, ("friendship",)),
              (by_name["undated"].filter, False), (by_name["to"].filter, 1991))
    assert without_years(active) == ((by_name["relation"].filter, ("friendship",)),)
    assert {by_name[n].filter for n in ("from", "to", "undated")} == set(WHEN)


def test_moving_the_years_keeps_the_frame():
    """The page frames on the view without its year filters: the fitBounds stays when only years change."""
    everything = [COORDS[p.key] for p in PLACES]
    narrow = build([P["東京都"], P["北京市"]], LINKS[:1], frame=everything)
    wide = build(PLACES, LINKS, frame=everything)
    assert framed(narrow) == framed(wide)
    assert framed(build([P["東京都"], P["北京市"]], LINKS[:1])) != framed(wide)  # without a frame it would move
