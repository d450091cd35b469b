"""geocode.places: the core's places as queries, the checked cache, and read-only coordinates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from folder_faults import snapshot

from core.data.errors import DataLoadError
from core.data.loading import DATA_FILES
from core.data.models import Country, Names, Place, PlaceKind
from geo.cache import CACHE_FILE, CacheEntry, read_cache
from geo.query import GeocodeQuery
from geocode.places import coordinates, load_folder, queries_from_places

REPO = Path(__file__).resolve().parents[2]


def _place(name_ja: str, name_en: str, name_zh: str, lat: float | None = None, lon: float | None = None) -> Place:
    return Place(Names({"ja": name_ja, "en": name_en, "zh": name_zh}), PlaceKind.CITY, Country.JP,
                 Names({"ja": "兵庫県", "en": "Hyogo", "zh": "兵库县"}), "test", lat, lon)


def test_queries_from_core_places() -> None:
    places = {"神戸市": _place("神戸市", "Kobe", "神户市"), "手入力": _place("手入力", "Manual", "手动", 34.5, 135.0)}
    kobe, manual = queries_from_places(places)
    assert kobe == GeocodeQuery("神戸市", "神戸市", "Kobe", "神户市", "city", "JP", "兵庫県", "Hyogo", "兵库县")
    assert (manual.key, manual.lat, manual.lon, manual.kind, manual.country) == ("手入力", 34.5, 135.0, "city", "JP")


def test_manual_lat_lon_come_first() -> None:
    places = {"神戸市": _place("神戸市", "Kobe", "神户市", 35.0, 135.0),
              "川崎市": _place("川崎市", "Kawasaki", "川崎市")}
    coords = coordinates(places, {})
    assert coords["神戸市"] == (35.0, 135.0) and set(coords) == {"神戸市", "川崎市"}


def test_cached_answer_is_served() -> None:
    [kobe] = queries_from_places({"神戸市": _place("神戸市", "Kobe", "神户市")})
    cache = {"神戸市": CacheEntry("神戸市", 34.0, 135.0, "nominatim", "x", kobe.fingerprint, "t")}
    assert coordinates({"神戸市": _place("神戸市", "Kobe", "神户市")}, cache) == {"神戸市": (34.0, 135.0)}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in (*DATA_FILES, CACHE_FILE):
        shutil.copyfile(REPO / "data" / name, tmp_path / name)
    return tmp_path


def test_load_folder_reads_data_and_cache(folder: Path) -> None:
    dataset, cache = load_folder(folder)
    assert len(dataset.places) == 21 and cache == read_cache(folder / CACHE_FILE)[0]


def test_load_folder_reports_data_and_cache_problems_together(folder: Path) -> None:
    (folder / "events.csv").write_text("nonsense\n", encoding="utf-8")
    (folder / CACHE_FILE).write_text("key,lat,lon\n北京市,200,1\n", encoding="utf-8")
    before = snapshot(folder)
    with pytest.raises(DataLoadError) as info:
        load_folder(folder)
    files = {(Path(e.file).name, e.problem) for e in info.value.errors}
    assert ("geocache.csv", "number_out_of_range") in files and any(name == "events.csv" for name, _ in files)
    assert snapshot(folder) == before
