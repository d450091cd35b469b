"""The map's ground: an online basemap carries its offline fallback (lazily, as a URL into the
caller's URL, or inlined when there is none), the attribution has no flag, the
scale is in km only."""

from __future__ import annotations

import json
import re

import pytest
from map_sample import build

from common.i18n import t
from core.geography import outlines
from core.map.basemap import ATTRIBUTION_PREFIX, BasemapFallback, MapChrome
from core.map.style import GROUND_PANE_Z
from core.map.vendor import Delivery
from core.view.basemaps import BASEMAPS


def element(m, cls):
    found = [c for c in m._children.values() if isinstance(c, cls)]
    return found[0] if found else None


def script(e) -> str:
    return str(e._template.module.script(e, {}))


ONLINE = [k for k, b in BASEMAPS.items() if b.online]


@pytest.mark.parametrize("key", ONLINE)
@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_online_basemap_falls_back_to_the_offline_file_with_a_notice_in_the_readers_language(key, lang):
    m = build(basemap=key, lang=lang, delivery=Delivery(basemap_url="/basemap/offline.geojson"))
    fallback = element(m, BasemapFallback)
    text = script(fallback)
    tiles = m._children["tiles"]
    assert re.search(r"jcm\.basemapFallback\(map_\w+, %s," % tiles.get_name(), text)
    assert json.loads(fallback.offline) == "/basemap/offline.geojson"  # the caller's URL, fetched when needed
    notice = json.loads(str(fallback.notice.js_code))
    assert notice == {"text": t("map.basemap_fallback", lang, name=BASEMAPS[key].names[lang]),
                      "close": t("map.basemap_fallback_close", lang)}
    assert len(m.get_root().render()) < 100_000  # the ~310 KB offline basemap is NOT in the page


def test_without_a_url_the_fallback_is_inlined():
    fallback = element(build(basemap="osm"), BasemapFallback)
    assert json.loads(fallback.offline)["type"] == "FeatureCollection"


def test_offline_basemap_has_no_fallback_and_is_drawn_in_the_page():
    m = build()
    assert element(m, BasemapFallback) is None and "tiles" not in m._children
    assert '"type":"FeatureCollection"' in script(m._children["basemap"])


@pytest.mark.parametrize("key", ["offline", *ONLINE])
def test_attribution_without_flag_and_a_kilometre_scale(key):
    m = build(basemap=key)
    assert script(element(m, MapChrome)).strip() == 'jcm.mapChrome(%s, "Leaflet", %d);' % (m.get_name(), GROUND_PANE_Z)
    assert "<" not in ATTRIBUTION_PREFIX and "http" not in ATTRIBUTION_PREFIX  # text: no icon, no link
    assert "control.scale" not in m.get_root().render()  # folium's own (with miles) is off


def test_offline_geojson_file_is_none_where_it_cannot_be_written(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where a folder should be")
    assert outlines.offline_geojson_file(blocked) is None
    path = outlines.offline_geojson_file(tmp_path / "cache")
    assert path is not None and path.read_text(encoding="utf-8").startswith('{"type":"FeatureCollection"')
