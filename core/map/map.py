"""The map itself: the element every other builds on, the map's two parts and its container.
Its JavaScript is assets/jcm-map.js (the jcm namespace every asset adds to), its own look
assets/jcm-map.css (the sea; each concept styles itself: jcm-markers.css, jcm-labels.css, ...) and, on
paper, assets/jcm-map-print.css.

One module per Leaflet concept, each with its assets of the same name (links.py: jcm-links.js,
legend.py: jcm-legend.js, ...). Each element is a MacroElement whose template (folium's
`Template`, with its `tojavascript` filter) only wires data to a function of its asset. Names are
resolved in the template, at render time: st_folium renames elements (geo_json_layer_<hex> ->
geo_json_layer_div_<n>) and re-renders them. Every element names the asset files it needs
(`scripts`, `styles`); `StaticAssets` loads them with the map itself, at the URLs the caller gives
(core/map/vendor.py), through folium's `default_js`/`default_css`.

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

from core.map.encoding import js_value
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


# The map's own files (assets/), as every element names them: jcm-map.js holds the namespace, the dynamic
# group and jcm.whenGone, which the other files use.
MAP_JS = ("jcm-map.js",)
MAP_CSS = ("jcm-map.css", "jcm-map-print.css")


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
