"""Replace a file so that no reader ever sees half of it, and so that it keeps its permissions.

Temp file in the same folder (os.replace is atomic only within one file system) → fsync →
os.replace. `tempfile.mkstemp` would create the temp file 0600, and os.replace would then turn a
644 file into 600; the temp file is therefore created like any new file (0666 less the umask) and
given the replaced file's mode.
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
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        except FileNotFoundError:
            pass  # a new file: the umask decided, as for any file the user creates
        _replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _replace(tmp: Path, path: Path) -> None:
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(REPLACE_PAUSE_S)
