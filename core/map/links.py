"""The programme's links: halo, line and the paths that take clicks (assets/jcm-links.js).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from folium.template import Template

from core.map.encoding import js_value
from core.map.map import MAP_CSS, MAP_JS, GeoJsonData


class LinkLayer(GeoJsonData):
    """The links (jcm.linkLayer): halo, coloured line and a wide invisible path that takes clicks
    and the tooltip; this element's variable is that clickable layer."""

    scripts = (*MAP_JS, "jcm-links.js")
    styles = (*MAP_CSS, "jcm-links.css")

    _template = Template("""{% macro script(this, kwargs) %}
var {{ this.get_name() }} = jcm.linkLayer({{ this._parent.get_name() }}, {{ this.data }},
  {{ this.options|tojavascript }}).addTo({{ this._parent.get_name() }});
{% endmacro %}""")

    def __init__(self, data_json: str, options: Mapping[str, Any]) -> None:
        super().__init__("links", data_json, {})
        self.options = js_value(dict(options))
