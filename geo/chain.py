"""Run sources in order until one answers; collect why the others could not.

The chain only reads: it never writes the cache (the app must leave the data folder as it is);
`python -m geocode` stores the answers once the whole run is done.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from common.numbers import valid_point

from .cache import CacheEntry, CacheSource
from .errors import GeocodingError, InvalidCoordinates
from .gazetteer import GazetteerSource
from .manual import ManualSource
from .query import GeocodeQuery, Location
from .sources import Source

NO_SOURCE = "no source knew it"


@dataclass(frozen=True)
class Resolution:
    """Outcome for one query: the first answer (or None) and every source error met on the way."""

    query: GeocodeQuery
    location: Location | None
    errors: tuple[tuple[str, GeocodingError], ...] = ()

    @property
    def ok(self) -> bool:
        return self.location is not None

    @property
    def reason(self) -> str:
        """Why it is unresolved, for the user: each source's error, else "no source knew it"."""
        if self.ok:
            return ""
        if not self.errors:
            return NO_SOURCE
        return "; ".join(str(err) for _, err in self.errors)


@dataclass
class Report:
    """Result of resolve_all: per-key resolutions, answers per source, unresolved keys + reason."""

    resolutions: dict[str, Resolution] = field(default_factory=dict)

    @property
    def by_source(self) -> Counter[str]:
        return Counter(r.location.source for r in self.resolutions.values() if r.location)

    @property
    def unresolved(self) -> list[tuple[str, str]]:
        return [(k, r.reason) for k, r in self.resolutions.items() if not r.ok]

    @property
    def locations(self) -> dict[str, Location]:
        return {k: r.location for k, r in self.resolutions.items() if r.location}

    @property
    def all_resolved(self) -> bool:
        return all(r.ok for r in self.resolutions.values())

    def summary(self) -> str:
        """Plain-text summary (the CLI prints it; the app can show it with st.text)."""
        n = len(self.resolutions)
        lines = [f"Resolved {n - len(self.unresolved)} of {n} places."]
        lines += [f"  {src}: {cnt}" for src, cnt in sorted(self.by_source.items())]
        if self.unresolved:
            lines.append(f"Unresolved ({len(self.unresolved)}):")
            lines += [f"  {k}: {reason}" for k, reason in self.unresolved]
        return "\n".join(lines)


Progress = Callable[[int, int, Resolution], Any]


class GeocodeChain:
    """First answer wins; one source's error never stops the later ones.

    Every answer's coordinates are checked here, whatever its source (data file, cache, gazetteer,
    Nominatim): a point off the Earth is that source's error, and the next source is asked.
    """

    def __init__(self, sources: Sequence[Source]) -> None:
        self.sources = list(sources)

    def resolve(self, query: GeocodeQuery) -> Resolution:
        errors: list[tuple[str, GeocodingError]] = []
        for source in self.sources:
            try:
                loc = source.geocode(query)
            except GeocodingError as exc:
                errors.append((source.name, exc))
                continue
            if loc is None:
                continue
            if not valid_point(loc.lat, loc.lon):
                detail = f"lat={loc.lat}, lon={loc.lon}"
                errors.append((source.name, InvalidCoordinates(query.label, detail, source=source.name)))
                continue
            return Resolution(query, loc, tuple(errors))
        return Resolution(query, None, tuple(errors))

    def resolve_all(self, queries: Iterable[GeocodeQuery], progress: Progress | None = None) -> Report:
        """Resolve every query (duplicate keys: the last one wins), calling progress after each."""
        queries = list(queries)
        report = Report()
        for i, q in enumerate(queries, 1):
            res = self.resolve(q)
            report.resolutions[q.key] = res
            if progress is not None:
                progress(i, len(queries), res)
        return report


def default_chain(cache: Mapping[str, CacheEntry] | None = None, online: bool = False,
                  **nominatim_kwargs: Any) -> GeocodeChain:
    """manual -> cache (when given: None skips it, as --refresh does) -> gazetteer [-> nominatim].

    With online=True, build the chain once per process so its Nominatim rate limit is shared.
    """
    sources: list[Source] = [ManualSource()]
    if cache is not None:
        sources.append(CacheSource(cache))
    sources.append(GazetteerSource())
    if online:
        from .online import NominatimSource  # geopy's HTTP stack only when needed

        sources.append(NominatimSource(**nominatim_kwargs))
    return GeocodeChain(sources)
