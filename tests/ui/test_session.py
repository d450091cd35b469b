"""ui.session: which data folder the app reads, and that an edit invalidates the cached data."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from folder_faults import FS_FAULTS, add_stray_files, make_fault

from core.data.loading import DATA_DIR_ENV, DEFAULT_DATA_DIR
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


@pytest.mark.parametrize(
    ("argv", "env", "allowed"),
    [
        (["app.py"], None, False),
        (["app.py"], "0", False),
        (["app.py"], "", False),
        (["app.py"], "1", True),
        (["app.py"], "yes", True),
        (["app.py", "--allow-edit"], None, True),
        (["app.py", "--data-dir", "/tmp/x", "--allow-edit"], "0", True),
        (["app.py", "--allow"], None, False),  # argparse takes a prefix for the option unless told not to
    ],
)
def test_editing_is_off_unless_the_server_allows_it(monkeypatch, argv, env, allowed):
    monkeypatch.setattr(sys, "argv", argv)
    if env is None:
        monkeypatch.delenv(session.ALLOW_EDIT_ENV, raising=False)
    else:
        monkeypatch.setenv(session.ALLOW_EDIT_ENV, env)
    assert session.editing_allowed() is allowed


def _copy(folder: Path) -> Path:
    for f in DEFAULT_DATA_DIR.glob("*.csv"):
        shutil.copy(f, folder / f.name)
    return folder


@pytest.mark.parametrize("name", session.READ_FILES)
def test_signature_changes_when_a_file_the_app_reads_is_edited(tmp_path, name):
    folder = _copy(tmp_path)
    before = session._signature(folder)
    path = folder / name
    stat_ = path.stat()
    os.utime(path, ns=(stat_.st_atime_ns, stat_.st_mtime_ns + 5_000_000_000))
    assert session._signature(folder) != before
    assert [stamp[0] for stamp in before] == list(session.READ_FILES)


def test_signature_covers_exactly_the_files_the_loader_reads():
    assert set(session.READ_FILES) == {"places.csv", "partnerships.csv", "statuses.csv", "activities.csv",
                                       "events.csv", "geocache.csv", "tour.csv"}


@pytest.mark.parametrize("fault", sorted(FS_FAULTS))
@pytest.mark.parametrize("name", session.READ_FILES)
def test_signature_never_raises_and_notices_faults(tmp_path, monkeypatch, name, fault):
    folder = _copy(tmp_path)
    add_stray_files(folder)  # a dangling backup, a link loop, a folder named *.csv: never looked at
    before = session._signature(folder)
    make_fault(folder, name, fault, monkeypatch)
    after = session._signature(folder)
    if fault != "unreadable":  # same file, same stamp: the loader, not the key, reports it
        assert after != before


def test_signature_of_a_missing_folder_is_all_zeros(tmp_path):
    assert {stamp[1:] for stamp in session._signature(tmp_path / "nope")} == {(0, 0, 0, 0)}
