"""`build_map`: the programme map of already filtered places and partnerships.

Pure and cheap (it runs on every Streamlit rerun): no Streamlit import, no I/O except the basemap
cache. Everything the map shows sits in a FEW GeoJSON layers (basemap, links, places, labels),
never one folium object per link: the same code carries the 25,917-link reference set.

Two parts (ARCHITECTURE.md): the map itself is STATIC (the same script whatever the view, opening
on a fixed frame: st_folium keys its component by that script, so it is created once), and every
view-dependent element sits in one `DynamicLayer` child named "dynamic", which st_folium swaps on a
rerun without re-creating the map (`split_map`). An export renders the map in one piece.

Offline: the map loads only local assets (core.map.vendor) and, when basemap="offline", contains no
http(s) URL at all. Online basemaps add exactly their tile URL and attribution link.
Safety: see encoding.py.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence

import folium

from core.data.models import LatLon, Place
from core.geography.outlines import region_code, region_outlines
from core.map.basemap import BasemapFallback, MapChrome, OfflineBasemap, add_basemap
from core.map.encoding import collection_json, js_value, script_safe
from core.map.features import FIT_PADDING, category, link_features, place_features, ringed_regions
from core.map.ids import feature_id
from core.map.keyboard import Focusable
from core.map.labels import LabelLayout
from core.map.legend import Legend, legend_html, overlay_legend
from core.map.links import LinkLayer
from core.map.map import DynamicLayer, GeoJsonData, StaticAssets, StyleVars
from core.map.markers import DivIconLayer
from core.map.overlay import OverlayLayer, OverlayMap, OverlayOptions, overlay_options, source_name
from core.map.projection import fit_zoom
from core.map.request import MapRequest
from core.map.selection import Selection
from core.map.style import (
    FADED_OPACITY,
    HALO_COLOR,
    HALO_PX,
    HIT_PX,
    SELECTED_EXTRA_PX,
    SHADE_STYLE,
    css_vars,
    label_rules,
    shape,
)
from core.map.timeline import Timeline
from core.map.tooltip import Tooltip
from core.map.vendor import PACKAGE_FILES, Delivery, make_offline
from core.map.view import Framing, ViewMemory
from core.palette import LINK_STYLES, UNKNOWN_STYLE

# The Japan–China area, framed when nothing is shown.
DEFAULT_BOUNDS: tuple[LatLon, LatLon] = ((22.0, 108.0), (45.5, 146.0))
NARROW_MAP_PX = 640  # below this width the legend starts folded
MAX_FIT_ZOOM = 9
FLY_SECONDS = 0.8  # a tour step's flight to its extent: under the 1 s a room waits without noticing
CANVAS_LINKS = 500  # beyond this many links they draw on a canvas: faster than one SVG path each
DYNAMIC = "dynamic"  # the map's child holding the dynamic part
# Every element a map of this module may hold (an overlay's too, when there is one): their files load
# with the static part (StaticAssets), in this order.
ELEMENTS = (StyleVars, GeoJsonData, DivIconLayer, LinkLayer, LabelLayout, Focusable, Tooltip, Legend, Selection,
            Timeline, ViewMemory, Framing, MapChrome, OfflineBasemap, BasemapFallback)


def build_map(request: MapRequest, delivery: Delivery = PACKAGE_FILES) -> folium.Map:
    """The map `request` asks for (core/map/request.py says what each field draws), its files
    reaching the browser as the caller's `delivery` says (core/map/vendor.py: the app serves them and
    has the browser fetch the offline basemap and an overlay's data; an export carries everything)."""
    r = request
    places, partnerships, coords, lang = r.places, r.partnerships, r.coords, r.lang
    color_by, stage_of, selected, selected_link = r.color_by, r.stage_of, r.selected, r.selected_link
    changed, overlay, link_weight, fill = r.changed, r.overlay, r.link_weight, r.fill
    shown = [(p, coords[p.key]) for p in places if p.key in coords]
    names = {p.key: p.names.get(lang) for p in places}
    links = [(p, coords[p.japan], coords[p.china]) for p in partnerships if p.japan in coords and p.china in coords]

    ends = [c for _, a, b in links for c in (a, b)]
    points = list(r.frame or ()) or [c for _, c in shown] or ends or list(DEFAULT_BOUNDS)
    if r.extent:
        points = list(r.extent)
    lats, lons = [c[0] for c in points], [c[1] for c in points]
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]]
    m = static_map(r.basemap, lang, r.width, r.height, fill, delivery, overlay)
    group = DynamicLayer()
    m.add_child(group, name=DYNAMIC)
    rings = ringed_regions(shown)
    halo = r.changed_label if any(p.key in changed for p, _ in shown) else ""
    legend = legend_html({shape(p, p.key in rings) for p, _ in shown},
                        {category(p, color_by, stage_of) for p, _, _ in links}, color_by, lang, halo,
                        overlay_legend(source_name(overlay.overlay), lang) if overlay else "")
    if legend:
        group.add_child(Legend(legend, NARROW_MAP_PX), name="legend")
    _add_shading(group, places, r.shaded, selected)
    if overlay:
        group.add_child(OverlayOptions(overlay_options(overlay)), name="overlay_options")

    link_feats = link_features(links, names, lang, color_by, stage_of, selected, selected_link)
    if link_feats:
        styles = {str(cat): {k: v for k, v in s.items() if v is not None} for cat, s in LINK_STYLES[color_by].items()}
        layer = LinkLayer(collection_json(link_feats), {
            "styles": styles, "unknown": UNKNOWN_STYLE, "weight": link_weight, "selExtra": SELECTED_EXTRA_PX,
            "halo": HALO_PX, "haloColor": HALO_COLOR, "hit": HIT_PX, "faded": FADED_OPACITY,
            # the other links fade only around a selection that is drawn (the filters may leave it out)
            "dim": any(p.key == selected for p, _ in shown) or any(p.key == selected_link for p, _, _ in links),
            "canvas": len(links) > CANVAS_LINKS,
        })
        layer.add_child(Tooltip(sticky=True))
        layer.add_child(Focusable("link"))
        group.add_child(layer, name="links")

    place_feats, label_feats = place_features(shown, lang, stage_of, selected, r.labels, changed)
    if place_feats:
        places = DivIconLayer("places", collection_json(place_feats), "placeIcon", z_offset=2000)
        places.add_child(Tooltip(sticky=False, direction="top", offset=[0, -8]))
        places.add_child(Focusable("place"))
        group.add_child(places, name="places")
        if label_feats:
            label_layer = DivIconLayer("labels", collection_json(label_feats), "labelIcon", z_offset=1000)
            group.add_child(label_layer, name="labels")
            group.add_child(LabelLayout(places, label_layer, label_rules()), name="label_layout")
    years = [p.year for p, _, _ in links if p.year is not None]
    group.add_child(Timeline(["links"] if link_feats else [], [n for n in ("places", "labels") if n in group._children],
                             (min(years), max(years)) if years else None, r.timeline_year, lang), name="timeline")
    details_open = bool(selected or selected_link) or (overlay is not None and overlay.selected_link is not None)
    group.add_child(Framing(bounds, FIT_PADDING, MAX_FIT_ZOOM, FLY_SECONDS, fill, details_open), name="framing")
    chosen = feature_id("place", selected) if selected else feature_id("link", selected_link) if selected_link else None
    group.add_child(Selection("links" if link_feats else None, chosen), name="selection")
    return m


