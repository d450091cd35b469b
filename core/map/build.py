"""`build_map`: the programme map of already filtered places and partnerships.

Pure and cheap (it runs on every Streamlit rerun): no Streamlit import, no I/O except the basemap
cache. Everything the map shows sits in a FEW GeoJSON layers (basemap, links, places, labels),
never one folium object per link: the same code carries the 25,917-link reference set.

Offline: the map loads only local assets (core.assets) and, when basemap="offline", contains no
http(s) URL at all. Online basemaps add exactly their tile URL and attribution link.
Safety: see encoding.py.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import folium

from core.assets import make_offline
from core.basemap import BASEMAPS, DEFAULT_BASEMAP, STYLES as BASEMAP_STYLES, offline_geojson
from core.map.elements import DivIconLayer, GeoJsonData, Legend, StyleVars, Tooltip, ViewMemory
from core.map.encoding import LatLon, collection_json, js_call, js_value, script_safe
from core.map.features import FIT_PADDING, ColorBy, category, link_features, place_features
from core.map.legend import legend_html
from core.map.projection import fit_zoom
from core.map.style import LINK_STYLES, LINK_WEIGHT, UNKNOWN_STYLE, css_vars, shape
from core.models import Partnership, Place, Stage

# The Japan–China area, framed when nothing is shown.
DEFAULT_BOUNDS: tuple[LatLon, LatLon] = ((22.0, 108.0), (45.5, 146.0))
NARROW_MAP_PX = 640  # below this width the legend starts folded
DEFAULT_WIDTH, DEFAULT_HEIGHT = 760, 640  # the page's map column on a 1280x720 projector
MAX_FIT_ZOOM = 9
FLY_SECONDS = 0.8  # a tour step's flight to its extent: under the 1 s a room waits without noticing


def build_map(
    places: Sequence[Place],
    partnerships: Sequence[Partnership],
    coords: Mapping[str, LatLon],
    *,
    lang: str = "ja",
    color_by: ColorBy = "relation",
    stage_of: Callable[[str], Stage] = lambda _key: Stage.NO_STATUS,
    basemap: str = DEFAULT_BASEMAP,
    selected: str | None = None,
    selected_link: str | None = None,
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    labels: bool | None = None,
    extent: tuple[LatLon, LatLon] | None = None,
    fill: bool = False,
) -> folium.Map:
    """The map of `places` and `partnerships` (already filtered by the page).

    A place is shown when it has coordinates in `coords` (geocode.places.coordinates: a manual lat/lon
    in the data already wins there); a link when both its ends have coordinates (its ends need not
    be in `places`). `selected` is a Place key, `selected_link` a Partnership key; both are
    highlighted. `width`/`height` are the map's size in pixels: labels are laid out for the zoom
    fitBounds picks at that size. `labels=None` shows labels up to features.LABEL_LIMIT places.
    An unknown `basemap` falls back to the offline one. `extent` ((south, west), (north, east), a tour
    step's) frames the map instead of the shown places; `fill` makes it as tall as its frame (the
    presenter view). The view is kept across reruns and flown to a new extent (ViewMemory).
    """
    shown = [(p, coords[p.key]) for p in places if p.key in coords]
    names = {p.key: p.names.get(lang) for p in places}
    links = [(p, coords[p.japan], coords[p.china]) for p in partnerships if p.japan in coords and p.china in coords]

    points = [c for _, c in shown] or [c for _, a, b in links for c in (a, b)] or list(DEFAULT_BOUNDS)
    if extent:
        points = list(extent)
    zoom = fit_zoom(points, width, height, FIT_PADDING)
    lats, lons = [c[0] for c in points], [c[1] for c in points]
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]
    m = folium.Map(
        location=[(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2],
        zoom_start=zoom,
        tiles=None,
        prefer_canvas=len(links) > 500,  # canvas draws thousands of lines faster than SVG
        control_scale=True,
    )
    make_offline(m)
    m.add_child(StyleVars(css_vars()), name="style_vars")
    legend, legend_size = legend_html({shape(p) for p, _ in shown},
                                      {category(p, color_by, stage_of) for p, _, _ in links}, color_by, lang)
    if legend:
        m.add_child(Legend(legend, NARROW_MAP_PX), name="legend")
    _add_basemap(m, basemap)

    link_feats = link_features(links, names, lang, color_by, stage_of, selected, selected_link)
    if link_feats:
        styles = {str(cat): {k: v for k, v in s.items() if v is not None} for cat, s in LINK_STYLES[color_by].items()}
        layer = GeoJsonData("links", collection_json(link_feats),
                            {"style": js_call("jcm.linkStyle", styles, UNKNOWN_STYLE, LINK_WEIGHT)})
        layer.add_child(Tooltip(sticky=True))
        m.add_child(layer, name="links")

    place_feats, label_feats = place_features(shown, lang, zoom, height, selected, labels, legend_size)
    if place_feats:
        layer = DivIconLayer("places", collection_json(place_feats), "placeIcon", z_offset=2000)
        layer.add_child(Tooltip(sticky=False, direction="top", offset=[0, -8]))
        m.add_child(layer, name="places")
    if label_feats:
        m.add_child(DivIconLayer("labels", collection_json(label_feats), "labelIcon", z_offset=1000), name="labels")
    m.fit_bounds(bounds, padding=(FIT_PADDING, FIT_PADDING), max_zoom=MAX_FIT_ZOOM)
    m.add_child(ViewMemory(bounds, FIT_PADDING, MAX_FIT_ZOOM, FLY_SECONDS, fill, bool(selected or selected_link)),
                name="view_memory")
    return m


def _add_basemap(m: folium.Map, key: str) -> None:
    bm = BASEMAPS.get(key) or BASEMAPS[DEFAULT_BASEMAP]
    if bm.online and bm.tiles:
        folium.TileLayer(tiles=bm.tiles, attr=bm.attribution, name=bm.key, max_zoom=18).add_to(m)
        return
    styles = {k: v for k, v in BASEMAP_STYLES.items() if isinstance(v, dict)}
    options = {"style": js_call("jcm.classStyle", styles), "interactive": False, "smoothFactor": 1.5,
               "attribution": js_value(html.escape(bm.attribution))}
    m.add_child(GeoJsonData("basemap", _basemap_json(), options), name="basemap")


@lru_cache(maxsize=1)
def _basemap_json() -> str:
    """The offline basemap, script-safe, encoded once per process (it is ~310 KB)."""
    return script_safe(offline_geojson())
