"""Style: the stylesheet reads exactly the sizes and colours style.py sets, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from map_sample import PLACES

from common.i18n import label, t
from core.data.models import Country, Place, PlaceKind
from core.map.style import MARKER_PX, MARKER_SIZES, SHAPES, css_vars, shape
from core.palette import LINK_STYLES

ASSETS = Path(__file__).resolve().parents[3] / "core" / "map" / "assets"
CSS = "\n".join(p.read_text(encoding="utf-8") for p in sorted(ASSETS.glob("*.css")))
LOCAL_VARS = {"--jcm-size"}  # set inside the stylesheet itself (per marker shape)


def test_every_css_variable_comes_from_style_py_and_every_one_is_read():
    read = set(re.findall(r"var\((--jcm-[\w-]+)\)", CSS))
    assert read - LOCAL_VARS == set(css_vars())
    assert all(v.endswith("px") or v.startswith("#") for v in css_vars().values())


def _declarations(selector: str) -> str:
    """Every declaration of the rules whose selector list holds `selector`, joined."""
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", CSS, flags=re.S))
    return " ".join(body for sel, body in rules if selector in [x.strip() for x in sel.split(",")])


@pytest.mark.parametrize(
    ("selector", "declaration"),
    [
        (".jcm-lb", "padding: var(--jcm-pad-y) var(--jcm-pad-x)"),
        (".jcm-lb", "font: 600 var(--jcm-font)/1.3"),
        (".jcm-s", "width: var(--jcm-size); height: var(--jcm-size)"),
        (".jcm-jp_city", "--jcm-size: var(--jcm-city-marker)"),
        (".jcm-cn_region", "--jcm-size: var(--jcm-region-marker)"),
        (".jcm-jp_body", "--jcm-size: var(--jcm-body-marker)"),
        (".jcm-legend", "padding: var(--jcm-legend-pad-y) var(--jcm-legend-pad-x)"),
        (".jcm-legend", "font: var(--jcm-legend-font)/1.35"),
        (".jcm-legend", "max-width: var(--jcm-legend-max)"),
        (".jcm-legend .row", "gap: var(--jcm-legend-gap)"),
    ],
)
def test_sizes_the_layout_and_legend_estimate_rely_on_are_variables(selector, declaration):
    assert declaration in " ".join(_declarations(selector).split()), (selector, declaration)


def test_largest_marker_is_what_the_layout_keeps_clear():
    # A ring holds its city: the layout keeps the largest marker of its own clear.
    assert MARKER_PX == max(size for kind, size in MARKER_SIZES.items() if kind != "ring")
    assert MARKER_SIZES["ring"] >= MARKER_SIZES["city"] + 2 * 6  # a visible band around the city
    assert {s.split("_")[1] for s in SHAPES} == set(MARKER_SIZES)


@pytest.mark.parametrize("color_by", list(LINK_STYLES))
@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_every_styled_category_and_shape_has_a_name(color_by, lang):
    for cat in LINK_STYLES[color_by]:
        assert label(cat, lang)
    for s in SHAPES:
        assert t("map.shape." + s, lang)


def test_shape_of_each_kind():
    shapes = {p.key: shape(p) for p in PLACES}
    assert shapes["東京都"] == "jp_region" and shapes["川崎市"] == "jp_city" and shapes["北京市"] == "cn_region"
    assert shapes["環境保護部"] == "cn_body"
    names = PLACES[0].names
    assert shape(Place(names, PlaceKind.NATIONAL_BODY, Country.JP, names, "t")) == "jp_body"
    assert shape(Place(names, PlaceKind.NATIONAL_BODY, Country.JP, names, "t"), ring=True) == "jp_body"
    rings = {p.key: shape(p, ring=True) for p in PLACES}
    assert (rings["東京都"], rings["北京市"], rings["神戸市"]) == ("jp_ring", "cn_ring", "jp_city")
