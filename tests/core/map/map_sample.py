"""A small programme (10 places, 6 links) and readers of what a built map holds, shared by the
map's tests."""

from __future__ import annotations

import json

import folium

from core.data.models import Country, Names, Partnership, Place, PlaceKind, RelationType, Stage
from core.map.build import DYNAMIC, build_map
from core.map.legend import Legend
from core.map.map import GeoJsonData
from core.map.markers import DivIconLayer
from core.map.request import MapRequest
from core.map.vendor import PACKAGE_FILES
from core.map.view import Framing

COORDS = {
    "東京都": (35.6895, 139.6917), "川崎市": (35.531, 139.703), "神戸市": (34.690, 135.196),
    "四日市市": (34.965, 136.624), "北九州市": (33.883, 130.875), "北京市": (39.904, 116.407),
    "天津市": (39.125, 117.190), "上海市": (31.230, 121.474), "瀋陽市": (41.806, 123.432),
    "環境保護部": (39.904, 116.407),
}


def place(key: str, kind: PlaceKind, country: Country, en: str = "", note: str = "") -> Place:
    names = Names({"ja": key, "en": en or key, "zh": key})
    return Place(names, kind, country, names, "test", note=note)


PLACES = [
    place("東京都", PlaceKind.PREFECTURE, Country.JP, "Tokyo"),
    place("川崎市", PlaceKind.CITY, Country.JP, "Kawasaki"),
    place("神戸市", PlaceKind.CITY, Country.JP, "Kobe"),
    place("四日市市", PlaceKind.CITY, Country.JP, "Yokkaichi"),
    place("北九州市", PlaceKind.CITY, Country.JP, "Kitakyushu"),
    place("北京市", PlaceKind.MUNICIPALITY, Country.CN, "Beijing"),
    place("天津市", PlaceKind.MUNICIPALITY, Country.CN, "Tianjin"),
    place("上海市", PlaceKind.MUNICIPALITY, Country.CN, "Shanghai"),
    place("瀋陽市", PlaceKind.CITY, Country.CN, "Shenyang"),
    place("環境保護部", PlaceKind.NATIONAL_BODY, Country.CN, "Ministry of Environmental Protection"),
]
P = {p.key: p for p in PLACES}


def link(j: str, c: str, rel: RelationType = RelationType.FRIENDSHIP, year: int | None = 1980,
         note: str = "") -> Partnership:
    return Partnership(j, c, rel, "友好都市", year, "test", note=note)


LINKS = [
    link("東京都", "北京市"), link("川崎市", "瀋陽市"), link("四日市市", "天津市"), link("神戸市", "天津市"),
    link("北九州市", "上海市", RelationType.LOCAL_OFFICE, None),
    link("北九州市", "天津市", RelationType.ENVIRONMENTAL_EXCHANGE, None),
]
STAGES = {"北京市": Stage.IN_COORDINATION, "天津市": Stage.NEARLY_AGREED, "上海市": Stage.NEARLY_AGREED}


def stage_of(key: str) -> Stage:
    return STAGES.get(key, Stage.NO_STATUS)


def build(places=PLACES, links=LINKS, delivery=PACKAGE_FILES, **kw) -> folium.Map:
    kw.setdefault("stage_of", stage_of)
    return build_map(MapRequest(places, links, COORDS, **kw), delivery)


def elements(m: folium.Map) -> list:
    """The map's elements: its static children, then those of its dynamic part."""
    return [*m._children.values(), *m._children[DYNAMIC]._children.values()]


def framed(m: folium.Map) -> list[list[float]]:
    """The bounds the dynamic part frames the map on."""
    return next(c for c in elements(m) if isinstance(c, Framing)).bounds


def layers(m: folium.Map) -> dict[str, GeoJsonData | DivIconLayer]:
    """The map's GeoJSON layers by name (basemap, links, places, labels)."""
    return {c.layer_name: c for c in elements(m) if isinstance(c, GeoJsonData | DivIconLayer)}


def features(m: folium.Map, name: str) -> list[dict]:
    layer = layers(m).get(name)
    return json.loads(layer.data)["features"] if layer else []


def legend_html(m: folium.Map) -> str:
    """The legend's HTML, "" when the map has no legend."""
    legends = [c for c in elements(m) if isinstance(c, Legend)]
    return legends[0].legend_html if legends else ""
