"""Offline basemap: what it holds, how big it is; the online registry."""

from __future__ import annotations

import json
from collections import Counter

import pytest
import shapely

from core.geography.outlines import MIN_PART_DEG2, offline_geojson
from core.view.basemaps import BASEMAPS, DEFAULT_BASEMAP


@pytest.fixture(scope="module")
def features() -> list[dict]:
    return json.loads(offline_geojson())["features"]


def test_payload_is_small():
    assert len(offline_geojson().encode("utf-8")) < 600_000


def test_holds_47_prefectures_and_chinas_provinces(features):
    counts = Counter(f["properties"]["c"] for f in features)
    assert counts["jp"] == 47
    codes = {f["properties"]["code"] for f in features if f["properties"]["c"] == "cn"}
    assert {"CN11", "CN12", "CN21", "CN31", "CN32", "CN44", "CN65", "CN81"} <= codes
    assert "CN71" not in codes  # Taiwan is not drawn as a Chinese province


@pytest.mark.parametrize("iso", ["KOR", "PRK", "RUS", "MNG", "VNM", "TWN"])
def test_neighbours_are_neutral(features, iso):
    classes = {f["properties"]["c"] for f in features if f["properties"]["code"] == iso}
    assert classes == {"other"}


def test_no_china_or_japan_country_outline(features):
    assert not {"CHN", "JPN"} & {f["properties"]["code"] for f in features}


def test_geometries_valid_and_no_tiny_parts(features):
    for f in features:
        geom = shapely.from_geojson(json.dumps(f["geometry"]))
        assert geom.is_valid, f["properties"]
        assert min(p.area for p in geom.geoms) >= MIN_PART_DEG2 * 0.5  # rounding may shave a bit


def test_no_south_china_sea_islets_in_fill(features):
    hainan = next(f for f in features if f["properties"]["code"] == "CN46")
    assert shapely.from_geojson(json.dumps(hainan["geometry"])).bounds[1] > 17.0


def test_file_cache_round_trip(tmp_path):
    offline_geojson.cache_clear()
    try:
        built = offline_geojson(tmp_path)
        assert len(list(tmp_path.glob("offline-basemap-*.geojson"))) == 1
        offline_geojson.cache_clear()
        assert offline_geojson(tmp_path) == built
    finally:
        offline_geojson.cache_clear()


def test_registry():
    assert DEFAULT_BASEMAP == "offline" and not BASEMAPS["offline"].online
    assert BASEMAPS["offline"].tiles is None
    for key, bm in BASEMAPS.items():
        assert bm.key == key
        assert set(bm.names) == {"ja", "en", "zh"} and all(bm.names.values())
        if bm.online:
            assert bm.tiles and bm.tiles.startswith("https://") and bm.attribution
    assert BASEMAPS["gsi_pale"].tiles == "https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png"
    assert "地理院タイル (国土地理院)" in BASEMAPS["gsi_pale"].attribution
    assert {"osm", "carto_positron", "gsi_pale"} <= set(BASEMAPS)
