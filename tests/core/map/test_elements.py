"""Elements: templates only wire data to the asset's functions, and every function they call
exists there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from map_sample import build, elements

from core.map.elements import DivIconLayer, Focusable, GeoJsonData, LabelLayout, Legend, StyleVars, Tooltip

ASSETS = Path(__file__).resolve().parents[3] / "core" / "map" / "assets"
JS = "\n".join(p.read_text(encoding="utf-8") for p in sorted(ASSETS.glob("*.js")))


def test_every_jcm_function_the_page_calls_is_defined_in_the_asset():
    page = build().get_root().render()
    called = set(re.findall(r"\bjcm\.(\w+)", page))
    defined = set(re.findall(r"\bjcm\.(\w+) = function", JS))
    assert called and called <= defined, called - defined


def test_assets_build_no_code_from_data_and_set_names_as_attributes():
    assert "`" not in JS and "eval(" not in JS and "Function(" not in JS
    for attribute in ("'aria-label', p.name", "'data-place'", "'data-link'"):
        assert f"setAttribute({attribute}" in JS


def test_unknown_focus_kind_is_refused():
    with pytest.raises(ValueError, match="place"):
        Focusable("alert(1)//")


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
        (DivIconLayer("labels", "DATA", "labelIcon", 1000), "jcm.iconLayer(DATA, jcm.labelIcon,\n  1000).addTo(PARENT)"),
        (Focusable("link"), 'jcm.focusable(PARENT, "link");'),
    ],
)
def test_templates_wire_data_to_the_asset(element, call):
    element._parent = type("Parent", (), {"get_name": lambda self: "PARENT"})()
    script = str(element._template.module.script(element, {}))
    assert call in script


def test_label_layout_names_both_layers_and_passes_the_rules():
    m = build()
    layers = {c.layer_name: c for c in elements(m) if isinstance(c, DivIconLayer)}
    layout = next(c for c in elements(m) if isinstance(c, LabelLayout))
    script = str(layout._template.module.script(layout, {}))
    assert f"{layers['places'].get_name()}, {layers['labels'].get_name()}" in script
    assert '"reach": 48' in script


def test_elements_load_the_map_assets_after_leaflet():
    m = build()
    js = [u for e in [m, *elements(m)] for _, u in getattr(e, "default_js", [])]
    css = [u for e in [m, *elements(m)] for _, u in getattr(e, "default_css", [])]
    own = ["jcm-map", "jcm-labels", "jcm-timeline", "jcm-view", "jcm-basemap"]  # jcm-map.js first: the others add to its `jcm`
    assert list(dict.fromkeys(js)) == ["../../app/static/vendor/leaflet/leaflet.js",
                                       *(f"../../app/static/map/{name}.js" for name in own)]
    sheets = ["jcm-map", "jcm-print", *(n for n in own[1:] if n not in ("jcm-labels", "jcm-view"))]  # print rules apart
    assert list(dict.fromkeys(css)) == ["../../app/static/vendor/leaflet/leaflet.css",
                                        *(f"../../app/static/map/{name}.css" for name in sheets)]


def test_an_elements_output_is_put_in_the_page_as_it_is_never_rendered_again_as_a_template():
    """branca compiles each macro's output again as a Jinja template and renders it: ours are not
    (that second pass cost ~10 ms of every rerun). The text below would come out as 49 after it."""
    import folium
    from folium.template import Template

    from core.map.elements import JcmElement

    class Probe(JcmElement):
        _template = Template("{% macro script(this, kwargs) %}var probe = {{ this.text|tojson }};{% endmacro %}")

        def __init__(self) -> None:
            super().__init__()
            self.text = "{{ 7*7 }}"

    m = folium.Map(tiles=None)
    m.add_child(Probe())
    page = m.get_root().render()
    assert 'var probe = "{{ 7*7 }}";' in page
    assert page.count("var probe") == 1
