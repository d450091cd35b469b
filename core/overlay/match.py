"""Programme pairs that an imported file lists too, so that the map draws them once (as the programme's).

The rule: an overlay link IS a programme pair when, in either order, each of its ends is the same
place as one of the programme pair's ends. Same place = BOTH
- within `SAME_PLACE_KM` of the programme place's point: the programme puts a prefecture or
  province at its seat of government (河北省 at Shijiazhuang, 兵庫県 at Kobe), where a file's
  point for the region rarely is exactly; and
- one of its names once folded (case, width, accents, spaces and punctuation, one trailing
  administrative word: Hyōgo Prefecture = hyogo = 兵庫 of 兵庫県).
Distance alone is not enough: Tokyo's Shinjuku ward is at Tokyo's seat and Beijing's Dongcheng
district at Beijing's centre, so "Shinjuku – Dongcheng" would hide as "東京都–北京市". A file that
spells a place otherwise (Tientsin) draws its pair a second time, beneath the programme's: the
safe side (a real, different partnership is never hidden).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import numpy as np

from core.data.models import Partnership
from core.overlay.model import Overlay

SAME_PLACE_KM = 25.0
EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
ADMINISTRATIVE = ("metropolis", "metropolitan", "prefecture", "province", "municipality", "city", "shi", "ken",
                  "市", "県", "县", "府", "都", "省")
_NOT_LETTERS = re.compile(r"[\W_]+")


def fold_name(name: str) -> str:
    """A place name as compared: no case, width, accents, spaces, punctuation or administrative ending."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    folded = _NOT_LETTERS.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))
    for word in ADMINISTRATIVE:
        if folded.endswith(word) and len(folded) > len(word):
            return folded[: -len(word)]
    return folded


def _near(overlay: Overlay, radians: np.ndarray, lat: float, lon: float, names: set[str]) -> set[int]:
    """The overlay's places within SAME_PLACE_KM of (lat, lon) (haversine) named one of `names`;
    `radians`: the places' (lat, lon) in radians, one row per place."""
    la, lo = np.radians(lat), np.radians(lon)
    lats, lons = radians[:, 0], radians[:, 1]
    h = np.sin((lats - la) / 2) ** 2 + np.cos(lats) * np.cos(la) * np.sin((lons - lo) / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return {i for i in np.flatnonzero(km <= SAME_PLACE_KM).tolist() if fold_name(overlay.places[i].name) in names}


def programme_duplicates(overlay: Overlay, partnerships: Iterable[Partnership],
                         coords: Mapping[str, tuple[float, float]],
                         names: Mapping[str, Iterable[str]] | None = None) -> frozenset[int]:
    """Indices of the overlay links that are one of `partnerships` (see the rule above). `names`:
    place key → its names in every language (without it, only the key, its Japanese name, counts);
    a programme pair without coordinates for both ends matches nothing."""
    pairs: set[tuple[int, int]] = set()
    near: dict[str, set[int]] = {}
    radians = np.radians(np.array([(p.lat, p.lon) for p in overlay.places], dtype=float).reshape(-1, 2))
    for p in partnerships:
        if p.japan not in coords or p.china not in coords:
            continue
        for key in (p.japan, p.china):
            if key not in near:
                spelled = {fold_name(n) for n in (key, *(names or {}).get(key, ()))}
                near[key] = _near(overlay, radians, *coords[key], spelled)
        pairs.update((a, b) for a in near[p.japan] for b in near[p.china])
    if not pairs:
        return frozenset()
    return frozenset(i for i, link in enumerate(overlay.links)
                     if (link.a, link.b) in pairs or (link.b, link.a) in pairs)
