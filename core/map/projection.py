"""Web-Mercator pixels and the zoom fitBounds picks, computed as Leaflet does.

The map opens at the zoom Leaflet will pick (`zoom_start`), so the first frame is not a jump; these
are the few formulas that needs from Leaflet (EPSG:3857, 256 px tiles).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

TILE = 256.0
MAX_LAT = 85.0511287798


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
