"""The encodings of both countries told apart on the bytes: UTF-8 (BOM or not), CP932 (Japanese
Excel), GB18030/GBK (Chinese Excel); bytes that read as both alike are never guessed."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from common.csvtable import detect, read_table
from core.data.errors import DataError

NAME = PurePath("pairs.csv")
# Characters as each country's Excel files hold them (CJK ranges by their code points, filtered to
# what the encoding writes): Japanese kana, JIS level-1 kanji and full-width signs such as ①; Chinese
# GB2312 hanzi (the set Chinese text is written in) and full-width punctuation.
HIRAGANA = st.characters(min_codepoint=0x3041, max_codepoint=0x3093)
KATAKANA = st.characters(min_codepoint=0x30A1, max_codepoint=0x30F6)
KANJI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA0).filter(
    lambda c: c.encode("cp932", errors="ignore") != b""
    and 0x889F <= int.from_bytes(c.encode("cp932"), "big") <= 0x9872)
HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA0).filter(
    lambda c: c.encode("gb2312", errors="ignore") != b"" and c.encode("gb2312")[0] >= 0xB0)
ASCII = st.sampled_from(list("abcXYZ0123456789 .,-"))
JAPANESE = st.text(st.one_of(HIRAGANA, KATAKANA, KANJI, st.sampled_from("①②、。・ー"), ASCII), min_size=1).filter(
    lambda s: any(c >= "\x80" for c in s))
CHINESE = st.text(st.one_of(HANZI, st.sampled_from("，。、"), ASCII), min_size=1).filter(
    lambda s: any(c >= "\x80" for c in s))


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _csv(cells: list[str]) -> str:
    return "city1,city2\n" + "".join(f"{a},{b}\n" for a, b in zip(cells[::2], cells[1::2] or [""]))


@settings(max_examples=300, deadline=None)
@given(st.lists(JAPANESE, min_size=1, max_size=20))
def test_japanese_in_cp932_is_read_as_cp932(cells: list[str]):
    """Kana and common kanji in CP932 never pass for Chinese: their bytes read as GB18030 give
    characters outside GB2312."""
    data = _csv(cells).encode("cp932")
    assume(not _utf8(data))
    assert detect(NAME, data) == ("cp932", [])


HALFWIDTH = st.characters(min_codepoint=0xFF66, max_codepoint=0xFF9D)  # ｦ..ﾝ: half-width katakana


@settings(max_examples=300, deadline=None)
@given(st.lists(JAPANESE, min_size=1, max_size=10), st.lists(st.text(HALFWIDTH, min_size=1), min_size=1, max_size=10))
def test_japanese_with_half_width_katakana_is_never_taken_for_chinese(cells: list[str], half: list[str]):
    data = _csv(cells + half).encode("cp932")
    assume(not _utf8(data))
    encoding, problems = detect(NAME, data)
    assert (encoding, [p.problem for p in problems]) in (("cp932", []), (None, ["ambiguous_encoding"]))


def test_a_japanese_list_with_a_half_width_reading_is_read_as_japanese():
    """Old systems' exports keep readings in half-width katakana beside the names."""
    data = "name,kana\n北九州市,ｷﾀｷｭｳｼｭｳｼ\n四日市市,ﾖｯｶｲﾁｼ\n川崎市,ｶﾜｻｷｼ\n".encode("cp932")
    assert detect(NAME, data) == ("cp932", [])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHINESE, min_size=1, max_size=20))
def test_chinese_in_gb18030_is_never_taken_for_japanese(cells: list[str]):
    """GB2312 text in GB18030 is read as GB18030, or asked about: never silently as CP932. (Bytes
    that are also valid UTF-8, which only a few characters can be, such as 一 alone, are UTF-8.)"""
    data = _csv(cells).encode("gb18030")
    assume(not _utf8(data))
    encoding, problems = detect(NAME, data)
    assert (encoding, [p.problem for p in problems]) in (("gb18030", []), (None, ["ambiguous_encoding"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(JAPANESE, CHINESE), min_size=1, max_size=20), st.booleans())
def test_utf8_with_or_without_bom_is_utf8(cells: list[str], bom: bool):
    assert detect(NAME, _csv(cells).encode("utf-8-sig" if bom else "utf-8")) == ("utf-8-sig", [])


# A list of partner cities as Chinese Excel saves it (GBK): the case, read as CP932 it gave ｱｱｾｩ.
CHINESE_LIST = ("城市1,国家1,纬度1,经度1,城市2,国家2,纬度2,经度2\n"
                "天津市,中国,39.13,117.2,北九州市,日本,33.88,130.88\n"
                "大连市,中国,38.91,121.6,北九州市,日本,33.88,130.88\n")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_a_chinese_excel_file_with_coordinates_is_read_as_chinese(tmp_path: Path, encoding: str):
    path = tmp_path / "pairs.csv"
    path.write_bytes(CHINESE_LIST.encode(encoding))
    rows, problems = read_table(path, ("城市1",))
    assert problems == [] and [r["城市1"] for r in rows] == ["天津市", "大连市"]


def test_bytes_that_read_as_both_are_a_message_naming_the_file_and_the_fix(tmp_path: Path):
    path = tmp_path / "places.csv"
    path.write_bytes("name,other\n北京,东京\n".encode("gbk"))  # as CP932: ｱｱｾｩ,ｶｫｾｩ, as plausible
    rows, problems = read_table(path, ("name",))
    assert rows is None and [p.problem for p in problems] == ["ambiguous_encoding"]
    error = DataError.of(problems[0])
    assert error.message("en") == (
        "file places.csv: its bytes read as Japanese (Shift_JIS/CP932) and as Chinese (GB18030/GBK) alike, so which "
        "one it is cannot be told — fix: in Excel, save it again as 'CSV UTF-8 (Comma delimited)'")
    assert error.message("ja") == (
        "ファイル places.csv: バイト列が日本語（Shift_JIS、CP932）としても中国語（GB18030、GBK）としても読めるため、"
        "どちらか判断できません — 対処: Excel で「CSV UTF-8（コンマ区切り）」として保存し直してください")
