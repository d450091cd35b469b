"""Work the first session would do, done ahead at server start (ui/launch.py runs it in the background
while the browser loads Streamlit's page): importing the pages' libraries (folium, Altair, pandas,
matplotlib's export code, ~2-5 s on a busy 2-core laptop), copying Leaflet into static/ and writing
the offline basemap file there, and reading the overlay file named at start. Nothing here depends
on the session or writes the data folder.
"""

from __future__ import annotations

import importlib
import logging

from ui import session

# What the pages import (app.py, pages/*_page.py): the slow part of a fresh process's first run.
# Never streamlit_folium (nor ui.mapclick, ui.presenter): Streamlit registers a component only when
# it is declared inside a script run, so imported here the map would be a 404 for every session.
MODULES = (
    "folium", "branca", "pandas", "altair",
    "core.charts", "core.map.build", "core.report", "core.workbook", "core.basemap",
    "ui.controls", "ui.details", "ui.downloads", "ui.problems",
    "ui.snapshots", "ui.style", "ui.tables", "ui.tourpanel", "export.render",
)


def warm() -> None:
    """Import the pages' modules and write the static files; a failure is left to the first session,
    which reports it to the reader as it would have without this."""
    try:
        for name in MODULES:
            importlib.import_module(name)
        session.static_assets()
        session.startup_overlay()  # `--overlay FILE`: 0.5-1.5 s of reading on a cold process
        importlib.import_module("core.basemap").offline_geojson_file()
    except Exception:  # noqa: BLE001 - the session that needs it meets the same error and shows it
        logging.getLogger(__name__).debug("warm-up stopped", exc_info=True)
