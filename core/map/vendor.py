"""Offline assets (Leaflet and the map's own JS/CSS) for folium maps shown through st_folium.

The venue often has no internet. folium's defaults point at CDNs, and st_folium stops at the first
script that fails to load, so offline the map silently never appears. We serve Leaflet (the only
library CircleMarker/GeoJson/GeoJsonTooltip/DivIcon need) from Streamlit's static folder instead,
and the map's own script and stylesheet (core/map/assets/) beside it, the same way.

URL depth: st_folium's iframe document is `<base>/component/streamlit_folium.st_folium/index.html`
(streamlit's v1 component route `component/<name>/<file>`), so `../../app/static/...` resolves to
`<base>/app/static/...` whatever `server.baseUrlPath` is.
"""

from __future__ import annotations

from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template

from common.atomicwrite import write_atomic

# Leaflet 1.9.3: the version folium 0.20 is written against, and the one xstatic-leaflet 1.9.3.0 ships.
VENDOR_SUBDIR = Path("static") / "vendor" / "leaflet"
# Relative to the st_folium component iframe (see module docstring).
STATIC_URL = "../../app/static/vendor/leaflet/"
_FILES = ("leaflet.js", "leaflet.css")
# The map's own assets (core.map.elements loads them), served the same way.
MAP_ASSETS_DIR = Path(__file__).resolve().parent / "assets"
MAP_SUBDIR = Path("static") / "map"
MAP_STATIC_URL = "../../app/static/map/"


def leaflet_dir() -> Path:
    """Leaflet's dist folder inside the xstatic-leaflet package."""
    import xstatic.pkg.leaflet as xleaflet

    return Path(xleaflet.BASE_DIR)


def ensure_static_assets(app_dir: Path) -> None:
    """Copy leaflet.js/.css and images/ into `<app_dir>/static/vendor/leaflet/`, and the map's
    own .js/.css into `<app_dir>/static/map/`.

    Idempotent and cheap: a file is copied only when missing or different, so calling this on
    every Streamlit rerun costs a few stat() calls and reads of our two small files.
    """
    src = leaflet_dir()
    wanted = [Path(name) for name in _FILES]
    wanted += [Path("images") / p.name for p in sorted((src / "images").glob("*.png"))]
    _copy(src, Path(app_dir) / VENDOR_SUBDIR, wanted, compare_bytes=False)
    own = [Path(p.name) for p in sorted(MAP_ASSETS_DIR.iterdir()) if p.suffix in (".js", ".css")]
    _copy(MAP_ASSETS_DIR, Path(app_dir) / MAP_SUBDIR, own, compare_bytes=True)


def _copy(src: Path, dest: Path, wanted: list[Path], *, compare_bytes: bool) -> None:
    """Copy the `wanted` files from `src` to `dest` unless the copy has the same size (and, with
    `compare_bytes`, content: our assets are edited in place, Leaflet's only by an upgrade)."""
    for rel in wanted:
        s, d = src / rel, dest / rel
        if d.exists() and d.stat().st_size == s.stat().st_size and (
                not compare_bytes or d.read_bytes() == s.read_bytes()):
            continue
        d.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(d, s.read_bytes())  # a concurrent session never serves half a file


def offline_js_css() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(default_js, default_css) for a folium Map: local Leaflet only, no jQuery/bootstrap."""
    return ([("leaflet", STATIC_URL + "leaflet.js")], [("leaflet_css", STATIC_URL + "leaflet.css")])


def make_offline(m: folium.Map) -> folium.Map:
    """Point the map at the local Leaflet and set `L.Icon.Default.imagePath`.

    Per instance (not on the folium.Map class) so other maps in the process are untouched. Only
    use CircleMarker/GeoJson/GeoJsonTooltip/DivIcon on such a map: folium.Popup needs jQuery and
    folium.Icon needs bootstrap/font-awesome, neither of which is served.
    """
    m.default_js, m.default_css = offline_js_css()
    m.add_child(_ImagePath(), name="leaflet_image_path")
    return m


class _ImagePath(MacroElement):
    """Sets `L.Icon.Default.imagePath` in the map script.

    A script macro (not a header <script>): st_folium only runs the elements' script macros and
    drops header scripts, so this is the one place that works both in st_folium and standalone.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "L.Icon.Default.imagePath = {{ this.path|tojson }};"
        "{% endmacro %}"
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ImagePath"
        self.path = STATIC_URL + "images/"
