"""The capped list of problems on the error screen: every kind stays visible, the rest is counted;
a long value is quoted in part."""

from __future__ import annotations

import pytest

from core.data.errors import VALUE_SHOWN, DataError, DataLoadError

CODES = {"a": "unknown_place", "b": "bad_choice", "c": "bad_year"}  # short names keep the table readable


def _codes(shown: list[tuple[DataError, int]]) -> list[tuple[str, int, int]]:
    short = {code: letter for letter, code in CODES.items()}
    return [(short[e.problem], e.line, left_out) for e, left_out in shown]


@pytest.mark.parametrize(
    ("problems", "limit", "expected"),
    [
        pytest.param(["a", "b"], 5, [("a", 0, 0), ("b", 1, 0)], id="under-the-limit"),
        pytest.param(["a"] * 5, 5, [("a", i, 0) for i in range(5)], id="exactly-the-limit"),
        pytest.param(["a"] * 7, 5, [("a", i, 0) for i in range(4)] + [("a", 4, 2)], id="one-kind-over"),
        pytest.param(
            ["a"] * 10 + ["b"], 5, [("a", i, 0) for i in range(3)] + [("a", 3, 6), ("b", 10, 0)],
            id="a-late-kind-keeps-its-first",
        ),
        pytest.param(
            ["a", "b"] * 4, 4, [("a", 0, 0), ("b", 1, 0), ("a", 2, 2), ("b", 3, 2)], id="interleaved-kinds",
        ),
        pytest.param(["a", "b", "c"], 2, [("a", 0, 0), ("b", 1, 0), ("c", 2, 0)], id="more-kinds-than-the-limit"),
    ],
)
def test_shown_keeps_every_kind_and_counts_what_it_leaves_out(problems, limit, expected):
    err = DataLoadError([DataError("places.csv", CODES[code], line) for line, code in enumerate(problems)])
    shown = err.shown(limit)
    assert _codes(shown) == expected
    assert len(shown) + sum(left_out for _, left_out in shown) == len(problems)


def test_fifty_thousand_problems_are_fifty_lines():
    err = DataLoadError([DataError("partnerships.csv", "unknown_place", line) for line in range(2, 50_002)])
    shown = err.shown(50)
    assert len(shown) == 50 and shown[-1][1] == 49_950


@pytest.mark.parametrize(("value", "quoted"), [
    pytest.param("", "", id="empty"),
    pytest.param("1" * VALUE_SHOWN, "1" * VALUE_SHOWN, id="as-long-as-shown"),
    pytest.param("1" * (VALUE_SHOWN + 1), "1" * VALUE_SHOWN + "…", id="one-more"),
    pytest.param("天" * 100_000, "天" * VALUE_SHOWN + "…", id="a-100000-character-cell"),
])
@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_a_message_quotes_at_most_the_first_characters_of_a_value(value, quoted, lang):
    message = DataError("pairs.csv", "not_a_number", line=2, column="lat1", value=value,
                        params={"lo": "-90", "hi": "90"}).message(lang)
    assert quoted in message
    assert len(message) < VALUE_SHOWN + 300
