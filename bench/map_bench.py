"""Map benchmark: build + render time, payload per link and peak memory.

Run: `python -m bench.map_bench` (from the repo root). Two inputs:
- the bundled data (data/: 12 partnerships, 21 places, coordinates from data/geocache.csv);
- all 25,917 links of ../shared/datasets/twin_cities_wikipedia.csv (read-only, never copied),
  converted here into Place/Partnership objects (kind city, relation friendship, year None).

"cold" builds compute every arc; "warm" reuses core.arcs' cache, as a Streamlit rerun does.
st_folium's own JS generation is not included (that would import streamlit).
"""

from __future__ import annotations

import csv
import gc
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from core.arcs import arc_points
from core.i18n import LANGS
from core.basemap import offline_geojson
from core.map.build import build_map
from core.models import Country, Names, Partnership, Place, PlaceKind, RelationType, Stage
from geocode.places import coordinates, load_folder

ROOT = Path(__file__).resolve().parents[1]
TWIN_CITIES = ROOT.parent / "shared" / "datasets" / "twin_cities_wikipedia.csv"


def bundled() -> tuple[list[Place], list[Partnership], dict[str, tuple[float, float]], Callable[[str], Stage]]:
    """The app's own data, loaded by the project's loader."""
    ds, cache = load_folder(ROOT / "data")
    coords = coordinates(ds.places, cache)
    return list(ds.places.values()), list(ds.partnerships), coords, ds.stage_of


def twin_cities() -> tuple[list[Place], list[Partnership], dict[str, tuple[float, float]], int]:
    """Foreign rows as model objects. The model knows only JP/CN: city1 is drawn as the JP side,
    city2 as the CN side (shape and colour only; the names are the file's English names)."""
    places: dict[str, Place] = {}
    coords: dict[str, tuple[float, float]] = {}
    links: list[Partnership] = []
    skipped = 0
    with TWIN_CITIES.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            try:
                ends = [(row["city1"], row["country1"], float(row["lat1"]), float(row["lng1"])),
                        (row["city2"], row["country2"], float(row["lat2"]), float(row["lng2"]))]
            except (KeyError, ValueError):
                skipped += 1
                continue
            keys = []
            for (city, country, lat, lon), side in zip(ends, (Country.JP, Country.CN)):
                key = f"{city} ({country})"
                if key not in places:
                    names = Names(dict.fromkeys(LANGS, key))
                    places[key] = Place(names, PlaceKind.CITY, side, Names(dict.fromkeys(LANGS, country)), "twin_cities")
                    coords[key] = (lat, lon)
                keys.append(key)
            links.append(Partnership(keys[0], keys[1], RelationType.FRIENDSHIP, "sister city", None, "twin_cities"))
    return list(places.values()), links, coords, skipped


def measure(name: str, places, links, coords, stage_of, *, cold: bool) -> None:
    """Time build and render (without tracemalloc: it slows Python 2-5x), then peak memory in a
    second, traced build + render."""
    if cold:
        arc_points.cache_clear()
    gc.collect()
    t0 = time.perf_counter()
    m = build_map(places, links, coords, lang="en", color_by="relation", stage_of=stage_of)
    t1 = time.perf_counter()
    page = m.get_root().render()
    t2 = time.perf_counter()
    del m
    gc.collect()
    tracemalloc.start()
    build_map(places, links, coords, lang="en", color_by="relation", stage_of=stage_of).get_root().render()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = len(page.encode("utf-8"))
    base = len(offline_geojson().encode("utf-8"))
    per_link = (size - base) / max(len(links), 1)
    print(f"{name:<22} {'cold' if cold else 'warm':<5} links={len(links):>6} places={len(places):>6} "
          f"build={t1 - t0:6.2f}s render={t2 - t1:6.2f}s total={t2 - t0:6.2f}s "
          f"page={size / 1e6:6.2f} MB ({per_link:5.0f} B/link beyond the {base / 1e3:.0f} KB basemap) "
          f"peak={peak / 1e6:6.1f} MB")


def _subset(places: list[Place], links: list[Partnership]) -> list[Place]:
    """The places the links use: what the page would pass for that selection."""
    keys = {k for p in links for k in (p.japan, p.china)}
    return [p for p in places if p.key in keys]


def main() -> None:
    offline_geojson()  # build or read the basemap cache first: not what we measure
    places, links, coords, stage_of = bundled()
    measure("bundled data", places, links, coords, stage_of, cold=True)
    measure("bundled data", places, links, coords, stage_of, cold=False)
    if not TWIN_CITIES.exists():
        print(f"{TWIN_CITIES} not found: skipping the 25,917-link run")
        return
    t0 = time.perf_counter()
    places, links, coords, skipped = twin_cities()
    print(f"read {TWIN_CITIES.name}: {len(links)} links, {len(places)} places, {skipped} rows skipped "
          f"in {time.perf_counter() - t0:.2f}s")
    no_status: Callable[[str], Stage] = lambda _key: Stage.NO_STATUS
    for n in (12, 1_000, 5_000):
        measure(f"twin cities first {n}", _subset(places, links[:n]), links[:n], coords, no_status, cold=True)
    measure("twin cities all", places, links, coords, no_status, cold=True)
    measure("twin cities all", places, links, coords, no_status, cold=False)


if __name__ == "__main__":
    main()
