"""The folium map of the programme: places, curved partnership links, labels and legends.

Pure and cheap (it runs on every Streamlit rerun): no Streamlit import, no I/O except the basemap
cache. Everything the map shows sits in a FEW GeoJson layers (basemap, links, places, labels),
never one folium object per link: the same code carries the 25,917-link reference set.

Safety: every data string (names, notes, wordings) is html.escape'd in Python and travels only as
a GeoJSON feature property, encoded by `_script_safe` (no `<`, `>`, `&`, and no Jinja start token
`{{`/`{%`/`{#`: branca re-renders element output as a Jinja template, so data containing
"{{ ... }}" passed to plain folium.GeoJson/Marker is EXECUTED server-side), and shown through a
tooltip function or DivIcon html. Never folium.Tooltip(str)/Popup(str): they put text into a
JavaScript template literal where `${...}` and backticks execute.

Offline: the map loads only the local Leaflet (core.assets) and, when basemap="offline", contains
no http(s) URL at all. Online basemaps add exactly their tile URL and attribution link.

Clicks (st_folium): call `st_folium(m, returned_objects=CLICK_RETURNS, ...)` and read
`clicked_id(returned)`. For a GeoJson layer st_folium puts the clicked feature, as
`layer.toGeoJSON()`, in `last_active_drawing`, so `returned["last_active_drawing"]["properties"]["id"]`
is "place:<Place.key>" for a place marker or its label and "link:<Partnership.key>" (that is
"link:<japan>–<china>", with an EN DASH) for a link. `last_object_clicked_tooltip` holds the
tooltip's text only (display text, not an identifier) and `last_object_clicked` the click's
lat/lng; neither is needed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any, Literal

import folium
from branca.element import MacroElement
from folium.utilities import JsCode
from jinja2 import Template

from core.arcs import arc_points, assign_bends
from core.assets import make_offline
from core.basemap import BASEMAPS, DEFAULT_BASEMAP, STYLES as BASEMAP_STYLES, offline_geojson
from core.i18n import label, t
from core.labels import (
    FONT_PX,
    LINE_PX,
    MARKER_PX,
    PAD_X,
    PAD_Y,
    Box,
    LabelInput,
    char_em,
    Placement,
    fit_zoom,
    initial_viewport,
    place_labels,
    spread_markers,
    project,
)
from core.models import Country, Partnership, Place, PlaceKind, RelationType, Stage

LatLon = tuple[float, float]
ColorBy = Literal["relation", "stage"]

# Above this many places, labels are omitted (tooltips only): the greedy layout costs ~0.1 ms
# per place pair-check and hundreds of labels cannot all be readable on one screen anyway.
LABEL_LIMIT = 200
# st_folium: only clicks rerun the app (pan/zoom do not); see module docstring for what to read.
CLICK_RETURNS = ["last_object_clicked_tooltip", "last_active_drawing", "last_object_clicked"]
# The Japan–China area, framed when nothing is shown.
DEFAULT_BOUNDS: tuple[LatLon, LatLon] = ((22.0, 108.0), (45.5, 146.0))
FIT_PADDING = 40
NARROW_MAP_PX = 640  # below this width the legend starts folded
DEFAULT_WIDTH, DEFAULT_HEIGHT = 760, 640  # the page's map column on a 1280x720 projector

# Link categories: colour (Okabe–Ito, colour-blind safe) AND dash pattern, so colour is never
# the only cue. Keys are enum values.
LINK_STYLES: dict[str, dict[str, dict[str, Any]]] = {
    "relation": {
        RelationType.FRIENDSHIP: {"color": "#E69F00", "dashArray": None},
        RelationType.LOCAL_OFFICE: {"color": "#009E73", "dashArray": "12 6"},
        RelationType.ENVIRONMENTAL_EXCHANGE: {"color": "#CC79A7", "dashArray": "2 7"},
        RelationType.COOPERATION_REQUEST: {"color": "#555555", "dashArray": "10 5 2 5"},
    },
    "stage": {
        Stage.NEARLY_AGREED: {"color": "#009E73", "dashArray": None},
        Stage.PLATFORM_AGREED: {"color": "#0072B2", "dashArray": "14 5"},
        Stage.IN_COORDINATION: {"color": "#E69F00", "dashArray": "8 6"},
        Stage.CONSULTATION_PLANNED: {"color": "#CC79A7", "dashArray": "3 6"},
        Stage.MISSION_PLANNED: {"color": "#D55E00", "dashArray": "10 5 2 5"},
        Stage.NO_STATUS: {"color": "#8C8C8C", "dashArray": "1 6"},
    },
}
_UNKNOWN_STYLE = {"color": "#8C8C8C", "dashArray": "4 4"}
LINK_WEIGHT = 3.5

# Place shapes: JP = red circles, CN = blue squares, national bodies = diamonds; regions are
# larger hollow rings, cities filled.
JP_COLOR, CN_COLOR = "#C62828", "#1F4FB5"
SHAPES = ("jp_city", "jp_region", "jp_body", "cn_city", "cn_region", "cn_body")

_CSS = f"""
.leaflet-container {{ background: {BASEMAP_STYLES["sea"]}; }}
.jcm-mk {{ background: none; border: none; }}
.jcm-s {{ position: absolute; box-sizing: border-box; }}
.jcm-jp_city, .jcm-cn_city {{ width: 13px; height: 13px; margin: -6.5px 0 0 -6.5px; border: 2px solid #fff; }}
.jcm-jp_region, .jcm-cn_region {{ width: {MARKER_PX}px; height: {MARKER_PX}px;
  margin: -{MARKER_PX / 2}px 0 0 -{MARKER_PX / 2}px; background: #fff; border: 4px solid; }}
.jcm-jp_body, .jcm-cn_body {{ width: 12px; height: 12px; margin: -6px 0 0 -6px; transform: rotate(45deg);
  border: 2px solid #fff; }}
.jcm-jp_city, .jcm-jp_region, .jcm-jp_body {{ border-radius: 50%; }}
.jcm-jp_body {{ border-radius: 2px; }}
.jcm-jp_city, .jcm-jp_body {{ background: {JP_COLOR}; }}
.jcm-cn_city, .jcm-cn_body {{ background: {CN_COLOR}; }}
.jcm-jp_region {{ border-color: {JP_COLOR}; }}
.jcm-cn_region {{ border-color: {CN_COLOR}; }}
.jcm-s {{ box-shadow: 0 0 0 1px rgba(0,0,0,.45); }}
.jcm-sel {{ box-shadow: 0 0 0 3px #FFD600, 0 0 0 5px #000; }}
.jcm-lb {{ position: absolute; box-sizing: border-box; padding: {PAD_Y}px {PAD_X}px;
  font: 600 {FONT_PX}px/{LINE_PX}px "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Microsoft YaHei",
  "PingFang SC", sans-serif;
  color: #111; background: rgba(255,255,255,.88); border-radius: 3px; text-align: center;
  white-space: nowrap; text-shadow: 0 0 2px #fff, 0 0 2px #fff; }}
.jcm-lb.jcm-wrap {{ white-space: normal; overflow-wrap: break-word; }}
.jcm-lb.jcm-sel {{ background: #FFF59D; }}
.jcm-ld {{ position: absolute; left: 0; top: 0; overflow: visible; }}
.jcm-legend {{ background: rgba(255,255,255,.94); padding: 6px 9px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 13px/1.35 sans-serif; color: #111; max-width: 260px; }}
.jcm-legend h4 {{ margin: 2px 0 3px; font-size: 13px; }}
.jcm-legend summary {{ cursor: pointer; font-weight: 600; }}
.jcm-legend .row {{ display: flex; align-items: center; gap: 6px; margin: 1px 0; }}
.jcm-legend .mk {{ position: relative; width: 22px; height: 20px; flex: none; }}
.jcm-legend .mk .jcm-s {{ left: 11px; top: 10px; }}
"""

# Leaflet options as JavaScript: style links by category, draw places/labels as DivIcons.
_LINK_STYLE_JS = """function(f) {
  var s = Object.assign({weight: %(w)s, opacity: 0.9, lineCap: 'round'}, %(styles)s[f.properties.cat] || %(unknown)s);
  if (f.properties.sel) { s.weight = %(w)s + 3; s.opacity = 1; }
  return s;
}"""
# Icons per feature and zoom: `jcmPick` chooses the layout (property L) for the current zoom.
_PICK_JS = """function jcmPick(lay, z) {
  var best = null, bestZ = -1, low = null, lowZ = 99;
  for (var k in lay) { var n = +k; if (n <= z && n > bestZ) { bestZ = n; best = lay[k]; } if (n < lowZ) { lowZ = n; low = lay[k]; } }
  return best || low;
}"""
_PLACE_ICON_JS = """function(f, z) {
  var p = f.properties, r = jcmPick(p.L, z);
  return L.divIcon({className: 'jcm-mk', iconSize: [0, 0],
    html: '<div class="jcm-s jcm-' + p.shape + (p.sel ? ' jcm-sel' : '') + '" style="left:' + r[0] + 'px;top:' + r[1] + 'px"></div>'});
}"""
# p.t is html-escaped in Python; every other value is a number we computed.
_LABEL_ICON_JS = """function(f, z) {
  var p = f.properties, r = jcmPick(p.L, z), lead = '';
  if (r[5]) {
    lead = '<svg class="jcm-ld" width="1" height="1"><line x1="' + r[0] + '" y1="' + r[1] + '" x2="' + r[6] +
      '" y2="' + r[7] + '" stroke="#333" stroke-width="1.5"/></svg>';
  }
  return L.divIcon({className: 'jcm-mk', iconSize: [0, 0],
    html: lead + '<div class="jcm-lb' + (p.sel ? ' jcm-sel' : '') + (r[8] ? ' jcm-wrap' : '') + '" style="left:' +
      r[2] + 'px;top:' + r[3] + 'px;' + (r[8] ? 'width:' : 'min-width:') + r[4] + 'px">' + p.t + '</div>'});
}"""


def _js_json(value: object) -> str:
    """JSON safe to embed in a <script>: no '<', '>', '&' can close the tag or start markup.

    (JSON itself keeps backslashes, quotes and `${` inert: the result is data, not code.)
    """
    return _script_safe(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _shape(place: Place) -> str:
    country = "jp" if place.country == Country.JP else "cn"
    if place.kind == PlaceKind.NATIONAL_BODY:
        return f"{country}_body"
    return f"{country}_region" if place.kind.is_region else f"{country}_city"


def _category(p: Partnership, color_by: ColorBy, stage_of: Callable[[str], Stage]) -> str:
    return str(p.relation) if color_by == "relation" else str(stage_of(p.china))


def _category_label(cat: str, lang: str) -> str:
    try:
        return label(cat, lang)
    except KeyError:  # a category i18n does not know yet: show its code
        return cat


def _place_tip(place: Place, lang: str) -> str:
    parts = [f"<b>{html.escape(place.names.get(lang))}</b>",
             html.escape(f"{label(place.kind, lang)} · {label(place.country, lang)}")]
    if place.note:
        parts.append(html.escape(place.note))
    return "<br>".join(parts)


def _link_tip(p: Partnership, names: Mapping[str, str], lang: str, stage: Stage) -> str:
    head = f"<b>{html.escape(names.get(p.japan, p.japan))} – {html.escape(names.get(p.china, p.china))}</b>"
    rel = label(p.relation, lang)
    if p.year is not None:
        rel += f" ({t('map.tip.year', lang, year=p.year)})"
    parts = [head, html.escape(rel), html.escape(t("map.tip.stage", lang, stage=label(stage, lang)))]
    if p.note:
        parts.append(html.escape(p.note))
    return "<br>".join(parts)


def _point_json(lat: float, lon: float) -> str:
    return '{"type":"Point","coordinates":[%s,%s]}' % (round(lon, 4), round(lat, 4))  # 4 decimals ~ 10 m


@lru_cache(maxsize=65_536)
def _arc_json(a: LatLon, b: LatLon, bend: float) -> str:
    """A link's geometry as GeoJSON text, cached with the arc: reruns skip rounding and encoding."""
    coords = ",".join("[%s,%s]" % (round(lon, 4), round(lat, 4)) for lat, lon in arc_points(a, b, bend=bend))
    return '{"type":"LineString","coordinates":[%s]}' % coords


def _feature_json(props: Mapping[str, Any], geometry_json: str) -> str:
    return '{"type":"Feature","properties":%s,"geometry":%s}' % (_js_json(props), geometry_json)


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
) -> folium.Map:
    """The map of `places` and `partnerships` (already filtered by the page).

    A place is shown when it has coordinates in `coords` (geo.geocode.coordinates: a manual lat/lon
    in the data already wins there); a link when both its ends have coordinates (its ends need not
    be in `places`). `selected` is a Place key,
    `selected_link` a Partnership key; both are highlighted. `width`/`height` are the map's size
    in pixels: labels are laid out for the zoom fitBounds picks at that size. `labels=None` shows
    labels up to LABEL_LIMIT places. An unknown `basemap` falls back to the offline one.
    """
    shown = [(p, coords[p.key]) for p in places if p.key in coords]
    names = {p.key: p.names.get(lang) for p in places}
    links = [(p, coords[p.japan], coords[p.china]) for p in partnerships if p.japan in coords and p.china in coords]

    points = [c for _, c in shown] or list(DEFAULT_BOUNDS)
    if not shown:  # only links' ends (or nothing): frame those, or the Japan–China area
        points = [c for _, a, b in links for c in (a, b)] or list(DEFAULT_BOUNDS)
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
    legend, legend_size = _legend_html(shown, links, color_by, stage_of, lang)
    m.add_child(_Chrome(_CSS, legend), name="jcm_chrome")
    _add_basemap(m, basemap)

    # Links: one GeoJson layer, styled per category by a small JS table.
    bends = assign_bends([(p.japan, p.china) for p, _, _ in links])
    link_feats: list[str] = []
    for (p, a, b), bend in zip(links, bends):
        props: dict[str, Any] = {
            "id": f"link:{p.key}",
            "cat": _category(p, color_by, stage_of),
            "tip": _link_tip(p, names, lang, stage_of(p.china)),
        }
        if selected_link == p.key or (selected is not None and selected in (p.japan, p.china)):
            props["sel"] = 1
        link_feats.append(_feature_json(props, _arc_json(a, b, bend)))
    styles = {cat: {k: v for k, v in s.items() if v is not None} for cat, s in LINK_STYLES[color_by].items()}
    style_js = _LINK_STYLE_JS % {"w": LINK_WEIGHT, "styles": _js_json({str(k): v for k, v in styles.items()}),
                                 "unknown": _js_json(_UNKNOWN_STYLE)}
    if link_feats:
        m.add_child(_Layer("links", link_feats, {"style": JsCode(style_js)}, tooltip={"sticky": True}), name="links")

    # Places and labels at the zoom fitBounds will pick.
    place_feats, label_feats = _place_features(shown, lang, zoom, width, height, selected, labels, legend_size)
    if place_feats:
        m.add_child(_Layer("places", place_feats, {}, tooltip={"sticky": False, "direction": "top", "offset": [0, -8]},
                           icon_js=_PLACE_ICON_JS, z_offset=2000), name="places")
    if label_feats:
        m.add_child(_Layer("labels", label_feats, {}, icon_js=_LABEL_ICON_JS, z_offset=1000), name="labels")
    m.fit_bounds(bounds, padding=(FIT_PADDING, FIT_PADDING), max_zoom=9)
    return m


def _layout_zooms(zoom: int) -> list[int]:
    """Zooms to lay labels out for: the one fitBounds picks at the given size, two below (the
    page's real container is often narrower than it says) and one above. The browser uses the
    layout of the largest zoom <= its current one; higher zooms only spread places further apart."""
    return sorted({max(2, min(9, z)) for z in (zoom - 2, zoom - 1, zoom, zoom + 1)})


def _place_features(
    shown: Sequence[tuple[Place, LatLon]], lang: str, zoom: int, width: int, height: int,
    selected: str | None, labels: bool | None, legend_size: tuple[float, float] = (0.0, 0.0),
) -> tuple[list[str], list[str]]:
    """Place markers (fanned out where they coincide) and, up to LABEL_LIMIT, their labels, as
    GeoJSON feature texts. Marker offsets and label boxes come per layout zoom: property `L` maps
    zoom -> [marker dx, marker dy] (places) or [mdx, mdy, dx, dy, width, leader, lx, ly, wrap]."""
    if labels is None:
        labels = len(shown) <= LABEL_LIMIT
    points = [c for _, c in shown]
    layouts: dict[int, dict[str, list[float]]] = {}  # zoom -> place key -> layout row
    if shown and len(shown) <= LABEL_LIMIT:
        for z in _layout_zooms(zoom):
            if labels:
                x0, _ = project(0.0, min(c[1] for c in points), z)
                x1, _ = project(0.0, max(c[1] for c in points), z)
                # The tight width (the places' extent plus fitBounds' padding), never the nominal
                # `width`: the page's column is often narrower, and Leaflet then keeps this zoom
                # while cutting off labels that were placed in the nominal width's margins.
                vp_width = int(x1 - x0) + 2 * FIT_PADDING
                viewport = initial_viewport(points, z, vp_width, height)
                lw, lh = legend_size  # the legend sits in the bottom-right corner (10 px margins)
                legend_box = Box(viewport.x1 - lw - 10, viewport.y1 - lh - 10, viewport.x1, viewport.y1)
                placed = place_labels([LabelInput(p.key, *c, p.names.get(lang)) for p, c in shown], z, viewport,
                                      obstacles=[legend_box] if lw else [])
                layouts[z] = {k: _label_row(pl) for k, pl in placed.items()}
            else:
                moves = spread_markers([project(*c, z) for c in points])
                layouts[z] = {p.key: [round(dx, 1), round(dy, 1)] for (p, _), (dx, dy) in zip(shown, moves)}
    place_feats: list[str] = []
    label_feats: list[str] = []
    for p, c in shown:
        sel = p.key == selected
        rows = {str(z): lay[p.key] for z, lay in layouts.items()}
        props: dict[str, Any] = {"id": f"place:{p.key}", "tip": _place_tip(p, lang), "shape": _shape(p),
                                 "L": {z: row[:2] for z, row in rows.items()} or {"0": [0, 0]}}
        if sel:
            props["sel"] = 1
        point = _point_json(*c)
        place_feats.append(_feature_json(props, point))
        if labels and rows:
            lprops: dict[str, Any] = {"id": f"place:{p.key}", "t": html.escape(p.names.get(lang)), "L": rows}
            if sel:
                lprops["sel"] = 1
            label_feats.append(_feature_json(lprops, point))
    return place_feats, label_feats


def _label_row(pl: Placement) -> list[float]:
    """[marker dx, marker dy, box dx, box dy, box width, leader, leader end x, y, wraps]."""
    mx, my = pl.marker_dx, pl.marker_dy
    lx = min(max(mx, pl.dx), pl.dx + pl.width)  # the leader ends at the box's nearest point
    ly = min(max(my, pl.dy), pl.dy + pl.height)
    return [mx, my, pl.dx, pl.dy, pl.width, int(pl.leader), round(lx, 1), round(ly, 1), int(pl.lines > 1)]


def _add_basemap(m: folium.Map, key: str) -> None:
    bm = BASEMAPS.get(key) or BASEMAPS[DEFAULT_BASEMAP]
    if bm.online and bm.tiles:
        folium.TileLayer(tiles=bm.tiles, attr=bm.attribution, name=bm.key, max_zoom=18).add_to(m)
        return
    style = JsCode("function(f) { return %s[f.properties.c]; }" % _js_json(
        {k: v for k, v in BASEMAP_STYLES.items() if isinstance(v, dict)}))
    options = {"style": style, "interactive": False, "smoothFactor": 1.5, "attribution": html.escape(bm.attribution)}
    m.add_child(_Layer("basemap", None, options, data_json=_basemap_json()), name="basemap")


@lru_cache(maxsize=1)
def _basemap_json() -> str:
    """The offline basemap, script-safe, encoded once per process (it is ~310 KB)."""
    return _script_safe(offline_geojson())


class _Layer(MacroElement):
    """One L.geoJson layer whose data is embedded as prepared JSON text.

    Why not folium.GeoJson: it re-encodes the whole FeatureCollection through Jinja's `tojson` and
    scans it on every render (4.5 s for 25,917 links); here each feature is encoded once (link
    geometries are cached) and joined. The tooltip shows the html-escaped `tip` property exactly as
    GeoJsonTooltip(fields=["tip"], labels=False) would, through a function (never a template
    literal), so st_folium still reports `last_object_clicked_tooltip`.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
{%- if this.icon_js %}
var {{ this.get_name() }}_icon = {{ this.icon_js }};
var {{ this.get_name() }} = L.geoJson({{ this.data }}, Object.assign({{ this.options }}, {
  pointToLayer: function(f, latlng) {
    return L.marker(latlng, {keyboard: false, zIndexOffset: {{ this.z_offset }} + (f.properties.sel ? 1000 : 0),
                             icon: {{ this.get_name() }}_icon(f, {{ this._parent.get_name() }}.getZoom())});
  }
}));
{%- else %}
var {{ this.get_name() }} = L.geoJson({{ this.data }}, {{ this.options }});
{%- endif %}
{%- if this.tooltip %}
{{ this.get_name() }}.bindTooltip(function(layer) {
  var div = L.DomUtil.create('div');
  div.innerHTML = layer.feature.properties.tip;
  return div;
}, {{ this.tooltip }});
{%- endif %}
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{%- if this.icon_js %}
{{ this._parent.get_name() }}.on('zoomend', function() {
  var z = {{ this._parent.get_name() }}.getZoom();
  {{ this.get_name() }}.eachLayer(function(l) { l.setIcon({{ this.get_name() }}_icon(l.feature, z)); });
});
{%- endif %}
{% endmacro %}"""
    )

    def __init__(
        self, layer_name: str, features: Sequence[str] | None, options: Mapping[str, Any],
        tooltip: Mapping[str, Any] | None = None, data_json: str | None = None,
        icon_js: str | None = None, z_offset: int = 0,
    ) -> None:
        """`icon_js`: JS function(feature, zoom) -> L.divIcon; points become markers with it,
        refreshed on every zoom (layouts are per zoom)."""
        super().__init__()
        self._name = "GeoJsonLayer"
        self.layer_name = layer_name
        self.count = len(features) if features is not None else None
        self.data = data_json if data_json is not None else '{"type":"FeatureCollection","features":[%s]}' % ",".join(features or ())
        # Names are resolved in the template, at render time: st_folium renames elements
        # (geo_json_layer_<hex> -> geo_json_layer_div_<n>) and re-renders them.
        self.icon_js = icon_js
        self.z_offset = int(z_offset)
        self.options = _js_object(options)
        self.tooltip = _js_object({"className": "foliumtooltip", **tooltip}) if tooltip is not None else ""


def _js_object(options: Mapping[str, Any]) -> str:
    """A JS object literal: JsCode values verbatim (our code), everything else as safe JSON."""
    items = [f"{json.dumps(k)}: {v.js_code if isinstance(v, JsCode) else _js_json(v)}" for k, v in options.items()]
    return "{" + ", ".join(items) + "}"


_JINJA_START = re.compile(r"\{(?=[{%#])")


def _script_safe(text: str) -> str:
    """JSON text made inert in a <script> AND in a Jinja template.

    `<`, `>`, `&` are \\u-escaped so data cannot close the script or start markup. `{` before `{`,
    `%` or `#` is \\u-escaped too: branca renders each element's script output AGAIN as a Jinja
    template (Element(Template(...))), so a name like "{{ 7*7 }}" would otherwise run on the
    server (measured: it does with plain folium.GeoJson data). In compact JSON such a `{` can
    only sit inside a string, where \\u007b decodes back to `{`.
    """
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _JINJA_START.sub(r"\\u007b", text)


def _swatch_line(style: Mapping[str, Any]) -> str:
    dash = f' stroke-dasharray="{html.escape(style["dashArray"])}"' if style.get("dashArray") else ""
    return (f'<svg width="38" height="12" style="flex:none"><line x1="2" y1="6" x2="36" y2="6" '
            f'stroke="{html.escape(style["color"])}" stroke-width="{LINK_WEIGHT}" stroke-linecap="round"{dash}/></svg>')


def _legend_html(
    shown: Sequence[tuple[Place, LatLon]], links: Sequence[tuple[Partnership, LatLon, LatLon]],
    color_by: ColorBy, stage_of: Callable[[str], Stage], lang: str,
) -> tuple[str, tuple[float, float]]:
    """Legend of ONLY the place shapes and link categories present, in the chosen language, and
    its estimated size in pixels (labels keep clear of it)."""
    out: list[str] = []
    texts: list[str] = []  # row texts, for the size estimate
    heads = 0
    shapes = {_shape(p) for p, _ in shown}
    if shapes:
        heads += 1
        texts.append(t("map.legend.places", lang))
        out.append(f"<h4>{html.escape(t('map.legend.places', lang))}</h4>")
        for shape in SHAPES:
            if shape in shapes:
                texts.append(t("map.shape." + shape, lang))
                out.append(f'<div class="row"><span class="mk"><span class="jcm-s jcm-{shape}"></span></span>'
                           f"{html.escape(t('map.shape.' + shape, lang))}</div>")
    cats = {_category(p, color_by, stage_of) for p, _, _ in links}
    if cats:
        heads += 1
        texts.append(t("map.legend." + color_by, lang))
        out.append(f"<h4>{html.escape(t('map.legend.' + color_by, lang))}</h4>")
        order = [str(k) for k in LINK_STYLES[color_by]] + sorted(cats - {str(k) for k in LINK_STYLES[color_by]})
        for cat in order:
            if cat in cats:
                style = LINK_STYLES[color_by].get(cat, _UNKNOWN_STYLE)  # type: ignore[call-overload]
                texts.append(_category_label(cat, lang))
                out.append(f'<div class="row">{_swatch_line(style)}{html.escape(_category_label(cat, lang))}</div>')
    if not out:
        return "", (0.0, 0.0)
    widest = max(sum(char_em(ch) for ch in text) * 13 for text in texts)
    width = min(260.0, widest + 44 + 6 + 18)  # text + swatch + gap + padding (CSS max-width 260)
    height = 12 + 21 * heads + 20 * (len(texts) - heads)
    # <details open>: a presenter can fold the legend away when it hides something.
    summary = f"<summary>{html.escape(t('map.legend', lang))}</summary>"
    return f"<details open>{summary}{''.join(out)}</details>", (width, height + 18)


class _Chrome(MacroElement):
    """Our CSS and the legend, injected from the map script.

    A script macro, not header/html elements: st_folium runs only the elements' scripts (it
    strips header scripts), so this works both inside st_folium and in a standalone render.
    The CSS and legend HTML are ours and arrive as escaped JSON strings.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
{{ this.pick_js }}
(function() {
  var css = document.createElement('style');
  css.textContent = {{ this.css }};
  document.head.appendChild(css);
  var html = {{ this.legend }};
  if (html) {
    var legend = L.control({position: 'bottomright'});
    legend.onAdd = function() {
      var div = L.DomUtil.create('div', 'jcm-legend');
      div.innerHTML = html;
      // A narrow map (a projector at 1280 px with the sidebar open) starts with the legend
      // folded, so that it hides no label; one click unfolds it.
      var details = div.querySelector('details');
      if (details && {{ this._parent.get_name() }}.getSize().x < {{ this.narrow_px }}) { details.open = false; }
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    legend.addTo({{ this._parent.get_name() }});
  }
})();
{% endmacro %}"""
    )

    def __init__(self, css: str, legend_html: str) -> None:
        super().__init__()
        self._name = "JcmChrome"
        self.css = _js_json(css)
        self.pick_js = _PICK_JS
        self.legend = _js_json(legend_html)
        self.narrow_px = NARROW_MAP_PX


def clicked_id(returned: Mapping[str, Any] | None) -> str | None:
    """The `id` of the feature the user clicked ("place:<key>" or "link:<japan>–<china>"), or None.

    Reads st_folium's `last_active_drawing` (the clicked GeoJSON feature with its properties).
    """
    if not returned:
        return None
    feature = returned.get("last_active_drawing") or {}
    props = feature.get("properties") if isinstance(feature, Mapping) else None
    fid = props.get("id") if isinstance(props, Mapping) else None
    return fid if isinstance(fid, str) and fid.startswith(("place:", "link:")) else None
