"""Chain reports, manual coordinates, error messages and the CLI."""

from __future__ import annotations

import math
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from geo_places import BY_KEY, PLACES

from core.loading import load_dataset
from core.models import Country, Names, Place, PlaceKind
from geo.cache import read_cache
from geo.chain import GeocodeChain, default_chain
from geo.errors import (
    BadResponse,
    CacheError,
    GeocodingError,
    InvalidCoordinates,
    RateLimited,
    ServiceTimeout,
    ServiceUnavailable,
)
from geo import geocode
from geo.geocode import main, queries_from_places
from geo.manual import ManualSource

KOBE = BY_KEY["神戸市"]
NOWHERE = replace(KOBE, key="架空市", name_ja="架空市", name_en="Nowhereville", name_zh="架空市")


@pytest.mark.parametrize(
    ("lat", "lon", "ok"),
    [(34.7, 135.2, True), (None, None, None), (34.7, None, False), (91, 0, False),
     (0, 181, False), (math.nan, 0, False), ("x", 1, False), (-90, -180, True)],
)
def test_manual_source(lat, lon, ok) -> None:
    q = replace(KOBE, lat=lat, lon=lon)
    if ok is None:
        assert ManualSource().geocode(q) is None
    elif ok:
        assert ManualSource().geocode(q).source == "manual"
    else:
        with pytest.raises(InvalidCoordinates, match="神戸市"):
            ManualSource().geocode(q)


@pytest.mark.parametrize(
    ("cls", "words"),
    [(GeocodingError, "data file"), (InvalidCoordinates, "lat -90..90"),
     (CacheError, "--refresh"), (RateLimited, "Wait a few minutes"),
     (ServiceTimeout, "try again"), (ServiceUnavailable, "later"), (BadResponse, "Nominatim")],
)
def test_error_messages_name_the_place_and_the_fix(cls, words) -> None:
    msg = str(cls("四日市市 (Yokkaichi)", "technical detail", source="x"))
    assert msg.startswith("四日市市 (Yokkaichi): ") and words in msg and "technical detail" in msg


def test_manual_wins_and_is_not_cached(tmp_path: Path) -> None:
    path = tmp_path / "geocache.csv"
    res = default_chain(path).resolve(replace(KOBE, lat=34.0, lon=135.0))
    assert res.location.source == "manual" and not path.exists()


def test_resolve_all_report(tmp_path: Path) -> None:
    chain = default_chain(tmp_path / "geocache.csv")
    calls: list[tuple[int, int, str]] = []
    bad = replace(BY_KEY["川崎市"], lat=999.0, lon=1.0)
    report = chain.resolve_all([KOBE, NOWHERE, bad],
                               progress=lambda d, t, r: calls.append((d, t, r.query.key)))
    assert calls == [(1, 3, "神戸市"), (2, 3, "架空市"), (3, 3, "川崎市")]
    assert report.by_source == {"gazetteer": 2}
    assert report.unresolved == [("架空市", "no source knew it")]
    assert report.resolutions["川崎市"].errors[0][0] == "manual"  # error kept, later source answered
    assert not report.all_resolved
    assert set(read_cache(tmp_path / "geocache.csv")) == {"神戸市", "川崎市"}


def test_unresolved_reason_lists_each_source_error() -> None:
    class Down:
        name = "nominatim"

        def geocode(self, q):
            raise ServiceUnavailable(q.label, "HTTP 503", source=self.name)

    res = GeocodeChain([ManualSource(), Down()]).resolve(replace(NOWHERE, lat=1.0))
    assert not res.ok
    assert "only one of lat/lon" in res.reason and "HTTP 503" in res.reason


def test_cli_all_resolved_then_cached(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path)], queries=PLACES) == 0
    out = capsys.readouterr().out
    assert "Resolved 21 of 21 places." in out and "gazetteer: 21" in out
    assert len(read_cache(tmp_path / "geocache.csv")) == 21
    assert main(["--data-dir", str(tmp_path)], queries=PLACES) == 0
    assert "cache: 21" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "--refresh"], queries=PLACES) == 0
    assert "gazetteer: 21" in capsys.readouterr().out


