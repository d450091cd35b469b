"""The app only reads its data folder, and every file-system or cache fault is a message, not a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apptest_kit import assert_no_exception, edit_csv, open_app, texts
from folder_faults import FS_FAULTS, add_stray_files, make_fault, snapshot

from common.i18n import t

FAULT_WORDS = {  # English words of each fault's message
    "missing": "the file does not exist",
    "directory": "is a folder, not a file",
    "dangling_link": "points at a file that does not exist",
    "link_loop": "points back at itself",
    "unreadable": "not allowed to read",
    "fifo": "is a named pipe (FIFO), not a file",
    "socket": "is a socket, not a file",
    "device": "is a device, not a file",
}


def _error_screen(at, lang: str = "en") -> str:
    assert_no_exception(at)
    assert texts(at.error) == [t("error.data_title", lang)] and not at.title  # stopped before the pages
    [message] = texts(at.code)
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize("page", ["map", "status", "partnerships"])
def test_viewing_after_renaming_a_place_writes_nothing(data_folder: Path, page: str) -> None:
    """A renamed place no longer matches its cache entry: the gazetteer answers, and nothing is written."""
    edit_csv(data_folder, "places.csv", {"name_ja": "神戸市"}, {"name_en": "Kobe City"})
    os.chmod(data_folder / "geocache.csv", 0o644)
    before = snapshot(data_folder)
    at = open_app(page, {"lang": "en"})
    assert_no_exception(at)
    assert at.title
    assert snapshot(data_folder) == before


@pytest.mark.parametrize("fault", sorted(FS_FAULTS))
@pytest.mark.parametrize("name", ["places.csv", "statuses.csv", "geocache.csv"])
def test_file_system_fault_shows_the_file(data_folder: Path, monkeypatch, name: str, fault: str) -> None:
    make_fault(data_folder, name, fault, monkeypatch)
    before = snapshot(data_folder)
    at = open_app(query={"lang": "en"})
    if name == "geocache.csv" and fault == "missing":  # not geocoded yet: the gazetteer draws the map
        assert_no_exception(at)
        assert at.title
    else:
        first = _error_screen(at).splitlines()[0]
        assert first.startswith(f"file {name}: ") and FAULT_WORDS[fault] in first
    assert snapshot(data_folder) == before


def test_stray_files_do_not_matter(data_folder: Path) -> None:
    add_stray_files(data_folder)
    at = open_app(query={"lang": "en"})
    assert_no_exception(at)
    assert at.title and not at.error


# (id, geocache.csv rows after the header, words of the message): the map never draws a bad cache.
CACHE_FAULTS = [
    pytest.param("北京市,200,116.4,gazetteer,x,9337bc070c74,t", ["line 2", "column lat", "200"], id="lat-200"),
    pytest.param("北京市,1_0,116.4,gazetteer,x,9337bc070c74,t", ["line 2", "column lat", "1_0"], id="underscore"),
    pytest.param("北京市,39.9,116.4,gazetteer,x,9337bc070c74,t\n北京市,10,10,gazetteer,x,9337bc070c74,t",
                 ["line 3", "column key", "line 2"], id="duplicate-row"),
]


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
@pytest.mark.parametrize(("rows", "words"), CACHE_FAULTS)
def test_cache_fault_shows_file_and_line(data_folder: Path, rows: str, words: list[str], lang: str) -> None:
    path = data_folder / "geocache.csv"
    path.write_text("key,lat,lon,source,detail,fingerprint,updated\n" + rows + "\n", encoding="utf-8")
    before = snapshot(data_folder)
    at = open_app(query={"lang": lang})
    message = _error_screen(at, lang)
    assert "geocache.csv" in message
    if lang == "en":
        assert all(word in message for word in words), message
    assert snapshot(data_folder) == before


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_damaged_cache_is_one_line_offering_make_geocode_refresh(data_folder: Path, lang: str) -> None:
    """A header with one column too many: one line (not one per row), and the fix is the command."""
    cache = data_folder / "geocache.csv"
    cache.write_text(cache.read_text("utf-8").replace("updated", "updated,extra", 1), encoding="utf-8")
    message = _error_screen(open_app(query={"lang": lang}), lang)
    [line] = message.splitlines()
    assert "geocache.csv" in line and "`make geocode REFRESH=1`" in line and "21" in line
