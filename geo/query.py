"""Value types exchanged between the core and geo/.

The core converts its own Place model into a GeocodeQuery so that geo/ never
depends on the core's data model (and can be tested on its own).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SOURCES = ("manual", "cache", "gazetteer", "nominatim")


@dataclass(frozen=True)
class GeocodeQuery:
    """One place to geocode; `key` is the Japanese name as the source document writes it."""

    key: str
    name_ja: str
    name_en: str
    name_zh: str
    kind: str  # "prefecture" | "province" | "municipality" | "city" | "national_body"
    country: str  # "JP" | "CN"
    region_ja: str
    region_en: str
    region_zh: str
    lat: float | None = None
    lon: float | None = None

    @property
    def label(self) -> str:
        """Name used in user-facing messages: Japanese first, English to help non-readers."""
        return f"{self.name_ja} ({self.name_en})" if self.name_en else self.name_ja

    @property
    def is_region(self) -> bool:
        """Prefectures and provinces are placed inside their polygon, not at a city point."""
        return self.kind in ("prefecture", "province")

    @property
    def fingerprint(self) -> str:
        """Short hash of everything a geocoder looks at except the manual lat/lon.

        Stored next to a cached answer: when the data file renames a place (or moves it to
        another country/region/kind) under the same key, the cached answer no longer applies.
        """
        parts = (
            self.country, self.kind, self.name_ja, self.name_en, self.name_zh,
            self.region_ja, self.region_en, self.region_zh,
        )
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Location:
    """A resolved point (WGS84 degrees) and where it came from."""

    lat: float
    lon: float
    source: str  # "manual" | "cache" | "gazetteer" | "nominatim"
    detail: str  # human text, e.g. "GeoNames 1848373 Yokkaichi (pop. 305424)"
