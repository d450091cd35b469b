"""Features: what each place, link and label carries."""

from __future__ import annotations

import math

from map_sample import COORDS, PLACES, build, features, link, place

from core.data.models import Country, PlaceKind
from core.map.build import build_map
from core.map.features import LABEL_LIMIT
from core.map.request import MapRequest


def test_places_and_links_carry_an_accessible_name_in_the_readers_language():
    """A Chinese place ends with its Table 2 stage, a Japanese one with its country."""
    names = {lang: {f["properties"]["id"]: f["properties"]["name"] for f in features(build(lang=lang), "places")}
             for lang in ("ja", "en")}
    assert names["ja"]["place:天津市"] == "天津市 — 直轄市 — ほぼ合意"
    assert names["en"]["place:天津市"] == "Tianjin — Municipality — Nearly agreed"
    assert names["ja"]["place:神戸市"] == "神戸市 — 市 — 日本"
    links = {f["properties"]["id"]: f["properties"]["name"] for f in features(build(), "links")}
    assert links["link:神戸市–天津市"].startswith("神戸市 – 天津市 — ")
    assert links["link:神戸市–天津市"].endswith("ほぼ合意")


def test_labels_carry_text_and_no_server_side_layout():
    for name in ("places", "labels"):
        for f in features(build(), name):
            assert "L" not in f["properties"] and f["properties"]["id"].startswith("place:")


def test_no_labels_above_the_label_limit_or_when_off():
    many = [place(f"市{i}", PlaceKind.CITY, Country.JP) for i in range(LABEL_LIMIT + 1)]
    coords = {p.key: (30 + i * 0.05, 130 + i * 0.05) for i, p in enumerate(many)}
    m = build_map(MapRequest(many, [], coords))
    assert len(features(m, "places")) == LABEL_LIMIT + 1 and not features(m, "labels")
    assert "labelLayout" not in m.get_root().render()
    off = build(labels=False)
    assert features(off, "places") and not features(off, "labels")


def test_tips_and_label_texts_are_escaped_html():
    evil = place("<b>x</b>", PlaceKind.CITY, Country.JP, note="a&b")
    m = build_map(MapRequest([evil, *PLACES[:1]], [], {**COORDS, evil.key: (34.0, 133.0)}))
    props = {f["properties"]["id"]: f["properties"] for f in features(m, "places")}
    assert props["place:<b>x</b>"]["tip"].startswith("<b>&lt;b&gt;x&lt;/b&gt;</b><br>")
    assert props["place:<b>x</b>"]["tip"].endswith("<br>a&amp;b")
    labels = {f["properties"]["id"]: f["properties"]["t"] for f in features(m, "labels")}
    assert labels["place:<b>x</b>"] == "&lt;b&gt;x&lt;/b&gt;"


def test_links_whose_ends_are_drawn_at_one_point_bend_apart():
    """遼寧省 stands at its capital 瀋陽市: 富山県–遼寧省 and 川崎市–瀋陽市 end at one point. Bent
    alike (bends were keyed by place), the middle of one lay 0.7° from the other (1-6 px at the
    overview zoom); bent apart, it lies over 2° from every point of the other."""
    liaoning = place("遼寧省", PlaceKind.PROVINCE, Country.CN, "Liaoning")
    toyama = place("富山県", PlaceKind.PREFECTURE, Country.JP, "Toyama")
    coords = {**COORDS, "遼寧省": COORDS["瀋陽市"], "富山県": (36.700, 137.217)}
    m = build_map(MapRequest([*PLACES, liaoning, toyama], [link("富山県", "遼寧省"), link("川崎市", "瀋陽市")], coords))
    first, second = (f["geometry"]["coordinates"] for f in features(m, "links"))
    middle = first[len(first) // 2]
    assert min(math.dist(middle, c) for c in second) > 2.0
