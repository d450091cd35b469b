"""ui.warmup: ui/launch.py runs it at server start; what it imports ahead never declares a Streamlit component.

Streamlit registers a component only when it is declared inside a script run: a warm-up that
imported streamlit_folium (or ui.mapclick, ui.presenter) would leave the map a 404 in every session.
"""

from __future__ import annotations

import gc
import inspect
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_warm_up_imports_the_map_pages_libraries_but_no_component_and_no_other_pages():
    """Not what only other pages draw (their grids, charts and workbook: pandas, pyarrow, Altair,
    openpyxl): the server would keep ~150 MB for them from its first session on."""
    probe = ("import sys; from ui.warmup import MODULES; import importlib; "
             "[importlib.import_module(m) for m in MODULES]; "
             "print(sorted(m for m in ('folium', 'altair', 'pandas', 'pyarrow', 'openpyxl', 'export.render', "
             "'matplotlib', 'streamlit_folium') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[-2] == "['export.render', 'folium', 'matplotlib']"


def test_launch_runs_the_warm_up_once_the_runtime_exists(monkeypatch):
    """`make run` (ui.launch) starts the warm-up beside the server; it waits for Streamlit's runtime."""
    from ui import launch, warmup

    warmed = threading.Event()
    exists = iter([False, False, True])
    monkeypatch.setattr(launch.Runtime, "exists", staticmethod(lambda: next(exists)))
    collecting: list[bool] = []
    monkeypatch.setattr(warmup, "warm", lambda: (collecting.append(gc.isenabled()), warmed.set()))
    monkeypatch.setattr(launch.cli, "main", lambda: None)
    monkeypatch.setattr(sys, "argv", ["launch"])
    frozen = gc.get_freeze_count()
    try:
        launch.main(["--server.port", "1"])
        assert warmed.wait(10), "ui.launch did not run the warm-up"
        assert sys.argv[-2:] == ["--server.port", "1"]
        # The collector, paused from the launch, runs again once the warm-up is done, with what was
        # alive by then frozen out of its scans.
        assert collecting == [False]
        deadline = time.monotonic() + 10
        while not gc.isenabled() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gc.isenabled() and gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.enable()


def test_what_only_a_click_needs_waits_until_a_map_was_sent(monkeypatch):
    """The map page's modules first; Altair, openpyxl and matplotlib only once a first map was sent
    (meanwhile the browser loads the page's code from the same process)."""
    from ui import warmup

    imported: list[str] = []
    loaded = types.SimpleNamespace(basemap_url=lambda: None, cjk_family=lambda: None)
    monkeypatch.setattr(warmup.importlib, "import_module", lambda name: imported.append(name) or loaded)
    monkeypatch.setattr(warmup.session, "static_assets", lambda: None)
    monkeypatch.setattr(warmup.session, "startup_overlay", lambda: None)
    monkeypatch.setattr(warmup, "MAP_SENT", threading.Event())
    monkeypatch.setattr(warmup, "SETTLE_S", 0.0)
    worker = threading.Thread(target=warmup.warm)
    worker.start()
    deadline = time.monotonic() + 5
    while not set(warmup.FIRST) <= set(imported) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    assert set(warmup.FIRST) <= set(imported) and not set(warmup.LATER) & set(imported)
    warmup.map_sent()
    worker.join(5)
    assert set(warmup.LATER) <= set(imported)


def test_the_first_run_finds_the_modules_files_noted(monkeypatch):
    """st_folium's component declaration asks inspect.getmodule for the calling frame's module: the warm-up
    asks it once beforehand, so inspect has noted the file of every module the warm-up imported."""
    from ui import warmup

    asked: list[object] = []
    loaded = types.SimpleNamespace(basemap_url=lambda: None, cjk_family=lambda: None)
    monkeypatch.setattr(warmup.importlib, "import_module", lambda name: loaded)
    monkeypatch.setattr(warmup.inspect, "getmodule", asked.append)
    monkeypatch.setattr(warmup.session, "static_assets", lambda: None)
    monkeypatch.setattr(warmup.session, "startup_overlay", lambda: None)
    monkeypatch.setattr(warmup, "MAP_SENT", threading.Event())
    monkeypatch.setattr(warmup, "MAP_WAIT_S", 0.0)
    warmup.warm()
    assert len(asked) == 1 and inspect.isframe(asked[0])
