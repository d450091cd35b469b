"""build_map: exactly the given objects, legends of what is present, offline, XSS-inert."""

from __future__ import annotations

import html
import json
import os
import re

import pytest
from map_sample import COORDS, LINKS, PLACES, P, build, features, framed, layers, legend_html, link, place, stage_of

from common.i18n import t
from core.data.models import Country, PlaceKind
from core.map.build import DEFAULT_BOUNDS, build_map
from core.map.features import LABEL_LIMIT
from core.map.request import MapRequest
from core.map.style import HALO_COLOR, LINK_WEIGHT, PRESENTER_LINK_WEIGHT
from core.map.vendor import Delivery
from core.view.basemaps import BASEMAPS


@pytest.mark.parametrize(
    ("places", "links"),
    [
        (PLACES, LINKS),
        (PLACES[:3], LINKS[:1]),
        (PLACES, []),
        ([P["北九州市"], P["上海市"], P["天津市"]], LINKS[4:]),
    ],
)
def test_holds_exactly_the_given_places_and_links(places, links):
    m = build(places, links)
    assert sorted(f["properties"]["id"] for f in features(m, "places")) == sorted(f"place:{p.key}" for p in places)
    assert sorted(f["properties"]["id"] for f in features(m, "links")) == sorted(f"link:{p.key}" for p in links)
    assert sorted(f["properties"]["id"] for f in features(m, "labels")) == sorted(f"place:{p.key}" for p in places)
    assert set(layers(m)) <= {"basemap", "links", "places", "labels"}  # a few layers, not one per object


def test_link_id_uses_partnership_key():
    m = build(PLACES, LINKS[:1])
    assert features(m, "links")[0]["properties"]["id"] == "link:東京都–北京市"


def test_places_without_coordinates_and_their_links_are_left_out():
    nowhere = place("どこか市", PlaceKind.CITY, Country.JP)
    m = build([*PLACES, nowhere], [*LINKS, link("どこか市", "北京市")])
    assert "place:どこか市" not in {f["properties"]["id"] for f in features(m, "places")}
    assert len(features(m, "links")) == len(LINKS)


