"""CLI: fill or refresh the geocode cache (geocache.csv) of a data folder.

    python -m geocode [--data-dir DIR] [--online] [--refresh]

Exit code 0 when every place resolved, 1 when some did not, 2 when the data folder's files
(geocache.csv included) could not be read, 3 when geocache.csv could not be written. A fault is
reported once, naming the file, never as one line per place.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from core.data.errors import DataError, DataLoadError
from core.data.loading import data_dir_from_env, load_dataset
from core.edit.save import RecoveryFailed, recover
from geo.cache import CACHE_FILE, CACHEABLE_SOURCES, CacheEntry, read_cache, write_cache
from geo.chain import Report, default_chain
from geo.errors import CacheError
from geo.query import GeocodeQuery

from .places import queries_from_places

PROG = "python -m geocode"


def run(queries: Iterable[GeocodeQuery], cache: Mapping[str, CacheEntry] | None, *, online: bool = False,
        show_progress: bool = True, **nominatim_kwargs: Any) -> Report:
    """Resolve with the default chain (cache=None: ask every source again), with a tqdm bar on stderr.

    The bar shows on a terminal only, so that a log or a pipe gets the summary and nothing else."""
    from tqdm import tqdm

    queries = list(queries)
    chain = default_chain(cache, online, **nominatim_kwargs)
    with tqdm(total=len(queries), desc="geocoding", unit="place", disable=None if show_progress else True) as bar:
        def progress(done: int, total: int, res: Any) -> None:
            bar.set_postfix_str(res.query.key, refresh=False)
            bar.update(1)

        return chain.resolve_all(queries, progress=progress)


def new_entries(report: Report) -> list[CacheEntry]:
    """The run's real answers (gazetteer, Nominatim) as cache entries stamped with the current time."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return [CacheEntry.of(r.query, r.location, now) for r in report.resolutions.values()
            if r.location is not None and r.location.source in CACHEABLE_SOURCES]


def main(argv: Sequence[str] | None = None, *, queries: Iterable[GeocodeQuery] | None = None,
         **nominatim_kwargs: Any) -> int:
    """Entry point; `queries` replaces the data folder's places (tests)."""
    ap = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None,
                    help="folder with the data files and geocache.csv (default: $JCAIR_DATA_DIR or data/)")
    ap.add_argument("--online", action="store_true",
                    help="also ask Nominatim (OpenStreetMap) for places the offline gazetteer lacks")
    ap.add_argument("--refresh", action="store_true",
                    help="ignore geocache.csv (even a broken one) and geocode every place again")
    args = ap.parse_args(argv)
    data_dir = data_dir_from_env(args.data_dir)
    cache_path = data_dir / CACHE_FILE
    errors: list[DataError] = []
    try:
        recovered = recover(data_dir)  # a save a kill interrupted is ended before anything is read
    except RecoveryFailed as exc:
        print(exc.message("en"), file=sys.stderr)
        return 2
    if recovered:
        print(recovered.message("en"), file=sys.stderr)
    if queries is None:
        try:
            queries = queries_from_places(load_dataset(data_dir).places)
        except DataLoadError as exc:
            errors += exc.errors
    cache: dict[str, CacheEntry] | None = None
    if not args.refresh:
        cache, problems = read_cache(cache_path)
        errors += map(DataError.of, problems)
    if errors:  # every problem, each naming its file, line and column
        print(f"Cannot geocode {data_dir}: {len(errors)} problem(s) in its files:",
              *(e.message("en") for e in errors), sep="\n", file=sys.stderr)
        return 2
    report = run(queries or (), cache, online=args.online, **nominatim_kwargs)
    print(report.summary())
    answers = new_entries(report)
    if answers or args.refresh:
        entries = {e.key: e for e in (*(cache or {}).values(), *answers)}
        try:
            write_cache(cache_path, entries.values())
        except OSError as exc:
            detail = f"{exc.strerror or exc}; {len(answers)} answer(s) not saved"
            print(CacheError(str(cache_path), detail, source=PROG), file=sys.stderr)
            return 3
    print(f"Cache: {cache_path} ({len(answers)} answer(s) saved)")
    return 0 if report.all_resolved else 1
