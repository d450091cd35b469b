"""Geocoding for the Japan–China city cooperation map (no Streamlit in here).

The core builds GeocodeQuery objects and calls ``default_chain(cache_path).resolve_all(...)``.
Heavy data (GeoNames, polygons) loads lazily on first use.
"""

from .cache import CacheSource, CacheWriter
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
    "BadResponse", "CacheError", "CacheSource", "CacheWriter", "GazetteerSource",
    "GeocodeChain", "GeocodeQuery", "GeocodingError", "InvalidCoordinates", "Location",
    "ManualSource", "RateLimited", "Report", "Resolution", "ServiceError", "ServiceTimeout",
    "ServiceUnavailable", "Source", "default_chain",
]
