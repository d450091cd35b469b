"""Value types exchanged between geo/ and the code that calls it.

`geocode.places` converts the core's Place model into a GeocodeQuery so that geo/ never
depends on the core's data model (and can be tested on its own).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


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
    lat: float | None = None  # both or neither (the loader checks the data file)
    lon: float | None = None

    def __post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            raise ValueError(f"{self.key}: lat and lon are given together or not at all")

    @property
    def label(self) -> str:
        """Name used in user-facing messages: Japanese first, English to help non-readers."""
        return f"{self.name_ja} ({self.name_en})" if self.name_en else self.name_ja

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
