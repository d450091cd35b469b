"""Replace a file so that no reader ever sees half of it, and so that it keeps its permissions.

Temp file in the same folder (os.replace is atomic only within one file system) → fsync →
os.replace → fsync of the folder (so that the new name, not only the new bytes, survives a power
cut). `tempfile.mkstemp` would create the temp file 0600, and os.replace would then turn a 644
file into 600; the temp file is therefore created like any new file (0666 less the umask) and
given the replaced file's mode. `write_new`, `replace` and `sync_folder` are the steps, for a
writer of several files that must put them in place together (core/edit/save.py's journal).
"""

from __future__ import annotations

import os
import secrets
import stat
import time
from pathlib import Path

REPLACE_TRIES = 5  # Windows: os.replace fails while another program (Excel) holds the file
REPLACE_PAUSE_S = 0.2


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; OSError (e.g. a read-only folder) leaves `path` untouched."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        write_new(tmp, data, like=path)
        replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def protected(path: Path) -> bool:
    """Whether `path` is an existing file its owner has protected from this user: by its mode bits
    as they apply to this user (owner, group or others), read deliberately because root's override
    would replace a read-only (0444) file without a word, and by os.access (ACLs, Windows' read-only
    attribute). A replacement by rename ignores the old file's permissions: writers that must
    respect them (exports) ask first."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return False
    if not os.access(path, os.W_OK):
        return True
    if os.name == "nt":
        return False  # no owner bits there: the read-only attribute is what os.access read
    if found.st_uid == os.geteuid():
        bit = stat.S_IWUSR
    elif found.st_gid == os.getegid() or found.st_gid in os.getgroups():
        bit = stat.S_IWGRP
    else:
        bit = stat.S_IWOTH
    return not found.st_mode & bit


def write_new(path: Path, data: bytes, like: Path | None = None) -> None:
    """Write `data` to a file not yet in use (a leftover of that name is replaced), flushed to the
    disk before returning, with the mode of the file `like` when there is one."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    if like is not None:
        try:
            os.chmod(path, stat.S_IMODE(os.stat(like).st_mode))
        except FileNotFoundError:
            pass  # a new file: the umask decided, as for any file the user creates


def replace(tmp: Path, path: Path) -> None:
    """os.replace, tried again for a while when another program holds `path` (Windows)."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(REPLACE_PAUSE_S)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (renames, new and removed files) to the disk. Windows cannot open
    a folder, and its NTFS journals the names itself: nothing to do there."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
