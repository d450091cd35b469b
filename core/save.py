"""Add rows to the data files without ever losing or corrupting what is there (the edit page's save).

One save = check → validate → back up → replace, under one lock (a `threading.Lock`, since
Streamlit sessions are threads of one process, plus `fcntl.flock` on `history/.save.lock`, for
other processes):

1. check: the files' content hashes must still be those taken when the form opened; otherwise
   someone saved in Excel, or another session saved first, and the save is refused;
2. validate: the whole folder is copied to a temporary folder, the new rows are written there, and
   the SAME loader the app uses must load it; any problem is returned like a bad file's;
3. back up: each file about to be replaced is copied to `history/<UTC timestamp>/<name>` (the
   loader never reads `history/`);
4. replace: each file is replaced atomically (`common.atomicwrite`); if one replacement fails, the
   ones already replaced are put back from the backup, so the folder holds the old files or the new
   ones, never a mix.

The rows are appended to the file's text as it is (its other rows and quoting stay byte for byte);
only a column the file lacks (e.g. `as_of` in activities.csv when a second snapshot arrives) makes
the file be written again with that column added, its existing rows filled with a given value.
Everything is written as UTF-8 (with a BOM unless the file had none, see `with_rows`).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import fcntl
import hashlib
import io
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from common.atomicwrite import write_atomic
from common.csvtable import decode
from core.errors import DataError, DataLoadError
from core.loading import DATA_FILES, load_dataset

HISTORY = "history"  # data/history/<timestamp>/<file>: the previous version of every replaced file
LOCK_FILE = ".save.lock"

Fingerprint = dict[str, str]  # file name → sha256 of its bytes ("" when the file does not exist)
Rows = Sequence[Mapping[str, str]]

REFUSALS = ("changed", "invalid", "not_writable", "half_written")  # SaveRefused.code, each worded in the catalogues

_process_lock = threading.Lock()


@dataclass(eq=False)  # not frozen: raising sets __traceback__
class SaveRefused(Exception):
    """Why nothing was written: `code` is a catalogue key (`save.refused.<code>`), worded by the UI.

    `files` names the files concerned, `errors` the loader's problems (code "invalid")."""

    code: str
    files: tuple[str, ...] = ()
    detail: str = ""
    errors: tuple[DataError, ...] = field(default=())


@dataclass(frozen=True)
class Saved:
    """What a successful save did: the files replaced and where their previous versions are."""

    files: tuple[str, ...]
    backup: Path


def fingerprint(folder: Path) -> Fingerprint:
    """The content hash of every data file, taken when a form opens and compared when it saves."""
    return {name: _hash(folder / name) for name in DATA_FILES}


