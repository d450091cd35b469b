"""Cache file: round trip, atomic writes, concurrency, what is (never) stored."""

from __future__ import annotations

import csv
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from geo_places import BY_KEY

from geo import cache as cache_mod
from geo.cache import COLUMNS, CacheSource, CacheWriter, read_cache
from geo.chain import GeocodeChain
from geo.errors import CacheError, ServiceTimeout
from geo.query import Location

KOBE = BY_KEY["神戸市"]
HIT = Location(34.6913, 135.183, "gazetteer", "GeoNames 1859171 Kobe (pop. 1525152)")


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "geocache.csv"
    CacheWriter(path).put(KOBE, HIT)
    loc = CacheSource(path).geocode(KOBE)
    assert (loc.lat, loc.lon, loc.source) == (HIT.lat, HIT.lon, "cache")
    assert "gazetteer" in loc.detail and HIT.detail in loc.detail
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == COLUMNS and rows[1][0] == "神戸市"


def test_source_sees_later_writes(tmp_path: Path) -> None:
    path = tmp_path / "geocache.csv"
    source = CacheSource(path)
    assert source.geocode(KOBE) is None  # no file yet
    CacheWriter(path).put(KOBE, HIT)
    assert source.geocode(KOBE) is not None


def test_stale_fingerprint_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "geocache.csv"
    CacheWriter(path).put(KOBE, HIT)
    renamed = replace(KOBE, name_en="Kobe City", name_zh="神户")
    assert CacheSource(path).geocode(renamed) is None
    moved = replace(KOBE, region_ja="大阪府")
    assert CacheSource(path).geocode(moved) is None
    assert CacheSource(path).geocode(replace(KOBE, lat=None)) is not None  # lat/lon not in it


def test_crash_during_replace_keeps_old_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "geocache.csv"
    CacheWriter(path).put(KOBE, HIT)
    before = path.read_bytes()

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(cache_mod.os, "replace", boom)
    with pytest.raises(CacheError) as info:
        CacheWriter(path).put(BY_KEY["川崎市"], replace(HIT, lat=35.5))
    assert "disk full" in str(info.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["geocache.csv"]  # temp file removed


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "geocache.csv"
    n_threads, n_each = 6, 15
    errors: list[BaseException] = []

    def work(t: int) -> None:
        writer = CacheWriter(path)  # one writer per "session"
        try:
            for i in range(n_each):
                writer.put(replace(KOBE, key=f"k{t}-{i}"), replace(HIT, lat=t + i / 100))
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(n_threads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    entries = read_cache(path)
    assert len(entries) == n_threads * n_each
    assert entries["k3-7"].lat == 3.07


@pytest.mark.parametrize("source", ["manual", "cache"])
def test_writer_refuses_non_answers(tmp_path: Path, source: str) -> None:
    with pytest.raises(ValueError):
        CacheWriter(tmp_path / "c.csv").put(KOBE, replace(HIT, source=source))
    with pytest.raises(ValueError):
        CacheWriter(tmp_path / "c.csv").put(KOBE, None)  # type: ignore[arg-type]
    assert not (tmp_path / "c.csv").exists()


class _Fails:
    name = "nominatim"

    def geocode(self, query):
        raise ServiceTimeout(query.label, "slow", source=self.name)


class _Nothing:
    name = "gazetteer"

    def geocode(self, query):
        return None


def test_errors_and_none_are_never_cached(tmp_path: Path) -> None:
    path = tmp_path / "geocache.csv"
    res = GeocodeChain([CacheSource(path), _Fails(), _Nothing()], CacheWriter(path)).resolve(KOBE)
    assert res.location is None and isinstance(res.errors[0][1], ServiceTimeout)
    assert not path.exists()


def test_corrupt_cache_is_an_error_and_the_chain_goes_on(tmp_path: Path) -> None:
    from geo.gazetteer import GazetteerSource

    path = tmp_path / "geocache.csv"
    path.write_bytes("key,lat,lon\n神戸市,1,2\n".encode("cp932"))
    res = GeocodeChain([CacheSource(path), GazetteerSource()]).resolve(KOBE)
    assert res.location.source == "gazetteer"
    (name, err), = res.errors
    assert name == "cache" and isinstance(err, CacheError)
    assert "神戸市" in str(err) and "geocache.csv" in str(err) and "UTF-8" in str(err) and "--refresh" in str(err)


def test_bad_rows_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "geocache.csv"
    CacheWriter(path).put(KOBE, HIT)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("川崎市,abc,139.7,gazetteer,x,y,z\n")
    assert set(read_cache(path)) == {"神戸市"}


def test_cache_write_failure_does_not_lose_the_answer(tmp_path: Path, monkeypatch) -> None:
    from geo.gazetteer import GazetteerSource

    path = tmp_path / "geocache.csv"
    monkeypatch.setattr(cache_mod.os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError("locked")))
    res = GeocodeChain([GazetteerSource()], CacheWriter(path)).resolve(KOBE)
    assert res.ok and isinstance(res.cache_error, CacheError)
