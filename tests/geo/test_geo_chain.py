"""Chain reports, manual coordinates, the range check on every answer, error messages."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from geo_places import BY_KEY

from geo.chain import GeocodeChain, default_chain
from geo.errors import (
    BadResponse,
    CacheError,
    GeocodingError,
    InvalidCoordinates,
    RateLimited,
    ServiceTimeout,
    ServiceUnavailable,
)
from geo.manual import ManualSource
from geo.query import Location

KOBE = BY_KEY["神戸市"]
NOWHERE = replace(KOBE, key="架空市", name_ja="架空市", name_en="Nowhereville", name_zh="架空市")


# (lat, lon, answered by): the manual point when on Earth, else the manual error and the gazetteer.
@pytest.mark.parametrize(
    ("lat", "lon", "answered_by"),
    [(34.7, 135.2, "manual"), (None, None, "gazetteer"), (91, 0, "gazetteer"), (0, 181, "gazetteer"),
     (math.nan, 0, "gazetteer"), (0, math.inf, "gazetteer"), (-90, -180, "manual"), (90, 180, "manual")],
)
def test_manual_source_through_the_chain(lat, lon, answered_by) -> None:
    res = default_chain().resolve(replace(KOBE, lat=lat, lon=lon))
    assert res.location.source == answered_by
    in_range = lat is None or answered_by == "manual"
    assert [(name, type(err)) for name, err in res.errors] == ([] if in_range else [("manual", InvalidCoordinates)])


def test_half_coordinates_are_not_a_query() -> None:
    with pytest.raises(ValueError, match="神戸市"):
        replace(KOBE, lat=34.7, lon=None)


class _Answers:
    """A source that answers a fixed point (a broken gazetteer row, a confused online service)."""

    def __init__(self, name: str, lat: float, lon: float) -> None:
        self.name, self.lat, self.lon = name, lat, lon

    def geocode(self, query):
        return Location(self.lat, self.lon, self.name, "test")


@pytest.mark.parametrize(("lat", "lon"), [(200.0, 10.0), (10.0, -200.0), (math.nan, 0.0), (0.0, math.inf)])
@pytest.mark.parametrize("source", ["cache", "gazetteer", "nominatim"])
def test_no_source_can_place_a_point_off_the_earth(source, lat, lon) -> None:
    res = GeocodeChain([_Answers(source, lat, lon), _Answers("fallback", 1.0, 2.0)]).resolve(KOBE)
    assert (res.location.lat, res.location.lon) == (1.0, 2.0)
    (name, err), = res.errors
    assert name == source and isinstance(err, InvalidCoordinates) and "神戸市" in str(err)


@pytest.mark.parametrize(
    ("cls", "words"),
    [(GeocodingError, "data file"), (InvalidCoordinates, "lat -90..90"),
     (CacheError, "may be written"), (RateLimited, "Wait a few minutes"),
     (ServiceTimeout, "try again"), (ServiceUnavailable, "later"), (BadResponse, "Nominatim")],
)
def test_error_messages_name_the_place_and_the_fix(cls, words) -> None:
    msg = str(cls("四日市市 (Yokkaichi)", "technical detail", source="x"))
    assert msg.startswith("四日市市 (Yokkaichi): ") and words in msg and "technical detail" in msg


def test_resolve_all_report() -> None:
    chain = default_chain({})
    calls: list[tuple[int, int, str]] = []
    bad = replace(BY_KEY["川崎市"], lat=999.0, lon=1.0)
    report = chain.resolve_all([KOBE, NOWHERE, bad],
                               progress=lambda d, t, r: calls.append((d, t, r.query.key)))
    assert calls == [(1, 3, "神戸市"), (2, 3, "架空市"), (3, 3, "川崎市")]
    assert report.by_source == {"gazetteer": 2}
    assert report.unresolved == [("架空市", "no source knew it")]
    assert report.resolutions["川崎市"].errors[0][0] == "manual"  # error kept, later source answered
    assert not report.all_resolved


def test_unresolved_reason_lists_each_source_error() -> None:
    class Down:
        name = "nominatim"

        def geocode(self, q):
            raise ServiceUnavailable(q.label, "HTTP 503", source=self.name)

    res = GeocodeChain([ManualSource(), Down()]).resolve(replace(NOWHERE, lat=100.0, lon=1.0))
    assert not res.ok
    assert "lat=100.0" in res.reason and "HTTP 503" in res.reason
