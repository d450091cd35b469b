"""A layer's tooltip: each feature's html-escaped `tip` (assets/jcm-tooltip.js).
"""

from __future__ import annotations

from typing import Any

from folium.template import Template

from core.map.map import MAP_JS, JcmElement


class Tooltip(JcmElement):
    """The parent layer's tooltip: each feature's html-escaped `tip` property, shown exactly as
    GeoJsonTooltip(fields=["tip"], labels=False) would, so st_folium still reports
    `last_object_clicked_tooltip`."""

    scripts = (*MAP_JS, "jcm-tooltip.js")

    _template = Template("""{% macro script(this, kwargs) %}
jcm.bindTip({{ this._parent.get_name() }}, {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, **options: Any) -> None:
        super().__init__()
        self._name = "GeoJsonTooltip"
        self.options = {"className": "foliumtooltip", **options}