def static_map(basemap: str, lang: str, width: int, height: int, fill: bool, delivery: Delivery,
               overlay: OverlayMap | None = None) -> folium.Map:
    """The static part: the same for every view of one page, language, basemap and overlay. It opens
    on a fixed frame (DEFAULT_BOUNDS); the dynamic part's Framing frames the view. An overlay's
    data is here (1.25 MB for 25,917 links; in the app only the URL it is fetched from), its filter
    in the dynamic part."""
    (south, west), (north, east) = DEFAULT_BOUNDS
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=fit_zoom(list(DEFAULT_BOUNDS), width, height, FIT_PADDING),
        tiles=None,
        control_scale=False,  # basemap.MapChrome adds it in km only
    )
    make_offline(m, delivery.url)
    overlay_elements = (OverlayLayer, OverlayOptions) if overlay else ()
    m.add_child(StaticAssets(delivery.url, *ELEMENTS, *overlay_elements), name="assets")
    m.add_child(StyleVars(css_vars()), name="style_vars")
    add_basemap(m, basemap, lang, delivery.basemap_url)
    m.add_child(ViewMemory(fill), name="view_memory")
    if overlay:
        m.add_child(OverlayLayer(overlay.overlay, overlay.exclude, lang, delivery.publish_overlay), name="overlay")
    return m


def split_map(m: folium.Map) -> tuple[folium.Map, DynamicLayer]:
    """The map `build_map` made, as st_folium takes it: the static map and, apart, its dynamic part
    (`st_folium(static, feature_group_to_add=dynamic)`)."""
    group = m._children.pop(DYNAMIC)
    group._parent = None
    return m, group


def _add_shading(group: DynamicLayer, places: Sequence[Place], shaded: Collection[str], selected: str | None) -> None:
    """The shaded regions' outlines (from the offline basemap's geography), under the links."""
    regions = {p.region.ja: p for p in places}
    names = [n for n in shaded if n in regions]
    chosen = next((p for p in places if p.key == selected and p.kind.is_region), None)
    if chosen is not None:
        names.append(chosen.region.ja)
    codes = [region_code(str(regions[n].country), n, regions[n].region["zh"]) for n in names]
    outlines = region_outlines(c for c in codes if c)
    if outlines:
        shade = script_safe(json.dumps({"type": "FeatureCollection", "features": outlines}))
        group.add_child(GeoJsonData("shade", shade, {"style": js_value(SHADE_STYLE), "interactive": False}),
                        name="shade")

