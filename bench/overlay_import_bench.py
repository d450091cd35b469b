"""Overlay import benchmark: the reference set (25,917 pairs) read, detected and built, as an upload.

Run: `python -m bench.overlay_import_bench` (from the repo root). Prints the first import in this
process (Babel's country names, the basemap's region outlines and pandas warming up included),
the best of three later ones with their read/build split and traced peak memory, what the import
found (places, links, Japan–China pairs, programme pairs), and how fast a 60 MB file is refused.
../shared/datasets/twin_cities_wikipedia.csv is read in place, never copied.
"""

from __future__ import annotations

import time
import tracemalloc

from bench.reference import ROOT, TWIN_CITIES
from core.overlay.build import build
from core.overlay.columns import ColumnMap
from core.overlay.importing import import_overlay
from core.overlay.match import programme_duplicates
from core.overlay.reading import read_table
from geocode.places import coordinates, load_folder


def _seconds(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def main() -> None:
    if not TWIN_CITIES.exists():
        print(f"{TWIN_CITIES} not found: skipping the overlay import")
        return
    data = TWIN_CITIES.read_bytes()
    first, imported = _seconds(lambda: import_overlay(TWIN_CITIES.name, data))
    reads, builds = [], []
    for _ in range(3):
        read_s, (table, _) = _seconds(lambda: read_table(TWIN_CITIES.name, data))
        build_s, _ = _seconds(lambda table=table: build(table, ColumnMap.detect(table.header)))
        reads.append(read_s)
        builds.append(build_s)
    tracemalloc.start()
    import_overlay(TWIN_CITIES.name, data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    overlay = imported.overlay
    dataset, cache = load_folder(ROOT / "data")
    names = {key: tuple(place.names.all()) for key, place in dataset.places.items()}
    coords = coordinates(dataset.places, cache)
    match_s, found = _seconds(lambda: programme_duplicates(overlay, dataset.partnerships, coords, names))
    print(f"{TWIN_CITIES.name} ({len(data) / 2**20:.1f} MB): first import {first:.2f}s; "
          f"then best of 3: read {min(reads):.2f}s + build {min(builds):.2f}s = {min(reads) + min(builds):.2f}s, "
          f"traced peak {peak / 2**20:.0f} MB")
    print(f"  {len(overlay.links):,} links, {len(overlay.places):,} places, "
          f"{len(overlay.japan_china)} Japan–China, "
          f"{len(found)} programme pairs (found in {match_s * 1000:.0f} ms), {len(overlay.problems)} rows not drawn")
    big = b"city1,city2\n" + b"A,B\n" * (60 * 2**20 // 4)
    refuse_s, (_, problems) = _seconds(lambda: read_table("huge.csv", big))
    print(f"  a 60 MB file: {problems[0].problem} in {refuse_s * 1000:.1f} ms, before any parsing")


if __name__ == "__main__":
    main()
