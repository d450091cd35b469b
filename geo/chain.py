"""Run sources in order until one answers; collect why the others could not."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .cache import CACHEABLE_SOURCES, CacheSource, CacheWriter
from .errors import GeocodingError
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
    cache_error: GeocodingError | None = None  # the answer stands even if caching it failed

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
        cache_errors = {str(r.cache_error) for r in self.resolutions.values() if r.cache_error}
        lines += [f"Cache not updated: {e}" for e in sorted(cache_errors)]
        return "\n".join(lines)


Progress = Callable[[int, int, Resolution], Any]


class GeocodeChain:
    """First answer wins; one source's error never stops the later ones."""

    def __init__(self, sources: Sequence[Source], cache_writer: CacheWriter | None = None) -> None:
        self.sources = list(sources)
        self.cache_writer = cache_writer

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
            cache_error = None
            if self.cache_writer is not None and loc.source in CACHEABLE_SOURCES:
                try:
                    self.cache_writer.put(query, loc)
                except GeocodingError as exc:
                    cache_error = exc
            return Resolution(query, loc, tuple(errors), cache_error)
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


def default_chain(
    cache_path: str | os.PathLike[str],
    online: bool = False,
    *,
    refresh: bool = False,
    **nominatim_kwargs: Any,
) -> GeocodeChain:
    """manual -> cache -> gazetteer [-> nominatim]; refresh=True skips reading the cache.

    Answers from the gazetteer and Nominatim are written to `cache_path`.  With online=True,
    build the chain once per process so its Nominatim rate limit is shared by all sessions.
    """
    sources: list[Source] = [ManualSource()]
    if not refresh:
        sources.append(CacheSource(cache_path))
    sources.append(GazetteerSource())
    if online:
        from .online import NominatimSource  # geopy's HTTP stack only when needed

        sources.append(NominatimSource(**nominatim_kwargs))
    return GeocodeChain(sources, CacheWriter(cache_path))
