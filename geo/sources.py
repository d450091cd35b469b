"""The Source protocol every geocoder in the chain implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from .query import GeocodeQuery, Location


@runtime_checkable
class Source(Protocol):
    """A geocoder: a Location, None for "no result", or a GeocodingError when it could not answer."""

    name: str

    def geocode(self, query: GeocodeQuery) -> Location | None: ...