def test_links_are_curved_and_distinct_into_tianjin():
    m = build(PLACES, LINKS)
    lines = {f["properties"]["id"]: f["geometry"]["coordinates"] for f in features(m, "links")}
    tianjin = [lines[k] for k in lines if k.endswith("–天津市")]
    assert len(tianjin) == 3
    mids = {tuple(c[len(c) // 2]) for c in tianjin}
    assert len(mids) == 3
    for coords in tianjin:
        assert coords[-1] == [117.19, 39.125]  # ends exactly at Tianjin


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
@pytest.mark.parametrize(
    ("color_by", "links", "present", "absent"),
    [
        ("relation", LINKS, ["friendship", "local_office", "environmental_exchange"], ["cooperation_request"]),
        ("relation", LINKS[:2], ["friendship"], ["local_office", "environmental_exchange", "cooperation_request"]),
        ("stage", LINKS, ["in_coordination", "nearly_agreed", "no_status"], ["mission_planned", "platform_agreed"]),
        ("stage", LINKS[4:], ["nearly_agreed"], ["in_coordination", "no_status"]),
    ],
)
def test_legend_shows_only_present_categories(lang, color_by, links, present, absent):
    from common.i18n import label

    m = build(PLACES, links, lang=lang, color_by=color_by)
    legend = legend_html(m)
    for cat in present:
        assert html.escape(label(cat, lang)) in legend
    for cat in absent:
        assert html.escape(label(cat, lang)) not in legend
    assert html.escape(t(f"map.legend.{color_by}", lang)) in legend
    assert legend.count("<svg") == len(present)  # one colour+dash swatch per present category


def test_legend_shapes_only_present():
    m = build([P["東京都"], P["北京市"]], [])
    legend = legend_html(m)
    assert "jcm-jp_region" in legend and "jcm-cn_region" in legend
    assert "jcm-jp_city" not in legend and "jcm-cn_body" not in legend


def test_country_and_kind_have_distinct_shapes():
    shapes = {f["properties"]["id"]: f["properties"]["shape"] for f in features(build(), "places")}
    assert shapes["place:東京都"] == "jp_region" and shapes["place:川崎市"] == "jp_city"
    assert shapes["place:北京市"] == "cn_region" and shapes["place:瀋陽市"] == "cn_city"
    assert shapes["place:環境保護部"] == "cn_body"


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
@pytest.mark.parametrize("color_by", ["relation", "stage"])
def test_offline_map_has_no_url_at_all(lang, color_by):
    m = build(lang=lang, color_by=color_by)
    page = m.get_root().render()
    assert not re.findall(r"https?://", page)
    assert all(not u.startswith(("http:", "https:", "//")) for _, u in [*m.default_js, *m.default_css])


def test_the_page_loads_leaflet_then_the_map_assets_where_the_caller_says():
    page = build(delivery=Delivery(url=lambda folder, name: f"/{folder}/{name}")).get_root().render()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    own = ["jcm-map", "jcm-markers", "jcm-links", "jcm-legend", "jcm-labels", "jcm-keyboard", "jcm-tooltip",
           "jcm-selection", "jcm-timeline", "jcm-view", "jcm-basemap"]
    assert scripts == ["/leaflet/leaflet.js", *(f"/map/{n}.js" for n in own)]
    # the map's own first (the sea, and paper), then each concept's in the order its elements come
    css = ["jcm-map", "jcm-map-print", "jcm-markers", "jcm-labels", "jcm-links", "jcm-keyboard", "jcm-legend",
           "jcm-timeline", "jcm-view", "jcm-basemap"]
    assert sheets == ["/leaflet/leaflet.css", *(f"/map/{n}.css" for n in css)]
    assert "app/static" not in page  # core names no web route
    assert "jcm.styleVars(" in page and "--jcm-font" in page  # the stylesheet's sizes come from style.py


@pytest.mark.parametrize("key", [k for k, b in BASEMAPS.items() if b.online])
def test_online_basemap_url_only_when_selected(key):
    page = build(basemap=key).get_root().render()
    urls = set(re.findall(r"https?://[^\"'\s<>\\]+", page))
    assert BASEMAPS[key].tiles in page
    allowed = BASEMAPS[key].tiles + BASEMAPS[key].attribution
    assert all(u in allowed for u in urls), urls
    for other, bm in BASEMAPS.items():
        if other != key and bm.tiles:
            assert bm.tiles not in page


def test_unknown_basemap_falls_back_offline():
    assert not re.findall(r"https?://", build(basemap="nope").get_root().render())


PAYLOADS = ["<img src=x onerror=alert(1)>", "${alert(1)}", "`alert(2)`", "</script><script>alert(3)</script>",
            "C:\\users\\x", "'\"&", "{{ 7*7 }}", "{% if true %}T{% endif %}", "{# hidden #}", "{{{ 1 }}}"]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_xss_payloads_are_inert(payload, lang):
    evil = place("悪" + payload, PlaceKind.CITY, Country.JP, en="Evil" + payload, note=payload)
    evil_link = link(evil.key, "北京市", note=payload)
    coords = {**COORDS, evil.key: (34.0, 133.0)}
    m = build_map(MapRequest([evil, P["北京市"]], [evil_link], coords, lang=lang, stage_of=stage_of))
    page = m.get_root().render()
    assert "<img src=x onerror" not in page
    assert page.count("</script>") == page.count("<script")  # no script closed/opened by data
    assert "alert(3)</script>" not in page
    data_layers = layers(m)
    for layer in data_layers.values():  # the embedded data is in the page verbatim and still parses
        assert layer.data in page
        json.loads(layer.data)  # a backslash did not break the JSON
    props = [f["properties"] for name in ("links", "places", "labels") for f in features(m, name)]
    assert any(html.escape(payload) in p["tip"] for p in props if "tip" in p)
    assert any(html.escape(evil.names.get(lang)) == p["t"] for p in props if "t" in p)
    # Outside the JSON data, the payload appears nowhere (not in code, not in a template literal).
    outside = page
    for layer in data_layers.values():
        outside = outside.replace(layer.data, "")
    assert "alert(" not in outside and "users" not in outside
    ids = {p["id"] for p in props}
    assert f"place:{evil.key}" in ids and f"link:{evil_link.key}" in ids  # ids survive exactly


@pytest.mark.parametrize(
    ("name", "evaluated"),
    [("{{ 7*7 }}", "49"), ("{% for i in range(3) %}L{% endfor %}", "LLL"),
     ("{{ cycler.__init__.__globals__.os.getcwd() }}", os.getcwd()), ("{# gone #}", "")],
)
def test_jinja_in_data_is_not_evaluated_server_side(name, evaluated):
    evil = place("x" + name, PlaceKind.CITY, Country.JP, en="x" + name, note=name)
    m = build_map(MapRequest([evil], [], {evil.key: (35.0, 135.0)}, lang="en"))
    page = m.get_root().render()
    props = features(m, "places")[0]["properties"]
    assert props["id"] == f"place:x{name}"
    assert html.escape(name) in props["tip"]
    if evaluated:
        assert f"x{evaluated}" not in page.replace(f"x{name}", "")


def test_empty_selection_gives_framed_empty_map():
    m = build_map(MapRequest([], [], {}, lang="zh"))
    page = m.get_root().render()
    assert set(layers(m)) == {"basemap"}
    assert framed(m) == [list(DEFAULT_BOUNDS[0]), list(DEFAULT_BOUNDS[1])]
    assert legend_html(m) == ""
    assert not re.findall(r"https?://", page)


def test_fit_bounds_frames_shown_places():
    m = build([P["川崎市"], P["上海市"]], [])
    assert framed(m) == [[31.230, 121.474], [35.531, 139.703]]


def test_selected_place_and_its_links_are_highlighted():
    m = build(selected="天津市")
    sel_places = [f["properties"]["id"] for f in features(m, "places") if f["properties"].get("sel")]
    sel_links = sorted(f["properties"]["id"] for f in features(m, "links") if f["properties"].get("sel"))
    assert sel_places == ["place:天津市"]
    assert sel_links == sorted(f"link:{p.key}" for p in LINKS if p.china == "天津市")


def test_selected_link_is_highlighted():
    m = build(selected_link="東京都–北京市")
    assert [f["properties"]["id"] for f in features(m, "links") if f["properties"].get("sel")] == ["link:東京都–北京市"]


def test_labels_omitted_above_limit():
    many = [place(f"市{i}", PlaceKind.CITY, Country.JP) for i in range(LABEL_LIMIT + 1)]
    coords = {p.key: (30 + i * 0.05, 130 + i * 0.05) for i, p in enumerate(many)}
    m = build_map(MapRequest(many, [], coords))
    assert "labels" not in layers(m)
    assert len(features(m, "places")) == LABEL_LIMIT + 1


@pytest.mark.parametrize("name", ["links", "places", "labels", "basemap"])
def test_layer_script_follows_element_renaming(name):
    """st_folium renames elements (geo_json_layer_<hex> -> ..._div_<n>) and re-renders their
    scripts: no name may be baked in earlier, or the layer silently breaks in the app."""
    layer = layers(build())[name]
    old = layer.get_name()
    layer._id = "renamed"
    script = str(layer._template.module.script(layer, {}))
    assert old not in script
    assert "geo_json_layer_renamed" in script
    for child in layer._children.values():  # its tooltip binds to the renamed layer
        script = str(child._template.module.script(child, {}))
        assert old not in script and "geo_json_layer_renamed" in script


def _link_options(m) -> dict:
    return json.loads(str(layers(m)["links"].options))


@pytest.mark.parametrize(
    ("kw", "dim", "weight"),
    [({}, False, LINK_WEIGHT), ({"selected": "天津市"}, True, LINK_WEIGHT),
     ({"selected_link": "東京都–北京市", "link_weight": PRESENTER_LINK_WEIGHT}, True, PRESENTER_LINK_WEIGHT),
     # a selection the filters leave out of the map fades nothing (its details say it is not shown)
     ({"selected": "天津市", "places": [p for p in PLACES if p.key != "天津市"],
       "links": [p for p in LINKS if "天津市" not in (p.japan, p.china)]}, False, LINK_WEIGHT),
     ({"selected_link": "神戸市–天津市", "links": LINKS[:2]}, False, LINK_WEIGHT)],
)
def test_links_have_halo_hit_area_and_fade_when_something_is_selected(kw, dim, weight):
    options = _link_options(build(**kw))
    assert options["dim"] is dim and options["weight"] == weight >= 4
    assert options["hit"] >= 16 and options["halo"] > 0 and options["haloColor"] == HALO_COLOR


def test_links_carry_their_agreement_year():
    years = {f["properties"]["id"]: f["properties"].get("y") for f in features(build(), "links")}
    assert years["link:神戸市–天津市"] == 1980 and years["link:北九州市–天津市"] is None


def test_a_region_at_a_city_is_a_ring_around_it_and_the_legend_says_so():
    coords = {**COORDS, "東京都": COORDS["川崎市"]}  # a region standing at a city of the map
    m = build_map(MapRequest(PLACES, LINKS, coords, stage_of=stage_of))
    feats = {f["properties"]["id"]: f["properties"] for f in features(m, "places")}
    assert feats["place:東京都"]["shape"] == "jp_ring" and feats["place:川崎市"]["shape"] == "jp_city"
    assert html.escape(t("map.shape.jp_ring", "ja")) in legend_html(m)
    assert "jp_ring" not in {f["properties"]["shape"] for f in features(build(), "places")}


@pytest.mark.parametrize(
    ("kw", "codes"),
    [({}, []), ({"selected": "東京都"}, ["JP13"]), ({"selected": "川崎市"}, []),
     ({"shaded": ["北京市", "東京都"]}, ["CN11", "JP13"]), ({"shaded": ["神奈川県"]}, [])],
)
def test_selected_or_filtered_regions_are_shaded(kw, codes):
    m = build(**kw)
    assert sorted(f["properties"]["code"] for f in features(m, "shade")) == codes
