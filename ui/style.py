"""The app's own stylesheets and page scripts (ui/assets/), put into the Streamlit page."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import streamlit as st

ASSETS = Path(__file__).resolve().parent / "assets"


def stylesheet(name: str) -> None:
    st.html(f"<style>{(ASSETS / name).read_text(encoding='utf-8')}</style>")


def script(name: str) -> None:
    """A same-origin script in the page itself (keys); it guards itself against running twice."""
    st.html(f"<script>{(ASSETS / name).read_text(encoding='utf-8')}</script>", unsafe_allow_javascript=True)


def css_string(text: str) -> str:
    """`text` as a CSS string literal: every character but ASCII letters, digits and spaces as a
    hexadecimal escape, so no text can end the string, the rule or the <style> element."""
    return '"' + "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} " for c in text) + '"'


def reword(words: Mapping[str, str]) -> None:
    """Show each text of `words` in place of the words Streamlit writes itself (in English, whatever
    the reader's language) in the elements its selector picks; their children are hidden, not removed."""
    rules = " ".join(f"{sel} > * {{ display: none; }} {sel}::after {{ content: {css_string(text)}; }}"
                     for sel, text in words.items())
    st.html(f"<style>{rules}</style>")
