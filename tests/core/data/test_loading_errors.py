"""A corrupted copy of data/ fails to load with messages that say where, what and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest
from edits import append, delete, insert_bytes_on_line, sub, write_bytes

from core.data.errors import DataLoadError
from core.data.loading import load_dataset

_ANY_YEAR_FIX = "write it as 1981 or in a Japanese era"
_CHOICES_RELATION = "friendship / local_office / environmental_exchange / cooperation_request"

# (file, mutation, problem, line, column, value in the message, fix text in the message)
CASES = [
    pytest.param(
        "partnerships.csv", sub("東京都,北京市", "大阪府,北京市"), "unknown_place", 2, "japan", "大阪府",
        "spell it as in the name_ja column of places.csv", id="unknown-place-japan",
    ),
    pytest.param(
        "partnerships.csv", sub("川崎市,瀋陽市", "川崎市,沈阳市"), "unknown_place", 7, "china", "沈阳市",
        "spell it as in the name_ja column of places.csv", id="unknown-place-china-in-zh-spelling",
    ),
    pytest.param(
        "places.csv", append("東京都,Tokyo,东京都,prefecture,JP,東京都,Tokyo,东京都,,,,IGES 2014-05 表1\n"),
        "duplicate", 23, "name_ja", "東京都", "delete or merge one of the two rows", id="duplicate-place",
    ),
    pytest.param(
        "partnerships.csv", sub("japan,china,relation,", "japan,china,relaton,"), "missing_column", 1,
        "relation", "relation", "add a column headed 'relation' to line 1", id="missing-column",
    ),
    pytest.param(
        "partnerships.csv", sub("遼寧省,friendship,友好都市,1984", "遼寧省,friendship,友好都市,昭和70年"),
        "impossible_year", 3, "year", "昭和70年", "use a year 昭和1–64", id="impossible-era-year",
    ),
    pytest.param(
        "partnerships.csv", sub("遼寧省,friendship,友好都市,1984", "遼寧省,friendship,友好都市,2981"),
        "impossible_year", 3, "year", "2981", "use a year 1949–", id="impossible-future-year",
    ),
    pytest.param(
        "partnerships.csv", sub("遼寧省,friendship,友好都市,1984", "遼寧省,friendship,友好都市,1800"),
        "impossible_year", 3, "year", "1800", "use a year 1949–", id="impossible-past-year",
    ),
    pytest.param(
        "partnerships.csv", sub("遼寧省,friendship,友好都市,1984", "遼寧省,friendship,友好都市,abc"),
        "bad_year", 3, "year", "abc", _ANY_YEAR_FIX, id="bad-year-text",
    ),
    pytest.param(
        "partnerships.csv", sub("遼寧省,friendship,友好都市,1984", "遼寧省,friendship,友好都市,"),
        "missing_value", 3, "year", "", "fill it in (1981 / 昭和56年)", id="friendship-without-year",
    ),
    pytest.param(
        "events.csv", sub("北京市,2014,4", "北京市,2014,13"), "number_out_of_range", 2, "month", "13",
        "use a number from 1 to 12", id="month-13",
    ),
    pytest.param(
        "partnerships.csv", insert_bytes_on_line(4, b"\x85\x40"), "encoding", 4, None, "85 40",
        "save it again as 'CSV UTF-8 (Comma delimited)'", id="encoding-utf8-file",
    ),
    pytest.param(
        "partnerships.csv", insert_bytes_on_line(10, b"\x85\x40", "cp932"), "encoding", 10, None, "85 40",
        "save it again as 'CSV UTF-8 (Comma delimited)'", id="encoding-cp932-file",
    ),
    pytest.param(
        "events.csv", write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))), "xlsx", None, None, ".xlsx",
        "in Excel use Save As", id="xlsx-named-csv",
    ),
    pytest.param(
        "activities.csv", write_bytes(b""), "empty_file", None, None, "", "header row (line 1)", id="empty-file",
    ),
    pytest.param(
        "activities.csv", write_bytes(b"\r\n  \r\n"), "empty_file", None, None, "", "header row (line 1)",
        id="blank-lines-only",
    ),
    pytest.param(
        "statuses.csv", write_bytes(lambda b: b.decode("utf-8").encode("utf-16")), "utf16", None, None, "UTF-16",
        "save it again as 'CSV UTF-8 (Comma delimited)'", id="utf16-bom",
    ),
    pytest.param(
        "partnerships.csv", sub("広東省,friendship,友好都市,1983,", "広東省,friendship,友好都市,1983,,"),
        "field_count", 5, None, "8", "remove the extra comma", id="too-many-fields",
    ),
    pytest.param(
        "partnerships.csv", sub("四日市市,天津市", '"四日市市,天津市'), "parse", 8, None, "unexpected end of data",
        'check that quotes (") are paired', id="quote-open-to-eof",
    ),
    pytest.param(
        "statuses.csv",
        sub("北京市,2014-05-31,in_coordination,東京都,,", 'x,"北京市,2014-05-31,in_coordination,東京都,,'),
        "parse", 2, None, "expected after", 'check that quotes (") are paired', id="quote-open-before-multiline-cell",
    ),
    pytest.param(
        "statuses.csv", sub("武漢市,2014-05-31,mission_planned,北九州市,air_pollution_control,",
                            'x"武漢市,2014-05-31,mission_planned,北九州市,air_pollution_control,"'),
        "parse", 11, None, "expected after", 'check that quotes (") are paired', id="quote-after-multiline-cell",
    ),
    pytest.param(
        "partnerships.csv", sub("東京都,北京市", "東京都,神戸市"), "wrong_country", 2, "china", "神戸市",
        "put the Japanese place in 'japan'", id="japanese-place-in-china-column",
    ),
    pytest.param(
        "partnerships.csv", sub("東京都,北京市", "上海市,北京市"), "wrong_country", 2, "japan", "上海市",
        "put the Japanese place in 'japan'", id="chinese-place-in-japan-column",
    ),
    pytest.param(
        "places.csv", sub("Tokyo,东京都,,,,", "Tokyo,东京都,35.68,,,"), "half_coordinates", 2, "lon", "lat and lon",
        "give both, or leave both empty", id="half-coordinates",
    ),
    pytest.param(
        "places.csv", sub("Tokyo,东京都,,,,", "Tokyo,东京都,北緯35,139.7,,"), "not_a_number", 2, "lat", "北緯35",
        "enter a number from -90 to 90", id="latitude-not-a-number",
    ),
    pytest.param(
        "places.csv", sub("Tokyo,东京都,,,,", "Tokyo,东京都,135.7,35.6,,"), "number_out_of_range", 2, "lat", "135.7",
        "use a number from -90 to 90", id="latitude-out-of-range",
    ),
    pytest.param(
        "partnerships.csv", sub("北京市,friendship", "北京市,friend"), "bad_choice", 2, "relation", "friend",
        _CHOICES_RELATION, id="bad-relation",
    ),
    pytest.param(
        "statuses.csv", sub("広東省,2014-05-31,consultation_planned", "広東省,2014-05-31,no_status"), "bad_choice",
        10, "stage", "no_status", "use one of: nearly_agreed / platform_agreed", id="derived-stage-written",
    ),
    pytest.param(
        "statuses.csv", sub("瀋陽市,2014-05-31,in_coordination,川崎市,forecasting;",
                            "瀋陽市,2014-05-31,in_coordination,川崎市,weather;"),
        "bad_choice", 8, "themes", "weather", "use one of: forecasting", id="bad-theme-in-list",
    ),
    pytest.param(
        "statuses.csv",
        sub("上海市,2014-05-31,nearly_agreed,北九州市,", "上海市,2014-05-31,nearly_agreed,北九州市;大阪市,"),
        "unknown_place", 7, "counterparts", "大阪市", "add a row for it there", id="unknown-counterpart",
    ),
    pytest.param(
        "statuses.csv", sub("天津市,2014-05-31", "天津市,2014-05-32"), "bad_date", 6, "as_of", "2014-05-32",
        "write it as YYYY-MM-DD", id="bad-as-of-date",
    ),
    pytest.param(
        "statuses.csv", sub("天津市,2014-05-31,nearly_agreed", "北京市,2014-05-31,nearly_agreed"), "duplicate", 6,
        "entity", "北京市–2014-05-31", "delete or merge", id="duplicate-status",
    ),
    pytest.param(
        "activities.csv", sub("天津市,expert_dispatch,1,at_least", "天津市,expert_dispatch,,at_least"),
        "qualifier_count", 2, "qualifier", "at_least", "unspecified when count is empty", id="qualifier-without-count",
    ),
    pytest.param(
        "places.csv", sub("神戸市,Kobe,神户市,city,JP,兵庫県,Hyogo,", "神戸市,Kobe,神户市,city,JP,兵庫県,Hyougo,"),
        "conflicting_region", 9, "region_en", "兵庫県", "give the same region the same English",
        id="conflicting-region-translation",
    ),
    pytest.param(
        "places.csv", sub("name_ja,name_en,", "name_ja,name_ja,"), "duplicate_column", 1, "name_ja", "twice",
        "delete one of the two columns", id="duplicate-header",
    ),
    pytest.param("statuses.csv", delete, "missing_file", None, None, "does not exist",
                 "put this file in the data folder", id="missing-file"),
]


def _load_error(folder: Path) -> DataLoadError:
    with pytest.raises(DataLoadError) as info:
        load_dataset(folder)
    return info.value


def _the_error(err: DataLoadError, file: str, problem: str, line: int | None, column: str | None):
    found = [
        e for e in err.errors
        if Path(e.file).name == file and e.problem == problem and e.line == line and e.column == column
    ]
    assert found, f"no {problem} at {file}:{line}:{column} in\n" + "\n".join(map(str, err.errors))
    return found[0]


@pytest.mark.parametrize(("file", "mutate", "problem", "line", "column", "value", "fix"), CASES)
def test_corruption_is_reported_where_it_is(data_copy, file, mutate, problem, line, column, value, fix):
    mutate(data_copy / file)
    err = _load_error(data_copy)
    message = _the_error(err, file, problem, line, column).message("en")
    assert f"file {file}" in message
    if line is not None:
        assert f"line {line}" in message
    if column is not None:
        assert f"column {column}" in message
    assert value in message
    assert "fix: " in message and fix in message
    assert message in str(err)


@pytest.mark.parametrize(("file", "mutate", "problem", "line", "column", "value", "fix"), CASES)
@pytest.mark.parametrize(("lang", "line_word", "column_word", "fix_word"),
                         [("ja", "行", "列", "対処"), ("zh", "行", "列", "解决办法")])
def test_corruption_message_in_ja_and_zh(
    data_copy, file, mutate, problem, line, column, value, fix, lang, line_word, column_word, fix_word
):
    mutate(data_copy / file)
    err = _load_error(data_copy)
    message = _the_error(err, file, problem, line, column).message(lang)
    assert file in message
    if line is not None:
        assert f"{line_word} {line}" in message
    if column is not None:
        assert f"{column_word} {column}" in message
    if problem not in ("half_coordinates", "duplicate_column", "missing_file"):  # whose value is English prose
        assert value in message
    assert f"{fix_word}: " in message
    assert message in err.messages(lang)


def test_bundled_copy_loads(data_copy):
    """The baseline every case corrupts is itself valid."""
    ds = load_dataset(data_copy)
    assert len(ds.places) == 21 and len(ds.partnerships) == 12


def test_every_problem_in_every_file_is_reported_at_once(data_copy):
    sub("東京都,Tokyo,东京都,prefecture", "東京都,Tokyo,东京都,ken")(data_copy / "places.csv")
    sub("北京市,friendship", "北京市,friend")(data_copy / "partnerships.csv")
    sub("遼寧省,friendship,友好都市,1984", "遼寧省,friendship,友好都市,abc")(data_copy / "partnerships.csv")
    sub("天津市,2014-05-31", "天津市,2014-13-01")(data_copy / "statuses.csv")
    write_bytes(b"PK\x03\x04rest")(data_copy / "activities.csv")
    sub("北京市,2014,4", "北京市,2014,0")(data_copy / "events.csv")
    err = _load_error(data_copy)
    got = {(Path(e.file).name, e.problem, e.line) for e in err.errors}
    assert got >= {
        ("places.csv", "bad_choice", 2),
        ("partnerships.csv", "bad_choice", 2),
        ("partnerships.csv", "bad_year", 3),
        ("statuses.csv", "bad_date", 6),
        ("activities.csv", "xlsx", None),
        ("events.csv", "number_out_of_range", 2),
    }
    assert len(str(err).splitlines()) == len(err.errors) == len(err.messages("ja"))


def test_a_bad_place_row_does_not_hide_the_other_files(data_copy):
    """One broken place does not stop the other files from being checked."""
    sub("東京都,Tokyo,东京都,prefecture", "東京都,Tokyo,东京都,ken")(data_copy / "places.csv")
    sub("兵庫県,広東省,friendship", "兵庫県,広東省,friend")(data_copy / "partnerships.csv")
    err = _load_error(data_copy)
    assert {Path(e.file).name for e in err.errors} >= {"places.csv", "partnerships.csv"}


@pytest.mark.parametrize(
    ("file", "mutate"),
    [
        pytest.param("partnerships.csv", sub("北京市,friendship", "北京市,friend"), id="bad-choice"),
        pytest.param("places.csv", sub("Tokyo,东京都,,,,", "Tokyo,东京都,35.68,,,"), id="half-coordinates"),
        pytest.param("statuses.csv", insert_bytes_on_line(5, b"\x85\x40", "cp932"),
                     id="bad-encoding"),
        pytest.param("partnerships.csv", sub("四日市市,天津市", '"四日市市,天津市'), id="open-quote"),
    ],
)
def test_files_on_disk_are_unchanged_after_a_failed_load(data_copy, file, mutate):
    mutate(data_copy / file)
    before = {p.name: p.read_bytes() for p in sorted(data_copy.iterdir())}
    _load_error(data_copy)
    after = {p.name: p.read_bytes() for p in sorted(data_copy.iterdir())}
    assert after == before


@pytest.mark.parametrize(("lang", "country"), [("ja", "中国"), ("en", "China"), ("zh", "中国")])
def test_wrong_country_names_the_country_in_the_users_language(data_copy, lang, country):
    path = data_copy / "partnerships.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("東京都,北京市", "東京都,神戸市"), encoding="utf-8")
    with pytest.raises(DataLoadError) as info:
        load_dataset(data_copy)
    (message,) = [m for m in info.value.messages(lang) if "神戸市" in m]
    assert country in message


@pytest.mark.parametrize(
    ("filename", "old", "new", "problem"),
    [
        # lat unreadable, lon empty: the unreadable value is the one problem, not also "half"
        ("places.csv", "Tokyo,东京都,,,,", "Tokyo,东京都,北緯35,,,", "not_a_number"),
        # count unreadable: reported once, not again as a count/qualifier mismatch
        ("activities.csv", "天津市,training_in_japan,2,exactly", "天津市,training_in_japan,two,exactly",
         "not_a_whole_number"),
    ],
)
def test_an_unreadable_number_is_reported_once(data_copy, filename, old, new, problem):
    path = data_copy / filename
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataLoadError) as info:
        load_dataset(data_copy)
    assert [e.problem for e in info.value.errors] == [problem]
