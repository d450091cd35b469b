"""Add rows to the data files without ever losing or corrupting what is there (the edit page's save).

One save = check → validate → prepare → commit → put in place, under one lock (a `threading.Lock`,
since Streamlit sessions are threads of one process, plus a `filelock.FileLock` on
`history/.save.lock`, for other processes on any OS):

1. check: the files' content hashes must still be those taken when the form opened; otherwise
   someone saved in Excel, or another session saved first, and the save is refused;
2. validate: the whole folder is copied to a temporary folder, the new rows are written there, and
   the SAME loader the app uses must load it; any problem is returned like a bad file's;
3. prepare: a journal (`history/journal.json`, state "prepared") names the backup folder and the
   new files; each file about to be replaced is copied to `history/<UTC timestamp>/<name>` (the
   loader never reads `history/`), and each new file is written beside its old one as
   `.<name>.saving`; everything is flushed to the disk;
4. commit: the journal is replaced by one in state "committed", in one atomic step: from here on
   the save counts as done;
5. put in place: each `.<name>.saving` is renamed over its file, then the journal is removed.

Whatever stops a save (a kill, a power cut, a full disk, a file held by another program), the
journal says how to end it, and `recover` does so at the next start (or the next save): before
the commit it rolls back (the new files and the backup are removed; the data files were never
touched), after it it completes (the renames left are done). A save that fails before the commit
is rolled back at once; one that fails after it (a file held open on Windows) is completed by
`recover` once the file is free. So the folder holds the old snapshot or the new one, never a mix.

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
import hashlib
import io
import json
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from filelock import FileLock

from common.atomicwrite import replace as put_in_place
from common.atomicwrite import sync_folder, write_new
from common.csvtable import decode
from common.i18n import format_list, t
from core.data.errors import DataError, DataLoadError
from core.data.loading import DATA_FILES, load_dataset

HISTORY = "history"  # data/history/<timestamp>/<file>: the previous version of every replaced file
LOCK_FILE = ".save.lock"
JOURNAL = "journal.json"  # history/journal.json: a save under way (see the module's docstring)
PREPARED, COMMITTED = "prepared", "committed"

Fingerprint = dict[str, str]  # file name → sha256 of its bytes ("" when the file does not exist)
Rows = Sequence[Mapping[str, str]]

REFUSALS = ("changed", "invalid", "not_writable", "pending")  # SaveRefused.code, each worded in the catalogues
OUTCOMES = ("completed", "rolled_back")  # Recovery.outcome, worded as save.recovered.<outcome>

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
        _recover(folder)  # a save interrupted since the start: its files are those the form compares with
        changed = tuple(name for name, digest in fingerprint(folder).items() if opened.get(name) != digest)
        if changed:
            raise SaveRefused("changed", changed)
        new = {name: with_rows(_read(folder / name), rows, fill or {}, str(folder / name))
               for name, rows in additions.items() if rows}
        _validate(folder, new)
        backup = _new_backup_name(folder)
        try:
            _prepare(folder, new, backup)
        except OSError as exc:
            try:
                ended = _recover(folder)  # rolled back, unless the commit reached the disk after all
            except OSError:
                ended = None  # the journal stays: the next start ends the save
            if ended is None or ended.outcome != "completed":
                raise _not_writable(folder, exc) from exc
            return Saved(tuple(new), folder / HISTORY / backup)
        try:
            _finish(folder, _journal(folder))
        except OSError as exc:  # committed: the save is done once the file is free (see recover)
            # renamed in order: the first left
            held = next((name for name in new if _saving(folder, name).exists()), "")
            raise SaveRefused("pending", (held,), errno.errorcode.get(exc.errno or 0, type(exc).__name__)) from exc
        return Saved(tuple(new), folder / HISTORY / backup)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """The whole check-validate-replace, one save at a time, across threads and processes."""
    with _process_lock:
        lock = FileLock(folder / HISTORY / LOCK_FILE)
        try:
            (folder / HISTORY).mkdir(exist_ok=True)
            lock.acquire()
        except OSError as exc:
            raise _not_writable(folder, exc) from exc
        try:
            yield
        finally:
            lock.release()


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


@dataclass(frozen=True)
class Recovery:
    """What `recover` did with a save it found unfinished: `outcome` is "completed" (the new
    snapshot is in place) or "rolled_back" (the folder holds the snapshot it had before); `backup`
    is the history/ folder holding the files as they were before that save (completed only)."""

    outcome: str
    files: tuple[str, ...]
    backup: Path | None

    def message(self, lang: str) -> str:
        return t(f"save.recovered.{self.outcome}", lang, files=format_list(self.files, lang), backup=str(self.backup))


class RecoveryFailed(Exception):
    """A save was interrupted and cannot be ended now (the folder cannot be written, a file is
    held by another program): the folder may be half-saved, so nothing of it may be shown."""

    def __init__(self, folder: Path, files: tuple[str, ...], detail: str) -> None:
        super().__init__(folder, files, detail)
        self.folder, self.files, self.detail = folder, files, detail

    def message(self, lang: str) -> str:
        return t("save.recovery.failed", lang, folder=str(self.folder), files=format_list(self.files, lang),
                 detail=self.detail)


def recover(folder: Path) -> Recovery | None:
    """End a save that was interrupted (see the module's docstring): complete it when it had been
    committed, roll it back otherwise. None when there was none (one look at history/). Called
    before a data folder is read (the app, `python -m export`, `python -m geocode`), editing
    allowed or not. Raises RecoveryFailed when the folder cannot be put right now."""
    folder = Path(folder)
    if not any((folder / HISTORY / name).exists() for name in (JOURNAL, f".{JOURNAL}.tmp")):
        return None
    try:
        with _locked(folder):
            return _recover(folder)
    except (OSError, ValueError, KeyError, SaveRefused) as exc:  # ValueError, KeyError: a journal edited by hand
        detail = exc.detail if isinstance(exc, SaveRefused) else errno.errorcode.get(getattr(exc, "errno", 0) or 0,
                                                                                        type(exc).__name__)
        raise RecoveryFailed(folder, _journal_files(folder), detail) from exc


def _journal_files(folder: Path) -> tuple[str, ...]:
    """The files the journal names, for a message (none when it cannot be read)."""
    try:
        return tuple(_journal(folder)["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return ()


def _recover(folder: Path) -> Recovery | None:
    """`recover` under the lock."""
    try:
        journal = _journal(folder)
    except FileNotFoundError:  # none, or stopped while the first journal was written: nothing done
        (folder / HISTORY / f".{JOURNAL}.tmp").unlink(missing_ok=True)
        return None
    files = tuple(journal["files"])
    if journal["state"] == COMMITTED:
        _finish(folder, journal)
        return Recovery("completed", files, folder / HISTORY / journal["backup"])
    _roll_back(folder, journal)
    return Recovery("rolled_back", files, None)


def _journal(folder: Path) -> dict:
    """The journal of the save under way: state, backup folder's name, file name → its new version."""
    return json.loads((folder / HISTORY / JOURNAL).read_text("utf-8"))


def _write_journal(folder: Path, state: str, backup: str, names: Sequence[str]) -> None:
    """Replace the journal in one atomic step (a fixed temporary name: one save at a time)."""
    history = folder / HISTORY
    text = json.dumps({"state": state, "backup": backup, "files": list(names)}, ensure_ascii=False)
    write_new(history / f".{JOURNAL}.tmp", text.encode("utf-8"))
    put_in_place(history / f".{JOURNAL}.tmp", history / JOURNAL)
    sync_folder(history)


def _saving(folder: Path, name: str) -> Path:
    """Where the new version of `name` waits until the commit."""
    return folder / f".{name}.saving"


def _new_backup_name(folder: Path) -> str:
    """A history/ folder name of the current UTC time, not yet taken (two saves in one microsecond
    on a coarse clock never share one)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    taken = {p.name for p in (folder / HISTORY).iterdir()}
    return next(name for name in (stamp, *(f"{stamp}-{n}" for n in range(1, 100))) if name not in taken)


def _prepare(folder: Path, new: Mapping[str, bytes], backup: str) -> None:
    """Steps 3 and 4: journal, backup, new files beside the old ones, all on the disk; then commit."""
    _write_journal(folder, PREPARED, backup, tuple(new))
    (folder / HISTORY / backup).mkdir()
    for name in new:
        if (folder / name).exists():
            write_new(folder / HISTORY / backup / name, (folder / name).read_bytes(), like=folder / name)
    sync_folder(folder / HISTORY / backup)
    for name, data in new.items():
        write_new(_saving(folder, name), data, like=folder / name)
    sync_folder(folder)
    _write_journal(folder, COMMITTED, backup, tuple(new))


def _finish(folder: Path, journal: dict) -> None:
    """Step 5 (again, after a stop): rename each new file still waiting over its old one, then end
    the journal. A file already renamed has no `.saving` left."""
    for name in journal["files"]:
        if _saving(folder, name).exists():
            put_in_place(_saving(folder, name), folder / name)
    sync_folder(folder)
    (folder / HISTORY / JOURNAL).unlink()
    sync_folder(folder / HISTORY)


def _roll_back(folder: Path, journal: dict) -> None:
    """Undo a save that was not committed: its new files and its backup go; the data files were
    never touched. The journal goes last, so that a stop in between rolls back again."""
    for name in journal["files"]:
        _saving(folder, name).unlink(missing_ok=True)
    shutil.rmtree(folder / HISTORY / journal["backup"], ignore_errors=True)
    (folder / HISTORY / f".{JOURNAL}.tmp").unlink(missing_ok=True)
    sync_folder(folder)
    (folder / HISTORY / JOURNAL).unlink()
    sync_folder(folder / HISTORY)


def _not_writable(folder: Path, exc: OSError) -> SaveRefused:
    return SaveRefused("not_writable", (str(folder),), errno.errorcode.get(exc.errno or 0, type(exc).__name__))
