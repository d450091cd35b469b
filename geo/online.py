"""Nominatim (OpenStreetMap) through geopy; used only when the user turns online mode on.

Policy (operations.osmfoundation.org/policies/nominatim): at most one request per second,
a User-Agent naming the app, and cache the results -- the chain caches our answers.
geopy's RateLimiter runs with swallow_exceptions=False and max_retries=0 so an outage is
reported as an error (never as "not found") and the app does not stall on retries.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from geopy.adapters import AdapterHTTPError, RequestsAdapter
from geopy.exc import (
    GeocoderParseError,
    GeocoderRateLimited,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from .errors import BadResponse, RateLimited, ServiceError, ServiceTimeout, ServiceUnavailable
from .query import GeocodeQuery, Location

USER_AGENT = "jp-cn-air-cooperation-map/1.0 (Japan-China city cooperation map; Streamlit app)"
DEFAULT_DOMAIN = "nominatim.openstreetmap.org"
# No urllib3 retries: geopy's default adapter retries and honours Retry-After (one 429 took
# 14 s), which would freeze the app; the user decides when to try again.
DEFAULT_ADAPTER = functools.partial(RequestsAdapter, max_retries=0)


def _status(exc: BaseException) -> int | None:
    cause = exc.__cause__
    return cause.status_code if isinstance(cause, AdapterHTTPError) else None


def map_geopy_error(exc: GeopyError, place: str, source: str = "nominatim") -> ServiceError:
    """Translate a geopy exception into our hierarchy (order matters: geopy maps 503 to TimedOut)."""
    detail = str(exc) or type(exc).__name__
    status = _status(exc)
    if isinstance(exc, GeocoderRateLimited) or status == 429:
        return RateLimited(place, detail, source=source, retry_after=getattr(exc, "retry_after", None))
    if status is not None and 500 <= status < 600 and status != 504:
        return ServiceUnavailable(place, detail, source=source)
    if isinstance(exc, GeocoderTimedOut):
        return ServiceTimeout(place, detail, source=source)
    if isinstance(exc, GeocoderUnavailable):
        return ServiceUnavailable(place, detail, source=source)
    if isinstance(exc, GeocoderParseError):
        return BadResponse(place, detail, source=source)
    return ServiceError(place, detail, source=source)


class NominatimSource:
    """Online geocoder; one request per place, query in the place's own language plus its region.

    The 1 request/s limit holds per instance (geopy's RateLimiter is thread-safe): build one
    per process (e.g. via st.cache_resource) so that all Streamlit sessions share it.
    """

    name = "nominatim"

    def __init__(
        self,
        *,
        domain: str = DEFAULT_DOMAIN,
        scheme: str = "https",
        timeout: float = 10.0,
        user_agent: str = USER_AGENT,
        adapter_factory: Callable[..., Any] | None = DEFAULT_ADAPTER,
        min_delay_seconds: float = 1.0,
    ) -> None:
        self.domain = domain
        self.geocoder = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme,
                                  timeout=timeout, adapter_factory=adapter_factory)
        self._geocode = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)

    @staticmethod
    def query_text(query: GeocodeQuery) -> str:
        """Name as OSM's `name` tag most likely writes it (ja for JP, zh for CN), then the region.

        Nominatim also indexes name:ja, but 瀋陽市/遼寧省 are not what Chinese OSM data says.
        """
        name = query.name_zh if query.country == "CN" and query.name_zh else query.name_ja
        region = query.region_zh if query.country == "CN" and query.region_zh else query.region_ja
        return name if not region or region == name else f"{name}, {region}"

    def geocode(self, query: GeocodeQuery) -> Location | None:
        try:
            hit = self._geocode(self.query_text(query), exactly_one=True,
                                country_codes=query.country.lower(), language="ja")
        except GeopyError as exc:
            raise map_geopy_error(exc, query.label, self.name) from exc
        except (ValueError, KeyError, TypeError) as exc:  # JSON of the wrong shape
            raise BadResponse(query.label, f"unexpected answer: {exc!r}", source=self.name) from exc
        if hit is None:
            return None
        osm = hit.raw.get("osm_type", ""), hit.raw.get("osm_id", "")
        return Location(float(hit.latitude), float(hit.longitude), self.name,
                        f"Nominatim ({self.domain}) {osm[0]} {osm[1]}: {hit.address}".strip())


__all__ = ["NominatimSource", "map_geopy_error", "USER_AGENT"]
