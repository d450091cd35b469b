"""Manual coordinates from the data file always win: staff know better than any gazetteer."""

from __future__ import annotations

from .query import GeocodeQuery, Location


class ManualSource:
    """Returns query.lat/lon when set.

    The loader has checked them (numbers, both or neither); the chain checks their range, as it
    does every source's answer, so this source validates nothing twice.
    """

    name = "manual"

    def geocode(self, query: GeocodeQuery) -> Location | None:
        if query.lat is None or query.lon is None:
            return None
        return Location(query.lat, query.lon, self.name, "lat/lon from the data file")
