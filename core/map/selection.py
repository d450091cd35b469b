"""The selection: a click highlighted and sent to the app at once (assets/jcm-selection.js).
"""

from __future__ import annotations

from folium.template import Template

from core.map.encoding import js_value
from core.map.map import MAP_JS, JcmElement


class Selection(JcmElement):
    """Dynamic: a click on a place or link is highlighted at once in the browser and sent to the
    app at once (not after st_folium's 250 ms debounce), with a token so that the app applies each
    click exactly once (ui/mapclick.py). `selected` is the feature id already selected (a click on
    it sends nothing); `links` and `places` are the group's children the highlight restyles."""

    scripts = (*MAP_JS, "jcm-tooltip.js", "jcm-links.js", "jcm-selection.js")  # a click closes the tooltips

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
