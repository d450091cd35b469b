"""export.fanout: coincident markers of a static figure fanned out, the rest untouched."""

from __future__ import annotations

import math

import pytest

from core.map.style import MARKER_PX
from export.fanout import bend_ends, spread_markers


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


@pytest.mark.parametrize(
    "points",
    [
        [(0.0, 10.0), (8.0, 0.0)],  # 福岡県 south-west of 北九州市 (y downwards): it stays so
        [(8.0, 0.0), (0.0, 10.0)],  # the same, listed the other way round
        [(0.0, 0.0), (10.0, 0.0), (5.0, 5.0)],  # west, east and south stay west, east and south
    ],
)
def test_fanned_markers_keep_their_geographic_order(points):
    moved = [(x + dx, y + dy) for (x, y), (dx, dy) in zip(points, spread_markers(points))]
    for a in range(len(points)):
        for b in range(len(points)):
            for axis in (0, 1):
                if points[a][axis] < points[b][axis] - 1:
                    assert moved[a][axis] < moved[b][axis], (points[a], points[b], moved)


def test_bend_ends_moves_each_end_by_its_own_offset_and_fades_along_the_line():
    line = [(0.0, 0.0), (50.0, 20.0), (100.0, 0.0)]
    assert bend_ends(line, (4.0, -2.0), (0.0, 6.0)) == [(4.0, -2.0), (52.0, 22.0), (100.0, 6.0)]
