"""Web-Mercator pixels and fitBounds' zoom, as Leaflet computes them."""

from __future__ import annotations

import pytest

from core.map.projection import fit_zoom, project


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
