"""A save is all-or-nothing under a kill at any step, a full disk and a file held by another
program: the next start (`core.edit.save.recover`) completes it or rolls it back, and history/ keeps
the snapshot it replaced. Every snapshot written here is FICTIONAL test data (see save_kill.py)."""

from __future__ import annotations

import ast
import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from common import atomicwrite
from core.data.loading import load_dataset
from core.edit.form import fill_values
from core.edit.save import HISTORY, JOURNAL, LOCK_FILE, RecoveryFailed, SaveRefused, fingerprint, recover, save_rows
from tests.core.edit.save_kill import interrupt, rows
from tests.needs import missing

KILLER = Path(__file__).with_name("save_kill.py")
REPO = Path(__file__).resolve().parents[3]


def _files(folder: Path) -> dict[str, bytes]:
    """Everything in the data folder but history/: what the app and Excel see."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != HISTORY}


def _backups(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / HISTORY).iterdir() if p.is_dir()) if (folder / HISTORY).exists() else []


def _assert_old_or_new(folder: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    """The folder is exactly the old snapshot (no backup left) or exactly the new one (the old in
    history/); nothing else lies in history/. Returns which."""
    files = _files(folder)
    assert files in (old, new), sorted(n for n in files if files[n] != old.get(n))
    backups = _backups(folder)
    if files == old:
        assert backups == []
    else:
        [backup] = backups
        changed = {name for name in old if old[name] != new[name]}
        assert {p.name: p.read_bytes() for p in backup.iterdir()} == {name: old[name] for name in changed}
    history = folder / HISTORY
    left = {p.name for p in history.iterdir()} - {b.name for b in backups} if history.exists() else set()
    assert left <= {LOCK_FILE}
    load_dataset(folder)
    return "old" if files == old else "new"


def _saved_snapshot(folder: Path, scratch: Path) -> dict[str, bytes]:
    """The folder's files after the fictional save, run to its end on a copy."""
    shutil.copytree(folder, scratch)
    done = subprocess.run([sys.executable, str(KILLER), str(scratch), "100000"], cwd=REPO, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    return _files(scratch)


def test_a_save_killed_at_any_step_is_completed_or_rolled_back_at_the_next_start(data_copy: Path, tmp_path: Path
                                                                                ) -> None:
    old = _files(data_copy)
    new = _saved_snapshot(data_copy, tmp_path / "whole")
    assert new != old
    outcomes: dict[tuple[str, str | None], list[int]] = {}
    step = 0
    while True:
        step += 1
        folder = tmp_path / f"kill{step}"
        shutil.copytree(data_copy, folder)
        run = subprocess.run([sys.executable, str(KILLER), str(folder), str(step)], cwd=REPO, capture_output=True,
                             text=True)
        if run.returncode == 0:  # fewer steps than `step`: every step has been a kill point
            assert _assert_old_or_new(folder, old, new) == "new" and recover(folder) is None
            break
        assert run.returncode == -signal.SIGKILL, run.stderr
        recovery = recover(folder)  # what the next start does, before anything is read
        state = _assert_old_or_new(folder, old, new)
        assert recovery is None or (recovery.outcome, state) in (("completed", "new"), ("rolled_back", "old"))
        if recovery is not None and recovery.outcome == "completed":
            assert recovery.backup == _backups(folder)[0]
        outcomes.setdefault((state, recovery and recovery.outcome), []).append(step)
        shutil.rmtree(folder)
    assert step > 30  # every write, fsync, rename and removal of the save was a kill point
    assert set(outcomes) == {("old", None), ("old", "rolled_back"), ("new", "completed"), ("new", None)}, outcomes


@pytest.mark.parametrize(("interrupted", "ends"),
                         [("replace:activities.csv", "new"), ("unlink:.events.csv.saving", "old")])
def test_a_start_killed_while_it_ends_a_save_ends_it_the_same_way_at_the_next(data_copy: Path, tmp_path: Path,
                                                                             interrupted: str, ends: str) -> None:
    """Completing and rolling back are each safe to repeat: a kill at any step of the recovery
    (a second power cut) leaves a folder the next start still ends the same way."""
    old = _files(data_copy)
    new = _saved_snapshot(data_copy, tmp_path / "whole")
    step = 0
    while True:
        step += 1
        folder = tmp_path / f"kill{step}"
        shutil.copytree(data_copy, folder)
        interrupt(folder, interrupted)
        run = subprocess.run([sys.executable, str(KILLER), str(folder), str(step), "recover"], cwd=REPO,
                             capture_output=True, text=True)
        recover(folder)
        assert _assert_old_or_new(folder, old, new) == ends
        shutil.rmtree(folder)
        if run.returncode == 0:
            break
        assert run.returncode == -signal.SIGKILL, run.stderr
    assert step > 3


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode:
        missing("a small tmpfs for the full-disk test (mount -t tmpfs)",
                f"run the tests as root where mounting is allowed ({mounted.stderr.strip() or mounted.returncode})")


def test_a_full_disk_with_the_old_files_held_open_leaves_the_old_or_the_new_snapshot(data_copy: Path, tmp_path: Path
                                                                                    ) -> None:
    """A 256 KiB tmpfs, filled up to leave 0, 4, 8, … KiB: at some size the save fails while
    writing the backup, the new files or the journal; at the last ones it succeeds. The old files
    stay open all along (as Excel holds them), so their space is not freed by the renames."""
    old = _files(data_copy)
    additions, fill = rows(data_copy), fill_values(load_dataset(data_copy))
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "256k")
    results = []
    try:
        for free_kib in range(0, 120, 4):
            folder = disk / "data"
            shutil.copytree(data_copy, folder)
            opened = fingerprint(folder)
            held = [open(folder / name, "rb") for name in old]  # noqa: SIM115 - held like Excel does
            try:
                filler = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize - free_kib * 1024
                (disk / "filler").write_bytes(b"\0" * max(filler, 0))
                try:
                    save_rows(folder, additions, opened, fill)
                    results.append("saved")
                except SaveRefused as refused:
                    assert (refused.code, refused.detail) == ("not_writable", "ENOSPC")
                    results.append("refused")
                assert recover(folder) is None  # nothing left for the next start
                state = _assert_old_or_new(folder, old, _files(folder) if results[-1] == "saved" else old)
                assert state == {"saved": "new", "refused": "old"}[results[-1]]
                assert [h.read() for h in held] == list(old.values())  # what Excel shows is untouched
            finally:
                for handle in held:
                    handle.close()
                shutil.rmtree(folder)
                (disk / "filler").unlink(missing_ok=True)
    finally:
        subprocess.run(["umount", str(disk)], check=True)
    assert "refused" in results and results[-1] == "saved" and results.count("refused") >= 5, results


