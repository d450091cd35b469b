"""The map's files and how they reach the browser: Leaflet (xstatic-leaflet's copy) and the map's own
JS/CSS (assets/), named by the elements that need them, turned into URLs by the caller.

The venue often has no internet. folium's defaults point at CDNs, and st_folium stops at the first
script that fails to load, so offline the map silently never appears. No part of core names a web
route: an element declares the files it needs (`scripts`, `styles`: names in assets/), and the
caller's `Delivery` says where the page finds them: the app serves them from Streamlit's static folder
(ui/staticfiles.py), an export carries them inline (export/html.py), and by default (tests, a map
saved on this machine) they are the package's own files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import folium

# Leaflet 1.9.3: the version folium 0.20 is written against, and the one xstatic-leaflet 1.9.3.0 ships.
LEAFLET_FILES = ("leaflet.js", "leaflet.css")
MAP_ASSETS_DIR = Path(__file__).resolve().parent / "assets"

# (folder, file name) -> the URL the page loads it from. Folders: "leaflet" (leaflet_dir()), "map" (assets/).
AssetUrl = Callable[[str, str], str]


def leaflet_dir() -> Path:
    """Leaflet's dist folder inside the xstatic-leaflet package."""
    import xstatic.pkg.leaflet as xleaflet

    return Path(xleaflet.BASE_DIR)


def source(folder: str, name: str) -> Path:
    """The file behind an asset: Leaflet's or the map's own."""
    return {"leaflet": leaflet_dir, "map": lambda: MAP_ASSETS_DIR}[folder]() / name


def file_url(folder: str, name: str) -> str:
    """The package's own file, as a file: URL (the default: tests, a map saved on this machine)."""
    return source(folder, name).as_uri()


@dataclass(frozen=True)
class Delivery:
    """How the map's files reach the browser, the caller's choice: `url` for Leaflet's and the map's
    files; `basemap_url`, where the page fetches the offline basemap from (None: the page carries its
    ~310 KB); `publish_overlay`, the URL an imported overlay's data is fetched from (None: inline)."""

    url: AssetUrl = file_url
    basemap_url: str | None = None
    publish_overlay: Callable[[str], str] | None = None


PACKAGE_FILES = Delivery()  # the default: every file the package's own, the offline basemap inline


def make_offline(m: folium.Map, url: AssetUrl) -> folium.Map:
    """Point the map at Leaflet where `url` finds it, instead of folium's CDNs (no jQuery, no bootstrap).

    Per instance (not on the folium.Map class) so other maps in the process are untouched. Only
    use CircleMarker/GeoJson/GeoJsonTooltip/DivIcon on such a map: folium.Popup needs jQuery,
    folium.Icon bootstrap and font-awesome, and Leaflet's default marker its images, none of which
    is delivered.
    """
    m.default_js = [("leaflet", url("leaflet", "leaflet.js"))]
    m.default_css = [("leaflet_css", url("leaflet", "leaflet.css"))]
    return m
