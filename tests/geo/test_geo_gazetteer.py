"""Offline gazetteer + region polygons on the programme's 21 places."""

from __future__ import annotations

import pytest
from geo_places import BY_KEY, CITY_CENTRES, PLACES, distance_km
from shapely.geometry import Point

from geo.gazetteer import GazetteerSource, find_cities
from geo.regions import region_polygon, representative_point

GAZ = GazetteerSource()
REGIONS = [q for q in PLACES if q.kind in ("prefecture", "province")]  # municipalities: city points


@pytest.fixture(scope="module")
def resolved() -> dict:
    return {q.key: GAZ.geocode(q) for q in PLACES}


def test_all_21_places_resolve_offline(resolved: dict) -> None:
    assert len(PLACES) == 21
    missing = [k for k, loc in resolved.items() if loc is None]
    assert missing == []
    assert {loc.source for loc in resolved.values()} == {"gazetteer"}


@pytest.mark.parametrize("key", sorted(CITY_CENTRES))
def test_city_within_25_km_of_its_centre(resolved: dict, key: str) -> None:
    loc = resolved[key]
    assert distance_km((loc.lat, loc.lon), CITY_CENTRES[key]) < 25, loc
    assert loc.detail.startswith("GeoNames ")


@pytest.mark.parametrize("query", REGIONS, ids=lambda q: q.key)
def test_region_point_at_its_seat_of_government_inside_it(resolved: dict, query) -> None:
    loc = resolved[query.key]
    poly = region_polygon(query.country, query.region_ja, query.region_zh)
    assert poly is not None and poly.distance(Point(loc.lon, loc.lat)) <= 0.05  # coarse coasts (Kobe)
    assert loc.detail.startswith(f"seat of government of {query.key}: GeoNames ")


def test_a_region_and_its_capital_city_share_one_point(resolved: dict) -> None:
    """兵庫県/神戸市 and 遼寧省/瀋陽市: the map draws the region as a ring around the city."""
    for region, city in (("兵庫県", "神戸市"), ("遼寧省", "瀋陽市")):
        assert (resolved[region].lat, resolved[region].lon) == (resolved[city].lat, resolved[city].lon)


@pytest.mark.parametrize("key", ["北京市", "天津市", "上海市"])
def test_municipality_is_a_city_point_inside_its_polygon(resolved: dict, key: str) -> None:
    loc = resolved[key]
    assert loc.detail.startswith("GeoNames ")
    assert region_polygon("CN", key, BY_KEY[key].name_zh).contains(Point(loc.lon, loc.lat))


@pytest.mark.parametrize(
    ("key", "right", "wrong"),
    [("四日市市", "三重県", "大分県"), ("川崎市", "神奈川県", "福岡県")],
)
def test_ambiguous_names_go_to_the_right_prefecture(resolved: dict, key, right, wrong) -> None:
    q = BY_KEY[key]
    cands = find_cities(q, (q.name_ja[:-1],))  # the bare name alone matches both prefectures
    loc = resolved[key]
    assert region_polygon("JP", right).contains(Point(loc.lon, loc.lat))
    assert not region_polygon("JP", wrong).contains(Point(loc.lon, loc.lat))
    assert all(region_polygon("JP", wrong).distance(Point(c.lon, c.lat)) > 0.05 for c in cands)


def test_without_region_population_breaks_the_tie() -> None:
    from dataclasses import replace

    q = replace(BY_KEY["川崎市"], name_ja="川崎", name_zh="川崎", region_ja="", region_zh="")
    cands = find_cities(q)
    assert len(cands) >= 2 and cands[0].population > cands[1].population


def test_national_bodies_sit_near_beijing_but_apart(resolved: dict) -> None:
    beijing = (resolved["北京市"].lat, resolved["北京市"].lon)
    a, b = resolved["環境保護部"], resolved["日中友好環境保全センター"]
    for loc in (a, b):
        assert 2 <= distance_km((loc.lat, loc.lon), beijing) <= 10
        assert loc.detail.startswith("approximate:")
    assert distance_km((a.lat, a.lon), (b.lat, b.lon)) >= 2


def test_unknown_city_is_none_not_an_error() -> None:
    from dataclasses import replace

    q = replace(BY_KEY["川崎市"], key="架空市", name_ja="架空市", name_en="Nowhereville",
                name_zh="架空市")
    assert GAZ.geocode(q) is None


def test_japan_polygons_are_not_insets() -> None:
    """pref_points(get_data()) keeps Hokkaido and Okinawa where they are."""
    assert region_polygon("JP", "北海道").contains(Point(141.35, 43.06))  # Sapporo
    assert region_polygon("JP", "沖縄県").contains(Point(127.70, 26.25))  # near Naha


def test_china_polygon_lookup_by_chinese_or_japanese_name() -> None:
    by_zh = region_polygon("CN", "", "辽宁省")
    by_ja = region_polygon("CN", "遼寧省")
    assert by_zh is not None and by_ja is not None and by_zh.equals(by_ja)
    assert region_polygon("CN", "存在しない省", "不存在省") is None
    assert representative_point("XX", "どこか") is None
