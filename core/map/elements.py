"""One folium element per Leaflet concept the map uses; their JavaScript is in assets/jcm-map.js.

Each element is a MacroElement whose template (folium's `Template`, with its `tojavascript`
filter) only wires data to a function of the asset. Names are resolved in the template, at
render time: st_folium renames elements (geo_json_layer_<hex> -> geo_json_layer_div_<n>) and
re-renders them. Every element loads the map's own JS and CSS like Leaflet is loaded (relative
URLs into the app's static folder, see core.map.vendor), through folium's `default_js`/`default_css`.

The map is drawn in two parts (ARCHITECTURE.md, "the map's static and dynamic parts"): the map
itself with what never changes while it is shown (`StaticAssets`, `StyleVars`, the basemap,
`ViewMemory`), and a `DynamicLayer` holding everything that depends on the view (links, places,
labels, shading, legend, timeline, framing, selection). st_folium replaces only the dynamic part
on a rerun; the elements inside it take that group as their parent and remove what they added
to the map itself (controls, handlers) when it goes (jcm.whenGone).

Why not folium.GeoJson: it re-encodes the whole FeatureCollection through Jinja's `tojson` and
scans it on every render (4.5 s for 25,917 links); these layers take prepared JSON text from
encoding.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template
from folium.utilities import JsCode

from core.map.encoding import js_value
from core.map.style import PRESENTER_RESERVE_PX
from core.map.vendor import AssetUrl


class _Text(Element):
    """A macro's output, put into the page as the text it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _Rendered(MacroElement):
    """Renders its macros once: branca's MacroElement compiles each macro's output again as a Jinja
    template (Element(output)) and renders that too, about 10 ms of every rerun for the map's ~20 KB
    of script, for nothing (the guard in encoding.py keeps data inert either way)."""

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "You cannot render this Element if it is not in a Figure."
        for part in ("header", "html", "script"):
            macro = self._template.module.__dict__.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Text(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


# The map's own files (assets/), as the elements name them: jcm-map.js holds what every element shares
# (the dynamic group, icons, tooltips, the legend, the selection and its click, a link's ends).
MAP_JS = ("jcm-map.js",)
MAP_CSS = ("jcm-map.css", "jcm-print.css")


class JcmElement(_Rendered):
    """An element of this map: every asset file it needs (`scripts`, `styles`: names in assets/, the
    files its JavaScript calls into included), loaded by `StaticAssets`; its macros rendered once."""

    scripts: tuple[str, ...] = MAP_JS
    styles: tuple[str, ...] = MAP_CSS


class StaticAssets(JSCSSMixin, _Rendered):
    """Every JS/CSS file of the given element classes, loaded with the map itself, at the URLs the
    caller's `url` gives (core/map/vendor.py): st_folium loads links only when it creates the map, and
    a later dynamic part may hold an element (the labels, the timeline) that the first one did not."""

    def __init__(self, url: AssetUrl, *kinds: type[JcmElement]) -> None:
        super().__init__()
        self._name = "StaticAssets"
        self.default_js = [(n, url("map", n)) for n in dict.fromkeys(n for kind in kinds for n in kind.scripts)]
        self.default_css = [(n, url("map", n)) for n in dict.fromkeys(n for kind in kinds for n in kind.styles)]


class DynamicLayer(folium.FeatureGroup):
    """The dynamic part: a feature group put on the map as soon as it is created (so its layers draw
    at once and the label layout can measure them). The app hands it to st_folium as
    `feature_group_to_add`, which swaps it on a rerun without re-creating the map; an export keeps
    it as a child of the map."""

    _template = Template("""{% macro script(this, kwargs) %}
var {{ this.get_name() }} = jcm.dynamicLayer({{ this._parent.get_name() }});
{% endmacro %}""")

    def __init__(self) -> None:
        # show=False: jcm.dynamicLayer adds it. Its folium name stays FeatureGroup's: st_folium
        # refers to it as feature_group_<id>.
        super().__init__(name="dynamic", control=False, show=False)


class StyleVars(JcmElement):
    """The CSS custom properties the stylesheet reads, set once on the map container (which also
    takes the focus without scrolling the page: assets/jcm-map.js)."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.styleVars({{ this._parent.get_name() }}, {{ this.vars|tojavascript }});
{% endmacro %}""")

    def __init__(self, css_vars: Mapping[str, str]) -> None:
        super().__init__()
        self._name = "StyleVars"
        self.vars = js_value(dict(css_vars))


class GeoJsonData(JcmElement):
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


class DivIconLayer(JcmElement):
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


class LabelLayout(JcmElement):
    """Lays the `labels` layer's labels out beside the `places` layer's markers in the browser,
    for the map's real size, on every zoom, resize and move, under style.label_rules()."""

    scripts = (*MAP_JS, "jcm-labels.js")  # the layout reads the legend and moves the links' ends

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


class Focusable(JcmElement):
    """The parent layer's features (`kind` "place" or "link") as keyboard stops with an
    accessible name: Tab and the arrow keys move between them, Enter or Space clicks."""

    scripts = (*MAP_JS, "jcm-labels.js")  # keyboard access lives beside the label layout

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


class Tooltip(JcmElement):
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


class Legend(JcmElement):
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


class ViewMemory(JcmElement):
    """Static: keeps zoom and centre when the map is re-created (another page and back, another
    language), and in the presenter view (`fill`) makes the map as tall as its frame
    (assets/jcm-view.js)."""

    scripts = (*MAP_JS, "jcm-view.js")  # jcm.whenGone
    styles = ()

    _template = Template("""{% macro script(this, kwargs) %}
jcm.keepView({{ this._parent.get_name() }}, {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, fill: bool) -> None:
        super().__init__()
        self._name = "ViewMemory"
        self.options = js_value({"fill": fill})


class Framing(JcmElement):
    """Dynamic: frames the map on `bounds` the first time, flies there when they change (a tour
    step, a filter) and leaves the presenter's own zoom and centre alone when they do not (a click,
    the year slider). In the presenter view it keeps the extent clear of the panels over the map."""

    scripts = (*MAP_JS, "jcm-view.js")  # jcm.whenGone
    styles = ()

    _template = Template("""{% macro script(this, kwargs) %}
jcm.frame({{ this._parent.get_name() }}, {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, bounds: list[list[float]], padding: int, max_zoom: int, fly_seconds: float, fill: bool,
                 details_open: bool = False) -> None:
        super().__init__()
        self._name = "Framing"
        key = ",".join(f"{v:.4f}" for corner in bounds for v in corner)
        self.bounds = bounds
        self.options = js_value({"key": key, "bounds": bounds, "padding": padding, "maxZoom": max_zoom,
                                 "flySeconds": fly_seconds, "fill": fill,
                                 "reserve": {**PRESENTER_RESERVE_PX,
                                             "right": PRESENTER_RESERVE_PX["right"] if details_open else 0}})


class Selection(JcmElement):
    """Dynamic: a click on a place or link is highlighted at once in the browser and sent to the
    app at once (not after st_folium's 250 ms debounce), with a token so that the app applies each
    click exactly once (ui/mapclick.py). `selected` is the feature id already selected (a click on
    it sends nothing); `links` and `places` are the group's children the highlight restyles."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.selection({{ this._parent.get_name() }},
  {% if this.links %}{{ this._parent._children[this.links].get_name() }}{% else %}null{% endif %},
  {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, links: str | None, selected: str | None) -> None:
        super().__init__()
        self._name = "Selection"
        self.links = links
        self.options = js_value({"selected": selected})
