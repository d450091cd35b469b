"""Atomic replacement that keeps the replaced file's permissions and leaves nothing half-written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from common import atomicwrite
from common.atomicwrite import write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600, 0o664, 0o444])
def test_keeps_the_replaced_files_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"old")
    os.chmod(path, mode)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and _mode(path) == mode
    assert os.listdir(tmp_path) == ["f.csv"]


def test_new_file_gets_the_umasks_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.csv", b"x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.csv") == 0o644


@pytest.mark.parametrize("fail_in", ["replace", "fsync"])
def test_a_failure_keeps_the_old_file_and_removes_the_temp_file(tmp_path: Path, monkeypatch, fail_in: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"old")

    def boom(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomicwrite.os, fail_in, boom)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["f.csv"]


def test_replace_is_retried_while_another_program_holds_the_file(tmp_path: Path, monkeypatch) -> None:
    path, calls = tmp_path / "f.csv", []
    real = os.replace

    def held_twice(src, dst):
        calls.append(dst)
        if len(calls) < 3:
            raise PermissionError(13, "held by Excel")
        real(src, dst)

    monkeypatch.setattr(atomicwrite.os, "replace", held_twice)
    monkeypatch.setattr(atomicwrite, "REPLACE_PAUSE_S", 0)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and len(calls) == 3


ME, MY_GROUP, OTHER, OTHER_GROUP = 4321, 4321, 8765, 8765


@pytest.mark.parametrize(("owner", "group", "mode", "is_protected"), [
    (ME, MY_GROUP, 0o644, False),
    (ME, MY_GROUP, 0o444, True),  # what `chmod a-w` makes: root's override must not write it either
    (ME, MY_GROUP, 0o464, True),  # the owner's bit counts for the owner, not the group's
    (OTHER, MY_GROUP, 0o664, False),
    (OTHER, MY_GROUP, 0o644, True),
    (OTHER, OTHER_GROUP, 0o646, False),
    (OTHER, OTHER_GROUP, 0o664, True),
])
def test_a_file_is_protected_by_its_mode_bits_as_they_apply_to_this_user(tmp_path: Path, monkeypatch, owner: int,
                                                                         group: int, mode: int, is_protected: bool
                                                                         ) -> None:
    """Tests run as root, whom os.access lets write anything: the owner and the user are set
    explicitly, so the bits are read as they apply to an ordinary user."""
    path = tmp_path / "out.png"
    path.write_bytes(b"old")
    os.chown(path, owner, group)
    os.chmod(path, mode)
    monkeypatch.setattr(atomicwrite.os, "geteuid", lambda: ME)
    monkeypatch.setattr(atomicwrite.os, "getegid", lambda: MY_GROUP)
    monkeypatch.setattr(atomicwrite.os, "getgroups", lambda: [MY_GROUP])
    assert atomicwrite.protected(path) is is_protected


def test_a_file_os_access_refuses_is_protected_and_a_new_one_is_not(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "out.png"
    assert not atomicwrite.protected(path)
    path.write_bytes(b"old")
    monkeypatch.setattr(atomicwrite.os, "access", lambda p, mode: False)  # an ACL, Windows' read-only attribute
    assert atomicwrite.protected(path)
