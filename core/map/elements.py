"""One folium element per Leaflet concept the map uses; their JavaScript is in assets/jcm-map.js.

Each element is a MacroElement whose template (folium's `Template`, with its `tojavascript`
filter) only wires data to a function of the asset. Names are resolved in the template, at
render time: st_folium renames elements (geo_json_layer_<hex> -> geo_json_layer_div_<n>) and
re-renders them. Every element loads the map's own JS and CSS like Leaflet is loaded (relative
URLs into the app's static folder, see core.assets), through folium's `default_js`/`default_css`.

Why not folium.GeoJson: it re-encodes the whole FeatureCollection through Jinja's `tojson` and
scans it on every render (4.5 s for 25,917 links); these layers take prepared JSON text from
encoding.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from folium.elements import JSCSSMixin
from folium.template import Template
from folium.utilities import JsCode

from core.assets import MAP_STATIC_URL
from core.map.encoding import js_value
from core.map.style import PRESENTER_RESERVE_PX


class _MapElement(JSCSSMixin):
    """An element that needs the map's own script and stylesheet."""

    default_js = [("jcm_map_js", MAP_STATIC_URL + "jcm-map.js")]
    default_css = [("jcm_map_css", MAP_STATIC_URL + "jcm-map.css")]


class StyleVars(_MapElement):
    """The CSS custom properties the stylesheet reads, set once on the map container."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.styleVars({{ this._parent.get_name() }}, {{ this.vars|tojavascript }});
{% endmacro %}""")

    def __init__(self, css_vars: Mapping[str, str]) -> None:
        super().__init__()
        self._name = "StyleVars"
        self.vars = js_value(dict(css_vars))


class GeoJsonData(_MapElement):
    """An L.geoJson layer of prepared, script-safe GeoJSON text (`data_json`, from encoding.py)."""

    _template = Template("""{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.geoJson({{ this.data }}, {{ this.options|tojavascript }})
  .addTo({{ this._parent.get_name() }});
{% endmacro %}""")

    def __init__(self, layer_name: str, data_json: str, options: Mapping[str, Any]) -> None:
        super().__init__()
        self._name = "GeoJsonLayer"
        self.layer_name = layer_name
        self.data = data_json
        self.options = dict(options)


class DivIconLayer(_MapElement):
    """Point features as DivIcon markers drawn by `icon` (jcm.placeIcon or jcm.labelIcon)."""

    _template = Template("""{% macro script(this, kwargs) %}
var {{ this.get_name() }} = jcm.iconLayer({{ this.data }}, {{ this.icon|tojavascript }},
  {{ this.z_offset|tojavascript }}).addTo({{ this._parent.get_name() }});
{% endmacro %}""")

    ICONS = ("placeIcon", "labelIcon")

    def __init__(self, layer_name: str, data_json: str, icon: str, z_offset: int) -> None:
        super().__init__()
        if icon not in self.ICONS:
            raise ValueError(f"unknown icon {icon!r}, expected one of {self.ICONS}")
        self._name = "GeoJsonLayer"
        self.layer_name = layer_name
        self.data = data_json
        self.icon = JsCode(f"jcm.{icon}")
        self.z_offset = int(z_offset)


class _AccessElement(JSCSSMixin):
    """An element that needs the map's label layout and keyboard script (assets/jcm-labels.js)."""

    default_js = [("jcm_labels_js", MAP_STATIC_URL + "jcm-labels.js")]


class LabelLayout(_AccessElement):
    """Lays the `labels` layer's labels out beside the `places` layer's markers in the browser,
    for the map's real size, on every zoom, resize and move, under style.label_rules()."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.labelLayout({{ this._parent.get_name() }}, {{ this.places.get_name() }}, {{ this.labels.get_name() }},
  {{ this.rules|tojavascript }});
{% endmacro %}""")

    def __init__(self, places: DivIconLayer, labels: DivIconLayer, rules: Mapping[str, int]) -> None:
        super().__init__()
        self._name = "LabelLayout"
        self.places = places
        self.labels = labels
        self.rules = dict(rules)


class Focusable(_AccessElement):
    """The parent layer's features (`kind` "place" or "link") as keyboard stops with an
    accessible name: Tab and the arrow keys move between them, Enter or Space clicks."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.focusable({{ this._parent.get_name() }}, {{ this.kind|tojavascript }});
{% endmacro %}""")

    KINDS = ("place", "link")

    def __init__(self, kind: str) -> None:
        super().__init__()
        if kind not in self.KINDS:
            raise ValueError(f"unknown kind {kind!r}, expected one of {self.KINDS}")
        self._name = "Focusable"
        self.kind = kind


class Tooltip(_MapElement):
    """The parent layer's tooltip: each feature's html-escaped `tip` property, shown exactly as
    GeoJsonTooltip(fields=["tip"], labels=False) would, so st_folium still reports
    `last_object_clicked_tooltip`."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.bindTip({{ this._parent.get_name() }}, {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, **options: Any) -> None:
        super().__init__()
        self._name = "GeoJsonTooltip"
        self.options = {"className": "foliumtooltip", **options}


class Legend(_MapElement):
    """The legend control (bottom right), folded at first on a map narrower than `narrow_px`."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.legend({{ this._parent.get_name() }}, {{ this.html|tojavascript }}, {{ this.narrow_px|tojavascript }});
{% endmacro %}""")

    def __init__(self, legend_html: str, narrow_px: int) -> None:
        super().__init__()
        self._name = "Legend"
        self.legend_html = legend_html
        self.html = js_value(legend_html)
        self.narrow_px = int(narrow_px)


class LinkLayer(GeoJsonData):
    """The links (jcm.linkLayer): halo, coloured line and a wide invisible path that takes clicks
    and the tooltip; this element's variable is that clickable layer."""

    _template = Template("""{% macro script(this, kwargs) %}
var {{ this.get_name() }} = jcm.linkLayer({{ this._parent.get_name() }}, {{ this.data }},
  {{ this.options|tojavascript }}).addTo({{ this._parent.get_name() }});
{% endmacro %}""")

    def __init__(self, data_json: str, options: Mapping[str, Any]) -> None:
        super().__init__("links", data_json, {})
        self.options = js_value(dict(options))


class ViewMemory(JSCSSMixin):
    """Keeps zoom and centre across the map's re-creation on each rerun, flies to a new extent,
    and in the presenter view makes the map as tall as its frame (assets/jcm-view.js)."""

    default_js = [("jcm_view_js", MAP_STATIC_URL + "jcm-view.js")]
    _template = Template("""{% macro script(this, kwargs) %}
jcm.keepView({{ this._parent.get_name() }}, {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, bounds: list[list[float]], padding: int, max_zoom: int, fly_seconds: float, fill: bool,
                 details_open: bool = False) -> None:
        super().__init__()
        self._name = "ViewMemory"
        key = ",".join(f"{v:.4f}" for corner in bounds for v in corner)
        self.options = {"key": key, "bounds": bounds, "padding": padding, "maxZoom": max_zoom,
                        "flySeconds": fly_seconds, "fill": fill,
                        "reserve": {**PRESENTER_RESERVE_PX, "right": PRESENTER_RESERVE_PX["right"] if details_open else 0}}
