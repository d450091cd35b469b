"""The one file reader: limits that hold on what is read, whatever the file system says."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from common import readlimit
from common.readlimit import read_bytes
from core.data.errors import DataError

# (how the path is made, the problem, the English words shown) — each read must return at once
SPECIAL = [
    pytest.param(lambda p: os.mkfifo(p), "special_file", "this name is a named pipe (FIFO), not a file", id="fifo"),
    pytest.param(lambda p: os.mknod(p, stat.S_IFSOCK | 0o644), "special_file", "this name is a socket, not a file",
                 id="socket-inode"),
    pytest.param(lambda p: p.symlink_to("/dev/zero"), "special_file", "this name is a device, not a file",
                 id="dev-zero"),
    pytest.param(lambda p: p.symlink_to("/dev/null"), "special_file", "this name is a device, not a file",
                 id="dev-null"),
    pytest.param(lambda p: p.symlink_to("/dev/urandom"), "special_file", "this name is a device, not a file",
                 id="dev-urandom"),
    pytest.param(lambda p: p.mkdir(), "not_a_file", "this name is a folder, not a file", id="folder"),
    pytest.param(lambda p: p.symlink_to("/proc/self"), "not_a_file", "this name is a folder, not a file",
                 id="link-to-proc-folder"),
]


def _read_with_deadline(path: Path, seconds: float = 5.0):
    """read_bytes(path) in a thread: a reader that blocks (a FIFO with no writer) fails the test, not hangs it."""
    result: list = []
    worker = threading.Thread(target=lambda: result.append(read_bytes(path)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"reading {path} did not return within {seconds} s"
    return result[0]


@pytest.mark.parametrize(("make", "problem", "words"), SPECIAL)
def test_what_is_not_a_regular_file_is_refused_at_once(tmp_path: Path, make, problem: str, words: str):
    path = tmp_path / "pairs.csv"
    make(path)
    data, problems = _read_with_deadline(path)
    assert data is None and [(p.file, p.problem) for p in problems] == [(str(path), problem)]
    assert words in DataError.of(problems[0]).message("en")
    assert "ファイルではなく" in DataError.of(problems[0]).message("ja")


def test_a_unix_socket_in_use_is_refused(tmp_path: Path, monkeypatch):
    import socket

    monkeypatch.chdir(tmp_path)  # a short relative path: AF_UNIX names are limited to 108 bytes
    server = socket.socket(socket.AF_UNIX)
    server.bind("s.csv")
    try:
        data, problems = _read_with_deadline(Path("s.csv"))
    finally:
        server.close()
    assert data is None
    assert [(p.problem, p.params["kind"].key) for p in problems] == [("special_file", "file_kind.socket")]


def test_a_lying_size_does_not_get_past_the_limit(tmp_path: Path, monkeypatch):
    """A file system that says 0 bytes (as /proc or a stale network share does): what is read counts."""
    path = tmp_path / "big.csv"
    path.write_bytes(b"a,b\n" * 1000)
    real = os.fstat

    def says_zero(fd):
        found = real(fd)
        return os.stat_result((*found[:6], 0, *found[7:]))

    monkeypatch.setattr(readlimit.os, "fstat", says_zero)
    data, problems = read_bytes(path, limit=1000)
    assert data is None and [(p.problem, p.expected) for p in problems] == [("too_large_read", "0 MB")]
    assert read_bytes(path, limit=4000) == (b"a,b\n" * 1000, [])


def test_a_proc_file_of_size_zero_is_read_whole(tmp_path: Path):
    """stat() says 0 for /proc files: they are still read, to their end."""
    data, problems = read_bytes(Path("/proc/self/status"))
    assert problems == [] and b"Name:" in data


def test_a_stated_size_over_the_limit_is_refused_before_reading(tmp_path: Path, monkeypatch):
    path = tmp_path / "big.csv"
    with path.open("wb") as f:
        f.truncate(60 * 2**20)  # sparse: 60 MB said, nothing written
    monkeypatch.setattr(readlimit.os, "read", lambda fd, n: pytest.fail("read a byte of a file too large"))
    data, problems = read_bytes(path)
    assert data is None and [(p.problem, p.value, p.expected) for p in problems] == [("too_large", "60.0 MB", "50 MB")]
