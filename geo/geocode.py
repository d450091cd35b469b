"""CLI: fill or refresh the geocode cache for a data folder.

    python -m geo.geocode [--data-dir DIR] [--online] [--refresh]

Exit code 0 when every place resolved, 1 when some did not, 2 when the data could not be loaded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from core.errors import DataLoadError
from core.loading import data_dir_from_env, load_dataset
from core.models import Place

from .chain import Report, default_chain
from .query import GeocodeQuery

CACHE_FILE = "geocache.csv"


def queries_from_places(places: Mapping[str, Place]) -> list[GeocodeQuery]:
    """The core's places (already validated by its loader) as geocoding queries."""
    return [
        GeocodeQuery(
            key=key, name_ja=p.names.ja, name_en=p.names["en"], name_zh=p.names["zh"], kind=str(p.kind),
            country=str(p.country), region_ja=p.region.ja, region_en=p.region["en"], region_zh=p.region["zh"],
            lat=p.lat, lon=p.lon,
        )
        for key, p in places.items()
    ]


def coordinates(places: Mapping[str, Place], cache_path: Path) -> dict[str, tuple[float, float]]:
    """Key -> (lat, lon) through the offline chain (manual, cache, gazetteer): what the app shows."""
    report = default_chain(cache_path).resolve_all(queries_from_places(places))
    return {key: (loc.lat, loc.lon) for key, loc in report.locations.items()}


def run(queries: Iterable[GeocodeQuery], cache_path: Path, *, online: bool = False,
        refresh: bool = False, show_progress: bool = True, **nominatim_kwargs: Any) -> Report:
    """Resolve with the default chain, with a tqdm bar on stderr."""
    from tqdm import tqdm

    queries = list(queries)
    chain = default_chain(cache_path, online, refresh=refresh, **nominatim_kwargs)
    with tqdm(total=len(queries), desc="geocoding", unit="place", disable=not show_progress) as bar:
        def progress(done: int, total: int, res: Any) -> None:
            bar.set_postfix_str(res.query.key, refresh=False)
            bar.update(1)

        return chain.resolve_all(queries, progress=progress)


def main(argv: Sequence[str] | None = None, *, queries: Iterable[GeocodeQuery] | None = None,
         **nominatim_kwargs: Any) -> int:
    """Entry point; `queries` replaces the data folder's places (tests)."""
    ap = argparse.ArgumentParser(prog="python -m geo.geocode", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None,
                    help="folder with the data files and geocache.csv (default: $JCAIR_DATA_DIR or data/)")
    ap.add_argument("--online", action="store_true",
                    help="also ask Nominatim (OpenStreetMap) for places the offline gazetteer lacks")
    ap.add_argument("--refresh", action="store_true",
                    help="ignore cached answers and geocode every place again")
    args = ap.parse_args(argv)
    data_dir = data_dir_from_env(args.data_dir)
    if queries is None:
        try:
            queries = queries_from_places(load_dataset(data_dir).places)
        except DataLoadError as exc:  # every problem, each naming its file, line and column
            print(f"Cannot load places from {data_dir}:", *exc.messages(), sep="\n", file=sys.stderr)
            return 2
    report = run(queries, data_dir / CACHE_FILE, online=args.online, refresh=args.refresh,
                 **nominatim_kwargs)
    print(report.summary())
    print(f"Cache: {data_dir / CACHE_FILE}")
    return 0 if report.all_resolved else 1


if __name__ == "__main__":
    sys.exit(main())
