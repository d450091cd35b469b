"""The loader's file reading: file-system faults, stray files, strict lat/lon; the folder is only read."""

from __future__ import annotations

from pathlib import Path

import pytest
from folder_faults import FS_FAULTS, add_stray_files, make_fault, snapshot

from core.data.errors import DataLoadError
from core.data.loading import ACTIVITIES, DATA_FILES, EVENTS, load_dataset

OPTIONAL = (ACTIVITIES, EVENTS)
FS_CASES = [(name, fault) for name in DATA_FILES for fault in sorted(FS_FAULTS)
            if not (fault == "missing" and name in OPTIONAL)]
# The file's own label and the fault's words, per language: the message names the file.
WORDS = {
    "not_a_file": ("フォルダーです", "is a folder, not a file", "是文件夹"),
    "dangling_link": ("リンク（ショートカット）の先のファイルがありません", "points at a file that does not exist",
                      "指向的文件不存在"),
    "link_loop": ("自分自身を指して", "points back at itself", "指向自身"),
    "no_permission": ("読む権限がありません", "not allowed to read", "无权读取"),
    "missing_file": ("ファイルがありません", "the file does not exist", "文件不存在"),
    "special_file": ("ファイルではなく", ", not a file", "不是文件"),
}


@pytest.mark.parametrize(("name", "fault"), FS_CASES)
def test_file_system_fault_is_a_message_naming_the_file(data_copy: Path, monkeypatch, name: str, fault: str):
    make_fault(data_copy, name, fault, monkeypatch)
    before = snapshot(data_copy)
    with pytest.raises(DataLoadError) as info:
        load_dataset(data_copy)
    first = info.value.errors[0]
    code = FS_FAULTS[fault]
    assert (first.file, first.problem, first.line, first.column) == (str(data_copy / name), code, None, None)
    for lang, words in zip(("ja", "en", "zh"), WORDS[code]):
        message = first.message(lang)
        assert name in message and words in message, message
    assert snapshot(data_copy) == before


@pytest.mark.parametrize("name", OPTIONAL)
def test_an_optional_file_may_be_missing(data_copy: Path, name: str):
    (data_copy / name).unlink()
    assert load_dataset(data_copy).places


def test_stray_files_are_not_read(data_copy: Path):
    add_stray_files(data_copy)
    before = snapshot(data_copy)
    assert len(load_dataset(data_copy).places) == 21
    assert snapshot(data_copy) == before


# (lat, lon, expected [(problem, column, value)]) written on 東京都's row (line 2)
COORDINATES = [
    ("35.68", "139.69", []),
    ("３５．６８", "139.69", []),
    ("1_0", "139.69", [("not_a_number", "lat", "1_0")]),
    ("nan", "nan", [("not_a_number", "lat", "nan"), ("not_a_number", "lon", "nan")]),
    ("35", "inf", [("not_a_number", "lon", "inf")]),
    ("200", "139.69", [("number_out_of_range", "lat", "200")]),
    ("35", "-180.01", [("number_out_of_range", "lon", "-180.01")]),
    ("1e999", "139.69", [("not_a_number", "lat", "1e999")]),
]


@pytest.mark.parametrize(("lat", "lon", "expected"), COORDINATES)
def test_lat_lon_are_strict_numbers_on_earth(data_copy: Path, lat: str, lon: str, expected):
    path = data_copy / "places.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("東京都,Tokyo,东京都,prefecture,JP,東京都,Tokyo,东京都,,,",
                                 f"東京都,Tokyo,东京都,prefecture,JP,東京都,Tokyo,东京都,{lat},{lon},", 1),
                    encoding="utf-8")
    if not expected:
        assert load_dataset(data_copy).places["東京都"].lat == 35.68
        return
    with pytest.raises(DataLoadError) as info:
        load_dataset(data_copy)
    found = [(e.problem, e.column, e.value) for e in info.value.errors if e.file.endswith("places.csv")]
    assert found == expected
    assert {e.line for e in info.value.errors if e.file.endswith("places.csv")} == {2}
