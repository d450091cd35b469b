"""`python -m geocode`: the only writer of geocache.csv; every fault is one clear report, never a traceback."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from folder_faults import FS_FAULTS, add_stray_files, make_fault, snapshot

from common import atomicwrite
from common.i18n import t
from core.data.loading import DATA_FILES, load_dataset
from core.data.models import Country, Names, Place, PlaceKind
from geo.cache import CACHE_FILE, read_cache
from geocode.cli import main
from geocode.places import queries_from_places
from tests.core.edit.save_kill import interrupt

REPO = Path(__file__).resolve().parents[2]
FS_MESSAGES = {  # the English wording of each fault's problem code
    "missing": "the file does not exist",
    "directory": "this name is a folder, not a file",
    "dangling_link": "points at a file that does not exist",
    "link_loop": "points back at itself",
    "unreadable": "not allowed to read this file",
    "fifo": "this name is a named pipe (FIFO), not a file",
    "socket": "this name is a socket, not a file",
    "device": "this name is a device, not a file",
}
HYOGO = Names({"ja": "兵庫県", "en": "Hyogo", "zh": "兵库县"})


def _place(name_ja: str, name_en: str, name_zh: str) -> Place:
    return Place(Names({"ja": name_ja, "en": name_en, "zh": name_zh}), PlaceKind.CITY, Country.JP, HYOGO, "test")


KOBE = _place("神戸市", "Kobe", "神户市")
NOWHERE = _place("架空市", "Nowhereville", "架空市")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled data folder, geocache.csv included."""
    dest = tmp_path / "data"
    dest.mkdir()
    for name in (*DATA_FILES, CACHE_FILE):
        shutil.copyfile(REPO / "data" / name, dest / name)
    return dest


