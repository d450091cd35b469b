"""The map builder: exactly the given objects, legends of what is present, offline, XSS-inert."""

from __future__ import annotations

import html
import json
import os
import re

import folium
import pytest

from core.basemap import BASEMAPS
from core.i18n import t
from core.mapview import CLICK_RETURNS, DEFAULT_BOUNDS, LABEL_LIMIT, _Layer, build_map, clicked_id
from core.models import Country, Names, Partnership, Place, PlaceKind, RelationType, Stage

COORDS = {
    "東京都": (35.6895, 139.6917), "川崎市": (35.531, 139.703), "神戸市": (34.690, 135.196),
    "四日市市": (34.965, 136.624), "北九州市": (33.883, 130.875), "北京市": (39.904, 116.407),
    "天津市": (39.125, 117.190), "上海市": (31.230, 121.474), "瀋陽市": (41.806, 123.432),
    "環境保護部": (39.904, 116.407),
}


def _place(key: str, kind: PlaceKind, country: Country, en: str = "", note: str = "") -> Place:
    names = Names({"ja": key, "en": en or key, "zh": key})
    return Place(names, kind, country, names, "test", note=note)


PLACES = [
    _place("東京都", PlaceKind.PREFECTURE, Country.JP, "Tokyo"),
    _place("川崎市", PlaceKind.CITY, Country.JP, "Kawasaki"),
    _place("神戸市", PlaceKind.CITY, Country.JP, "Kobe"),
    _place("四日市市", PlaceKind.CITY, Country.JP, "Yokkaichi"),
    _place("北九州市", PlaceKind.CITY, Country.JP, "Kitakyushu"),
    _place("北京市", PlaceKind.MUNICIPALITY, Country.CN, "Beijing"),
    _place("天津市", PlaceKind.MUNICIPALITY, Country.CN, "Tianjin"),
    _place("上海市", PlaceKind.MUNICIPALITY, Country.CN, "Shanghai"),
    _place("瀋陽市", PlaceKind.CITY, Country.CN, "Shenyang"),
    _place("環境保護部", PlaceKind.NATIONAL_BODY, Country.CN, "Ministry of Environmental Protection"),
]
P = {p.key: p for p in PLACES}


def _link(j: str, c: str, rel: RelationType = RelationType.FRIENDSHIP, year: int | None = 1980, note: str = "") -> Partnership:
    return Partnership(j, c, rel, "友好都市", year, "test", note=note)


LINKS = [
    _link("東京都", "北京市"), _link("川崎市", "瀋陽市"), _link("四日市市", "天津市"), _link("神戸市", "天津市"),
    _link("北九州市", "上海市", RelationType.LOCAL_OFFICE, None),
    _link("北九州市", "天津市", RelationType.ENVIRONMENTAL_EXCHANGE, None),
]
STAGES = {"北京市": Stage.IN_COORDINATION, "天津市": Stage.NEARLY_AGREED, "上海市": Stage.NEARLY_AGREED}


def stage_of(key: str) -> Stage:
    return STAGES.get(key, Stage.NO_STATUS)


def _layers(m: folium.Map) -> dict[str, _Layer]:
    return {c.layer_name: c for c in m._children.values() if isinstance(c, _Layer)}


def _features(m: folium.Map, name: str) -> list[dict]:
    layer = _layers(m).get(name)
    return json.loads(layer.data)["features"] if layer else []


def _build(places=PLACES, links=LINKS, **kw) -> folium.Map:
    kw.setdefault("stage_of", stage_of)
    return build_map(places, links, COORDS, **kw)


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
    m = _build(places, links)
    assert sorted(f["properties"]["id"] for f in _features(m, "places")) == sorted(f"place:{p.key}" for p in places)
    assert sorted(f["properties"]["id"] for f in _features(m, "links")) == sorted(f"link:{p.key}" for p in links)
    assert sorted(f["properties"]["id"] for f in _features(m, "labels")) == sorted(f"place:{p.key}" for p in places)
    assert set(_layers(m)) <= {"basemap", "links", "places", "labels"}  # a few layers, not one per object


def test_link_id_uses_partnership_key():
    m = _build(PLACES, LINKS[:1])
    assert _features(m, "links")[0]["properties"]["id"] == "link:東京都–北京市"


def test_places_without_coordinates_and_their_links_are_left_out():
    nowhere = _place("どこか市", PlaceKind.CITY, Country.JP)
    m = _build([*PLACES, nowhere], [*LINKS, _link("どこか市", "北京市")])
    assert "place:どこか市" not in {f["properties"]["id"] for f in _features(m, "places")}
    assert len(_features(m, "links")) == len(LINKS)


