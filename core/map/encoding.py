"""GeoJSON text and JavaScript values that carry data safely into the map's <script>.

Safety: every data string (names, notes, wordings) is html.escape'd by its producer and travels
only as JSON made by this module, in a GeoJSON feature property or a JavaScript value. The JSON
is `script_safe`: no `<`, `>`, `&`, and no Jinja start token `{{`/`{%`/`{#` (branca re-renders
each element's output as a Jinja template, so data containing "{{ ... }}" passed to plain
folium.GeoJson/Marker is EXECUTED server-side). The browser shows it through a tooltip function
or DivIcon html (assets/jcm-markers.js). Never folium.Tooltip(str)/Popup(str): they put text into a
JavaScript template literal where `${...}` and backticks execute.

Speed: features are encoded once each and joined, never re-encoded through Jinja (folium.GeoJson
does that and scans the whole collection on every render: 4.5 s for 25,917 links); link
geometries are cached across reruns.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from folium.utilities import JsCode

from core.data.models import LatLon
from core.geography.arcs import arc_points

_JINJA_START = re.compile(r"\{(?=[{%#])")


def script_safe(text: str) -> str:
    """JSON text made inert in a <script> AND in a Jinja template.

    `<`, `>`, `&` are \\u-escaped so data cannot close the script or start markup. `{` before `{`,
    `%` or `#` is \\u-escaped too: branca renders each element's script output AGAIN as a Jinja
    template (Element(Template(...))), so a name like "{{ 7*7 }}" would otherwise run on the
    server (measured: it does with plain folium.GeoJson data). In compact JSON such a `{` can
    only sit inside a string, where \\u007b decodes back to `{`. (JSON itself keeps backslashes,
    quotes and `${` inert: the result is data, not code.)
    """
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _JINJA_START.sub(r"\\u007b", text)


def js_json(value: object) -> str:
    """`value` as compact, script-safe JSON text."""
    return script_safe(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def js_value(value: object) -> JsCode:
    """`value` as a JavaScript literal for folium's `tojavascript` filter, which passes JsCode
    through verbatim (its own JSON escaping lacks the Jinja guard and camelizes dict keys)."""
    return JsCode(js_json(value))


def js_call(function: str, *args: object) -> JsCode:
    """A call of one of our own asset functions (`function` is code, never data) on JSON args."""
    return JsCode(f"{function}({','.join(js_json(a) for a in args)})")


def point_json(lat: float, lon: float) -> str:
    """A GeoJSON Point, rounded to 4 decimals (~10 m)."""
    return '{"type":"Point","coordinates":[%s,%s]}' % (round(lon, 4), round(lat, 4))


@lru_cache(maxsize=65_536)
def arc_json(a: LatLon, b: LatLon, bend: float) -> str:
    """A link's curved geometry as GeoJSON text, cached with the arc: reruns skip rounding and encoding."""
    coords = ",".join("[%s,%s]" % (round(lon, 4), round(lat, 4)) for lat, lon in arc_points(a, b, bend=bend))
    return '{"type":"LineString","coordinates":[%s]}' % coords


def feature_json(props: Mapping[str, Any], geometry_json: str) -> str:
    """A GeoJSON Feature with script-safe properties around an already encoded geometry."""
    return '{"type":"Feature","properties":%s,"geometry":%s}' % (js_json(props), geometry_json)


def collection_json(features: Sequence[str]) -> str:
    """A FeatureCollection of encoded features."""
    return '{"type":"FeatureCollection","features":[%s]}' % ",".join(features)
