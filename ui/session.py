"""What every page shares: the data folder, the cached dataset and coordinates, the view state.

The only layer besides pages/ that imports Streamlit. Caches are keyed by the data files'
modification times, so an edit in Excel shows up on the next rerun without a restart.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import streamlit as st

from core.assets import ensure_static_assets
from core.loading import data_dir_from_env, load_dataset
from core.models import Dataset
from geo import geocode

APP_DIR = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """`streamlit run app.py -- --data-dir DIR`, else $JCAIR_DATA_DIR, else the bundled data/."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir")
    known, _ = parser.parse_known_args(sys.argv[1:])
    return data_dir_from_env(known.data_dir)


@st.cache_resource(show_spinner=False)
def static_assets() -> None:
    """Copy Leaflet into static/ once per server process (not on every rerun)."""
    ensure_static_assets(APP_DIR)


def _signature(folder: Path) -> tuple[tuple[str, float], ...]:
    """Modification times of the folder's CSV files: the cache key that notices edits."""
    return tuple(sorted((p.name, p.stat().st_mtime) for p in folder.glob("*.csv")))


@st.cache_resource(show_spinner=False, max_entries=8)
def _dataset(folder: str, signature: tuple[tuple[str, float], ...]) -> Dataset:
    return load_dataset(folder)


@st.cache_resource(show_spinner=False, max_entries=8)
def _coordinates(folder: str, signature: tuple[tuple[str, float], ...]) -> dict[str, tuple[float, float]]:
    return geocode.coordinates(_dataset(folder, signature).places, Path(folder) / geocode.CACHE_FILE)


def dataset() -> Dataset:
    """The loaded data folder; raises DataLoadError (shown by the app) when a file is wrong."""
    folder = data_dir()
    return _dataset(str(folder), _signature(folder))


def coordinates() -> dict[str, tuple[float, float]]:
    """Place key → (lat, lon) from the offline geocoding chain (manual, cache, gazetteer)."""
    folder = data_dir()
    return _coordinates(str(folder), _signature(folder))
