"""core/map/ids.py: a feature's id as the map writes it and a click reports it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.map.ids import KINDS, feature_id, parse


@pytest.mark.parametrize(("fid", "parsed"), [
    ("place:天津市", ("place", "天津市")),
    ("link:北九州市–天津市", ("link", "北九州市–天津市")),
    ("overlay:25916", ("overlay", "25916")),
    ("place:a:b", ("place", "a:b")),  # only the first colon separates
    ("overlay:１２", None),  # an index is ASCII digits
    ("overlay:-1", None),
    ("overlay:", None), ("place:", None), ("place", None), ("marker:天津市", None), ("", None),
    (None, None), (12, None), ({"id": "place:x"}, None),
])
def test_parse(fid, parsed) -> None:
    assert parse(fid) == parsed


@given(st.sampled_from(KINDS), st.text(min_size=1))
def test_a_written_id_reads_back(kind, key) -> None:
    if kind == "overlay":
        key = str(abs(hash(key)))
    assert parse(feature_id(kind, key)) == (kind, key)
