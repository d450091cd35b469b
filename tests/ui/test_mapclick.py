"""ui.mapclick: the clicked feature's id from what st_folium returns, and only clicks rerun."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.map.build import build_map
from core.map.map import GeoJsonData
from core.map.markers import DivIconLayer
from core.map.request import MapRequest
from geocode.places import coordinates, load_folder
from ui.mapclick import CLICK_RETURNS, clicked_id

DATA = Path(__file__).resolve().parents[2] / "data"
PAN_ZOOM = {"center", "zoom", "bounds"}  # st_folium reruns the app on these when returned


def _bundled_features() -> list[dict]:
    """Every feature a click can report on the bundled data's map (links, places, labels)."""
    ds, cache = load_folder(DATA)
    coords = coordinates(ds.places, cache)
    m = build_map(MapRequest(list(ds.places.values()), ds.partnerships, coords, stage_of=ds.stage_of))
    layers = [c for c in m._children["dynamic"]._children.values() if isinstance(c, GeoJsonData | DivIconLayer)]
    return [f for layer in layers for f in json.loads(layer.data)["features"]]


FEATURES = _bundled_features()


def _returned(feature: object) -> dict:
    """st_folium's return value after a click, with everything it can return."""
    return {"last_clicked": {"lat": 35.0, "lng": 135.0}, "last_object_clicked": {"lat": 35.0, "lng": 135.0},
            "last_object_clicked_tooltip": "東京都", "last_object_clicked_popup": None,
            "last_active_drawing": feature, "all_drawings": None, "last_circle_radius": None,
            "last_circle_polygon": None, "center": {"lat": 35.0, "lng": 128.0}, "zoom": 5,
            "bounds": {"_southWest": {"lat": 22, "lng": 108}, "_northEast": {"lat": 45, "lng": 146}}}


def test_bundled_map_has_every_kind_of_clickable_feature():
    kinds = {f["properties"]["id"].partition(":")[0] for f in FEATURES}
    assert kinds == {"place", "link"} and len(FEATURES) == 12 + 21 + 21


@pytest.mark.parametrize("feature", FEATURES, ids=lambda f: f["properties"]["id"])
def test_clicked_feature_gives_its_id(feature):
    returned = _returned(feature)
    assert clicked_id(returned) == feature["properties"]["id"]
    # what st_folium actually sends back: only the CLICK_RETURNS keys
    assert clicked_id({k: returned[k] for k in CLICK_RETURNS}) == feature["properties"]["id"]


@pytest.mark.parametrize(
    "returned",
    [
        None, {}, {"last_active_drawing": None}, _returned(None), _returned("place:x"), _returned([1, 2]),
        _returned({"properties": None}), _returned({"properties": "place:x"}), _returned({"properties": {"id": 5}}),
        _returned({"properties": {"id": "draw:1"}}), _returned({"properties": {"id": "place"}}),
        _returned({"properties": {}}), _returned({"type": "Feature", "geometry": None}),
        *(_returned({"properties": {"id": f"overlay:{i}"}, "geometry": None})
          for i in ("", "x", "-1", "1.5", "１２", " 3")),
    ],
)
def test_anything_else_gives_none(returned):
    assert clicked_id(returned) is None


def test_an_overlay_link_click_gives_its_index():
    """What jcm-overlay.js fires: a layer whose toGeoJSON() has only the id (no geometry)."""
    returned = _returned({"type": "Feature", "properties": {"id": "overlay:25916"}, "geometry": None})
    assert clicked_id({k: returned[k] for k in CLICK_RETURNS}) == "overlay:25916"


def test_only_clicks_rerun_the_app():
    assert not PAN_ZOOM & set(CLICK_RETURNS)
    assert "last_active_drawing" in CLICK_RETURNS  # what clicked_id reads
