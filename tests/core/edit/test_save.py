"""Saving a snapshot never loses or corrupts data: refused when stale or invalid, atomic, backed up,
one save at a time. Every snapshot written here is FICTIONAL test data (dates in 2015–2016, texts
marked 架空 / fictional), never facts of the programme."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

from common import atomicwrite
from core.data.loading import ACTIVITIES, DATA_FILES, EVENTS, STATUSES, load_dataset
from core.edit.form import entities, fill_values, prefill, snapshot_rows
from core.edit.save import HISTORY, SaveRefused, fingerprint, save_rows, with_rows
from core.report.csvfile import csv_bytes

FICTIONAL = "架空のテストデータ / FICTIONAL test data"


def _snapshot(folder: Path, as_of: str, **stage: str) -> dict[str, list[dict[str, str]]]:
    """Rows of a fictional snapshot: the latest one copied forward to `as_of`, with `stage` changes."""
    dataset = load_dataset(folder)
    drafts = {key: prefill(dataset, key) for key in entities(dataset)}
    for key, value in stage.items():
        drafts[key].stage = value
    return snapshot_rows(as_of, drafts, FICTIONAL)


def _save(folder: Path, as_of: str, **stage: str):
    dataset = load_dataset(folder)
    return save_rows(folder, _snapshot(folder, as_of, **stage), fingerprint(folder), fill_values(dataset))


def _contents(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in DATA_FILES}


def test_a_saved_snapshot_loads_and_the_old_files_are_kept_in_history(data_copy: Path) -> None:
    before = _contents(data_copy)
    saved = _save(data_copy, "2015-06-30", 北京市="nearly_agreed")
    assert set(saved.files) == {STATUSES, ACTIVITIES, EVENTS}
    assert saved.backup.parent == data_copy / HISTORY
    assert {n: (saved.backup / n).read_bytes() for n in saved.files} == {n: before[n] for n in saved.files}
    dataset = load_dataset(data_copy)
    assert dataset.stage_of("北京市") == "nearly_agreed" and dataset.status_of("北京市").as_of == "2015-06-30"
    old = load_dataset(data_copy).status_of("北京市", "2014-05-31")
    assert old.stage == "in_coordination"  # the seed's snapshot is still there, unchanged
    tianjin = dataset.status_of("天津市")
    assert [a.count for a in tianjin.activities] == [a.count for a in old_activities(data_copy)]
    # The seed's rows were not rewritten but kept, their date filled into the new as_of column.
    assert (data_copy / STATUSES).read_bytes().startswith(before[STATUSES])


def old_activities(folder: Path):
    return load_dataset(folder).status_of("天津市", "2014-05-31").activities


def test_text_is_stored_as_typed_and_exports_neutralise_formulas(data_copy: Path) -> None:
    rows = _snapshot(data_copy, "2015-06-30")
    typed = ["=1+1", "+81 3", "-2", "@SUM(A1)", 'a "quoted", comma\nand a second line']
    for row, text in zip(rows[STATUSES], typed, strict=False):
        row["text_ja"] = text
    save_rows(data_copy, rows, fingerprint(data_copy), fill_values(load_dataset(data_copy)))
    dataset = load_dataset(data_copy)
    stored = [dataset.status_of(row["entity"]).text.ja for row in rows[STATUSES][: len(typed)]]
    assert stored == typed
    exported = csv_bytes([{"t": text} for text in stored], ["t"]).decode("utf-8-sig")
    assert "'=1+1" in exported and "'+81 3" in exported and "'-2" in exported and "'@SUM(A1)" in exported


@pytest.mark.parametrize("fail_at", range(1, 12))
def test_a_failure_before_the_commit_leaves_the_old_files_intact_and_loadable(data_copy: Path, monkeypatch, fail_at: int
                                                                              ) -> None:
    """The fail_at-th flush to the disk fails (a full disk, a yanked USB stick): journal, backup,
    new files and the commit are flushed before any data file is touched, so the save is rolled
    back at once and nothing of it is left (tests/core/edit/test_save_crash.py kills it instead)."""
    before = _contents(data_copy)
    rows = _snapshot(data_copy, "2015-06-30", 北京市="nearly_agreed")
    opened, fill = fingerprint(data_copy), fill_values(load_dataset(data_copy))
    real, calls = os.fsync, []

    def crash(fd):
        calls.append(fd)
        if len(calls) == fail_at:
            raise OSError(errno.EIO, "I/O error")
        real(fd)

    monkeypatch.setattr(atomicwrite.os, "fsync", crash)
    with pytest.raises(SaveRefused) as refused:
        save_rows(data_copy, rows, opened, fill)
    assert refused.value.code == "not_writable" and refused.value.detail == "EIO"
    assert _contents(data_copy) == before
    assert load_dataset(data_copy).status_of("北京市").as_of == "2014-05-31"
    assert sorted(p.name for p in data_copy.iterdir()) == sorted([*DATA_FILES, HISTORY])
    assert [p.name for p in (data_copy / HISTORY).iterdir()] == [".save.lock"]


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_file_edited_on_disk_after_the_form_opened_refuses_the_save(data_copy: Path, name: str) -> None:
    rows = _snapshot(data_copy, "2015-06-30")
    opened, fill = fingerprint(data_copy), fill_values(load_dataset(data_copy))
    with (data_copy / name).open("ab") as handle:  # someone saved in Excel meanwhile
        handle.write(b"\n")
    before = _contents(data_copy)
    with pytest.raises(SaveRefused) as refused:
        save_rows(data_copy, rows, opened, fill)
    assert refused.value.code == "changed" and refused.value.files == (name,)
    assert _contents(data_copy) == before
    assert list((data_copy / HISTORY).iterdir()) == [data_copy / HISTORY / ".save.lock"]


def test_invalid_rows_are_refused_like_a_bad_file_and_nothing_is_written(data_copy: Path) -> None:
    rows = _snapshot(data_copy, "2015-06-30")
    rows[STATUSES][0]["stage"] = "agreed-ish"
    rows[ACTIVITIES][0]["count"] = "2.0"
    before = _contents(data_copy)
    with pytest.raises(SaveRefused) as refused:
        save_rows(data_copy, rows, fingerprint(data_copy), fill_values(load_dataset(data_copy)))
    problems = {(Path(e.file), e.column, e.value) for e in refused.value.errors}
    assert problems == {(data_copy / STATUSES, "stage", "agreed-ish"), (data_copy / ACTIVITIES, "count", "2.0")}
    message = refused.value.errors[0].message("ja")
    assert STATUSES in message and "agreed-ish" in message and "jcair-save" not in message
    assert _contents(data_copy) == before


def test_a_read_only_data_folder_is_a_clear_refusal(data_copy: Path, monkeypatch) -> None:
    """Tests run as root, who may write anywhere: the folder's refusal is simulated where it happens."""
    before = _contents(data_copy)

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", read_only)
    with pytest.raises(SaveRefused) as refused:
        _save(data_copy, "2015-06-30")
    assert refused.value.code == "not_writable" and refused.value.files == (str(data_copy),)
    assert refused.value.detail == "EROFS" and _contents(data_copy) == before


