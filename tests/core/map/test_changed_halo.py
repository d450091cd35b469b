"""The "changed since" halo: only the given places carry `chg`, and the legend explains it only
when one of them is on the map."""

from __future__ import annotations

import pytest
from map_sample import P, build, features, legend_html

LABEL = "2014年5月31日 以降に変化"


@pytest.mark.parametrize(
    ("places", "changed", "marked", "in_legend"),
    [
        (None, {"北京市", "上海市"}, {"北京市", "上海市"}, True),
        (None, set(), set(), False),
        ([P["東京都"], P["神戸市"]], {"北京市"}, set(), False),  # the changed place is filtered out
        (None, {"河北省"}, set(), False),  # a key not on the map marks nothing
    ],
)
def test_only_changed_places_carry_the_halo(places, changed, marked, in_legend) -> None:
    kw = {"places": places} if places else {}
    m = build(**kw, changed=changed, changed_label=LABEL)
    found = {f["properties"]["id"].removeprefix("place:") for f in features(m, "places") if f["properties"].get("chg")}
    assert found == marked
    assert (LABEL in legend_html(m)) == in_legend
    assert ("jcm-chg" in legend_html(m)) == in_legend
