"""ui.style.css_string: any text as a CSS string literal that nothing in it can end early; the words
of Streamlit's own that the page rewords are Streamlit's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit
import streamlit_folium
from hypothesis import given
from hypothesis import strategies as st

from common.i18n import t
from core.map.vendor import leaflet_dir
from ui.style import LEAFLET_WORDS, STREAMLIT_PATTERNS, STREAMLIT_WORDS, css_string

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


STREAMLIT_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"


@pytest.fixture(scope="module")
def streamlit_frontend() -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in STREAMLIT_JS.glob("*.js"))


@pytest.mark.parametrize("name", [*STREAMLIT_WORDS, *STREAMLIT_PATTERNS])
def test_each_reworded_text_is_streamlits_own(streamlit_frontend, name):
    """The English a message rewords is exactly what Streamlit writes (else it would never match);
    a new Streamlit version that rewrites its words fails here."""
    english = t(f"streamlit.{name}", "en", label="{label}")
    if name == "map_frame":  # the map component's iframe title: its package and declared name
        package = Path(streamlit_folium.__file__)
        assert english == f"{package.parent.name}.st_folium"
        assert 'declare_component("st_folium"' in package.read_text(encoding="utf-8")
        return
    pieces = [p for p in re.split(r"\{label\}", english) if p.strip()]
    if name == "press_enter":  # a text box's hint, built: `Press Enter to ${e}` with e = `apply`
        pieces = ["Press Enter to ${e}", "`apply`"]
    if name.endswith("_available"):  # React Aria's plural: `${n} option(s)` then ` available.`
        pieces = [f" {pieces[0].split()[0]}`", " available."]
    assert pieces and all(p.replace(" — ", "") in streamlit_frontend for p in pieces), english


@pytest.mark.parametrize("name", LEAFLET_WORDS)
def test_each_reworded_map_text_is_leaflets_own(name):
    leaflet = (leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")
    assert f"'{t(f'leaflet.{name}', 'en')}'" in leaflet or f'"{t(f"leaflet.{name}", "en")}"' in leaflet
