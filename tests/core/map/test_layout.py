"""Label placement: at the initial view no two labels (nor a label and a marker) overlap."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from core.map.layout import LabelInput, label_size, place_labels, spread_markers, wrap
from core.map.projection import Box, fit_zoom, initial_viewport, project
from core.map.style import MARKER_PX
from geocode.places import coordinates, load_folder

DATA = Path(__file__).resolve().parents[3] / "data"

# Reference coordinates (lat, lon). Regions sit on their capitals and the two national bodies on
# Beijing's centre: the worst case for crowding (the geocoder keeps regions away from cities).
REFERENCE = {
    "東京都": (35.6895, 139.6917), "富山県": (36.6953, 137.2113), "長野県": (36.6513, 138.1810),
    "兵庫県": (34.6913, 135.1830), "福岡県": (33.6064, 130.4181), "川崎市": (35.531, 139.703),
    "四日市市": (34.965, 136.624), "神戸市": (34.690, 135.196), "北九州市": (33.883, 130.875),
    "北京市": (39.904, 116.407), "天津市": (39.125, 117.190), "上海市": (31.230, 121.474),
    "遼寧省": (41.8057, 123.4315), "河北省": (38.0428, 114.5149), "広東省": (23.1291, 113.2644),
    "江蘇省": (32.0603, 118.7969), "瀋陽市": (41.806, 123.432), "武漢市": (30.593, 114.305),
    "唐山市": (39.630, 118.180), "環境保護部": (39.904, 116.407),
    "日中友好環境保全センター": (39.904, 116.407),
}
LONG_EN = {
    "環境保護部": "Ministry of Environmental Protection",
    "日中友好環境保全センター": "Sino-Japan Friendship Centre for Environmental Protection",
}


def _bundled() -> tuple[dict[str, dict[str, str]], dict[str, tuple[float, float]]]:
    """ja/en/zh names and the app's coordinates (manual lat/lon, then geocache) of the bundled
    data's 21 places: both files are committed."""
    ds, cache = load_folder(DATA)
    coords = coordinates(ds.places, cache)
    assert set(REFERENCE) <= set(ds.places) and set(REFERENCE) <= set(coords)
    return {k: {lang: ds.places[k].names.get(lang) for lang in ("ja", "en", "zh")} for k in REFERENCE}, coords


def _coords(source: str) -> dict[str, tuple[float, float]]:
    return {k: _bundled()[1][k] for k in REFERENCE} if source == "bundled" else dict(REFERENCE)


def _boxes(items, placements, zoom):
    labels, markers = [], []
    for it in items:
        p = placements[it.key]
        x, y = project(it.lat, it.lon, zoom)
        labels.append(Box(x + p.dx, y + p.dy, x + p.dx + p.width, y + p.dy + p.height))
        mx, my = x + p.marker_dx, y + p.marker_dy
        markers.append(Box(mx - MARKER_PX / 2, my - MARKER_PX / 2, mx + MARKER_PX / 2, my + MARKER_PX / 2))
    return labels, markers


@pytest.mark.parametrize("source", ["reference", "bundled"])
@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
@pytest.mark.parametrize(("width", "height"), [(1000, 650), (1280, 720), (800, 600)])
def test_21_places_no_overlap_at_initial_view(source, lang, width, height):
    coords, names = _coords(source), _bundled()[0]
    items = [LabelInput(k, *coords[k], names[k][lang]) for k in REFERENCE]
    zoom = fit_zoom(list(coords.values()), width, height)
    viewport = initial_viewport(list(coords.values()), zoom, width, height)
    placements = place_labels(items, zoom, viewport)
    assert set(placements) == set(REFERENCE)
    labels, markers = _boxes(items, placements, zoom)
    for i, a in enumerate(labels):
        assert viewport.x0 <= a.x0 and a.x1 <= viewport.x1 and viewport.y0 <= a.y0 and a.y1 <= viewport.y1
        for j, b in enumerate(labels):
            if i < j:
                assert not a.hits(b), (items[i].key, items[j].key)
        for j, m in enumerate(markers):
            assert i == j or not a.hits(m), (items[i].key, items[j].key)
    centres = [((m.x0 + m.x1) / 2, (m.y0 + m.y1) / 2) for m in markers]
    for i, a in enumerate(centres):  # co-located markers are fanned out
        for b in centres[i + 1:]:
            assert math.dist(a, b) >= MARKER_PX - 0.5


@pytest.mark.parametrize(
    ("text", "max_lines"),
    [("東京都", 1), ("Kitakyushu", 1), (LONG_EN["日中友好環境保全センター"], 5), ("日中友好環境保全センター", 2)],
)
def test_wrap_and_size(text, max_lines):
    lines = wrap(text)
    assert 1 <= len(lines) <= max_lines
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    w, h, n = label_size(text)
    assert n == len(lines) and w > 0 and h > 0


def test_cjk_is_wider_than_latin():
    assert label_size("東京都")[0] > label_size("Tok")[0]


def test_spread_fans_out_identical_points_only():
    offsets = spread_markers([(100.0, 100.0), (100.0, 100.0), (100.0, 100.0), (400.0, 400.0)])
    assert offsets[3] == (0.0, 0.0)
    moved = [(100 + dx, 100 + dy) for dx, dy in offsets[:3]]
    assert len(set(moved)) == 3


def test_empty_input():
    assert place_labels([], 5) == {}


def test_obstacles_are_avoided():
    items = [LabelInput("a", 35.0, 135.0, "Alpha"), LabelInput("b", 35.0, 136.0, "Beta")]
    x, y = project(35.0, 135.0, 6)
    wall = Box(x + 5, y - 100, x + 400, y + 100)  # everything right of "a"
    placed = place_labels(items, 6, obstacles=[wall])
    p = placed["a"]
    box = Box(x + p.dx, y + p.dy, x + p.dx + p.width, y + p.dy + p.height)
    assert not box.hits(wall)
    labels, markers = _boxes(items, placed, 6)  # and it found a free spot: no other box is hit
    assert not box.hits(labels[1]) and not any(box.hits(m) for m in markers)
