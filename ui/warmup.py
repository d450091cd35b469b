"""Work the first session would do, done ahead at server start (ui/launch.py runs it in the background
while the browser loads Streamlit's page): importing the pages' libraries (~2-5 s on a busy 2-core
laptop), what the map page's first run needs first; copying Leaflet into static/, writing the
offline basemap file there and reading the overlay file named at start; then, once a first map has
been sent, what only a click or another page needs (Altair, openpyxl, matplotlib). Nothing here
depends on the session or writes the data folder."""

from __future__ import annotations

import importlib
import inspect
import logging
import threading
import time

from common.i18n import LANGS, format_date
from ui import session
from ui.streamlit_private import ICON_CATALOGS

# What the map page's first run imports (app.py, pages/map.py): the slow part of a fresh
# process's first run, done first, Streamlit's icon names before all (app.py's first statement checks
# its icon). Never streamlit_folium (ui.mapclick imports it only inside a run): Streamlit registers
# a component only when it is declared inside a script run, so imported here the map would be a 404
# for every session.
FIRST = (
    *ICON_CATALOGS,
    "folium", "folium.plugins", "streamlit.components.v1",  # what streamlit_folium imports
    "branca", "core.map.build", "core.geography.outlines",
    "ui.controls", "ui.details", "ui.downloads", "ui.problems", "ui.snapshots", "ui.style", "ui.tables",
    "ui.tourpanel",
)
# What only a click on the map page needs (imported inside the functions that use them, so the map
# page's first run never waits for them): the figure exports (matplotlib). Never what only other pages
# need (Altair, pandas, pyarrow and openpyxl: their charts, grids and workbook), imported by the first
# run that draws them: ~150 MB the server would keep for a room that may never open those pages.
LATER = ("export.render", "export.figure")
MODULES = FIRST + LATER
# LATER waits until a first map has been sent and then a little more: meanwhile the browser fetches
# the code of the page's elements and the map's frame from this same process, and imports here
# would slow those down (measured: make run -> map painted 0.7 s sooner). A server nobody opens
# imports them after MAP_WAIT_S.
MAP_SENT = threading.Event()
MAP_WAIT_S, SETTLE_S = 60.0, 5.0


def map_sent() -> None:
    """Called when a run has sent a map (ui.mapclick.show_map)."""
    MAP_SENT.set()


def warm() -> None:
    """Import the pages' modules and write the static files; a failure is left to the first session,
    which reports it to the reader as it would have without this."""
    try:
        for name in FIRST:
            importlib.import_module(name)
        # The file of every module loaded by now, noted by inspect (its cache): st_folium, declaring its
        # component in the first run, asks inspect which module calls, and that resolved them all (70-100 ms).
        inspect.getmodule(inspect.currentframe())
        for lang in LANGS:  # Babel reads a language's CLDR data on its first date (0.1 s, in the caption)
            format_date("2014-05-31", lang)
        session.static_assets()
        importlib.import_module("ui.staticfiles").basemap_url()  # the offline basemap, served
        session.startup_overlay()  # `--overlay FILE`: 0.5-1.5 s of reading on a cold process
        if MAP_SENT.wait(MAP_WAIT_S):
            time.sleep(SETTLE_S)
        for name in LATER:
            importlib.import_module(name)
        importlib.import_module("export.fonts").cjk_family()  # the font list the export buttons check
    except Exception:  # noqa: BLE001 - the session that needs it meets the same error and shows it
        logging.getLogger(__name__).debug("warm-up stopped", exc_info=True)
