"""The 25,917-link reference set (../shared/datasets/twin_cities_wikipedia.csv, read-only, never
copied), read once per process for the benchmarks and the tests that need thousands of links.

A small reader of that one schema (city1, country1, lat1, lng1, city2, country2, lat2, lng2), not
the app's import (core/overlay/): the figures must not depend on the import's column detection.
Countries are English names in the file; they become ISO codes through CLDR's English names
(the part after the last comma: "England, United Kingdom" -> GB); one that matches none is "".
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from babel import Locale

from core.overlay.model import Overlay, OverlayLink, OverlayPlace

ROOT = Path(__file__).resolve().parents[1]
TWIN_CITIES = ROOT.parent / "shared" / "datasets" / "twin_cities_wikipedia.csv"
REFERENCE_LINKS = 25_917


def _country_codes() -> dict[str, str]:
    names = {name.casefold(): code for code, name in Locale("en").territories.items() if len(code) == 2}
    names.update({"england": "GB", "scotland": "GB", "wales": "GB", "czech republic": "CZ", "turkey": "TR",
                  "republic of ireland": "IE", "georgia (country)": "GE", "ivory coast": "CI"})
    return names


@lru_cache(maxsize=1)
def reference_overlay() -> Overlay:
    """The whole file as an Overlay: each (name, country, lat, lon) once, a link per row."""
    codes = _country_codes()
    index: dict[tuple[str, str, float, float], int] = {}
    places: list[OverlayPlace] = []
    links: list[OverlayLink] = []
    with TWIN_CITIES.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        for line, row in enumerate(reader, start=2):
            ends = []
            for city, country, lat, lon in (row[0:4], row[4:8]):
                key = (city, country, float(lat), float(lon))
                if key not in index:
                    index[key] = len(places)
                    code = codes.get(country.rsplit(",", 1)[-1].strip().casefold(), "")
                    places.append(OverlayPlace(city, code, key[2], key[3]))
                ends.append(index[key])
            links.append(OverlayLink(ends[0], ends[1], line, tuple(zip(header, row))))
    return Overlay(TWIN_CITIES.name, tuple(places), tuple(links))


def first_links(overlay: Overlay, n: int) -> Overlay:
    """The overlay of the first `n` links (places kept whole: the payload ships only those used)."""
    return Overlay(overlay.source, overlay.places, overlay.links[:n], overlay.problems)
