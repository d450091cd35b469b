"""Column roles from headers in en/ja/zh, and the reader's reassignment."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.data.errors import DataError
from core.overlay.columns import ROLES, ColumnMap, fold, synonyms

FULL = dict(zip(ROLES, ROLES))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"],
         {**FULL, "lon1": "lng1", "lon2": "lng2"}),
        (["自治体", "国", "緯度", "経度", "相手都市", "相手国", "緯度2", "経度2"],
         {"city1": "自治体", "country1": "国", "lat1": "緯度", "lon1": "経度", "city2": "相手都市",
          "country2": "相手国", "lat2": "緯度2", "lon2": "経度2"}),
        (["城市1", "国家1", "纬度1", "经度1", "城市2", "国家2", "纬度2", "经度2"],
         {"city1": "城市1", "country1": "国家1", "lat1": "纬度1", "lon1": "经度1", "city2": "城市2",
          "country2": "国家2", "lat2": "纬度2", "lon2": "经度2"}),
        (["日本側", "中国側", "備考"], {"city1": "日本側", "city2": "中国側"}),
        (["Japanese city", "Chinese city", "Year"], {"city1": "Japanese city", "city2": "Chinese city"}),
        (["Japan side", "China side"], {"city1": "Japan side", "city2": "China side"}),
        (["City (Japan)", "City (China)"], {"city1": "City (Japan)", "city2": "City (China)"}),
        (["Japan", "China"], {"city1": "Japan", "city2": "China"}),
        (["Name A", "Name B", "Latitude A", "Longitude A"],
         {"city1": "Name A", "city2": "Name B", "lat1": "Latitude A", "lon1": "Longitude A"}),
        (["ＣＩＴＹ　１", "City-2", "city_2"], {"city1": "ＣＩＴＹ　１", "city2": "City-2"}),  # first one wins
        (["From", "To", "note"], {}),
        (["origin_city", "destination_city"], {"city1": "origin_city", "city2": "destination_city"}),
        (["id", "year", "comment"], {}),
    ],
)
def test_roles_are_found_from_headers(header, expected):
    assert dict(ColumnMap.detect(header).columns) == expected


def _decorated(draw, text: str) -> str:
    """`text` as someone might type it: any case, full width, spaces or underscores between letters."""
    out = []
    for ch in text:
        ch = ch.upper() if draw(st.booleans()) else ch
        if draw(st.booleans()) and "!" <= ch <= "~":
            ch = chr(ord(ch) + 0xFEE0)  # its full-width form (ｌａｔ１)
        out.append(ch + draw(st.sampled_from(["", "", " ", "_", "-", "　"])))
    return "".join(out)


@given(st.data())
def test_a_known_header_keeps_its_role_however_it_is_typed(data):
    known = synonyms()
    header = data.draw(st.sampled_from(sorted(known)))
    typed = _decorated(data.draw, header)
    assert fold(typed) == header
    assert ColumnMap.detect([typed]).columns == {known[header]: typed}


@given(st.permutations(["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2", "note"]))
def test_detection_does_not_depend_on_column_order(header):
    assert dict(ColumnMap.detect(header).columns) == {**FULL, "lon1": "lng1", "lon2": "lng2"}


@given(st.lists(st.text(max_size=12), max_size=12))
def test_each_header_serves_one_role_and_each_role_one_header(header):
    found = ColumnMap.detect(header).columns
    assert set(found) <= set(ROLES) and len(set(found.values())) == len(found)
    assert all(column in header for column in found.values())


def test_a_reassigned_column_leaves_the_role_it_had():
    columns = ColumnMap.detect(["a", "b", "c"]).assign("city1", "a").assign("city2", "b")
    assert dict(columns.assign("city2", "a").columns) == {"city2": "a"}
    assert dict(columns.assign("city1", None).columns) == {"city2": "b"}


@pytest.mark.parametrize(
    ("columns", "missing"),
    [
        (FULL, []),
        ({"city1": "a", "city2": "b"}, []),
        ({"city2": "b"}, ["city1"]),
        ({"city1": "a", "city2": "b", "lat1": "c"}, ["lon1"]),
        ({"city1": "a", "city2": "b", "lon2": "c"}, ["lat2"]),
    ],
)
def test_a_needed_role_without_a_column_is_a_problem(columns, missing):
    problems = ColumnMap(columns).problems("pairs.csv")
    assert [p.expected.key for p in problems] == [f"overlay.role.{role}" for role in missing]
    for p, role in zip(problems, missing):
        assert f"{role} / " in DataError.of(p).message("ja")  # the headers that would be recognised
