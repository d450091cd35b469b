"""Web-Mercator pixels and fitBounds' zoom, as Leaflet computes them."""

from __future__ import annotations

import pytest

from core.map.projection import Box, fit_zoom, initial_viewport, project


@pytest.mark.parametrize(
    ("lat", "lon", "zoom", "expected"),
    [(0.0, 0.0, 0, (128.0, 128.0)), (0.0, -180.0, 1, (0.0, 256.0)), (85.0511287798, 180.0, 0, (256.0, 0.0))],
)
def test_project_matches_web_mercator(lat, lon, zoom, expected):
    assert project(lat, lon, zoom) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    ("points", "size", "expected"),
    [
        ([], (1000, 650), 2),
        ([(35.0, 135.0)], (1000, 650), 9),  # a single point: clamped to max zoom
        ([(23.1, 113.3), (41.8, 139.7)], (1000, 650), 5),
        ([(-40.0, -170.0), (60.0, 170.0)], (1000, 650), 2),
    ],
)
def test_fit_zoom(points, size, expected):
    assert fit_zoom(points, *size) == expected




def test_initial_viewport_is_centred_on_the_points_bounds():
    points = [(31.23, 121.474), (35.531, 139.703)]
    vp = initial_viewport(points, 5, 800, 600)
    (x0, y1), (x1, y0) = project(31.23, 121.474, 5), project(35.531, 139.703, 5)
    assert (vp.x1 - vp.x0, vp.y1 - vp.y0) == pytest.approx((800, 600))
    assert ((vp.x0 + vp.x1) / 2, (vp.y0 + vp.y1) / 2) == pytest.approx(((x0 + x1) / 2, (y0 + y1) / 2))


@pytest.mark.parametrize(
    ("a", "b", "margin", "hit"),
    [
        (Box(0, 0, 10, 10), Box(10, 0, 20, 10), 0, False),  # touching edges do not overlap
        (Box(0, 0, 10, 10), Box(9, 9, 20, 20), 0, True),
        (Box(0, 0, 10, 10), Box(12, 0, 20, 10), 3, True),  # within the margin
        (Box(0, 0, 10, 10), Box(13, 0, 20, 10), 3, False),
        (Box(0, 0, 10, 10), Box(0, 30, 10, 40), 0, False),
    ],
)
def test_box_hits(a, b, margin, hit):
    assert a.hits(b, margin) is hit and b.hits(a, margin) is hit