def test_cli_lists_unresolved_with_reason(tmp_path: Path, capsys) -> None:
    bad = replace(BY_KEY["川崎市"], key="川崎市?", lat=1.0, lon=None, name_ja="存在しない",
                  name_en="Nowhere2", name_zh="不存在")
    assert main(["--data-dir", str(tmp_path)], queries=[KOBE, NOWHERE, bad]) == 1
    out = capsys.readouterr().out
    assert "Resolved 1 of 3 places." in out
    assert "架空市: no source knew it" in out
    assert "川崎市?: 存在しない (Nowhere2): the lat/lon given in the data file are invalid" in out


def test_cli_online_errors_are_reported(tmp_path: Path, capsys, closed_port: int) -> None:
    import functools

    from geopy.adapters import RequestsAdapter

    code = main(["--data-dir", str(tmp_path), "--online"], queries=[NOWHERE],
                domain=f"127.0.0.1:{closed_port}", scheme="http", timeout=0.3,
                adapter_factory=functools.partial(RequestsAdapter, max_retries=0))
    assert code == 1
    assert "架空市: 架空市 (Nowhereville): the online geocoding service is unavailable" in (
        capsys.readouterr().out)
    assert not (tmp_path / "geocache.csv").exists()


REPO = Path(__file__).resolve().parents[2]


def _core_place(name_ja: str, name_en: str, name_zh: str, lat: float | None = None, lon: float | None = None) -> Place:
    return Place(Names({"ja": name_ja, "en": name_en, "zh": name_zh}), PlaceKind.CITY, Country.JP,
                 Names({"ja": "兵庫県", "en": "Hyogo", "zh": "兵库县"}), "test", lat, lon)


def test_queries_from_core_places() -> None:
    places = {"神戸市": _core_place("神戸市", "Kobe", "神户市"), "手入力": _core_place("手入力", "Manual", "手动", 34.5, 135.0)}
    qs = queries_from_places(places)
    assert qs[0] == KOBE
    assert (qs[1].key, qs[1].lat, qs[1].lon, qs[1].kind, qs[1].country) == ("手入力", 34.5, 135.0, "city", "JP")


def test_coordinates_put_manual_lat_lon_first_and_do_not_cache_them(tmp_path: Path) -> None:
    places = {"神戸市": _core_place("神戸市", "Kobe", "神户市", 35.0, 135.0)}
    assert geocode.coordinates(places, tmp_path / "geocache.csv") == {"神戸市": (35.0, 135.0)}
    assert not (tmp_path / "geocache.csv").exists()


def _data_copy(tmp_path: Path) -> Path:
    for f in (REPO / "data").glob("*.csv"):
        if f.name != "geocache.csv":
            shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_cli_with_bad_data_exits_2_naming_the_problem(tmp_path: Path, capsys) -> None:
    folder = _data_copy(tmp_path)
    text = (folder / "partnerships.csv").read_text(encoding="utf-8")
    (folder / "partnerships.csv").write_text(text.replace("東京都,北京市", "東京都,架空市"), encoding="utf-8")
    assert main(["--data-dir", str(folder), "--refresh"]) == 2
    err = capsys.readouterr().err
    assert "partnerships.csv" in err and "line 2" in err and "架空市" in err
    assert not (folder / "geocache.csv").exists()


def test_cli_reads_the_data_folder_from_the_environment(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = _data_copy(tmp_path)
    monkeypatch.setenv("JCAIR_DATA_DIR", str(folder))
    assert main([]) == 0
    assert "Resolved 21 of 21 places." in capsys.readouterr().out
    assert len(read_cache(folder / "geocache.csv")) == 21


def test_committed_cache_covers_the_bundled_places() -> None:
    """data/geocache.csv must serve every place of data/ (else: run `make geocode`)."""
    from geo.cache import CacheSource

    queries = queries_from_places(load_dataset(REPO / "data").places)
    source = CacheSource(REPO / "data" / "geocache.csv")
    stale = [q.key for q in queries if q.lat is None and source.geocode(q) is None]
    assert stale == [], "data/geocache.csv is stale for these places: run `make geocode`"
    assert {q.key for q in queries} >= {q.key for q in PLACES}
