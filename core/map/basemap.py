"""The map's ground: the basemap (offline GeoJSON, or online tiles that fall back to it in the
browser when they do not load), the attribution without Leaflet's flag and the scale in km.
Their JavaScript is assets/jcm-basemap.js.

An online basemap at a venue without internet would be an empty sea: the page then needs the
offline basemap too. It stays lazy: the page carries only its URL in the app's static folder
(core/geography/outlines.py writes it there) and fetches ~310 KB from the app's own server only when the
tiles fail; where that file could not be written (a read-only checkout) the GeoJSON is inlined.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

import folium
from folium.template import Template

from common.i18n import t
from core.geography.outlines import offline_geojson
from core.map.encoding import js_call, js_json, js_value, script_safe
from core.map.map import MAP_CSS, MAP_JS, GeoJsonData, JcmElement
from core.map.style import GROUND_PANE_Z
from core.palette import BASEMAP_STYLES
from core.view.basemaps import BASEMAPS, DEFAULT_BASEMAP

FALLBACK_WAIT_MS = 4000  # no tile loaded by then: the venue has no internet (or the server is down)
FALLBACK_ERRORS = 4  # this many failed tiles before any loaded: fall back at once
GROUND_PANE = "jcmGround"  # jcm.mapChrome creates it
ATTRIBUTION_PREFIX = "Leaflet"  # text only: Leaflet 1.9 prefixes a flag icon, and an offline map links nowhere


class _BasemapElement(JcmElement):
    """An element of the map's ground (assets/jcm-basemap.js, with the offline basemap's class styles)."""

    scripts = (*MAP_JS, "jcm-basemap.js")
    styles = (*MAP_CSS, "jcm-basemap.css")


class MapChrome(_BasemapElement):
    """Leaflet's attribution prefix as plain text and link (no flag icon), a km-only scale bar, and
    the offline basemap's own pane (beneath an imported overlay, which sits beneath the programme)."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.mapChrome({{ this._parent.get_name() }}, {{ this.prefix|tojavascript }}, {{ this.ground_z|tojavascript }});
{% endmacro %}""")

    def __init__(self, prefix: str = ATTRIBUTION_PREFIX) -> None:
        super().__init__()
        self._name = "MapChrome"
        self.prefix = js_value(prefix)
        self.ground_z = GROUND_PANE_Z


class OfflineBasemap(_BasemapElement):
    """The offline basemap: `offline` is script-safe JSON, its URL in the app's static folder or its
    GeoJSON (an export, or no static file)."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.offlineBasemap({{ this._parent.get_name() }}, {{ this.offline }}, {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, offline: str, options: dict[str, Any]) -> None:
        super().__init__()
        self._name = "OfflineBasemap"
        self.layer_name = "basemap"
        self.offline = offline
        self.options = dict(options)


class BasemapFallback(_BasemapElement):
    """Swaps the online tile layer named `tiles` for the offline basemap when its tiles fail, with
    `notice` (its `text` and its close button's name) on the map. `offline` is script-safe JSON: the
    offline basemap's URL or its GeoJSON."""

    _template = Template("""{% macro script(this, kwargs) %}
jcm.basemapFallback({{ this._parent.get_name() }}, {{ this._parent._children[this.tiles].get_name() }},
  {{ this.offline }}, {{ this.options|tojavascript }}, {{ this.notice|tojavascript }},
  {{ this.wait_ms|tojavascript }}, {{ this.errors|tojavascript }});
{% endmacro %}""")

    def __init__(self, tiles: str, offline: str, options: dict[str, Any], notice: dict[str, str],
                 wait_ms: int = FALLBACK_WAIT_MS, errors: int = FALLBACK_ERRORS) -> None:
        super().__init__()
        self._name = "BasemapFallback"
        self.tiles = tiles
        self.offline = offline
        self.options = dict(options)
        self.notice = js_value(notice)
        self.wait_ms, self.errors = int(wait_ms), int(errors)


def add_basemap(m: folium.Map, key: str, lang: str, basemap_url: str | None = None) -> None:
    """The basemap `key` (an unknown key: the offline one) and the map's attribution and scale.
    `basemap_url`: where the browser fetches the offline basemap from (the app: a small map script is
    quicker to send and to key); None: the page carries it (an export)."""
    m.add_child(MapChrome(), name="chrome")
    bm = BASEMAPS.get(key) or BASEMAPS[DEFAULT_BASEMAP]
    if not (bm.online and bm.tiles):
        if basemap_url is None:
            m.add_child(GeoJsonData("basemap", _offline_json(), _offline_options()), name="basemap")
        else:
            m.add_child(OfflineBasemap(js_json(basemap_url), _offline_options()), name="basemap")
        return
    m.add_child(folium.TileLayer(tiles=bm.tiles, attr=bm.attribution, name=bm.key, max_zoom=18), name="tiles")
    offline = js_json(basemap_url) if basemap_url else _offline_json()
    notice = {"text": t("map.basemap_fallback", lang, name=bm.names[lang]),
              "close": t("map.basemap_fallback_close", lang)}
    m.add_child(BasemapFallback("tiles", offline, _offline_options(), notice), name="basemap_fallback")


def _offline_options() -> dict[str, Any]:
    styles = {k: v for k, v in BASEMAP_STYLES.items() if isinstance(v, dict)}
    return {"style": js_call("jcm.classStyle", styles), "interactive": False, "smoothFactor": 1.5, "pane": GROUND_PANE,
            "attribution": js_value(html.escape(BASEMAPS[DEFAULT_BASEMAP].attribution))}


@lru_cache(maxsize=1)
def _offline_json() -> str:
    """The offline basemap, script-safe, encoded once per process (it is ~310 KB)."""
    return script_safe(offline_geojson())
