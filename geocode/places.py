"""The core's places through geo's chain: read-only, so that viewing the map changes no file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from core.data.errors import DataError, DataLoadError
from core.data.loading import load_dataset
from core.data.models import Dataset, Place
from geo.cache import CACHE_FILE, CacheEntry, read_cache
from geo.chain import default_chain
from geo.query import GeocodeQuery


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


def load_folder(folder: Path) -> tuple[Dataset, dict[str, CacheEntry]]:
    """The dataset and the geocode cache of a data folder; DataLoadError lists every problem of both."""
    errors: list[DataError] = []
    dataset = None
    try:
        dataset = load_dataset(folder)
    except DataLoadError as exc:
        errors += exc.errors
    cache, problems = read_cache(Path(folder) / CACHE_FILE)
    errors += map(DataError.of, problems)
    if errors or dataset is None:
        raise DataLoadError(errors)
    return dataset, cache


def coordinates(places: Mapping[str, Place], cache: Mapping[str, CacheEntry]) -> dict[str, tuple[float, float]]:
    """Key -> (lat, lon) through the offline chain (manual, cache, gazetteer): what the app shows."""
    report = default_chain(cache).resolve_all(queries_from_places(places))
    return {key: (loc.lat, loc.lon) for key, loc in report.locations.items()}