def test_links_are_curved_and_distinct_into_tianjin():
    m = _build(PLACES, LINKS)
    lines = {f["properties"]["id"]: f["geometry"]["coordinates"] for f in _features(m, "links")}
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
    from core.i18n import label

    m = _build(PLACES, links, lang=lang, color_by=color_by)
    legend = json.loads(m._children["jcm_chrome"].legend)
    for cat in present:
        assert html.escape(label(cat, lang)) in legend
    for cat in absent:
        assert html.escape(label(cat, lang)) not in legend
    assert html.escape(t(f"map.legend.{color_by}", lang)) in legend
    assert legend.count("<svg") == len(present)  # one colour+dash swatch per present category


def test_legend_shapes_only_present():
    m = _build([P["東京都"], P["北京市"]], [])
    legend = json.loads(m._children["jcm_chrome"].legend)
    assert "jcm-jp_region" in legend and "jcm-cn_region" in legend
    assert "jcm-jp_city" not in legend and "jcm-cn_body" not in legend


def test_country_and_kind_have_distinct_shapes():
    shapes = {f["properties"]["id"]: f["properties"]["shape"] for f in _features(_build(), "places")}
    assert shapes["place:東京都"] == "jp_region" and shapes["place:川崎市"] == "jp_city"
    assert shapes["place:北京市"] == "cn_region" and shapes["place:瀋陽市"] == "cn_city"
    assert shapes["place:環境保護部"] == "cn_body"


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
@pytest.mark.parametrize("color_by", ["relation", "stage"])
def test_offline_map_has_no_url_at_all(lang, color_by):
    m = _build(lang=lang, color_by=color_by)
    page = m.get_root().render()
    assert not re.findall(r"https?://", page)
    assert all(not u.startswith(("http:", "https:", "//")) for _, u in [*m.default_js, *m.default_css])
    assert "L.Icon.Default.imagePath" in page


@pytest.mark.parametrize("key", [k for k, b in BASEMAPS.items() if b.online])
def test_online_basemap_url_only_when_selected(key):
    page = _build(basemap=key).get_root().render()
    urls = set(re.findall(r"https?://[^\"'\s<>\\]+", page))
    assert BASEMAPS[key].tiles in page
    allowed = BASEMAPS[key].tiles + BASEMAPS[key].attribution
    assert all(u in allowed for u in urls), urls
    for other, bm in BASEMAPS.items():
        if other != key and bm.tiles:
            assert bm.tiles not in page


def test_unknown_basemap_falls_back_offline():
    assert not re.findall(r"https?://", _build(basemap="nope").get_root().render())


PAYLOADS = ["<img src=x onerror=alert(1)>", "${alert(1)}", "`alert(2)`", "</script><script>alert(3)</script>",
            "C:\\users\\x", "'\"&", "{{ 7*7 }}", "{% if true %}T{% endif %}", "{# hidden #}", "{{{ 1 }}}"]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_xss_payloads_are_inert(payload, lang):
    evil = _place("悪" + payload, PlaceKind.CITY, Country.JP, en="Evil" + payload, note=payload)
    link = _link(evil.key, "北京市", note=payload)
    coords = {**COORDS, evil.key: (34.0, 133.0)}
    m = build_map([evil, P["北京市"]], [link], coords, lang=lang, stage_of=stage_of)
    page = m.get_root().render()
    assert "<img src=x onerror" not in page
    assert page.count("</script>") == page.count("<script")  # no script closed/opened by data
    assert "alert(3)</script>" not in page
    layers = _layers(m)
    for layer in layers.values():  # the embedded data is in the page verbatim and still parses
        assert layer.data in page
        json.loads(layer.data)  # a backslash did not break the JSON
    props = [f["properties"] for name in ("links", "places", "labels") for f in _features(m, name)]
    assert any(html.escape(payload) in p["tip"] for p in props if "tip" in p)
    assert any(html.escape(evil.names.get(lang)) == p["t"] for p in props if "t" in p)
    # Outside the JSON data, the payload appears nowhere (not in code, not in a template literal).
    outside = page
    for layer in layers.values():
        outside = outside.replace(layer.data, "")
    assert "alert(" not in outside and "users" not in outside
    ids = {p["id"] for p in props}
    assert f"place:{evil.key}" in ids and f"link:{link.key}" in ids  # ids survive exactly


