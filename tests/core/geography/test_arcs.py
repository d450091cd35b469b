"""Arcs: exact endpoints, the geodesic when unbent, distinct curves for links sharing a city."""

from __future__ import annotations

import math

import pytest
from geographiclib.geodesic import Geodesic

from core.geography.arcs import arc_points, assign_bends, auto_points

TIANJIN = (39.3434, 117.3616)
YOKKAICHI = (34.9650, 136.6244)
KOBE = (34.6901, 135.1955)
KITAKYUSHU = (33.8834, 130.8752)
SHANGHAI = (31.2304, 121.4737)


@pytest.mark.parametrize(
    ("start", "end", "bend", "n"),
    [
        (TIANJIN, YOKKAICHI, 0.0, 9),
        (TIANJIN, KOBE, 0.2, 12),
        (KITAKYUSHU, SHANGHAI, -0.3, None),
        ((10.0, 179.0), (10.0, -179.0), 0.1, 5),  # across the antimeridian
        ((-33.9, 151.2), (51.5, -0.1), 0.1, None),  # long haul
    ],
)
def test_endpoints_are_exact(start, end, bend, n):
    pts = arc_points(start, end, bend=bend, n=n)
    assert pts[0] == start
    assert pts[-1][0] == end[0]
    assert (pts[-1][1] - end[1]) % 360 == pytest.approx(0.0, abs=1e-9)
    assert len(pts) == (n or auto_points(Geodesic.WGS84.Inverse(*start, *end)["s12"]))


def test_longitudes_continuous_across_antimeridian():
    pts = arc_points((10.0, 179.0), (10.0, -179.0), n=5)
    steps = [abs(b[1] - a[1]) for a, b in zip(pts, pts[1:])]
    assert max(steps) < 1.0


@pytest.mark.parametrize(("start", "end"), [(TIANJIN, YOKKAICHI), (KITAKYUSHU, SHANGHAI)])
def test_unbent_midpoint_is_on_the_geodesic(start, end):
    pts = arc_points(start, end, bend=0.0, n=5)
    line = Geodesic.WGS84.InverseLine(*start, *end)
    mid = line.Position(line.s13 / 2)
    assert pts[2] == pytest.approx((mid["lat2"], mid["lon2"]), abs=1e-9)


def test_bend_moves_the_midpoint_sideways_by_the_fraction():
    line = Geodesic.WGS84.InverseLine(*TIANJIN, *KOBE)
    straight = arc_points(TIANJIN, KOBE, bend=0.0, n=5)[2]
    bent = arc_points(TIANJIN, KOBE, bend=0.2, n=5)[2]
    off = Geodesic.WGS84.Inverse(*straight, *bent)["s12"]
    assert off == pytest.approx(0.2 * line.s13, rel=0.02)


@pytest.mark.parametrize("point", [TIANJIN, (0.0, 0.0), (89.9, 10.0)])
def test_identical_endpoints_do_not_crash(point):
    pts = arc_points(point, point, bend=0.3)
    assert pts[0] == pts[-1] == point


@pytest.mark.parametrize(
    "links",
    [
        [("四日市市", "天津市"), ("神戸市", "天津市"), ("北九州市", "天津市")],
        [("北九州市", "上海市"), ("北九州市", "天津市"), ("北九州市", "武漢市"), ("北九州市", "唐山市")],
        [("a", "b"), ("b", "a"), ("a", "b")],  # the same pair, both ways
    ],
)
def test_links_sharing_an_endpoint_get_distinct_bends(links):
    bends = assign_bends(links)
    seen: dict[str, set[float]] = {}
    for (a, b), bend in zip(links, bends):
        for end, oriented in ((a, bend), (b, -bend)):
            assert oriented not in seen.setdefault(end, set())
            seen[end].add(oriented)
    assert all(bend != 0 for bend in bends)  # every link is visibly curved


def test_tianjin_arcs_are_distinct():
    coords = {"四日市市": YOKKAICHI, "神戸市": KOBE, "北九州市": KITAKYUSHU, "天津市": TIANJIN}
    links = [("四日市市", "天津市"), ("神戸市", "天津市"), ("北九州市", "天津市")]
    bends = assign_bends(links)
    mids = [arc_points(coords[a], coords[b], bend=k, n=9)[4] for (a, b), k in zip(links, bends)]
    for i in range(len(mids)):
        for j in range(i + 1, len(mids)):
            assert math.dist(mids[i], mids[j]) > 0.5  # degrees apart at the middle


def test_hub_with_many_links_does_not_fail():
    links = [("hub", f"c{i}") for i in range(50)]
    bends = assign_bends(links)
    assert len(bends) == 50 and max(abs(b) for b in bends) <= 0.4 + 1e-9
