"""core/map/vendor.py: the map's files named by file, turned into URLs by the caller; no CDN, no web route."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import pytest

from core.map.vendor import LEAFLET_FILES, MAP_ASSETS_DIR, file_url, make_offline, source


@pytest.mark.parametrize(("folder", "name"), [("leaflet", "leaflet.js"), ("leaflet", "leaflet.css"),
                                              ("map", "jcm-map.js"), ("map", "jcm-labels.js")])
def test_each_asset_is_a_file_of_the_package(folder, name):
    path = source(folder, name)
    assert path.is_file() and path.stat().st_size > 0
    assert file_url(folder, name) == path.as_uri()
    if folder == "map":
        assert path.parent == MAP_ASSETS_DIR


def test_leaflet_is_the_version_folium_is_written_against():
    assert "1.9.3" in source("leaflet", "leaflet.js").read_text(encoding="utf-8")[:400]
    assert LEAFLET_FILES == ("leaflet.js", "leaflet.css")


def test_an_offline_map_loads_leaflet_where_the_caller_says_and_nothing_else():
    m = make_offline(folium.Map(tiles=None, location=[35, 120], zoom_start=4), lambda folder, name: f"/{folder}/{name}")
    page = m.get_root().render()
    assert not re.findall(r"https?://", page)
    assert re.findall(r'<script src="([^"]+)"', page) == ["/leaflet/leaflet.js"]
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', page) == ["/leaflet/leaflet.css"]
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_other_maps_keep_folium_defaults():
    make_offline(folium.Map(tiles=None), file_url)
    assert any("http" in url for _, url in folium.Map.default_js)  # the class is untouched


def test_core_names_no_web_route():
    """Where the app serves its files is ui/staticfiles.py's; no module of core names the route."""
    core = Path(__file__).resolve().parents[3] / "core"
    assert [p for p in core.rglob("*.py") if "app/static" in p.read_text(encoding="utf-8")] == []
