"""The map's view: kept when the map is re-created, framed and flown to by the dynamic part
(assets/jcm-view.js).
"""

from __future__ import annotations

from folium.template import Template

from core.map.encoding import js_value
from core.map.map import MAP_CSS, MAP_JS, JcmElement
from core.map.style import PRESENTER_RESERVE_PX


class ViewMemory(JcmElement):
    """Static: keeps zoom and centre when the map is re-created (another page and back, another
    language), and in the presenter view (`fill`) makes the map as tall as its frame
    (assets/jcm-view.js)."""

    scripts = (*MAP_JS, "jcm-view.js")  # jcm.whenGone
    styles = (*MAP_CSS, "jcm-view.css")  # the presenter's fill

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
    styles = (*MAP_CSS, "jcm-view.css")  # the presenter's docked corner

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
