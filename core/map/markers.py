"""The places' markers and labels: point features as DivIcon markers (assets/jcm-markers.js).
"""

from __future__ import annotations

from folium.template import Template
from folium.utilities import JsCode

from core.map.map import MAP_CSS, MAP_JS, JcmElement


class DivIconLayer(JcmElement):
    """Point features as DivIcon markers drawn by `icon` (jcm.placeIcon or jcm.labelIcon)."""

    scripts = (*MAP_JS, "jcm-markers.js")
    styles = (*MAP_CSS, "jcm-markers.css", "jcm-labels.css")  # its places' names are labels

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