def test_eight_sessions_saving_at_once_each_get_their_own_snapshot(data_copy: Path) -> None:
    """8 threads: each reads, then saves; a stale one is told (code "changed") and tries again.
    In the end every save is one whole snapshot, and history/ holds every version in between."""
    dates = [f"2015-0{i + 1}-15" for i in range(8)]
    refusals: list[str] = []
    start = threading.Barrier(8)

    def session(as_of: str) -> None:
        start.wait()
        while True:
            try:
                _save(data_copy, as_of, 北京市="nearly_agreed")
                return
            except SaveRefused as refused:
                refusals.append(refused.code)

    threads = [threading.Thread(target=session, args=(d,)) for d in dates]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(refusals) <= {"changed"} and refusals  # at least one session was told and retried
    dataset = load_dataset(data_copy)
    assert [s.as_of for s in dataset.history["北京市"]] == ["2014-05-31", *dates]
    for entity in ("天津市", "上海市"):
        first, *later = dataset.history[entity]
        assert [len(s.activities) for s in later] == [len(first.activities)] * 8
    backups = sorted(p for p in (data_copy / HISTORY).iterdir() if p.is_dir())
    assert len(backups) == 8
    # Each backup is the state the next save replaced: loading them in order adds one snapshot each.
    sizes = []
    for backup in backups:
        (backup / "places.csv").write_bytes((data_copy / "places.csv").read_bytes())
        (backup / "partnerships.csv").write_bytes((data_copy / "partnerships.csv").read_bytes())
        sizes.append(len(load_dataset(backup).history["北京市"]))
    assert sizes == list(range(1, 9))


@pytest.mark.parametrize(
    ("before", "rows", "after"),
    [
        # Appended to the text as it is: CRLF and a quoted line break kept, a BOM kept (or not added).
        ('\ufeffa,b\r\n"x\r\ny",1\r\n'.encode(), [{"a": "z", "b": "2"}], '\ufeffa,b\r\n"x\r\ny",1\r\nz,2\r\n'.encode()),
        (b"a,b\n1,2", [{"b": "=3"}], b"a,b\n1,2\n,=3\n"),
        # A new column: the file is written again, its rows filled, blank lines dropped.
        (b"a\n1\n\n2\n", [{"a": "3", "as_of": "2015-01-01"}], b"a,as_of\n1,2014-05-31\n2,2014-05-31\n3,2015-01-01\n"),
        # A new file, or CP932 from Japanese Excel (Chinese text may not fit it): UTF-8 with a BOM.
        (b"", [{"a": "1"}], "\ufeffa\n1\n".encode()),
        ("a\n①\n".encode("cp932"), [{"a": "东"}], "\ufeffa\n①\n东\n".encode()),
    ],
)
def test_rows_are_added_to_the_file_as_it_is(before: bytes, rows, after: bytes) -> None:
    assert with_rows(before, rows, {"as_of": "2014-05-31"}) == after


@pytest.mark.parametrize(("data", "problem"), [("a\n1\n".encode("utf-16"), "utf16"), (b"PK\x03\x04...", "xlsx")])
def test_a_file_the_reader_cannot_decode_is_never_rewritten(data_copy: Path, data: bytes, problem: str) -> None:
    (data_copy / EVENTS).write_bytes(data)
    before = _contents(data_copy)
    with pytest.raises(SaveRefused) as refused:
        save_rows(data_copy, {EVENTS: [{"entity": "北京市"}]}, fingerprint(data_copy))
    assert [(e.file, e.problem) for e in refused.value.errors] == [(str(data_copy / EVENTS), problem)]
    assert _contents(data_copy) == before
