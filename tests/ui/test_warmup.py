"""ui.warmup: what ui/launch.py imports ahead at server start never declares a Streamlit component.

Streamlit registers a component only when it is declared inside a script run: a warm-up that
imported streamlit_folium (or ui.mapclick, ui.presenter) would leave the map a 404 in every session.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_warm_up_imports_the_pages_libraries_but_no_component():
    probe = ("import sys; from ui.warmup import MODULES; import importlib; "
             "[importlib.import_module(m) for m in MODULES]; "
             "print(sorted(m for m in ('folium', 'altair', 'pandas', 'export.render', 'streamlit_folium', "
             "'ui.mapclick', 'ui.presenter') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[-2] == "['altair', 'export.render', 'folium', 'pandas']"
