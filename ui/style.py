"""The app's own stylesheets and page scripts (ui/assets/), put into the Streamlit page."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

ASSETS = Path(__file__).resolve().parent / "assets"


def stylesheet(name: str) -> None:
    st.html(f"<style>{(ASSETS / name).read_text(encoding='utf-8')}</style>")


def script(name: str) -> None:
    """A same-origin script in the page itself (keys); it guards itself against running twice."""
    st.html(f"<script>{(ASSETS / name).read_text(encoding='utf-8')}</script>", unsafe_allow_javascript=True)
