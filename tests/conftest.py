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


# The folders of slow files first (a browser, LibreOffice, whole AppTest runs), the quick pure tests last:
# `make test`'s two workers take one file at a time (--dist loadfile), so the last files to be handed out
# are quick ones that fill the time while the other worker ends a slow one, instead of a slow one alone.
SLOW_FIRST = ("browser", "export", "pages")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def folder(item: pytest.Item) -> int:
        parts = item.path.relative_to(Path(__file__).parent).parts
        return SLOW_FIRST.index(parts[0]) if len(parts) > 1 and parts[0] in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=folder)  # stable: each folder keeps its own order
