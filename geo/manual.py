"""Manual coordinates from the data file always win: staff know better than any gazetteer."""

from __future__ import annotations

import math

from .errors import InvalidCoordinates
from .query import GeocodeQuery, Location


class ManualSource:
    """Returns query.lat/lon when both are set; one without the other is an error, not a guess."""

    name = "manual"

    def geocode(self, query: GeocodeQuery) -> Location | None:
        lat, lon = query.lat, query.lon
        if lat is None and lon is None:
            return None
        if lat is None or lon is None:
            raise InvalidCoordinates(query.label, "only one of lat/lon is filled in", source=self.name)
        try:
            lat, lon = float(lat), float(lon)
        except (TypeError, ValueError):
            raise InvalidCoordinates(query.label, f"lat={lat!r}, lon={lon!r} are not numbers",
                                     source=self.name) from None
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise InvalidCoordinates(query.label, f"lat={lat}, lon={lon} out of range", source=self.name)
        return Location(lat, lon, self.name, "lat/lon from the data file")
