"""Shared fixtures. Each owner keeps fixtures under a section header of their own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.data.loading import DATA_FILES

# --- core data fixtures (tests/core): the bundled data/ folder and writable copies of it ---------

REPO_ROOT = Path(__file__).resolve().parents[1]
BUNDLED_DATA = REPO_ROOT / "data"


@pytest.fixture(scope="session")
def bundled_dataset():
    """The Dataset of the bundled data/ folder, loaded once."""
    from core.data.loading import load_dataset

    return load_dataset(BUNDLED_DATA)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the five bundled CSV files (not geocache.csv) in tmp_path/data."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in DATA_FILES:
        shutil.copyfile(BUNDLED_DATA / name, folder / name)
    return folder


# --- snapshot fixtures (tests/core, tests/pages): a second, FICTIONAL snapshot (see its README) ----

TWO_SNAPSHOTS = REPO_ROOT / "tests" / "fixtures" / "two_snapshots"


@pytest.fixture(scope="session")
def two_snapshots():
    """The Dataset of tests/fixtures/two_snapshots: the real 2014-05-31 snapshot and a fictional 2015-03-31 one."""
    from core.data.loading import load_dataset

    return load_dataset(TWO_SNAPSHOTS)
