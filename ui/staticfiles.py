"""How the app serves the map's files: copied into Streamlit's static folder (`<app>/static/`, served
at `<base>/app/static/`), and their URLs as the map's frame reaches them (core/map/vendor.py asks the
caller for them).

URL depth: st_folium's frame document is `<base>/component/streamlit_folium.st_folium/index.html`
(Streamlit's v1 component route `component/<name>/<file>`), so `../../app/static/...` resolves to
`<base>/app/static/...` whatever `server.baseUrlPath` is.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from common.atomicwrite import write_atomic
from core.geography.outlines import offline_geojson_file
from core.map.vendor import LEAFLET_FILES, MAP_ASSETS_DIR, leaflet_dir

APP_DIR = Path(__file__).resolve().parent.parent
STATIC_URL = "../../app/static/"  # the app's static folder, from the map's frame
FOLDERS = {"leaflet": Path("vendor") / "leaflet", "map": Path("map"), "basemap": Path("vendor") / "basemap"}


def served_url(folder: str, name: str) -> str:
    """The URL of an asset of the map (core.map.vendor.AssetUrl) in the app's static folder."""
    return f"{STATIC_URL}{FOLDERS[folder].as_posix()}/{name}"


@cache
def basemap_url(app_dir: Path = APP_DIR) -> str | None:
    """The offline basemap as a file the browser fetches (an online basemap's fallback, the offline
    one in the app); None where it could not be written (a read-only checkout: the page carries it).
    Written once per process, by the warm-up or the first map, whichever asks first."""
    path = offline_geojson_file(app_dir / "static" / FOLDERS["basemap"])
    return served_url("basemap", path.name) if path else None


def ensure_static_assets(app_dir: Path = APP_DIR) -> None:
    """Copy leaflet.js/.css and images/ into `<app_dir>/static/vendor/leaflet/`, and the map's
    own .js/.css into `<app_dir>/static/map/`.

    Idempotent and cheap: a file is copied only when missing or different, so calling this on
    every Streamlit rerun costs a few stat() calls and reads of our small files.
    """
    src = leaflet_dir()
    wanted = [Path(name) for name in LEAFLET_FILES]
    wanted += [Path("images") / p.name for p in sorted((src / "images").glob("*.png"))]
    _copy(src, app_dir / "static" / FOLDERS["leaflet"], wanted, compare_bytes=False)
    own = [Path(p.name) for p in sorted(MAP_ASSETS_DIR.iterdir()) if p.suffix in (".js", ".css")]
    _copy(MAP_ASSETS_DIR, app_dir / "static" / FOLDERS["map"], own, compare_bytes=True)


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
