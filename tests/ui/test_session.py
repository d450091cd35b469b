"""ui.session: which data folder the app reads, and that an edit invalidates the cached data."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from core.loading import DATA_DIR_ENV, DEFAULT_DATA_DIR
from ui import session


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["app.py"], None, DEFAULT_DATA_DIR),
        (["app.py"], "/tmp/from-env", Path("/tmp/from-env")),
        (["app.py", "--data-dir", "/tmp/from-argv"], None, Path("/tmp/from-argv")),
        (["app.py", "--data-dir", "/tmp/from-argv"], "/tmp/from-env", Path("/tmp/from-argv")),
        (["app.py", "--other", "x"], None, DEFAULT_DATA_DIR),
    ],
)
def test_data_dir_precedence(monkeypatch, argv, env, expected):
    monkeypatch.setattr(sys, "argv", argv)
    if env:
        monkeypatch.setenv(DATA_DIR_ENV, env)
    else:
        monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    assert session.data_dir() == expected.resolve()


def test_signature_changes_when_a_file_is_edited(tmp_path):
    for f in DEFAULT_DATA_DIR.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    before = session._signature(tmp_path)
    places = tmp_path / "places.csv"
    stat = places.stat()
    os.utime(places, (stat.st_atime, stat.st_mtime + 5))
    assert session._signature(tmp_path) != before
    assert {name for name, _ in before} >= {"places.csv", "partnerships.csv", "statuses.csv"}
