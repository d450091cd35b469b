"""folium without pandas: importing this module makes folium take its own no-pandas path.

folium's `utilities` tries `import pandas` at import time, only to accept DataFrames as locations,
which this project never passes. With pandas 3 that import also loads pyarrow: ~110 MB of the
server's memory and 0.2-0.4 s of the map page's first run, for nothing (measured: the map page's
first session at 236 MB resident, 125 MB of it pandas and pyarrow). The finder below refuses pandas
to folium's modules only: every other importer (the status page's grids, the overlay reader, the
charts) gets pandas as usual, and once pandas is loaded folium is never asked again. Python caches
modules, so this works only when it runs before folium is first imported: `core.map` and `ui`
import it in their `__init__`.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder

_IMPORT_MACHINERY = ("importlib._bootstrap", "importlib._bootstrap_external", "_frozen_importlib",
                     "_frozen_importlib_external")


def _importer() -> str:
    """The module whose `import` statement is being run (the first frame outside importlib)."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__") in _IMPORT_MACHINERY:
        frame = frame.f_back
    return "" if frame is None else frame.f_globals.get("__name__", "")


class RefusePandasToFolium(MetaPathFinder):
    """`import pandas` fails (ImportError, which folium catches) when folium asks, and only then."""

    def find_spec(self, fullname, path, target=None):  # noqa: ANN001, ANN201 - importlib's signature
        if fullname == "pandas" and _importer().split(".")[0] in ("folium", "branca"):
            raise ImportError("pandas is not given to folium (core/map/nopandas.py)", name=fullname)
        return None


if not any(isinstance(finder, RefusePandasToFolium) for finder in sys.meta_path):
    sys.meta_path.insert(0, RefusePandasToFolium())
