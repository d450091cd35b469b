"""CLI: fill or refresh the geocode cache for a data folder.

    python -m geo.geocode [--data-dir DIR] [--online] [--refresh]

Exit code 0 when every place resolved, 1 when some did not, 2 when the data could not be loaded.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .chain import Report, default_chain
from .query import GeocodeQuery

REPO_ROOT = Path(__file__).resolve().parent.parent
CACHE_FILE = "geocache.csv"


def default_data_dir() -> Path:
    """$JCAIR_DATA_DIR when set (the app can run on another data folder), else the repo's data/."""
    env = os.environ.get("JCAIR_DATA_DIR")
    return Path(env) if env else REPO_ROOT / "data"


def _coord(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None if str(value).strip() == "" else float("nan")  # ManualSource rejects NaN


def _names(place: Any, flat: str, nested: str) -> tuple[str, str, str]:
    """(ja, en, zh) from flat attributes (`name_ja`...) or a Names object (`names.ja`...)."""
    if hasattr(place, f"{flat}_ja"):
        return tuple(str(getattr(place, f"{flat}_{lang}") or "") for lang in ("ja", "en", "zh"))
    names = getattr(place, nested)
    return (str(names.ja or ""), str(names.en or ""), str(names.zh or ""))


def queries_from_places(places: Mapping[str, Any]) -> list[GeocodeQuery]:
    """Adapter from the core's places mapping (key -> Place) to GeocodeQuery.

    Accepts a Place with flat fields (name_ja, region_ja, ...) or with the core's `names` /
    `region` Names objects; kind/country may be str enums.
    """
    out = []
    for key, p in places.items():
        (nja, nen, nzh), (rja, ren, rzh) = _names(p, "name", "names"), _names(p, "region", "region")
        out.append(GeocodeQuery(
            key=key, name_ja=nja, name_en=nen, name_zh=nzh, kind=str(p.kind), country=str(p.country),
            region_ja=rja, region_en=ren, region_zh=rzh, lat=_coord(p.lat), lon=_coord(p.lon),
        ))
    return out


def load_queries(data_dir: Path) -> list[GeocodeQuery]:
    """Places of a data folder through the core's loader."""
    from core.loading import load_dataset  # the core owns the data files' format

    return queries_from_places(load_dataset(data_dir).places)


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
    """Entry point; `queries` replaces the core's loader (tests, or before the core exists)."""
    ap = argparse.ArgumentParser(prog="python -m geo.geocode", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, default=None,
                    help="folder with the data files and geocache.csv (default: $JCAIR_DATA_DIR or data/)")
    ap.add_argument("--online", action="store_true",
                    help="also ask Nominatim (OpenStreetMap) for places the offline gazetteer lacks")
    ap.add_argument("--refresh", action="store_true",
                    help="ignore cached answers and geocode every place again")
    args = ap.parse_args(argv)
    data_dir: Path = args.data_dir or default_data_dir()
    if queries is None:
        try:
            queries = load_queries(data_dir)
        except ImportError as exc:
            print(f"Cannot load places: the core's loader is missing ({exc}).", file=sys.stderr)
            return 2
        except Exception as exc:  # the core's own message says which file/line is wrong
            print(f"Cannot load places from {data_dir}: {exc}", file=sys.stderr)
            return 2
    report = run(queries, data_dir / CACHE_FILE, online=args.online, refresh=args.refresh,
                 **nominatim_kwargs)
    print(report.summary())
    print(f"Cache: {data_dir / CACHE_FILE}")
    return 0 if report.all_resolved else 1


if __name__ == "__main__":
    sys.exit(main())
