"""Fixtures for the page tests; the helpers (and why they look the way they do) are in apptest_kit.py."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import streamlit.runtime.context as context_module
import streamlit.testing.v1.app_test as app_test_module
from apptest_kit import REPO, _RecordingMediaStorage


@pytest.fixture(autouse=True)
def _app_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled data, the repo as cwd, no start-up option (not pytest's), and recorded download data."""
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(sys, "argv", ["app.py"])
    monkeypatch.delenv("JCAIR_DATA_DIR", raising=False)
    monkeypatch.delenv("JCAIR_ALLOW_EDIT", raising=False)  # editing off, as on a server started plainly
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", _RecordingMediaStorage)
    _RecordingMediaStorage.instances.clear()
    client_from("127.0.0.1", monkeypatch)  # AppTest's client is a mock without an address: the laptop's browser


def client_from(address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The AppTest session's browser connects from `address` (what `st.context.ip_address` reads)."""
    monkeypatch.setattr(context_module, "_get_client_context", lambda: SimpleNamespace(remote_ip=address, headers={}))


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of every bundled CSV (geocache.csv included), used by the app via JCAIR_DATA_DIR."""
    folder = tmp_path / "data"
    folder.mkdir()
    for path in (REPO / "data").glob("*.csv"):
        shutil.copyfile(path, folder / path.name)
    monkeypatch.setenv("JCAIR_DATA_DIR", str(folder))
    return folder
