"""Names in an imported overlay file placed by the OFFLINE geocoding chain (manual → cache → gazetteer).

Never online: an upload at a venue without internet must behave as it will at the office, and a
coordinator's list of names is not sent to a third party unasked. A name without a country is
looked for in Japan, then China (the programme's countries); a name ending in 都/道/府/県 (Japan)
or 省/自治区 (China) is a region, placed at its seat of government as the programme's are.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from common.regions import region_endings
from core.overlay.build import Resolver
from core.overlay.model import CHINA, JAPAN
from geo.cache import CacheEntry
from geo.chain import default_chain
from geo.query import GeocodeQuery

UNHINTED = (JAPAN, CHINA)  # where a name given without a country is looked for, in this order


def _query(name: str, country: str) -> GeocodeQuery:
    region = name.endswith(region_endings(country, municipalities=False))
    return GeocodeQuery(
        key=name, name_ja=name, name_en=name, name_zh=name, kind="prefecture" if region else "city",
        country=country, region_ja=name if region else "", region_en="", region_zh=name if region else "",
    )


def offline_resolver(cache: Mapping[str, CacheEntry] | None = None) -> Resolver:
    """`resolve(name, country) -> (lat, lon, country) | None` for core.overlay.build, offline only."""
    chain = default_chain(cache, online=False)

    @lru_cache(maxsize=None)
    def resolve(name: str, country: str) -> tuple[float, float, str] | None:
        for candidate in (country,) if country else UNHINTED:
            location = chain.resolve(_query(name, candidate)).location
            if location is not None:
                return location.lat, location.lon, candidate
        return None

    return resolve
