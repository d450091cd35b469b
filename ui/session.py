"""What every page shares: the data folder, the cached dataset and coordinates, the view state.

The only layer besides pages/ that imports Streamlit. Caches are keyed by the signature of the
files the app reads, so an edit in Excel shows up on the next rerun without a restart. The app
only reads the data folder: coordinates come from the geocode cache as `make geocode` wrote it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from common.i18n import browser_lang
from core.data.loading import DATA_FILES, data_dir_from_env
from core.data.models import Dataset
from core.edit.save import Recovery, recover
from core.overlay.importing import Imported, import_file
from core.room.share import is_laptop
from core.view.tour import TOUR, TourStep, load_tour
from geo.cache import CACHE_FILE, CacheEntry
from geocode.overlay import offline_resolver
from geocode.places import coordinates as chain_coordinates
from geocode.places import load_folder
from ui import arguments, staticfiles
from ui.arguments import ArgumentProblem

APP_DIR = Path(__file__).resolve().parent.parent
READ_FILES = (*DATA_FILES, CACHE_FILE, TOUR)  # every file of the data folder the app reads, and no other
ALLOW_EDIT_ENV = "JCAIR_ALLOW_EDIT"  # "1" (or --allow-edit) shows the page that records a new snapshot
OVERLAY_ENV = "JCAIR_OVERLAY"  # a pairs file (CSV/.xlsx) every session shows as the overlay (or --overlay)

Signature = tuple[tuple[str, int, int, int, int], ...]
_RECOVERIES_SEEN = "_recoveries_seen"


def _arguments() -> argparse.Namespace:
    """The app's own options, given after `--`: `streamlit run app.py -- --data-dir DIR --allow-edit`."""
    return arguments.parse(tuple(sys.argv[1:]))[0]


def argument_problem() -> ArgumentProblem | None:
    """What is wrong with the app's own options (app.py shows it instead of the app), or None."""
    return arguments.parse(tuple(sys.argv[1:]))[1]


def data_dir() -> Path:
    """`streamlit run app.py -- --data-dir DIR`, else $JCAIR_DATA_DIR, else the bundled data/."""
    return data_dir_from_env(_arguments().data_dir)


def editing_allowed() -> bool:
    """Whoever starts the server decides whether the app may write: `--allow-edit` or $JCAIR_ALLOW_EDIT=1.
    Off by default, so that a projector laptop showing the map can never change the data; and only
    ever for the laptop itself (asked again on every run, so on every request that could write)."""
    by_env = os.environ.get(ALLOW_EDIT_ENV, "").strip().lower() in ("1", "true", "yes", "on")
    started = _arguments().allow_edit or by_env
    return started and from_laptop()


def sharing() -> bool:
    """`--share` (`python run.py --share`): the server listens on the laptop's network too."""
    return _arguments().share


def from_laptop() -> bool:
    """This session's browser runs on the laptop itself (127.0.0.1 or ::1), not on another device."""
    return is_laptop(st.context.ip_address)


def device_lang() -> str | None:
    """The language a participant's device opens in when its address names none: its browser's
    (navigator.language, else Accept-Language), if the app speaks it. None on the laptop, which
    opens in the app's default language as it always has."""
    if from_laptop():
        return None
    return browser_lang(st.context.locale, st.context.headers.get("Accept-Language"))


def overlay_file() -> Path | None:
    """`streamlit run app.py -- --overlay FILE`, else $JCAIR_OVERLAY, else None: the file of other
    partnerships a presenter wants on the map at every start (read by ui/overlay.py)."""
    name = _arguments().overlay or os.environ.get(OVERLAY_ENV, "").strip()
    return Path(name).expanduser() if name else None


@st.cache_resource(show_spinner=False, max_entries=4)
def _startup_overlay(path: str, stamp: tuple[int, int, int, int]) -> Imported:
    return import_file(Path(path), offline_resolver(geocache()))


def startup_overlay() -> Imported | None:
    """The overlay file named at start, read once per server (by ui/warmup.py before the first
    session asks, when the server starts through ui/launch.py) and again only when it changes on disk."""
    path = overlay_file()
    return None if path is None else _startup_overlay(str(path), _file_stamp(path))


@st.cache_resource(show_spinner=False)
def static_assets() -> None:
    """Copy Leaflet and the map's files into static/ once per server process (not on every rerun)."""
    staticfiles.ensure_static_assets(APP_DIR)


def _file_stamp(path: Path) -> tuple[int, int, int, int]:
    """(mode, inode, size, mtime) of `path`, a cache key that notices edits. Never raises: a file
    that is missing or unreadable gets zeros (a broken link its link's), and the reader of the
    file, not this key, says what is wrong with it."""
    for stat in (os.stat, os.lstat):
        try:
            found = stat(path)
        except OSError:
            continue
        return found.st_mode, found.st_ino, found.st_size, found.st_mtime_ns
    return 0, 0, 0, 0


def _signature(folder: Path) -> Signature:
    """The stamp of each file the app reads (READ_FILES). Stray files (a backup, a dangling link)
    are not looked at at all."""
    return tuple((name, *_file_stamp(folder / name)) for name in READ_FILES)


@st.cache_resource(show_spinner=False, max_entries=8)
def _loaded(folder: str, signature: Signature) -> tuple[Dataset, dict[str, CacheEntry]]:
    return load_folder(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=8)
def _coordinates(folder: str, signature: Signature) -> dict[str, tuple[float, float]]:
    dataset, cache = _loaded(folder, signature)
    return chain_coordinates(dataset.places, cache)


def data_version() -> tuple[str, Signature]:
    """The data folder and its files' stamps: a key that changes whenever the data shown does."""
    folder = data_dir()
    return str(folder), _signature(folder)


@st.cache_resource(show_spinner=False)
def _recoveries(folder: str) -> list[Recovery]:
    """The interrupted saves this server ended in `folder`, in order (one server-wide list)."""
    return []


def recover_saves() -> list[Recovery]:
    """End a save left unfinished (core.edit.save.recover: one look at history/ when there is none),
    before any data is read; returns the ended saves this session has not been told about yet.
    Raises RecoveryFailed when the folder cannot be put right, and nothing of it may be shown."""
    folder = data_dir()
    ended = _recoveries(str(folder))
    found = recover(folder)
    if found is not None:
        ended.append(found)
    seen = st.session_state.get(_RECOVERIES_SEEN, 0)
    st.session_state[_RECOVERIES_SEEN] = len(ended)
    return ended[seen:]


def dataset() -> Dataset:
    """The loaded data folder; raises DataLoadError (shown by the app) when a file, or the cache, is wrong."""
    folder = data_dir()
    return _loaded(str(folder), _signature(folder))[0]


def geocache() -> dict[str, CacheEntry]:
    """The data folder's geocode cache, as loaded with the dataset (the overlay's names use it too)."""
    folder = data_dir()
    return _loaded(str(folder), _signature(folder))[1]


def coordinates() -> dict[str, tuple[float, float]]:
    """Place key → (lat, lon) from the offline geocoding chain (manual, cache, gazetteer)."""
    folder = data_dir()
    return _coordinates(str(folder), _signature(folder))


@st.cache_resource(show_spinner=False, max_entries=8)
def _tour(folder: str, signature: Signature) -> tuple[TourStep, ...]:
    return load_tour(Path(folder), _loaded(folder, signature)[0])


def tour() -> tuple[TourStep, ...]:
    """The data folder's guided tour (() without tour.csv); raises DataLoadError when tour.csv is
    wrong, which the presenter view shows without giving up the map."""
    folder = data_dir()
    return _tour(str(folder), _signature(folder))
