"""ui.style.css_string: any text as a CSS string literal that nothing in it can end early."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from ui.style import css_string

_ESCAPE = re.compile(r"\\([0-9a-f]{1,6}) ")


def _read(literal: str) -> str:
    """What a browser reads from the literal: the text between the quotes, escapes decoded."""
    assert literal[0] == literal[-1] == '"'
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), literal[1:-1])


@pytest.mark.parametrize(("text", "literal"), [
    ("Choose a file", '"Choose a file"'),
    ("50 MB", '"50 MB"'),
    ("300,000", '"300\\2c 000"'),
    ('a"b', '"a\\22 b"'),
    ("</style>", '"\\3c \\2f style\\3e "'),
    ("ファイル", '"\\30d5 \\30a1 \\30a4 \\30eb "'),
    ("", '""'),
])
def test_css_string(text: str, literal: str) -> None:
    assert css_string(text) == literal


@given(st.text())
def test_any_text_reads_back_whole_and_cannot_end_the_string_rule_or_element(text: str) -> None:
    literal = css_string(text)
    assert _read(literal) == text
    # only ASCII letters, digits, spaces and hexadecimal escapes: no quote, backslash, "<", ";" or "}"
    assert re.fullmatch(r"(?:[A-Za-z0-9 ]|\\[0-9a-f]{1,6} )*", literal[1:-1])
