"""Property-based: every valid folder loads back exactly what was written; every single defect is
reported first where it was injected, in every language, and the folder stays byte-identical."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from defects import DEFECTS, defective_folders
from folders import Folder, valid_folders
from hypothesis import event, given, settings
from hypothesis import strategies as st

from core.data.errors import DataLoadError
from core.data.loading import load_dataset

CI_FRIENDLY = settings(derandomize=True, deadline=None, max_examples=60)
LABELS = {"ja": ("ファイル", "行", "列"), "en": ("file", "line", "column"), "zh": ("文件", "行", "列")}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _round_trip(folder: Folder) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder.write(Path(tmp))
        loaded = load_dataset(tmp)
    assert loaded.places == folder.expected.places
    assert loaded.partnerships == folder.expected.partnerships
    assert loaded.history == folder.expected.history


@CI_FRIENDLY
@given(valid_folders())
def test_a_valid_folder_loads_exactly_what_was_written(folder: Folder) -> None:
    event(f"{len(folder.expected.places)} places" if len(folder.expected.places) < 3 else "3+ places")
    expected = folder.expected
    event(f"{len(expected.statuses) and 'some'} statuses, {len(expected.partnerships) and 'some'} partnerships")
    _round_trip(folder)


@settings(derandomize=True, deadline=None, max_examples=5)
@given(valid_folders(min_places=40, max_places=50))
def test_a_folder_with_many_rows_loads_exactly_what_was_written(folder: Folder) -> None:
    _round_trip(folder)


@pytest.mark.parametrize("kind", DEFECTS)
@settings(derandomize=True, deadline=None, max_examples=20)
@given(data=st.data())
def test_a_single_defect_is_reported_first_where_it_is(kind: str, data: st.DataObject) -> None:
    folder, defect = data.draw(defective_folders(kind))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp)
        folder.write(path)
        before = _snapshot(path)
        with pytest.raises(DataLoadError) as info:
            load_dataset(path)
        assert _snapshot(path) == before
    first = info.value.errors[0]
    assert (Path(first.file).name, first.line, first.column) == (defect.file, defect.line, defect.column), (
        defect, str(info.value))
    for lang, (file_word, line_word, column_word) in LABELS.items():
        message = first.message(lang)
        assert f"{file_word} {defect.file}" in message and f"{line_word} {defect.line}" in message, message
        assert defect.column is None or f"{column_word} {defect.column}" in message, message
