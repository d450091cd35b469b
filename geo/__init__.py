"""Geocoding for the Japan–China city cooperation map (no Streamlit in here).

Callers (the `geocode` package, above both geo and core) build GeocodeQuery objects, read the
cache with ``read_cache`` and call ``default_chain(entries).resolve_all(...)``; geo never imports
the core. Heavy data (GeoNames, polygons) loads lazily on first use.
"""

from .cache import CACHE_FILE, CacheEntry, CacheSource, read_cache, write_cache
from .chain import GeocodeChain, Report, Resolution, default_chain
from .errors import (
    BadResponse,
    CacheError,
    GeocodingError,
    InvalidCoordinates,
    RateLimited,
    ServiceError,
    ServiceTimeout,
    ServiceUnavailable,
)
from .gazetteer import GazetteerSource
from .manual import ManualSource
from .query import GeocodeQuery, Location
from .sources import Source

__all__ = [
    "CACHE_FILE", "BadResponse", "CacheEntry", "CacheError", "CacheSource", "GazetteerSource",
    "GeocodeChain", "GeocodeQuery", "GeocodingError", "InvalidCoordinates", "Location",
    "ManualSource", "RateLimited", "Report", "Resolution", "ServiceError", "ServiceTimeout",
    "ServiceUnavailable", "Source", "default_chain", "read_cache", "write_cache",
]
