"""Geocoding errors, modelled on geopy's hierarchy.

"Not found" is deliberately NOT an exception: a source returns None for it, so that
an outage (an exception) can never be mistaken for "this place does not exist" and
never ends up in the cache.  Every message names the place and says what to do.
"""

from __future__ import annotations


class GeocodingError(Exception):
    """Base class: a source could not answer (as opposed to answering "no result")."""

    what = "could not be geocoded"
    todo = "check the place's names in the data file, or enter lat/lon by hand"

    def __init__(self, place: str, detail: str = "", *, source: str = "") -> None:
        self.place = place
        self.detail = detail
        self.source = source
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """User-facing text: place, what happened (with the technical detail), what to do."""
        who = f" ({self.source})" if self.source else ""
        why = f": {self.detail}" if self.detail else ""
        return f"{self.place}: {self.what}{who}{why}. {self.todo[0].upper()}{self.todo[1:]}."


class InvalidCoordinates(GeocodingError):
    """A source answered with a point off the Earth (lat outside -90..90 or lon outside -180..180)."""

    what = "the lat/lon found are invalid"
    todo = "fix them (lat -90..90, lon -180..180) or leave both cells empty"


class CacheError(GeocodingError):
    """The cache file cannot be written (locked by Excel, read-only folder...); `place` is the file."""

    what = "the geocode cache file could not be written"
    todo = ("close the file if another program (e.g. Excel) has it open, "
            "and check that the data folder may be written")


class ServiceError(GeocodingError):
    """An online geocoder failed (wraps geopy's GeocoderServiceError as __cause__)."""

    what = "the online geocoding service returned an error"
    todo = "try again later, or work offline (the built-in gazetteer needs no internet)"


class RateLimited(ServiceError):
    """HTTP 429: we asked too often; `retry_after` is in seconds when the server said so."""

    what = "the online geocoding service says we sent too many requests"

    def __init__(self, place: str, detail: str = "", *, source: str = "",
                 retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(place, detail, source=source)

    @property
    def todo(self) -> str:  # type: ignore[override]
        wait = f"{self.retry_after:g} seconds" if self.retry_after else "a few minutes"
        return f"wait {wait} before trying again, or work offline"


class ServiceTimeout(ServiceError):
    """The service did not answer within the client timeout."""

    what = "the online geocoding service did not answer in time"
    todo = "check the internet connection and try again, or work offline"


class ServiceUnavailable(ServiceError):
    """HTTP 500/502/503 or the connection was refused: the service is down or unreachable."""

    what = "the online geocoding service is unavailable"
    todo = "check the internet connection and the service address, try again later, or work offline"


class BadResponse(ServiceError):
    """The service answered something we cannot parse (malformed JSON, HTML error page)."""

    what = "the online geocoding service sent an answer that could not be read"
    todo = "check that the service address points at a Nominatim server, or work offline"
