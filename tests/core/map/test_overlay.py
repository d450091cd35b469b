"""The overlay on the map: the endpoints payload (what the page ships), its safety, its size on the
reference set, the layer's element and legend lines (core/map/overlay.py, core/map/legend.py)."""

from __future__ import annotations

import json
import re

import pytest

from bench.reference import REFERENCE_LINKS, TWIN_CITIES, reference_overlay
from common.problems import Problem
from core.map.overlay import (
    OverlayLayer,
    OverlayMap,
    country_name,
    link_frame,
    overlay_options,
    overlay_payload,
    source_name,
)
from core.map.vendor import Delivery
from core.overlay.model import Overlay, OverlayLink, OverlayPlace
from tests.core.map.map_sample import build, elements, legend_html
from tests.core.map.test_build import PAYLOADS
from tests.needs import missing

KOBE = OverlayPlace("Kobe", "JP", 34.690083, 135.195511, "兵庫県")
TIANJIN = OverlayPlace("Tianjin", "CN", 39.12, 117.2, "天津市")
SEATTLE = OverlayPlace("Seattle", "US", 47.60621, -122.33207)
NOWHERE = OverlayPlace("Atlantis", "", 0.0, -30.0)
SAMPLE = Overlay("pairs.csv", (SEATTLE, KOBE, TIANJIN, NOWHERE), (
    OverlayLink(1, 2, 2, ("Kobe", "Tianjin")),  # Japan–China
    OverlayLink(1, 0, 3), OverlayLink(0, 3, 4), OverlayLink(2, 1, 5)),  # Japan–US, US–?, China–Japan
    header=("city1", "city2"))


def decoded(overlay: Overlay, exclude=(), lang: str = "ja") -> dict:
    return json.loads(overlay_payload(overlay, exclude, lang))


@pytest.mark.parametrize(
    ("exclude", "lang", "expected"),
    [
        ((), "ja", {
            "names": ["Kobe", "Tianjin", "Seattle", "Atlantis"],  # each place once, in order of first use
            "ll": [34.6901, 135.1955, 39.12, 117.2, 47.6062, -122.3321, 0.0, -30.0],  # 4 decimals
            "cc": [2, 1, 3, 0], "countries": ["", "中国", "日本", "アメリカ合衆国"],
            "rg": [0, 1, -1, -1], "regions": ["兵庫県", "天津市"],
            "links": [0, 1, 0, 2, 2, 3, 1, 0], "jc": [1, 0, 0, 1], "skip": []}),
        ({0, 3}, "en", {  # the programme's own pairs are not shipped, nor their places when unused
            "names": ["Kobe", "Seattle", "Atlantis"], "ll": [34.6901, 135.1955, 47.6062, -122.3321, 0.0, -30.0],
            "cc": [1, 2, 0], "countries": ["", "Japan", "United States"],
            "rg": [0, -1, -1], "regions": ["兵庫県"],
            "links": [0, 1, 1, 2], "jc": [0, 0], "skip": [0, 3]}),
        ({2, 99, -1}, "zh", {  # indices outside the file are ignored
            "names": ["Kobe", "Tianjin", "Seattle"], "ll": [34.6901, 135.1955, 39.12, 117.2, 47.6062, -122.3321],
            "cc": [1, 0, 2], "countries": ["中国", "日本", "美国"], "rg": [0, 1, -1], "regions": ["兵庫県", "天津市"],
            "links": [0, 1, 0, 2, 1, 0], "jc": [1, 0, 1], "skip": [2]}),
    ],
)
def test_payload_ships_each_place_once_and_links_as_indices(exclude, lang, expected):
    assert decoded(SAMPLE, exclude, lang) == expected


def test_payload_is_computed_once_per_overlay_even_with_problems_that_cannot_be_hashed():
    with_problem = Overlay("x.csv", SAMPLE.places, SAMPLE.links, (Problem("x.csv", "bad", 3, params={"n": "1"}),))
    first = overlay_payload(with_problem, {0}, "en")
    assert overlay_payload(with_problem, [0], "en") is first  # a rerun's filter change: the same text
    assert overlay_payload(with_problem, (), "en") is not first and json.loads(first)["skip"] == [0]


@pytest.mark.parametrize("name", PAYLOADS)
def test_names_are_inert_text_in_the_payload(name):
    evil = Overlay("x.csv", (OverlayPlace(name, "JP", 35.0, 135.0), TIANJIN), (OverlayLink(0, 1, 2),))
    text = overlay_payload(evil, lang="en")
    assert not re.search(r"[<>&]|\{[{%#]", text)  # cannot close the script, start markup or a Jinja block
    assert json.loads(text)["names"] == [name, "Tianjin"]  # and decodes to exactly the file's text


@pytest.mark.parametrize(("code", "lang", "name"), [("JP", "ja", "日本"), ("CN", "en", "China"), ("KR", "zh", "韩国"),
                                                    ("XK", "en", "Kosovo"), ("QQ", "ja", "QQ"), ("", "en", "")])
def test_country_names_in_the_readers_language(code, lang, name):
    assert country_name(code, lang) == name


@pytest.mark.parametrize(("source", "name"), [("pairs.csv", "pairs.csv"), ("/home/k/会議/pairs.xlsx", "pairs.xlsx"),
                                             ("C:\\Users\\k\\pairs.csv", "pairs.csv"), ("", "")])
def test_the_file_is_named_without_its_folders(source, name):
    assert source_name(Overlay(source)) == name


