"""The one way a file is read: its bytes, with limits that hold on what is read.

Every file the app or a command reads (the data folder's CSVs, the geocode cache, the tour, the
`--overlay` file) comes through `read_bytes`. What the file system says is not trusted: a FIFO named
like a CSV would block `open()` until a writer came, /dev/zero has a size of 0 and never ends, a
network file system may report a stale size. So the file is opened without blocking, checked on the
open descriptor (a regular file, not a folder, device, FIFO or socket) and its size is counted while
reading: reading stops one chunk past the limit. Every fault comes back as a `Problem` naming the
file: the reader never raises.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from common.i18n import Message
from common.problems import Problem

MAX_BYTES = 50 * 1024 * 1024  # 50 MB: a worldwide list of pairs is ~2 MB, the data folder's files ~100 KB
CHUNK = 1024 * 1024
_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (  # (test of st_mode, its word): what a path can be instead of a regular file
    (stat.S_ISDIR, None),  # a folder: problem "not_a_file"
    (stat.S_ISFIFO, Message("file_kind.fifo")),
    (stat.S_ISSOCK, Message("file_kind.socket")),
    (stat.S_ISCHR, Message("file_kind.device")),
    (stat.S_ISBLK, Message("file_kind.device")),
)


def too_large(name: str, size: int, limit: int = MAX_BYTES) -> Problem:
    """The refusal of a file of `size` bytes, over `limit` (in MB, as a file manager shows it)."""
    return Problem(name, "too_large", value=f"{size / 2**20:.1f} MB", expected=f"{limit // 2**20} MB")


def not_regular(name: str, mode: int) -> Problem:
    """The refusal of something that is not a regular file (mode from stat): a folder, or the kind it is."""
    for test, kind in _KINDS:
        if test(mode):
            return Problem(name, "not_a_file") if kind is None else Problem(name, "special_file", params={"kind": kind})
    return Problem(name, "special_file", params={"kind": Message("file_kind.device")})


def read_bytes(path: Path, limit: int = MAX_BYTES) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes (at most `limit`), or the reason they cannot be read: missing, a folder, a
    device, FIFO or socket, a broken link, no permission, too large."""
    name = str(path)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        return None, [_open_error(path, exc)]
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            return None, [not_regular(name, found.st_mode)]
        if found.st_size > limit:  # said before a byte is read, with the file's real size
            return None, [too_large(name, found.st_size, limit)]
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, CHUNK):
            total += len(chunk)
            if total > limit:  # the file system said less: what is read counts
                return None, [Problem(name, "too_large_read", expected=f"{limit // 2**20} MB")]
            chunks.append(chunk)
        return b"".join(chunks), []
    except OSError as exc:
        return None, [_open_error(path, exc)]
    finally:
        os.close(fd)


def _open_error(path: Path, exc: OSError) -> Problem:
    name = str(path)
    if exc.errno == errno.ENOENT:
        return Problem(name, "dangling_link" if path.is_symlink() else "missing_file")
    if exc.errno == errno.EISDIR:
        return Problem(name, "not_a_file")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Problem(name, "no_permission")
    if exc.errno == errno.ELOOP:
        return Problem(name, "link_loop")
    if exc.errno == errno.ENXIO:  # a socket (or a device with nothing behind it): stat says which
        try:
            return not_regular(name, os.stat(path).st_mode)
        except OSError:
            pass
    # The error's symbol (EIO, EBUSY...), not its English text: the message is translated.
    return Problem(name, "unreadable_file", value=errno.errorcode.get(exc.errno or 0, "OSError"))