def test_a_file_held_by_another_program_after_the_commit_is_put_in_place_at_the_next_start(
        data_copy: Path, monkeypatch) -> None:
    """Windows: Excel holds activities.csv, so its rename fails (after the retries) once the save
    is committed. The save is said to be pending; the folder is not shown while it is; once the
    file is free, the next start completes the save."""
    old = _files(data_copy)
    real = os.replace

    def held(src, dst):
        if Path(dst).name == "activities.csv":
            raise PermissionError(errno.EACCES, "held by Excel")
        real(src, dst)

    monkeypatch.setattr(atomicwrite.os, "replace", held)
    monkeypatch.setattr(atomicwrite, "REPLACE_PAUSE_S", 0)
    with pytest.raises(SaveRefused) as refused:
        save_rows(data_copy, rows(data_copy), fingerprint(data_copy), fill_values(load_dataset(data_copy)))
    assert refused.value.code == "pending" and refused.value.detail == "EACCES"
    assert refused.value.files == ("activities.csv",)  # the one held: statuses.csv is in place, events.csv waits
    with pytest.raises(RecoveryFailed) as failed:
        recover(data_copy)
    assert failed.value.detail == "EACCES" and "activities.csv" in failed.value.files
    monkeypatch.setattr(atomicwrite.os, "replace", real)  # Excel is closed
    recovery = recover(data_copy)
    assert recovery is not None and recovery.outcome == "completed"
    assert _files(data_copy) != old and load_dataset(data_copy).status_of("北京市").as_of == "2015-06-30"
    assert {p.name: p.read_bytes() for p in recovery.backup.iterdir()} == {
        n: old[n] for n in ("statuses.csv", "activities.csv", "events.csv")}
    assert not (data_copy / HISTORY / JOURNAL).exists()


@pytest.mark.parametrize("module", ["core/edit/save.py", "common/atomicwrite.py"])
def test_the_lock_and_the_writes_work_on_every_os(module: str) -> None:
    """fcntl exists on POSIX only: the save's lock is filelock's, which picks the OS's own."""
    tree = ast.parse((REPO / module).read_text("utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in node.names} | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"fcntl", "msvcrt"}
