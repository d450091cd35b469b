"""The file-system faults a coordinator meets in a data folder, and a snapshot that proves a folder
was only read (contents, link targets and modes byte-identical afterwards). Used by the loader's,
the session's, the app's and the geocoding CLI's tests."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

FS_FAULTS = {  # fault -> the problem code the app and the CLI report for the file
    "missing": "missing_file",
    "directory": "not_a_file",
    "dangling_link": "dangling_link",
    "link_loop": "link_loop",
    "unreadable": "no_permission",
    "fifo": "special_file",  # a FIFO must not hang the reader waiting for a writer
    "socket": "special_file",
    "device": "special_file",  # a link to /dev/zero: endless bytes, a size of 0
}


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """name -> (mode, content or link target) of every entry in the folder, links not followed."""
    out = {}
    for path in sorted(folder.iterdir()):
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            content = os.readlink(path).encode()
        elif stat.S_ISDIR(st.st_mode):
            content = b"<dir>"
        elif not stat.S_ISREG(st.st_mode):  # a FIFO or socket: opening it could block
            content = b"<special>"
        else:
            with open(path, "rb") as fh:  # not Path.read_bytes, which "unreadable" may patch
                content = fh.read()
        out[path.name] = (st.st_mode, content)
    return out


def make_fault(folder: Path, name: str, fault: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn folder/name into `fault`. Tests run as root, which reads any file whatever its mode:
    "unreadable" makes reading that one path raise EACCES, as it does for an ordinary user."""
    path = folder / name
    if fault != "unreadable" and os.path.lexists(path):
        path.unlink()
    if fault == "directory":
        path.mkdir()
    elif fault == "dangling_link":
        path.symlink_to(folder / "deleted-long-ago.csv")
    elif fault == "link_loop":
        path.symlink_to(path)
    elif fault == "fifo":
        os.mkfifo(path)
    elif fault == "socket":
        os.mknod(path, stat.S_IFSOCK | 0o644)
    elif fault == "device":
        path.symlink_to("/dev/zero")
    elif fault == "unreadable":
        real = os.open

        def refusing_open(file, flags, *args, **kwargs):
            if Path(file) == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real(file, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)


def add_stray_files(folder: Path) -> None:
    """What a data folder collects over time and the app must not even look at."""
    (folder / "places_backup.csv").symlink_to(folder / "places_old.csv")  # dangling
    (folder / "loop.csv").symlink_to(folder / "loop.csv")
    (folder / "old.csv").mkdir()
