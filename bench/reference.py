"""The inputs the benchmarks (and the tests that need thousands of links) share: the bundled data,
and the 25,917-link reference set (../shared/datasets/twin_cities_wikipedia.csv, read-only,
never copied) read by the app's own import (core/overlay/importing.py), once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from common.i18n import LANGS
from core.data.models import Country, Names, Partnership, Place, PlaceKind, RelationType, Stage
from core.overlay.importing import import_overlay
from core.overlay.model import Overlay
from geocode.places import coordinates, load_folder

ROOT = Path(__file__).resolve().parents[1]
TWIN_CITIES = ROOT.parent / "shared" / "datasets" / "twin_cities_wikipedia.csv"
REFERENCE_LINKS = 25_917
LatLon = tuple[float, float]


def bundled() -> tuple[list[Place], list[Partnership], dict[str, LatLon], Callable[[str], Stage]]:
    """The app's own data, loaded by the project's loader."""
    ds, cache = load_folder(ROOT / "data")
    coords = coordinates(ds.places, cache)
    return list(ds.places.values()), list(ds.partnerships), coords, ds.stage_of


@lru_cache(maxsize=1)
def reference_overlay() -> Overlay:
    """The whole reference file as the app imports it (an upload or `--overlay`)."""
    return import_overlay(TWIN_CITIES.name, TWIN_CITIES.read_bytes()).overlay


def first_links(overlay: Overlay, n: int) -> Overlay:
    """The overlay of the first `n` links (places kept whole: the payload ships only those used)."""
    return replace(overlay, links=overlay.links[:n])  # a new Overlay: nothing memoised yet


def twin_cities() -> tuple[list[Place], list[Partnership], dict[str, LatLon]]:
    """The reference set as programme model objects, for what only the programme's own layers draw
    (the timeline). The model knows only JP/CN: each link's first end is drawn as the JP side, its
    second as the CN side (shape and colour only); names are the file's."""
    overlay = reference_overlay()
    keys = [f"{p.name} ({p.country or '?'}) #{i}" for i, p in enumerate(overlay.places)]
    places = [Place(Names(dict.fromkeys(LANGS, key)), PlaceKind.CITY, side, Names(dict.fromkeys(LANGS, p.country)),
                    overlay.source)
              for key, p, side in zip(keys, overlay.places, _sides(overlay))]
    links = [Partnership(keys[link.a], keys[link.b], RelationType.FRIENDSHIP, "sister city", None, overlay.source)
             for link in overlay.links]
    coords = {key: (p.lat, p.lon) for key, p in zip(keys, overlay.places)}
    return places, links, coords


def _sides(overlay: Overlay) -> list[Country]:
    first = {link.a for link in overlay.links}
    return [Country.JP if i in first else Country.CN for i in range(len(overlay.places))]


def used_places(places: list[Place], links: list[Partnership]) -> list[Place]:
    """The places the links use: what the page would pass for that selection."""
    keys = {k for p in links for k in (p.japan, p.china)}
    return [p for p in places if p.key in keys]
