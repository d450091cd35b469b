"""Keyboard and screen-reader access to the map's places and links (assets/jcm-keyboard.js and
assets/jcm-keyboard.css)."""

from __future__ import annotations

from folium.template import Template

from core.map.map import MAP_CSS, MAP_JS, JcmElement


class Focusable(JcmElement):
    """The parent layer's features (`kind` "place" or "link") as keyboard stops with an
    accessible name: Tab and the arrow keys move between them, Enter or Space clicks."""

    scripts = (*MAP_JS, "jcm-keyboard.js")
    styles = (*MAP_CSS, "jcm-keyboard.css")

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
