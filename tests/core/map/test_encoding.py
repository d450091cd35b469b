"""Encoding: any text survives as data and nothing in it can close a script, start markup or
be run by Jinja."""

from __future__ import annotations

import json

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.map.encoding import arc_json, collection_json, feature_json, js_call, js_json, point_json, script_safe


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"</script>"', '"\\u003c/script\\u003e"'),
        ('"a&b"', '"a\\u0026b"'),
        ('"{{ 7*7 }}"', '"\\u007b{ 7*7 }}"'),
        ('"{% if x %}"', '"\\u007b% if x %}"'),
        ('"{# c #}"', '"\\u007b# c #}"'),
        ('"{{{"', '"\\u007b\\u007b{"'),
        ('{"a":{"b":1}}', '{"a":{"b":1}}'),  # JSON's own braces stay
        ('"${x}"', '"${x}"'),  # inert inside a JSON string
    ],
)
def test_script_safe(text, expected):
    assert script_safe(text) == expected
    assert json.loads(script_safe(text)) == json.loads(text)


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                    max_leaves=10))
def test_any_value_round_trips_and_stays_inert(value):
    text = js_json(value)
    assert json.loads(text) == value
    assert not any(c in text for c in "<>&")
    assert "{{" not in text and "{%" not in text and "{#" not in text
    assert jinja2.Template(text).render() == text  # branca's second Jinja pass changes nothing


def test_js_call_takes_code_for_the_function_and_data_for_the_args():
    assert js_call("jcm.f", {"a": "</script>"}, 3.5).js_code == 'jcm.f({"a":"\\u003c/script\\u003e"},3.5)'


def test_features_are_geojson():
    point = point_json(35.123456, 139.987654)
    assert json.loads(point) == {"type": "Point", "coordinates": [139.9877, 35.1235]}
    line = json.loads(arc_json((35.0, 139.0), (39.9, 116.4), 0.2))
    assert line["type"] == "LineString" and line["coordinates"][0] == [139.0, 35.0]
    assert line["coordinates"][-1] == [116.4, 39.9] and len(line["coordinates"]) > 2
    fc = json.loads(collection_json([feature_json({"id": "place:x"}, point)] * 2))
    assert fc["type"] == "FeatureCollection" and [f["properties"]["id"] for f in fc["features"]] == ["place:x"] * 2
    assert json.loads(collection_json([])) == {"type": "FeatureCollection", "features": []}
