"""Link colours a room can tell apart: under the three dichromacies, and against land and sea.

Threshold: every pair of categories of one colouring stays MIN_DELTA_E = 12 CIEDE2000 apart, in
normal vision and as simulated for protanopia, deuteranopia and tritanopia (Machado et al. 2009,
severity 1.0). ΔE00 ≈ 2 is a just-noticeable difference between large patches; a 4 px line is a
small field, where colour differences shrink several-fold, so 12 (about six JNDs) keeps two
categories clearly different on a projected line. The dash patterns are the second cue.
Contrast: every colour >= 3:1 (WCAG 2.x, non-text contrast) against each basemap land fill, the
sea and the white halo drawn under every link.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from colour_vision import MACHADO, ciede2000, contrast, distance, lab, simulate, srgb, to_linear

from core.map.style import HALO_COLOR
from core.palette import BASEMAP_STYLES, LINK_STYLES, UNKNOWN_STYLE

MIN_DELTA_E = 12.0
MIN_CONTRAST = 3.0
VISIONS = [None, *MACHADO]
BACKGROUNDS = {"sea": BASEMAP_STYLES["sea"], "halo": HALO_COLOR,
               **{f"land {k}": v["fillColor"] for k, v in BASEMAP_STYLES.items() if isinstance(v, dict)}}
PAIRS = [(by, a, b) for by, styles in LINK_STYLES.items() for a, b in itertools.combinations(styles, 2)]
COLOURS = [(by, cat) for by, styles in LINK_STYLES.items() for cat in styles]


@pytest.mark.parametrize("vision", VISIONS, ids=lambda v: v or "normal")
@pytest.mark.parametrize(("color_by", "a", "b"), PAIRS, ids=[f"{by}:{a}/{b}" for by, a, b in PAIRS])
def test_every_pair_of_categories_stays_apart(color_by, a, b, vision):
    ca, cb = LINK_STYLES[color_by][a]["color"], LINK_STYLES[color_by][b]["color"]
    assert distance(ca, cb, vision) >= MIN_DELTA_E, (ca, cb, vision)


@pytest.mark.parametrize("background", BACKGROUNDS)
@pytest.mark.parametrize(("color_by", "cat"), COLOURS + [("unknown", "")],
                         ids=[f"{b}:{c}" for b, c in COLOURS] + ["unknown"])
def test_every_colour_stands_out_against_land_sea_and_halo(color_by, cat, background):
    colour = UNKNOWN_STYLE["color"] if color_by == "unknown" else LINK_STYLES[color_by][cat]["color"]
    assert contrast(colour, BACKGROUNDS[background]) >= MIN_CONTRAST, (colour, background)


def test_dash_patterns_are_a_second_cue_within_each_colouring():
    for styles in LINK_STYLES.values():
        dashes = [s["dashArray"] for s in styles.values()]
        assert len(set(dashes)) == len(dashes)


# The helper itself, against published values.
@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu & Dalal (2005), Table 1: pairs 1, 7, 17, 25
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_sharmas_test_data(lab1, lab2, expected):
    assert ciede2000(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)


def test_simulation_and_contrast_known_values():
    white, grey = to_linear(srgb("#FFFFFF")), to_linear(srgb("#808080"))
    for m in MACHADO:  # each matrix keeps neutrals neutral (its rows sum to 1)
        assert np.allclose(simulate(white, m), white, atol=1e-3) and np.allclose(simulate(grey, m), grey, atol=1e-3)
    # Red and green, far apart for normal vision, nearly merge for a deuteranope.
    assert distance("#D62728", "#2CA02C", None) > 60 > 25 > distance("#D62728", "#2CA02C", "deuteranopia")
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert lab(to_linear(srgb("#FFFFFF"))) == pytest.approx([100.0, 0.0, 0.0], abs=0.01)
