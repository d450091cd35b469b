"""Cache file: round trip, strict checks of every row, what is (never) stored."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from geo_places import BY_KEY

from geo.cache import COLUMNS, CacheEntry, CacheSource, read_cache, render, write_cache
from geo.chain import GeocodeChain
from geo.query import Location

KOBE = BY_KEY["神戸市"]
HIT = Location(34.6913, 135.183, "gazetteer", "GeoNames 1859171 Kobe (pop. 1525152)")
HEADER = ",".join(COLUMNS) + "\n"


def _row(key: str = "神戸市", lat: str = "34.6913", lon: str = "135.183", fingerprint: str = "") -> str:
    return f"{key},{lat},{lon},gazetteer,x,{fingerprint or KOBE.fingerprint},2026-01-01T00:00:00Z\n"


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "geocache.csv"
    write_cache(path, [CacheEntry.of(KOBE, HIT, "2026-01-01T00:00:00Z")])
    entries, problems = read_cache(path)
    assert problems == []
    loc = CacheSource(entries).geocode(KOBE)
    assert (loc.lat, loc.lon, loc.source) == (HIT.lat, HIT.lon, "cache")
    assert "gazetteer" in loc.detail and HIT.detail in loc.detail
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == COLUMNS and rows[1][0] == "神戸市"


@pytest.mark.parametrize("lat", [0.1 + 0.2, -89.99999999999, 1e-07, 35.0])
def test_written_numbers_read_back_exactly(tmp_path: Path, lat: float) -> None:
    """The writer's repr() (1e-07 included) is a number the strict reader accepts, bit for bit."""
    path = tmp_path / "geocache.csv"
    write_cache(path, [CacheEntry.of(KOBE, replace(HIT, lat=lat), "t")])
    entries, problems = read_cache(path)
    assert problems == [] and entries["神戸市"].lat == lat


def test_no_file_is_an_empty_cache(tmp_path: Path) -> None:
    assert read_cache(tmp_path / "geocache.csv") == ({}, [])


def test_stale_fingerprint_is_ignored() -> None:
    source = CacheSource({"神戸市": CacheEntry.of(KOBE, HIT, "t")})
    assert source.geocode(replace(KOBE, name_en="Kobe City", name_zh="神户")) is None
    assert source.geocode(replace(KOBE, region_ja="大阪府")) is None
    assert source.geocode(replace(KOBE, lat=1.0, lon=2.0)) is not None  # lat/lon not in it


@pytest.mark.parametrize("source", ["manual", "cache"])
def test_only_real_answers_become_entries(source: str) -> None:
    with pytest.raises(ValueError):
        CacheEntry.of(KOBE, replace(HIT, source=source), "t")
    with pytest.raises(ValueError):
        CacheEntry.of(KOBE, None, "t")  # type: ignore[arg-type]


# (id, file text, expected [(problem, line, column, value, other line)]): a faulty cache serves nothing.
FAULTY = [
    pytest.param(HEADER + _row() + _row(lat="10", lon="10"), [("duplicate", 3, "key", "神戸市", "2")],
                 id="duplicate-key-names-both-lines"),
    pytest.param(HEADER + _row(lat="200"), [("number_out_of_range", 2, "lat", "200", "")], id="lat-200"),
    pytest.param(HEADER + _row(lon="-180.5"), [("number_out_of_range", 2, "lon", "-180.5", "")], id="lon-out-of-range"),
    pytest.param(HEADER + _row(lat="1_0"), [("not_a_number", 2, "lat", "1_0", "")], id="underscore"),
    pytest.param(HEADER + _row(lat="nan"), [("not_a_number", 2, "lat", "nan", "")], id="nan"),
    pytest.param(HEADER + _row(lon="inf"), [("not_a_number", 2, "lon", "inf", "")], id="inf"),
    pytest.param(HEADER + _row(lat="١٠"), [("not_a_number", 2, "lat", "١٠", "")], id="arabic-indic-digits"),
    pytest.param(HEADER + _row(lat="abc"), [("not_a_number", 2, "lat", "abc", "")], id="text"),
    pytest.param(HEADER + _row(lat=""), [("missing_text", 2, "lat", "", "")], id="empty-lat"),
    pytest.param(HEADER + _row(key=""), [("missing_value", 2, "key", "", "")], id="empty-key"),
    pytest.param("key,lat\n神戸市,1\n", [("missing_column", 1, "lon", "", "")], id="missing-column"),
    pytest.param(HEADER + _row() + "x,1\n", [("field_count", 3, None, "2", "")], id="short-row"),
]


@pytest.mark.parametrize(("text", "expected"), FAULTY)
def test_faulty_cache_reports_file_line_column_value(tmp_path: Path, text: str, expected) -> None:
    path = tmp_path / "geocache.csv"
    path.write_text(text, encoding="utf-8")
    entries, problems = read_cache(path)
    assert entries == {}
    assert [(p.problem, p.line, p.column, p.value, p.params.get("other_line", "")) for p in problems] == expected
    assert {p.file for p in problems} == {str(path)}


def test_render_is_sorted_and_stable() -> None:
    a, b = CacheEntry.of(KOBE, HIT, "t"), CacheEntry.of(replace(KOBE, key="a"), HIT, "t")
    assert render([a, b]) == render([b, a])
    assert render([a, b]).decode().splitlines()[1].startswith("a,")


def test_chain_never_writes(tmp_path: Path) -> None:
    from geo.gazetteer import GazetteerSource

    path = tmp_path / "geocache.csv"
    res = GeocodeChain([CacheSource({}), GazetteerSource()]).resolve(KOBE)
    assert res.location.source == "gazetteer" and list(tmp_path.iterdir()) == []
    assert not path.exists()
