"""Programme pairs that an imported file lists too, so that the map draws them once (as the programme's).

The rule: an overlay link IS a programme pair when its two ends lie within `SAME_PLACE_KM` of the
programme pair's two ends, in either order. A distance, not a name: the file spells places its own
way (Kobe, 神戸, Köbe), and the programme puts a prefecture or province at its seat of government
(河北省 at Shijiazhuang, 兵庫県 at Kobe), where a file's coordinates for the region rarely are
exactly; 25 km holds a city centre and its government's seat while keeping apart neighbouring
cities (Kobe–Osaka is 30 km). The price, accepted: a city and its prefecture that share a seat
(神戸市 and 兵庫県) are one place to this rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from core.models import Partnership
from core.overlay.model import Overlay

SAME_PLACE_KM = 25.0
EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


def _near(overlay: Overlay, lat: float, lon: float) -> set[int]:
    """The overlay's places within SAME_PLACE_KM of (lat, lon) (haversine)."""
    if not overlay.places:
        return set()
    lats = np.radians([p.lat for p in overlay.places])
    lons = np.radians([p.lon for p in overlay.places])
    la, lo = np.radians(lat), np.radians(lon)
    h = np.sin((lats - la) / 2) ** 2 + np.cos(lats) * np.cos(la) * np.sin((lons - lo) / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return set(np.flatnonzero(km <= SAME_PLACE_KM).tolist())


def programme_duplicates(overlay: Overlay, partnerships: Iterable[Partnership],
                         coords: Mapping[str, tuple[float, float]]) -> frozenset[int]:
    """Indices of the overlay links that are one of `partnerships` (see the rule above); a programme
    pair without coordinates for both ends matches nothing."""
    pairs: set[tuple[int, int]] = set()
    near: dict[str, set[int]] = {}
    for p in partnerships:
        if p.japan not in coords or p.china not in coords:
            continue
        for key in (p.japan, p.china):
            if key not in near:
                near[key] = _near(overlay, *coords[key])
        pairs.update((a, b) for a in near[p.japan] for b in near[p.china])
    if not pairs:
        return frozenset()
    return frozenset(i for i, link in enumerate(overlay.links)
                     if (link.a, link.b) in pairs or (link.b, link.a) in pairs)
