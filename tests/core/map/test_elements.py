"""Elements: templates only wire data to the asset's functions, and every function they call
exists there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.map.elements import DivIconLayer, GeoJsonData, Legend, StyleVars, Tooltip
from map_sample import build

ASSETS = Path(__file__).resolve().parents[3] / "core" / "map" / "assets"
JS = (ASSETS / "jcm-map.js").read_text(encoding="utf-8")
ALL_JS = "\n".join(p.read_text(encoding="utf-8") for p in sorted(ASSETS.glob("*.js")))


def test_every_jcm_function_the_page_calls_is_defined_in_the_asset():
    page = build().get_root().render()
    called = set(re.findall(r"\bjcm\.(\w+)", page))
    defined = set(re.findall(r"\bjcm\.(\w+) = function", ALL_JS))
    assert called and called <= defined, called - defined


def test_asset_reads_named_layout_fields_and_builds_no_code_from_data():
    assert not re.search(r"\br\[\d\]", JS)  # no positional layout rows
    for field in ("r.box", "r.leader", "r.marker", ".marker"):
        assert field in JS
    assert "`" not in JS and "eval(" not in JS and "Function(" not in JS


def test_unknown_icon_is_refused():
    with pytest.raises(ValueError, match="placeIcon"):
        DivIconLayer("places", '{"type":"FeatureCollection","features":[]}', "alert(1)//", 0)


@pytest.mark.parametrize(
    ("element", "call"),
    [
        (StyleVars({"--jcm-font": "15px"}), 'jcm.styleVars(PARENT, {"--jcm-font":"15px"});'),
        (Legend("<b>x</b>", 640), 'jcm.legend(PARENT, "\\u003cb\\u003ex\\u003c/b\\u003e", 640);'),
        (Tooltip(sticky=True), 'jcm.bindTip(PARENT, {\n  "className": "foliumtooltip",\n  "sticky": true,\n});'),
        (GeoJsonData("basemap", "DATA", {"interactive": False}),
         'L.geoJson(DATA, {\n  "interactive": false,\n})\n  .addTo(PARENT);'),
        (DivIconLayer("labels", "DATA", "labelIcon", 1000), "jcm.iconLayer(PARENT, DATA,\n  jcm.labelIcon, 1000)"),
    ],
)
def test_templates_wire_data_to_the_asset(element, call):
    element._parent = type("Parent", (), {"get_name": lambda self: "PARENT"})()
    script = str(element._template.module.script(element, {}))
    assert call in script


def test_elements_load_the_map_assets_after_leaflet():
    m = build()
    js = [u for e in [m, *m._children.values()] for _, u in getattr(e, "default_js", [])]
    css = [u for e in [m, *m._children.values()] for _, u in getattr(e, "default_css", [])]
    assert list(dict.fromkeys(js)) == ["../../app/static/vendor/leaflet/leaflet.js", "../../app/static/map/jcm-map.js",
                                       "../../app/static/map/jcm-view.js"]
    assert list(dict.fromkeys(css)) == ["../../app/static/vendor/leaflet/leaflet.css",
                                        "../../app/static/map/jcm-map.css"]
