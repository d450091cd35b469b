"""Streamlit glue the pages share (ARCHITECTURE.md)."""

from core.map import nopandas  # noqa: F401 - before ui.mapclick imports folium: see core/map/nopandas.py
