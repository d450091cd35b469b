"""ui/staticfiles.py: the map's files copied once into Streamlit's static folder, their URLs relative to
the st_folium frame."""

from __future__ import annotations

from pathlib import Path

from core.map.vendor import MAP_ASSETS_DIR
from ui.staticfiles import basemap_url, ensure_static_assets, served_url

VENDOR_SUBDIR = Path("static") / "vendor" / "leaflet"
MAP_SUBDIR = Path("static") / "map"


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
    # The iframe is <base>/component/streamlit_folium.st_folium/index.html: ../../ is <base>/.
    assert served_url("leaflet", "leaflet.js") == "../../app/static/vendor/leaflet/leaflet.js"
    assert served_url("map", "jcm-map.js") == "../../app/static/map/jcm-map.js"  # beside Leaflet, same scheme
    assert served_url("basemap", "x.geojson") == "../../app/static/vendor/basemap/x.geojson"


def test_the_offline_basemap_is_served_as_a_file(tmp_path):
    url = basemap_url(tmp_path)
    assert url.startswith("../../app/static/vendor/basemap/offline-basemap-") and url.endswith(".geojson")
    served = tmp_path / "static" / "vendor" / "basemap" / url.rsplit("/", 1)[1]
    assert served.read_text(encoding="utf-8").startswith('{"type":"FeatureCollection"')


def test_no_basemap_url_where_the_file_cannot_be_written(tmp_path):
    (tmp_path / "static").write_text("a file where a folder should be")
    assert basemap_url(tmp_path) is None
