"""The app's own stylesheets and page scripts (ui/assets/), put into the Streamlit page."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import streamlit as st

from common.i18n import t
from core.map.encoding import js_json

ASSETS = Path(__file__).resolve().parent / "assets"

# Streamlit's own English that the app has no option to set, reworded in the page by
# assets/streamlit-words.js: the message `streamlit.<name>` says it in each language, its English
# being Streamlit's exact text (a test finds each in Streamlit's frontend). PATTERNS are built
# around a {label}.
STREAMLIT_WORDS = (
    "skip", "app_pages", "collapse_sidebar", "expand_sidebar", "sidebar", "main_menu", "running",
    "download_csv", "download_png", "fullscreen", "close_fullscreen", "search", "close_search", "next_result",
    "previous_result", "show_hide_columns", "column_menu", "copy_column_name", "select_all", "clear_all",
    "clear_value", "selected_values", "open", "close", "no_results", "link_heading", "file_upload", "add_files",
    "show_data", "copy_spec", "vega", "map_frame", "connection_error", "still_running", "run_command",
    "not_responding", "copy_clipboard", "dismiss", "show_suggestions", "suggestions",
    "press_enter",
)
STREAMLIT_PATTERNS = ("help_for", "range_start", "range_end", "remove", "selected",
                      "options_available", "option_available")  # the last two: a menu's count, read aloud
LEAFLET_WORDS = ("zoom_in", "zoom_out")  # the map frame's zoom buttons (Leaflet's titles): `leaflet.<name>`


@cache
def _asset(name: str) -> str:
    """An asset's text, read once per server: every rerun puts it into the page."""
    return (ASSETS / name).read_text(encoding="utf-8")


def stylesheet(name: str) -> None:
    st.html(f"<style>{_asset(name)}</style>")


def script(name: str) -> None:
    """A same-origin script in the page itself (keys); it guards itself against running twice."""
    st.html(f"<script>{_asset(name)}</script>", unsafe_allow_javascript=True)


def streamlit_words(lang: str) -> None:
    """Streamlit's own words (STREAMLIT_WORDS, STREAMLIT_PATTERNS) and the map's zoom buttons'
    (LEAFLET_WORDS) in `lang`, and the page's lang."""
    st.html(_words_script(lang), unsafe_allow_javascript=True)


@cache
def _words_script(lang: str) -> str:
    """The page script of streamlit_words, built once per language (every rerun sends it)."""
    words = {t(f"streamlit.{n}", "en"): t(f"streamlit.{n}", lang) for n in STREAMLIT_WORDS}
    words |= {t(f"leaflet.{n}", "en"): t(f"leaflet.{n}", lang) for n in LEAFLET_WORDS}
    patterns = {t(f"streamlit.{n}", "en", label="{label}"): t(f"streamlit.{n}", lang, label="{label}")
                for n in STREAMLIT_PATTERNS}
    config = js_json({"lang": lang, "words": words, "patterns": patterns})
    return f"<script>window.__jcmWords = {config};\n{_asset('streamlit-words.js')}</script>"


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
