"""The prefecture or province an overlay place lies in, named as the app's region filter names them.

The shapes are the offline basemap's (core/geography/outlines.py: the same outlines the map shades for a
selected region), so a place and the region drawn around it never disagree. Regions are the
Japanese names the data files use (兵庫県, 天津市, 遼寧省), by the basemap's codes (JP28, CN12) in
the one regions table (common/regions.py). One STRtree over ~80 outlines answers
10,000 points in one vectorised query; a coastal point just outside its simplified outline (the
basemap is simplified to ~3 km) takes the nearest outline within NEAR_DEG.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache

import numpy as np
import shapely
from shapely.geometry import shape

from common.regions import by_code
from core.geography.outlines import offline_geojson
from core.overlay.model import CHINA, JAPAN

NEAR_DEG = 0.15  # ~15 km: a harbour city or an islet beside a simplified coastline
def region_name(code: str) -> tuple[str, str] | None:
    """(country, Japanese name) of a basemap code ("JP28" → ("JP", "兵庫県")), None for a neighbour."""
    region = by_code(code)
    return (region.country, region.ja) if region else None


@cache
def _outlines() -> tuple[shapely.STRtree, tuple[tuple[str, str], ...]]:
    """The basemap's Japanese and Chinese regions, in a tree, with (country, name) by tree index."""
    geometries, names = [], []
    for feature in json.loads(offline_geojson())["features"]:
        named = region_name(feature["properties"]["code"])
        if named:
            geometries.append(shape(feature["geometry"]))
            names.append(named)
    return shapely.STRtree(geometries), tuple(names)


def regions_of(points: Sequence[tuple[str, float, float]]) -> list[str]:
    """For each (country, lat, lon): its region's Japanese name when the country is JP or CN and
    the point lies in (or within NEAR_DEG of) one of that country's regions, else ""."""
    found = [""] * len(points)
    asked = [i for i, (country, _, _) in enumerate(points) if country in (JAPAN, CHINA)]
    if not asked:
        return found
    tree, names = _outlines()
    geoms = shapely.points([points[i][2] for i in asked], [points[i][1] for i in asked])
    inside, outline = tree.query(geoms, predicate="within")
    for k, j in zip(inside.tolist(), outline.tolist()):
        if names[j][0] == points[asked[k]][0]:
            found[asked[k]] = names[j][1]
    left = np.array([k for k, i in enumerate(asked) if not found[i]], dtype=np.int64)
    if len(left):
        near, outline = tree.query_nearest(geoms[left], max_distance=NEAR_DEG)
        for k, j in zip(left[near].tolist(), outline.tolist()):
            i = asked[k]
            if not found[i] and names[j][0] == points[i][0]:
                found[i] = names[j][1]
    return found