@pytest.mark.parametrize(
    ("name", "evaluated"),
    [("{{ 7*7 }}", "49"), ("{% for i in range(3) %}L{% endfor %}", "LLL"),
     ("{{ cycler.__init__.__globals__.os.getcwd() }}", os.getcwd()), ("{# gone #}", "")],
)
def test_jinja_in_data_is_not_evaluated_server_side(name, evaluated):
    evil = _place("x" + name, PlaceKind.CITY, Country.JP, en="x" + name, note=name)
    m = build_map([evil], [], {evil.key: (35.0, 135.0)}, lang="en")
    page = m.get_root().render()
    props = _features(m, "places")[0]["properties"]
    assert props["id"] == f"place:x{name}"
    assert html.escape(name) in props["tip"]
    if evaluated:
        assert f"x{evaluated}" not in page.replace(f"x{name}", "")


def test_empty_selection_gives_framed_empty_map():
    m = build_map([], [], {}, lang="zh")
    page = m.get_root().render()
    assert set(_layers(m)) == {"basemap"}
    bounds = [c for c in m._children.values() if type(c).__name__ == "FitBounds"][0].bounds
    assert bounds == [list(DEFAULT_BOUNDS[0]), list(DEFAULT_BOUNDS[1])]
    assert json.loads(m._children["jcm_chrome"].legend) == ""
    assert not re.findall(r"https?://", page)


def test_fit_bounds_frames_shown_places():
    m = _build([P["川崎市"], P["上海市"]], [])
    bounds = [c for c in m._children.values() if type(c).__name__ == "FitBounds"][0].bounds
    assert bounds == [[31.230, 121.474], [35.531, 139.703]]


def test_selected_place_and_its_links_are_highlighted():
    m = _build(selected="天津市")
    sel_places = [f["properties"]["id"] for f in _features(m, "places") if f["properties"].get("sel")]
    sel_links = sorted(f["properties"]["id"] for f in _features(m, "links") if f["properties"].get("sel"))
    assert sel_places == ["place:天津市"]
    assert sel_links == sorted(f"link:{p.key}" for p in LINKS if p.china == "天津市")


def test_selected_link_is_highlighted():
    m = _build(selected_link="東京都–北京市")
    assert [f["properties"]["id"] for f in _features(m, "links") if f["properties"].get("sel")] == ["link:東京都–北京市"]


def test_labels_omitted_above_limit():
    many = [_place(f"市{i}", PlaceKind.CITY, Country.JP) for i in range(LABEL_LIMIT + 1)]
    coords = {p.key: (30 + i * 0.05, 130 + i * 0.05) for i, p in enumerate(many)}
    m = build_map(many, [], coords)
    assert "labels" not in _layers(m)
    assert len(_features(m, "places")) == LABEL_LIMIT + 1


@pytest.mark.parametrize(
    ("returned", "expected"),
    [
        (None, None),
        ({}, None),
        ({"last_active_drawing": None}, None),
        ({"last_active_drawing": {"type": "Feature", "properties": {"id": "place:天津市"}}}, "place:天津市"),
        ({"last_active_drawing": {"properties": {"id": "link:東京都–北京市"}}}, "link:東京都–北京市"),
        ({"last_active_drawing": {"properties": {"id": "draw:1"}}}, None),
        ({"last_active_drawing": {"properties": None}}, None),
        ({"last_active_drawing": {"properties": {"id": 5}}}, None),
    ],
)
def test_clicked_id(returned, expected):
    assert clicked_id(returned) == expected


def test_click_returns_do_not_rerun_on_pan():
    assert set(CLICK_RETURNS) == {"last_object_clicked_tooltip", "last_active_drawing", "last_object_clicked"}


def test_labels_carry_a_layout_per_zoom():
    from core.mapview import _layout_zooms

    m = _build()
    for f in _features(m, "labels"):
        keys = sorted(int(k) for k in f["properties"]["L"])
        assert len(keys) >= 3 and keys == sorted(keys)
        assert all(len(row) == 9 for row in f["properties"]["L"].values())
    for f in _features(m, "places"):
        assert all(len(row) == 2 for row in f["properties"]["L"].values())
    assert _layout_zooms(5) == [3, 4, 5, 6] and _layout_zooms(2) == [2, 3]


@pytest.mark.parametrize("name", ["links", "places", "labels", "basemap"])
def test_layer_script_follows_element_renaming(name):
    """st_folium renames elements (geo_json_layer_<hex> -> ..._div_<n>) and re-renders their
    scripts: no name may be baked in earlier, or the layer silently breaks in the app."""
    layer = _layers(_build())[name]
    old = layer.get_name()
    layer._id = "renamed"
    script = str(layer._template.module.script(layer, {}))
    assert old not in script
    assert "geo_json_layer_renamed" in script
