"""export.fanout: coincident markers of a static figure fanned out, the rest untouched."""

from __future__ import annotations

import math

import pytest

from core.map.style import MARKER_PX
from export.fanout import spread_markers


@pytest.mark.parametrize(
    ("points", "still"),
    [
        ([(100.0, 100.0), (100.0, 100.0), (100.0, 100.0), (400.0, 400.0)], [3]),  # Beijing's three, one far away
        ([(0.0, 0.0), (5.0, 0.0)], []),  # near, not identical: both move apart
        ([(0.0, 0.0), (100.0, 0.0)], [0, 1]),  # far enough: nothing moves
        ([], []),
    ],
)
def test_spread_keeps_markers_apart_and_moves_only_crowded_ones(points, still):
    offsets = spread_markers(points)
    moved = [(x + dx, y + dy) for (x, y), (dx, dy) in zip(points, offsets)]
    assert all(offsets[i] == (0.0, 0.0) for i in still)
    for a in range(len(moved)):
        for b in range(a + 1, len(moved)):
            assert math.dist(moved[a], moved[b]) >= MARKER_PX - 1e-6
