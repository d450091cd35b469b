"""Geocoding errors, modelled on geopy's hierarchy.

"Not found" is deliberately NOT an exception: a source returns None for it, so that
an outage (an exception) can never be mistaken for "this place does not exist" and
never ends up in the cache.  Every message names the place and says what to do, in the
reader's language: `geo.what.<code>` and `geo.fix.<code>` in the catalogue (common.i18n).
"""

from __future__ import annotations

from common.i18n import t


class GeocodingError(Exception):
    """Base class: a source could not answer (as opposed to answering "no result")."""

    code = "failed"

    def __init__(self, place: str, detail: str = "", *, source: str = "") -> None:
        self.place = place
        self.detail = detail
        self.source = source
        super().__init__(self.message("en"))  # str(): the CLI's and the logs' language

    def fix(self, lang: str) -> str:
        return t(f"geo.fix.{self.code}", lang)

    def message(self, lang: str = "en") -> str:
        """User-facing text: place, what happened (with the technical detail), what to do."""
        return t(
            "geo.message", lang, place=self.place, what=t(f"geo.what.{self.code}", lang),
            source=t("geo.source", lang, source=self.source) if self.source else "",
            detail=t("geo.detail", lang, detail=self.detail) if self.detail else "", fix=self.fix(lang),
        )


class InvalidCoordinates(GeocodingError):
    """A source answered with a point off the Earth (lat outside -90..90 or lon outside -180..180)."""

    code = "invalid_coordinates"


class CacheError(GeocodingError):
    """The cache file cannot be written (locked by Excel, read-only folder...); `place` is the file."""

    code = "cache"


class ServiceError(GeocodingError):
    """An online geocoder failed (wraps geopy's GeocoderServiceError as __cause__)."""

    code = "service"


class RateLimited(ServiceError):
    """HTTP 429: we asked too often; `retry_after` is in seconds when the server said so."""

    code = "rate_limited"

    def __init__(self, place: str, detail: str = "", *, source: str = "",
                 retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(place, detail, source=source)

    def fix(self, lang: str) -> str:
        if self.retry_after:
            return t("geo.fix.rate_limited_after", lang, seconds=f"{self.retry_after:g}")
        return super().fix(lang)


class ServiceTimeout(ServiceError):
    """The service did not answer within the client timeout."""

    code = "timeout"


class ServiceUnavailable(ServiceError):
    """HTTP 500/502/503 or the connection was refused: the service is down or unreachable."""

    code = "unavailable"


class BadResponse(ServiceError):
    """The service answered something we cannot parse (malformed JSON, HTML error page)."""

    code = "bad_response"
