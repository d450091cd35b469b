"""A saving process that kills itself (SIGKILL, as `kill -9` or a power cut) at step N of a save.

    python tests/core/edit/save_kill.py FOLDER N
    python tests/core/edit/save_kill.py FOLDER CALL:NAME
    python tests/core/edit/save_kill.py FOLDER N recover

Every call that changes the disk during the save counts as one step: each write, fsync, rename,
removal and new folder (os.write, os.fsync, os.replace, os.rename, os.unlink, os.rmdir, os.mkdir).
The process dies just before step N; with fewer steps than N the save ends normally (exit 0).
CALL:NAME dies at the first such call whose path ends with NAME (`replace:activities.csv`: once
the save is committed, before activities.csv is renamed into place). With `recover`, what dies at
step N is the next start's `core.edit.save.recover` of a save interrupted before.
The saved snapshot is FICTIONAL test data (as_of 2015-06-30, texts marked 架空 / fictional).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from core.data.loading import load_dataset  # noqa: E402
from core.edit.form import entities, fill_values, prefill, snapshot_rows  # noqa: E402
from core.edit.save import fingerprint, recover, save_rows  # noqa: E402

STEPS = ("write", "fsync", "replace", "rename", "unlink", "rmdir", "mkdir")
AS_OF = "2015-06-30"


def rows(folder: Path) -> dict[str, list[dict[str, str]]]:
    """The fictional snapshot every run saves (the same bytes each time)."""
    dataset = load_dataset(folder)
    drafts = {key: prefill(dataset, key) for key in entities(dataset)}
    drafts["北京市"].stage = "nearly_agreed"
    return snapshot_rows(AS_OF, drafts, "架空のテストデータ / FICTIONAL test data")


def die_at(step: str) -> None:
    """Make the step-th disk-changing call of this process (or the first CALL:NAME) kill it instead."""
    count = 0
    kind, _, target = step.rpartition(":")

    def counted(name: str):
        real = getattr(os, name)

        def call(*args, **kwargs):
            nonlocal count
            count += 1
            if (count == int(step)) if not kind else (name == kind and str(args[-1]).endswith(target)):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return call

    for name in STEPS:
        setattr(os, name, counted(name))


def interrupt(folder: Path, step: str) -> None:
    """Leave `folder` as a save killed at `step` leaves it (for the tests of the next start)."""
    run = subprocess.run([sys.executable, __file__, str(folder), step], capture_output=True, text=True)
    assert run.returncode == -signal.SIGKILL, run.stderr


if __name__ == "__main__":
    folder, step = Path(sys.argv[1]), sys.argv[2]
    if sys.argv[3:] == ["recover"]:
        die_at(step)
        recover(folder)
    else:
        additions, opened, fill = rows(folder), fingerprint(folder), fill_values(load_dataset(folder))
        die_at(step)
        save_rows(folder, additions, opened, fill)
