"""The places' labels, laid out in the browser for the map's real size (assets/jcm-labels.js).
"""

from __future__ import annotations

from collections.abc import Mapping

from folium.template import Template

from core.map.map import MAP_CSS, MAP_JS, JcmElement
from core.map.markers import DivIconLayer


class LabelLayout(JcmElement):
    """Lays the `labels` layer's labels out beside the `places` layer's markers in the browser,
    for the map's real size, on every zoom, resize and move, under style.label_rules()."""

    scripts = (*MAP_JS, "jcm-legend.js", "jcm-links.js", "jcm-labels.js")  # it folds the legend, moves the links' ends
    styles = (*MAP_CSS, "jcm-labels.css")

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