def _hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def save_rows(folder: Path, additions: Mapping[str, Rows], opened: Fingerprint,
              fill: Mapping[str, str] | None = None) -> Saved:
    """Append `additions` (file name → rows of column → text) to the files of `folder`.

    `opened` is `fingerprint(folder)` as it was when the form opened; `fill` gives the value for
    existing rows of a column a file lacks. Raises `SaveRefused` and writes nothing (or puts
    everything back) when the files changed since, the result does not load, or the folder cannot
    be written."""
    folder = Path(folder)
    with _locked(folder):
        changed = tuple(name for name, digest in fingerprint(folder).items() if opened.get(name) != digest)
        if changed:
            raise SaveRefused("changed", changed)
        new = {name: with_rows(_read(folder / name), rows, fill or {}, str(folder / name)) for name, rows in additions.items() if rows}
        _validate(folder, new)
        backup = _back_up(folder, tuple(new))
        _replace_all(folder, new, backup)
        return Saved(tuple(new), backup)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """The whole check-validate-replace, one save at a time, across threads and processes."""
    with _process_lock:
        history = folder / HISTORY
        try:
            history.mkdir(exist_ok=True)
            handle = open(history / LOCK_FILE, "a")  # noqa: SIM115 - held for the whole save
        except OSError as exc:
            raise _not_writable(folder, exc) from exc
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _read(path: Path) -> bytes:
    """A data file's bytes (none when absent)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def with_rows(data: bytes, rows: Rows, fill: Mapping[str, str], name: str = "data.csv") -> bytes:
    """A CSV file's bytes (b"" for a new file) with `rows` appended, in UTF-8.

    Columns are the file's header followed by any column the rows add; existing rows keep their
    text unless a column is added, in which case they get `fill[column]` (or "") in it. A file
    without a BOM keeps having none (a clean diff); a new or CP932 file (Chinese text may not fit
    CP932) gets one, so that Excel on Japanese Windows reads it as UTF-8. A file the reader cannot
    decode (UTF-16, a renamed .xlsx) is refused with the reader's problem: never rewritten."""
    text, problems = decode(Path(name), data)
    if text is None:
        raise SaveRefused("invalid", (name,), errors=tuple(map(DataError.of, problems)))
    bom = not data or data.startswith(codecs.BOM_UTF8) or not data.startswith(text.encode("utf-8"))
    newline = "\r\n" if "\r\n" in text else "\n"
    records = list(csv.reader(io.StringIO(text, newline=""))) if text.strip() else []
    header = [cell.strip() for cell in records[0]] if records else []
    added = [col for row in rows for col in row if col not in header]
    added = list(dict.fromkeys(added))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=newline)
    if added or not records:
        writer.writerow(header + added)
        for record in records[1:]:
            if any(cell.strip() for cell in record):  # blank lines, which the loader skips, are dropped
                writer.writerow(record + [fill.get(col, "") for col in added])
        head = ""
    else:
        head = text if text.endswith(("\n", "\r")) else text + newline
    for row in rows:
        writer.writerow([row.get(col, "") for col in header + added])
    return (head + out.getvalue()).encode("utf-8-sig" if bom else "utf-8")


def _validate(folder: Path, new: Mapping[str, bytes]) -> None:
    """Load a temporary copy of the whole folder with the new files; refuse on any problem."""
    with tempfile.TemporaryDirectory(prefix="jcair-save-") as tmp:
        copy = Path(tmp)
        for name in DATA_FILES:
            if (folder / name).exists():
                shutil.copyfile(folder / name, copy / name)
        for name, data in new.items():
            (copy / name).write_bytes(data)
        try:
            load_dataset(copy)
        except DataLoadError as problem:
            # Named after the real files: the temporary folder means nothing to the reader.
            errors = tuple(replace(e, file=str(folder / Path(e.file).name)) for e in problem.errors)
            raise SaveRefused("invalid", tuple(dict.fromkeys(Path(e.file).name for e in errors)),
                              errors=errors) from None


def _back_up(folder: Path, names: tuple[str, ...]) -> Path:
    """Copy the current version of each file to a fresh history/<timestamp>/ folder."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    backup = folder / HISTORY / stamp
    try:
        for n in range(100):  # two saves in one microsecond (a coarse clock): never share a folder
            try:
                backup.mkdir()
                break
            except FileExistsError:
                backup = folder / HISTORY / f"{stamp}-{n + 1}"
        for name in names:
            if (folder / name).exists():
                write_atomic(backup / name, (folder / name).read_bytes())
    except OSError as exc:
        raise _not_writable(folder, exc) from exc
    return backup


def _replace_all(folder: Path, new: Mapping[str, bytes], backup: Path) -> None:
    """Replace each file; on a failure put back the ones already replaced, then refuse."""
    done: list[str] = []
    try:
        for name, data in new.items():
            write_atomic(folder / name, data)
            done.append(name)
    except OSError as exc:
        try:
            for name in done:
                previous = backup / name
                if previous.exists():
                    write_atomic(folder / name, previous.read_bytes())
                else:
                    (folder / name).unlink()
        except OSError:
            # The disk itself fails: say which files changed and where their previous versions are.
            raise SaveRefused("half_written", tuple(done), str(backup)) from exc
        raise _not_writable(folder, exc) from exc


def _not_writable(folder: Path, exc: OSError) -> SaveRefused:
    return SaveRefused("not_writable", (str(folder),), errno.errorcode.get(exc.errno or 0, type(exc).__name__))
