"""Curved great-circle arcs for partnership links.

Pure functions, no folium. Several links often end in the same city (天津市 has three Japanese
partners, 北九州市 four Chinese ones); drawn as plain geodesics they lie almost on top of each
other. Each link therefore gets its own sideways bend, distinct among the links that share an
endpoint, so every link stays visible and clickable.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Sequence
from functools import lru_cache

from geographiclib.geodesic import Geodesic

from core.data.models import LatLon

_GEOD = Geodesic.WGS84
_MASK = Geodesic.LATITUDE | Geodesic.LONGITUDE | Geodesic.AZIMUTH | Geodesic.LONG_UNROLL
_CAPS = Geodesic.STANDARD | Geodesic.DISTANCE_IN
_R = 6_371_008.8  # mean Earth radius (m), only for the small sideways offset


def auto_points(distance_m: float) -> int:
    """Points for an arc: enough to look smooth, few enough for 25,917 links (payload)."""
    return max(10, min(20, int(distance_m / 600_000) + 8))


@lru_cache(maxsize=65_536)
def arc_points(start: LatLon, end: LatLon, *, bend: float = 0.0, n: int | None = None) -> tuple[LatLon, ...]:
    """Points (lat, lon) along the geodesic start→end, pushed sideways by `bend`.

    `bend` is the sideways offset at the midpoint as a fraction of the arc length (positive = to
    the right of the direction of travel); the offset follows 4t(1-t), so both endpoints are exact.
    Longitudes are unrolled (continuous across the antimeridian). Identical endpoints give the
    two-point degenerate line instead of an error. Cached: geographiclib costs ~25 µs a point, so
    Streamlit reruns reuse the arcs (a 25,917-link map would otherwise take seconds each time).
    """
    line = _GEOD.InverseLine(start[0], start[1], end[0], end[1], _CAPS)
    length = line.s13
    if length < 1.0:
        return (start, end)
    n = n or auto_points(length)
    n = max(2, n)
    points: list[LatLon] = [start]
    for i in range(1, n - 1):
        t = i / (n - 1)
        pos = line.Position(t * length, _MASK)
        lat, lon = pos["lat2"], pos["lon2"]
        if bend:
            off = bend * length * 4 * t * (1 - t)
            azi = math.radians(pos["azi2"] + 90.0)
            lat_r = math.radians(lat)
            # Local tangent plane: fine for offsets of a few hundred km, ~100x cheaper than Direct.
            lat += math.degrees(off * math.cos(azi) / _R)
            lon += math.degrees(off * math.sin(azi) / (_R * max(math.cos(lat_r), 1e-6)))
        points.append((lat, lon))
    end_lon = end[1] + 360.0 * round((line.lon1 + _unrolled_dlon(line) - end[1]) / 360.0)
    points.append((end[0], end_lon))
    return tuple(points)


def _unrolled_dlon(line) -> float:
    """Longitude change along the line, unrolled (so the end joins the points continuously)."""
    return line.Position(line.s13, _MASK)["lon2"] - line.lon1


def bend_sequence(step: float = 0.1, max_bend: float = 0.4) -> list[float]:
    """Candidate bends, smallest first: +s, -s, +2s, -2s, ... (a slight curve even when alone).

    Capped: beyond ~0.4 an arc looks like a loop; hubs with more links than candidates reuse
    bends, which is harmless because their far endpoints differ.
    """
    out: list[float] = []
    for k in range(1, int(round(max_bend / step)) + 1):
        out += [round(k * step, 6), round(-k * step, 6)]
    return out


def assign_bends(links: Sequence[tuple[Hashable, Hashable]], step: float = 0.1) -> list[float]:
    """A bend per (a, b) link, distinct among the links that share an endpoint.

    Bends are compared as seen from the shared endpoint (a link a→b with bend β leaves b with
    bend -β), so a→b and b→a never coincide either. Greedy: each link takes the first candidate
    free at both of its endpoints.
    """
    used: dict[Hashable, set[float]] = defaultdict(set)
    candidates = bend_sequence(step)
    result: list[float] = []
    for a, b in links:
        free = [c for c in candidates if c not in used[a] and -c not in used[b]]
        chosen = free[0] if free else candidates[(len(used[a]) + len(used[b])) % len(candidates)]
        used[a].add(chosen)
        used[b].add(-chosen)
        result.append(chosen)
    return result
