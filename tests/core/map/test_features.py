"""Features: what each place, link and label carries, and the named layout per zoom."""

from __future__ import annotations

import pytest

from core.map.build import build_map
from core.map.features import LABEL_LIMIT, layout_zooms
from core.models import Country, PlaceKind
from map_sample import COORDS, PLACES, build, features, place


@pytest.mark.parametrize(("zoom", "expected"), [(5, [3, 4, 5, 6]), (2, [2, 3]), (9, [7, 8, 9]), (12, [9])])
def test_layout_zooms(zoom, expected):
    assert layout_zooms(zoom) == expected


def test_labels_carry_a_named_layout_per_zoom():
    m = build()
    for f in features(m, "labels"):
        rows = f["properties"]["L"]
        assert len(rows) >= 3
        for row in rows.values():
            assert set(row) <= {"marker", "box", "leader"} and {"marker", "box"} <= set(row)
            assert set(row["marker"]) == {"dx", "dy"}
            assert {"x", "y", "w"} <= set(row["box"]) <= {"x", "y", "w", "wrap"} and row["box"]["w"] > 0
            if "leader" in row:  # the line ends on the box's edge or inside it
                box, end = row["box"], row["leader"]
                assert box["x"] - 0.1 <= end["x"] <= box["x"] + box["w"] + 0.1
    for f in features(m, "places"):
        assert all(set(row) == {"marker"} for row in f["properties"]["L"].values())


def test_place_marker_moves_like_its_label():
    """A place's marker offset is the one its label was laid out around, at every zoom."""
    m = build()
    markers = {f["properties"]["id"]: f["properties"]["L"] for f in features(m, "places")}
    for f in features(m, "labels"):
        rows = f["properties"]["L"]
        assert {z: {"marker": r["marker"]} for z, r in rows.items()} == markers[f["properties"]["id"]]


def test_co_located_places_are_fanned_out():
    """北京市 and 環境保護部 share a point: their markers are moved apart at every zoom."""
    m = build()
    rows = {f["properties"]["id"]: f["properties"]["L"] for f in features(m, "places")}
    for z, row in rows["place:北京市"].items():
        assert row["marker"] != rows["place:環境保護部"][z]["marker"]


def test_long_names_wrap():
    m = build(lang="en")
    label = next(f for f in features(m, "labels") if f["properties"]["id"] == "place:環境保護部")
    assert all(row["box"].get("wrap") == 1 for row in label["properties"]["L"].values())


def test_no_layout_above_the_label_limit():
    many = [place(f"市{i}", PlaceKind.CITY, Country.JP) for i in range(LABEL_LIMIT + 1)]
    coords = {p.key: (30 + i * 0.05, 130 + i * 0.05) for i, p in enumerate(many)}
    m = build_map(many, [], coords)
    assert all("L" not in f["properties"] for f in features(m, "places"))


def test_labels_off_keeps_marker_offsets():
    m = build(labels=False)
    assert not features(m, "labels")
    assert all(set(row) == {"marker"} for f in features(m, "places") for row in f["properties"]["L"].values())


def test_tips_and_label_texts_are_escaped_html():
    evil = place("<b>x</b>", PlaceKind.CITY, Country.JP, note="a&b")
    m = build_map([evil, *PLACES[:1]], [], {**COORDS, evil.key: (34.0, 133.0)})
    props = {f["properties"]["id"]: f["properties"] for f in features(m, "places")}
    assert props["place:<b>x</b>"]["tip"].startswith("<b>&lt;b&gt;x&lt;/b&gt;</b><br>")
    assert props["place:<b>x</b>"]["tip"].endswith("<br>a&amp;b")
    labels = {f["properties"]["id"]: f["properties"]["t"] for f in features(m, "labels")}
    assert labels["place:<b>x</b>"] == "&lt;b&gt;x&lt;/b&gt;"