def test_fills_then_serves_then_refreshes_the_cache(folder: Path, capsys) -> None:
    (folder / CACHE_FILE).unlink()
    assert main(["--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Resolved 21 of 21 places." in out and "gazetteer: 21" in out
    entries, problems = read_cache(folder / CACHE_FILE)
    assert problems == [] and len(entries) == 21
    before = (folder / CACHE_FILE).stat().st_mtime_ns
    assert main(["--data-dir", str(folder)]) == 0
    assert "cache: 21" in capsys.readouterr().out
    assert (folder / CACHE_FILE).stat().st_mtime_ns == before  # nothing new: not rewritten
    assert main(["--data-dir", str(folder), "--refresh"]) == 0
    assert "gazetteer: 21" in capsys.readouterr().out


def test_lists_unresolved_with_reason(tmp_path: Path, capsys) -> None:
    queries = queries_from_places({"神戸市": KOBE, "架空市": NOWHERE})
    assert main(["--data-dir", str(tmp_path)], queries=queries) == 1
    out = capsys.readouterr().out
    assert "Resolved 1 of 2 places." in out and "架空市: no source knew it" in out
    assert set(read_cache(tmp_path / CACHE_FILE)[0]) == {"神戸市"}


def test_reads_the_data_folder_from_the_environment(folder: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("JCAIR_DATA_DIR", str(folder))
    assert main([]) == 0
    assert "Resolved 21 of 21 places." in capsys.readouterr().out


def test_bad_data_exits_2_naming_the_problem(folder: Path, capsys) -> None:
    text = (folder / "partnerships.csv").read_text(encoding="utf-8")
    (folder / "partnerships.csv").write_text(text.replace("東京都,北京市", "東京都,架空市"), encoding="utf-8")
    before = snapshot(folder)
    assert main(["--data-dir", str(folder), "--refresh"]) == 2
    err = capsys.readouterr().err
    assert "partnerships.csv" in err and "line 2" in err and "架空市" in err
    assert snapshot(folder) == before


# (id, geocache.csv's content, what the report names): a corrupt cache stops the run, changes nothing.
CORRUPT = [
    pytest.param("key,lat,lon\n北京市,39.9,116.4\n北京市,10,10\n", ["line 3", "key", "line 2"], id="duplicate-row"),
    pytest.param("key,lat,lon\n北京市,200,116.4\n", ["line 2", "column lat", "200"], id="lat-200"),
    pytest.param("key,lat,lon\n北京市,1_0,116.4\n", ["line 2", "column lat", "1_0"], id="underscore"),
    pytest.param("key,lat\n北京市,39.9\n", ["line 1", "lon"], id="missing-column"),
    # One line per fault, not per row: a header with one column too many, a truncated row, bad latitudes.
    pytest.param((REPO / "data" / CACHE_FILE).read_text("utf-8").replace("updated", "updated,extra", 1),
                 ["line 2", "21 rows have this fault"], id="wrong-header"),
    pytest.param("key,lat,lon,source\n北京市,39.9,116.4\n", ["line 2", "3 values"], id="truncated-row"),
    pytest.param("key,lat,lon\n北京市,200,116.4\n天津市,-95,117\n上海市,91,121\n", ["line 2", "200", "3 rows have"],
                 id="three-bad-latitudes"),
]


@pytest.mark.parametrize(("text", "named"), CORRUPT)
def test_corrupt_cache_exits_2_with_one_report(folder: Path, capsys, text: str, named: list[str]) -> None:
    (folder / CACHE_FILE).write_text(text, encoding="utf-8")
    before = snapshot(folder)
    assert main(["--data-dir", str(folder)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"Cannot geocode {folder}: 1 problem")
    assert "geocache.csv" in lines[1] and all(word in lines[1] for word in named)
    # The remedy is the command that writes the cache, never an edit by hand.
    assert "fix: " in lines[1] and "run `make geocode REFRESH=1` (or `python -m geocode --refresh`)" in lines[1]
    assert not any(word in lines[1] for word in ("enter a number", "save it again", "remove the extra comma"))
    assert captured.out == "" and snapshot(folder) == before


def test_a_cache_that_is_a_fifo_is_refused_not_waited_for(folder: Path) -> None:
    """Reading a FIFO waits for a writer that never comes: `python -m geocode` hung."""
    (folder / CACHE_FILE).unlink()
    os.mkfifo(folder / CACHE_FILE)
    run = subprocess.run([sys.executable, "-m", "geocode", "--data-dir", str(folder)], cwd=REPO, capture_output=True,
                         text=True, timeout=60)
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 2 and len(lines) == 2
    assert lines[1] == ("file geocache.csv: this name is a named pipe (FIFO), not a file — fix: run "
                        "`make geocode REFRESH=1` (or `python -m geocode --refresh`), which writes this file again "
                        "from the data files; do not edit it by hand")
    assert main(["--data-dir", str(folder), "--refresh"]) == 0  # the remedy offered works
    assert (folder / CACHE_FILE).is_file() and read_cache(folder / CACHE_FILE)[1] == []


def test_refresh_replaces_a_corrupt_cache(folder: Path, capsys) -> None:
    (folder / CACHE_FILE).write_text("key,lat,lon\n北京市,200,116.4\n", encoding="utf-8")
    assert main(["--data-dir", str(folder), "--refresh"]) == 0
    entries, problems = read_cache(folder / CACHE_FILE)
    assert problems == [] and len(entries) == 21 and -90 <= entries["北京市"].lat <= 90


# Every fault of every file the CLI reads, except a missing optional one (events.csv, the cache).
FS_CASES = [(name, fault) for name in ("places.csv", "events.csv", CACHE_FILE) for fault in sorted(FS_FAULTS)
            if not (fault == "missing" and name != "places.csv")]


@pytest.mark.parametrize(("name", "fault"), FS_CASES)
def test_file_system_faults_exit_2_naming_the_file(folder: Path, capsys, monkeypatch, name: str, fault: str) -> None:
    make_fault(folder, name, fault, monkeypatch)
    before = snapshot(folder)
    assert main(["--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    # The first problem is the file itself (a broken places.csv still drags derived ones after it).
    assert err[1].startswith(f"file {name}: ") and FS_MESSAGES[fault] in err[1]
    assert snapshot(folder) == before


def test_stray_files_are_not_looked_at(folder: Path, capsys) -> None:
    add_stray_files(folder)
    assert main(["--data-dir", str(folder)]) == 0
    assert "Resolved 21 of 21 places." in capsys.readouterr().out


def _read_only(monkeypatch) -> None:
    """Tests run as root, which may write anywhere: make creating a file in the folder fail."""
    real = os.open

    def refuse(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:  # reading stays allowed (os.open is also how files are read)
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(atomicwrite.os, "open", refuse)


def test_read_only_folder_exits_3_with_one_line(folder: Path, capsys, monkeypatch) -> None:
    before = snapshot(folder)
    _read_only(monkeypatch)
    assert main(["--data-dir", str(folder), "--refresh"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert str(folder / CACHE_FILE) in err[0] and "Permission denied" in err[0] and "21 answer(s) not saved" in err[0]
    assert snapshot(folder) == before


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664])
def test_rewrite_keeps_the_cache_files_mode(folder: Path, mode: int) -> None:
    os.chmod(folder / CACHE_FILE, mode)
    assert main(["--data-dir", str(folder), "--refresh"]) == 0
    assert stat.S_IMODE((folder / CACHE_FILE).stat().st_mode) == mode
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_committed_cache_covers_the_bundled_places() -> None:
    """data/geocache.csv must serve every place of data/ (else: run `make geocode`)."""
    from geo.cache import CacheSource

    entries, problems = read_cache(REPO / "data" / CACHE_FILE)
    assert problems == []
    source = CacheSource(entries)
    queries = queries_from_places(load_dataset(REPO / "data").places)
    stale = [q.key for q in queries if q.lat is None and source.geocode(q) is None]
    assert stale == [], "data/geocache.csv is stale for these places: run `make geocode`"


def test_a_save_killed_half_way_is_completed_before_the_folder_is_read(folder: Path, capsys) -> None:
    """Without the journal the command refused the half-saved folder (activities.csv needs as_of)."""
    interrupt(folder, "replace:activities.csv")
    assert main(["--data-dir", str(folder)]) == 0
    [backup] = [p for p in (folder / "history").iterdir() if p.is_dir()]
    said = t("save.recovered.completed", "en", files="statuses.csv, activities.csv, and events.csv", backup=str(backup))
    assert said in capsys.readouterr().err


@pytest.mark.parametrize(("given", "passed"), [([], "-m geocode"), (["REFRESH=1"], "-m geocode --refresh"),
                                               (["REFRESH=1", "ONLINE=1"], "-m geocode --online --refresh")])
def test_make_geocode_passes_refresh(given: list[str], passed: str) -> None:
    """`make geocode REFRESH=1`, the remedy every cache message offers, runs `python -m geocode --refresh`."""
    shown = subprocess.run(["make", "-n", "geocode", *given], cwd=REPO, capture_output=True, text=True, check=True)
    [command] = [line for line in shown.stdout.splitlines() if " -m geocode" in line]
    assert " ".join(command.split()).endswith(passed)