@pytest.mark.parametrize(
    ("view", "options"),
    [
        (OverlayMap(SAMPLE), {"show": True, "scope": "japan_china", "regions": None, "selected": None}),
        (OverlayMap(SAMPLE, scope="all", regions=("天津市", "北海道"), selected=1),
         {"show": True, "scope": "all", "regions": [1], "selected": 1}),
        (OverlayMap(SAMPLE, exclude=frozenset({0, 3}), show=False, regions=("天津市",), selected=0),  # excluded
         {"show": False, "scope": "japan_china", "regions": [], "selected": None}),  # Tianjin is not shipped: no link
    ],
)
def test_options_name_regions_by_the_payloads_indices(view, options):
    assert overlay_options(view) == options


def test_the_map_wires_the_payload_to_the_layer_and_names_the_file_in_the_legend():
    source = Overlay("/data/<img src=x>twin.csv", SAMPLE.places, SAMPLE.links)
    m = build(lang="en", overlay=OverlayMap(source, frozenset({3}), scope="all"),
              delivery=Delivery(url=lambda folder, name: f"/{folder}/{name}"))
    page = m.get_root().render()
    layer = next(c for c in m._children.values() if isinstance(c, OverlayLayer))
    assert f"jcm.overlayLayer({m.get_name()}, {layer.data}," in page and json.loads(layer.data)["skip"] == [3]
    assert not re.findall(r"https?://", page)  # offline: nothing but the app's own assets
    assert '<script src="/map/jcm-overlay.js">' in page
    assert '<link rel="stylesheet" href="/map/jcm-overlay.css"/>' in page
    legend = legend_html(m)
    assert "Other partnerships — imported from &lt;img src=x&gt;twin.csv: not part of the programme" in legend
    assert legend.index("Other partnerships") > legend.index("Relation")  # last: the programme comes first
    assert "jcm-ov-other" in legend and "jcm-ov-jc" in legend  # the stylesheet shows what the layer draws
    assert "jcm.overlayLayer" not in build(lang="en").get_root().render()
    assert "imported" not in legend_html(build(lang="en"))


def test_in_the_app_the_script_carries_only_the_url_its_data_is_published_at():
    """The static part travels with every rerun's map message: the app publishes the payload once
    per run (ui.mapclick.publish_overlay) and the script names the URL the browser fetches it from."""
    published: list[str] = []
    publish = lambda payload: published.append(payload) or "../../media/<x>\"payload.json"  # noqa: E731
    m = build(lang="en", overlay=OverlayMap(SAMPLE, frozenset({3}), scope="all"),
              delivery=Delivery(publish_overlay=publish))
    page = m.get_root().render()
    assert published == [overlay_payload(SAMPLE, {3}, "en")]
    assert "Seattle" not in page and "Atlantis" not in page  # the overlay's own places: not in the script
    layer = next(c for c in m._children.values() if isinstance(c, OverlayLayer))
    assert json.loads(str(layer.data)) == '../../media/<x>"payload.json'  # a JS string, script-safe
    assert "<x>" not in page


def test_reference_set_costs_under_100_bytes_per_link_names_included(capsys):
    if not TWIN_CITIES.exists():
        missing(f"the reference data set {TWIN_CITIES}", "it comes with the project's checkout in ../shared/datasets/")
    overlay = reference_overlay()
    size = len(overlay_payload(overlay).encode("utf-8"))
    with capsys.disabled():
        print(f"\noverlay payload: {len(overlay.links):,} links, {size:,} B, {size / len(overlay.links):.1f} B/link")
    assert len(overlay.links) == REFERENCE_LINKS
    assert size / len(overlay.links) <= 100


@pytest.mark.parametrize(("a", "b", "expected"), [
    pytest.param(KOBE, TIANJIN, [(34.690083, 135.195511), (39.12, 117.2)], id="same-side"),
    pytest.param(KOBE, SEATTLE, [(34.690083, 135.195511), (47.60621, -122.33207 + 360)], id="across-the-pacific"),
    pytest.param(SEATTLE, KOBE, [(47.60621, -122.33207), (34.690083, 135.195511 - 360)], id="across-from-the-east"),
    pytest.param(NOWHERE, SEATTLE, [(0.0, -30.0), (47.60621, -122.33207)], id="across-the-atlantic"),
    pytest.param(OverlayPlace("Fiji", "FJ", -18.1, 179.9), OverlayPlace("Samoa", "WS", -13.8, -171.8),
                 [(-18.1, 179.9), (-13.8, -171.8 + 360)], id="just-across-the-antimeridian"),
])
def test_a_picked_pair_is_framed_the_short_way_round(a, b, expected):
    """Where its arc is drawn (jcm-overlay.js continues longitudes across the antimeridian)."""
    frame = link_frame(Overlay("x.csv", (a, b), (OverlayLink(0, 1, 2),)), 0)
    assert [v for point in frame for v in point] == pytest.approx([v for point in expected for v in point])
    assert abs(frame[1][1] - frame[0][1]) <= 180


@pytest.mark.parametrize(("selected", "room"), [(None, 0), (0, 410), (3, 0)])  # 3: not drawn (a programme pair)
def test_the_presenters_frame_keeps_clear_of_an_overlay_pairs_details(selected, room):
    """The details panel opens on the right for an overlay pair as for a programme place."""
    m = build(lang="en", fill=True, overlay=OverlayMap(SAMPLE, frozenset({3}), scope="all", selected=selected))
    framing = next(c for c in elements(m) if type(c).__name__ == "Framing")
    assert json.loads(framing.options.js_code)["reserve"]["right"] == room
