"""Offline assets (Leaflet and the map's own JS/CSS): copied once, URLs relative to the st_folium iframe, no CDN."""

from __future__ import annotations

import re

import folium
import pytest

from core.map.vendor import (
    MAP_ASSETS_DIR,
    MAP_STATIC_URL,
    MAP_SUBDIR,
    STATIC_URL,
    VENDOR_SUBDIR,
    ensure_static_assets,
    make_offline,
    offline_js_css,
)


def test_copies_leaflet_and_images(tmp_path):
    ensure_static_assets(tmp_path)
    dest = tmp_path / VENDOR_SUBDIR
    for name in ("leaflet.js", "leaflet.css", "images/marker-icon.png", "images/layers.png"):
        assert (dest / name).stat().st_size > 0
    assert "1.9.3" in (dest / "leaflet.js").read_text(encoding="utf-8")[:400]


def test_copies_the_map_assets(tmp_path):
    ensure_static_assets(tmp_path)
    for name in ("jcm-map.js", "jcm-map.css"):
        assert (tmp_path / MAP_SUBDIR / name).read_bytes() == (MAP_ASSETS_DIR / name).read_bytes()
    assert MAP_STATIC_URL == "../../app/static/map/"  # beside Leaflet, same scheme


def test_an_edited_map_asset_of_the_same_size_is_copied_again(tmp_path):
    ensure_static_assets(tmp_path)
    js = tmp_path / MAP_SUBDIR / "jcm-map.js"
    js.write_bytes(b"x" * js.stat().st_size)
    ensure_static_assets(tmp_path)
    assert js.read_bytes() == (MAP_ASSETS_DIR / "jcm-map.js").read_bytes()


def test_idempotent_and_cheap(tmp_path):
    ensure_static_assets(tmp_path)
    copies = [tmp_path / VENDOR_SUBDIR / "leaflet.js", tmp_path / MAP_SUBDIR / "jcm-map.js"]
    before = [f.stat().st_mtime_ns for f in copies]
    ensure_static_assets(tmp_path)
    assert [f.stat().st_mtime_ns for f in copies] == before  # not rewritten
    assert not list((tmp_path / "static").rglob("*.tmp"))


def test_repairs_a_truncated_file(tmp_path):
    ensure_static_assets(tmp_path)
    css = tmp_path / VENDOR_SUBDIR / "leaflet.css"
    css.write_text("broken")
    ensure_static_assets(tmp_path)
    assert ".leaflet-container" in css.read_text(encoding="utf-8")


def test_urls_are_relative_to_the_component_iframe():
    js, css = offline_js_css()
    # The iframe is <base>/component/streamlit_folium.st_folium/index.html: ../../ is <base>/.
    assert STATIC_URL == "../../app/static/vendor/leaflet/"
    assert [u for _, u in js] == ["../../app/static/vendor/leaflet/leaflet.js"]
    assert [u for _, u in css] == ["../../app/static/vendor/leaflet/leaflet.css"]


@pytest.mark.parametrize("tiles", [None])
def test_offline_map_has_no_cdn_and_sets_image_path(tiles):
    m = make_offline(folium.Map(tiles=tiles, location=[35, 120], zoom_start=4))
    page = m.get_root().render()
    assert not re.findall(r"https?://", page)
    assert 'L.Icon.Default.imagePath = "../../app/static/vendor/leaflet/images/"' in page
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()


def test_other_maps_keep_folium_defaults():
    make_offline(folium.Map(tiles=None))
    assert any("http" in u for _, u in folium.Map.default_js)  # the class is untouched
