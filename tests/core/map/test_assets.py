"""The map's elements and their assets: one name per concept (core/map/links.py and
assets/jcm-links.js), templates that only wire data to their own asset's functions, and every file
an element's JavaScript calls into named in its `scripts`."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import textwrap
from pathlib import Path

import pytest
from branca.element import MacroElement
from map_sample import build, elements

from core.map.build import ELEMENTS
from core.map.keyboard import Focusable
from core.map.labels import LabelLayout
from core.map.legend import Legend
from core.map.map import GeoJsonData, JcmElement, StyleVars
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
        (DivIconLayer("labels", "DATA", "labelIcon", 1000),
         "jcm.iconLayer(DATA, jcm.labelIcon,\n  1000).addTo(PARENT)"),
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
    own = ["jcm-map", "jcm-markers", "jcm-links", "jcm-legend", "jcm-labels", "jcm-keyboard", "jcm-tooltip",
           "jcm-selection", "jcm-timeline", "jcm-view", "jcm-basemap"]
    assert list(dict.fromkeys(js)) == ["leaflet/leaflet.js", *(f"map/{name}.js" for name in own)]


def _modules() -> dict[str, list[type[MacroElement]]]:
    """core/map's modules (by name) -> the elements each defines."""
    found = {}
    for path in sorted(MAP_ASSETS_DIR.parent.glob("*.py")):
        if path.stem != "__init__":
            module = importlib.import_module(f"core.map.{path.stem}")
            found[path.stem] = [kind for kind in vars(module).values() if isinstance(kind, type)
                                and issubclass(kind, MacroElement) and kind.__module__ == module.__name__]
    return found


MODULES = _modules()
WITH_ELEMENTS = sorted(name for name, kinds in MODULES.items() if kinds)


def _named(kind: type) -> set[str]:
    return {*kind.scripts, *kind.styles} if issubclass(kind, JcmElement) else set()


def test_the_rule_sees_the_concepts():
    concepts = {"map", "markers", "links", "legend", "labels", "keyboard", "view", "basemap", "overlay"}
    assert concepts <= set(WITH_ELEMENTS)
    assert "style" in MODULES and "style" not in WITH_ELEMENTS


@pytest.mark.parametrize("name", WITH_ELEMENTS)
def test_a_module_that_defines_elements_has_its_assets_under_its_name(name):
    """A newcomer finds a concept's Python and JavaScript by one name: core/map/<name>.py, and
    assets/jcm-<name>.js or .css, which every element of the module loads."""
    own = {path.name for path in MAP_ASSETS_DIR.glob(f"jcm-{name}.*")}
    assert own, f"core/map/{name}.py defines elements, but assets/ has no jcm-{name}.js or .css"
    for kind in MODULES[name]:
        assert not issubclass(kind, JcmElement) or own & _named(kind), f"{kind.__name__} names none of {sorted(own)}"


@pytest.mark.parametrize("asset", sorted(path.name for path in MAP_ASSETS_DIR.iterdir()))
def test_every_asset_belongs_to_the_module_of_its_name(asset):
    """jcm-<module>.js|css, or jcm-<module>-<aspect>.css (jcm-map-print.css), named by an element of
    core/map/<module>.py."""
    named = re.fullmatch(r"jcm-([a-z]+)(-[a-z]+)?\.(js|css)", asset)
    assert named, f"{asset}: not jcm-<module>.js or .css"
    kinds = MODULES.get(named.group(1), [])
    assert any(asset in _named(kind) for kind in kinds), f"no element of core/map/{named.group(1)}.py names {asset}"


def _template(kind: type) -> str | None:
    """The text of the class's own `_template = Template(...)`, None when it has none."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(kind)))
    for node in tree.body[0].body:
        if (isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["_template"]
                and isinstance(node.value, ast.Call) and isinstance(node.value.args[0], ast.Constant)):
            return node.value.args[0].value
    return None


TEMPLATED = [(name, kind) for name in WITH_ELEMENTS for kind in MODULES[name] if _template(kind)]


def test_the_templates_are_found():
    assert len(TEMPLATED) >= 15


@pytest.mark.parametrize(("name", "kind"), TEMPLATED, ids=[kind.__name__ for _, kind in TEMPLATED])
def test_a_template_calls_only_functions_of_its_modules_own_asset(name, kind):
    """The function an element wires its data to is in the asset of its own name (Legend's
    jcm.legend is in jcm-legend.js), never in a neighbour's."""
    defined = set(re.findall(r"jcm\.(\w+) = ", (MAP_ASSETS_DIR / f"jcm-{name}.js").read_text(encoding="utf-8")))
    called = set(re.findall(r"\bjcm\.(\w+)", _template(kind) or ""))
    assert called <= defined, f"{kind.__name__} calls {sorted(called - defined)} outside jcm-{name}.js"
