"""Elements: templates only wire data to the asset's functions, and every function they call
exists there."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from map_sample import build, elements

from core.map.build import ELEMENTS
from core.map.labels import Focusable, LabelLayout
from core.map.legend import Legend
from core.map.map import GeoJsonData, StyleVars
from core.map.markers import DivIconLayer
from core.map.overlay import OverlayLayer, OverlayOptions
from core.map.tooltip import Tooltip
from core.map.vendor import MAP_ASSETS_DIR, Delivery

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


def _defined_in() -> dict[str, str]:
    """jcm.<name> -> the asset file that defines it."""
    return {name: path.name for path in sorted(MAP_ASSETS_DIR.glob("*.js"))
            for name in re.findall(r"jcm\.(\w+) = ", path.read_text(encoding="utf-8"))}


def _needs(text: str, defined: dict[str, str]) -> set[str]:
    """The files whose functions `text` calls; a call guarded by `if (jcm.f)` is optional (the labels
    name an overlay's picked pair only when an overlay is loaded)."""
    optional = set(re.findall(r"if \(jcm\.(\w+)\)", text))
    return {defined[name] for name in re.findall(r"jcm\.(\w+)", text) if name in defined and name not in optional}


def _closure(needed: set[str], defined: dict[str, str]) -> set[str]:
    closure, todo = set(), set(needed)
    while todo:
        name = todo.pop()
        closure.add(name)
        todo |= _needs((MAP_ASSETS_DIR / name).read_text(encoding="utf-8"), defined) - closure
    return closure


def test_the_check_follows_calls_from_file_to_file():
    defined = _defined_in()
    assert _closure(_needs(inspect.getsource(LabelLayout), defined), defined) == {
        "jcm-labels.js", "jcm-legend.js", "jcm-links.js", "jcm-map.js"}


@pytest.mark.parametrize("kind", [*ELEMENTS, OverlayLayer, OverlayOptions], ids=lambda kind: kind.__name__)
def test_every_element_declares_every_script_its_javascript_calls_into(kind):
    """An element's template calls jcm.<f>: the file defining f is among its scripts, and so is every
    file those files call into (jcm-labels.js folds the legend of jcm-legend.js): no element works only
    because another one loaded the file."""
    defined = _defined_in()
    closure = _closure(_needs(inspect.getsource(kind), defined), defined)  # its template is in its class's source
    assert closure <= set(kind.scripts), f"{kind.__name__} needs {sorted(closure - set(kind.scripts))}"


def test_the_static_part_loads_the_map_assets_after_leaflet_in_order():
    m = build(delivery=Delivery(url=lambda folder, name: f"{folder}/{name}"))
    js = [u for e in [m, *elements(m)] for _, u in getattr(e, "default_js", [])]
    # jcm-map.js first: it makes the namespace the others add to (each makes it too, if it came first)
    own = ["jcm-map", "jcm-markers", "jcm-links", "jcm-legend", "jcm-labels", "jcm-tooltip", "jcm-selection",
           "jcm-timeline", "jcm-view", "jcm-basemap"]
    assert list(dict.fromkeys(js)) == ["leaflet/leaflet.js", *(f"map/{name}.js" for name in own)]


def test_an_elements_output_is_put_in_the_page_as_it_is_never_rendered_again_as_a_template():
    """branca compiles each macro's output again as a Jinja template and renders it: ours are not
    (that second pass cost ~10 ms of every rerun). The text below would come out as 49 after it."""
    import folium
    from folium.template import Template

    from core.map.map import JcmElement

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
