"""Fixtures of the overlay tests: the reference set, imported once (it is read, never copied)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.needs import SHARED, missing

REFERENCE = SHARED / "datasets" / "twin_cities_wikipedia.csv"


def reference_bytes() -> bytes:
    """The 25,917 pairs of ../shared/datasets (third-party data: read in place, never copied)."""
    if not REFERENCE.is_file():
        missing(str(REFERENCE), "the reference data sets come with the project's checkout in ../shared/datasets/")
    return REFERENCE.read_bytes()


@pytest.fixture(scope="session")
def reference():
    """(the Imported reference set, seconds its import took after a warm-up of the lookups)."""
    from core.overlay.importing import import_overlay

    data = reference_bytes()
    import_overlay("warm-up.csv", b"city1,lat1,lon1,city2,lat2,lon2\nA,1,1,B,2,2\n")  # Babel, basemap outlines
    start = time.perf_counter()
    imported = import_overlay(Path(REFERENCE).name, data)
    return imported, time.perf_counter() - start
