"""Web-Mercator pixels and the view fitBounds picks, computed as Leaflet does.

The label layout runs on the server for the view the browser will open with; these are the few
formulas it needs from Leaflet (EPSG:3857, 256 px tiles).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

TILE = 256.0
MAX_LAT = 85.0511287798


@dataclass(frozen=True)
class Box:
    """A rectangle in absolute Web-Mercator pixels at one zoom (labels, markers, the view)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def hits(self, other: Box, margin: float = 0.0) -> bool:
        return not (
            self.x1 + margin <= other.x0
            or other.x1 + margin <= self.x0
            or self.y1 + margin <= other.y0
            or other.y1 + margin <= self.y0
        )


def project(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web-Mercator pixel coordinates (EPSG:3857, 256 px tiles) as Leaflet computes them."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    scale = TILE * 2.0**zoom
    x = (lon + 180.0) / 360.0 * scale
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * scale
    return x, y


def fit_zoom(
    points: Sequence[tuple[float, float]],
    width: int,
    height: int,
    padding: int = 40,
    min_zoom: int = 2,
    max_zoom: int = 9,
) -> int:
    """The integer zoom Leaflet's fitBounds(bounds, {padding}) picks for a width x height map."""
    if not points:
        return min_zoom
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    x0, y1 = project(min(lats), min(lons), 0)
    x1, y0 = project(max(lats), max(lons), 0)
    bw, bh = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    avail_w, avail_h = max(width - 2 * padding, 1), max(height - 2 * padding, 1)
    zoom = math.floor(math.log2(min(avail_w / bw, avail_h / bh)))
    return max(min_zoom, min(max_zoom, zoom))


def initial_viewport(points: Sequence[tuple[float, float]], zoom: int, width: int, height: int) -> Box:
    """The pixel rectangle fitBounds shows at `zoom`: the points' bounds centred in the map."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    x0, y1 = project(min(lats), min(lons), zoom)
    x1, y0 = project(max(lats), max(lons), zoom)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
