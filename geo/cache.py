"""Persistent geocode cache: one CSV file (default data/geocache.csv).

Columns: key,lat,lon,source,detail,fingerprint,updated (UTF-8).  `source`/`detail` are those
of the source that really answered (gazetteer, nominatim); `fingerprint` is
GeocodeQuery.fingerprint, so an entry is served only while the place keeps the names,
country, kind and region it had when it was geocoded.  Only real answers are stored.

Writes are atomic and serialised: the whole read-modify-write runs under a module
threading.Lock (Streamlit sessions are threads) plus fcntl.flock on the cache's folder
(other processes, e.g. the CLI), and the new content goes to a temp file in the same
folder -> flush -> fsync -> os.replace, so a crash never leaves a half-written file.
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .errors import CacheError
from .query import GeocodeQuery, Location

try:
    import fcntl
except ImportError:  # Windows: the threading lock still protects one app process
    fcntl = None  # type: ignore[assignment]

COLUMNS = ("key", "lat", "lon", "source", "detail", "fingerprint", "updated")
CACHEABLE_SOURCES = ("gazetteer", "nominatim")
_LOCK = threading.Lock()
_REPLACE_TRIES = 5  # Windows: os.replace fails while Excel holds the file


@dataclass(frozen=True)
class CacheEntry:
    key: str
    lat: float
    lon: float
    source: str
    detail: str
    fingerprint: str
    updated: str


def _parse(text: str, path: Path) -> dict[str, CacheEntry]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None:
        return {}
    missing = [c for c in ("key", "lat", "lon") if c not in reader.fieldnames]
    if missing:
        raise CacheError(str(path), f"missing column(s) {', '.join(missing)}", source="cache")
    out: dict[str, CacheEntry] = {}
    for row in reader:
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError):
            continue  # a hand-edited bad row is dropped, the rest stays usable
        if not (math.isfinite(lat) and math.isfinite(lon)) or not row["key"]:
            continue
        out[row["key"]] = CacheEntry(
            row["key"], lat, lon, row.get("source") or "", row.get("detail") or "",
            row.get("fingerprint") or "", row.get("updated") or "",
        )
    return out


def read_cache(path: Path) -> dict[str, CacheEntry]:
    """All entries by key; {} when the file does not exist."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise CacheError(str(path), str(exc), source="cache") from exc
    try:
        text = raw.decode("utf-8-sig")  # tolerate a BOM if someone saved it from Excel
    except UnicodeDecodeError as exc:
        raise CacheError(str(path), f"not UTF-8 ({exc.reason} at byte {exc.start})",
                         source="cache") from exc
    try:
        return _parse(text, path)
    except csv.Error as exc:
        raise CacheError(str(path), f"not a valid CSV ({exc})", source="cache") from exc


def _render(entries: Iterable[CacheEntry]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in sorted(entries, key=lambda e: e.key):
        writer.writerow([e.key, repr(e.lat), repr(e.lon), e.source, e.detail, e.fingerprint, e.updated])
    return buf.getvalue()


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Thread lock + an advisory flock on the folder (the file itself is replaced, so not it)."""
    with _LOCK:
        if fcntl is None:
            yield
            return
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        for attempt in range(_REPLACE_TRIES):
            try:
                os.replace(tmp, path)
                break
            except PermissionError:
                if attempt == _REPLACE_TRIES - 1:
                    raise
                time.sleep(0.2)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


class CacheWriter:
    """Adds answers to the cache file; safe across threads and processes."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def put(self, query: GeocodeQuery, location: Location) -> None:
        """Store one answer (see put_many)."""
        self.put_many([(query, location)])

    def put_many(self, items: Iterable[tuple[GeocodeQuery, Location]]) -> None:
        """Store real answers from gazetteer/nominatim; anything else is refused (ValueError)."""
        items = list(items)
        for _, loc in items:
            if not isinstance(loc, Location) or loc.source not in CACHEABLE_SOURCES:
                raise ValueError(f"only answers from {CACHEABLE_SOURCES} are cached, got {loc!r}")
        if not items:
            return
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.parent):
                entries = read_cache(self.path)
                for q, loc in items:
                    entries[q.key] = CacheEntry(q.key, loc.lat, loc.lon, loc.source, loc.detail,
                                                q.fingerprint, now)
                _atomic_write(self.path, _render(entries.values()))
        except CacheError:
            raise
        except OSError as exc:
            label = items[0][0].label if len(items) == 1 else f"{len(items)} places"
            raise CacheError(label, f"cannot write {self.path}: {exc}", source="cache") from exc


class CacheSource:
    """Serves earlier answers from the cache file; re-reads it only when it changed on disk."""

    name = "cache"

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._stamp: tuple[int, int] | None = None
        self._entries: dict[str, CacheEntry] = {}
        self._lock = threading.Lock()

    def _load(self) -> dict[str, CacheEntry]:
        try:
            st = self.path.stat()
            stamp: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            stamp = None
        with self._lock:
            if stamp is None:
                self._stamp, self._entries = None, {}
            elif stamp != self._stamp:
                self._entries = read_cache(self.path)
                self._stamp = stamp
            return self._entries

    def geocode(self, query: GeocodeQuery) -> Location | None:
        try:
            entry = self._load().get(query.key)
        except CacheError as exc:
            raise CacheError(query.label, f"{self.path}: {exc.detail}", source=self.name) from exc
        if entry is None or entry.fingerprint != query.fingerprint:
            return None  # unknown, or cached for a place that has since been renamed/moved
        when = f", {entry.updated}" if entry.updated else ""
        return Location(entry.lat, entry.lon, self.name,
                        f"cached {entry.source} answer{when}: {entry.detail}")
