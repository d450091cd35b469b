"""What the model promises is checked, and every message is one a coordinator can act on, entirely
in their language: one table per class of problem (issue 7), each row asserting the file, line,
column, value and language of the message, and that the folder is byte-identical afterwards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from edits import append, sub, write_bytes

from common.i18n import LOCALE_DIR
from core.data.errors import DataError, DataLoadError
from core.data.loading import load_dataset
from core.data.models import Country

LABELS = {"ja": ("ファイル", "行", "列", "対処"), "en": ("file", "line", "column", "fix"),
          "zh": ("文件", "行", "列", "解决办法")}
# Words a ja/zh message may contain besides the value, file and column: codes and names written in
# the files, file formats, the date pattern and the example source.
NEUTRAL_WORDS = {
    "csv", "name_ja", "JP", "IGES", "YYYY", "MM", "DD", "count", "unspecified", "exactly", "at_least",
    "counterparts", "statuses", "places", "country",
}
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")

ACTIVITY = "{entity},seminar,,unspecified,2014,,,セミナー,,,IGES 2014-05 表2\n"
EVENT = "{entity},2014,6,month,planned,訪問,,,IGES 2014-05 表2\n"

# (file, edit, problem, line, column, value, words in the English message)
CONSISTENCY = [
    pytest.param("activities.csv", append(ACTIVITY.format(entity="遼寧省")), "no_status_row", 11, "entity", "遼寧省",
                 "no row in statuses.csv", id="activity-of-a-place-without-status"),
    pytest.param("events.csv", append(EVENT.format(entity="河北省")), "no_status_row", 7, "entity", "河北省",
                 "no row in statuses.csv", id="event-of-a-place-without-status"),
    pytest.param("statuses.csv",
                 sub("北京市,2014-05-31,in_coordination,東京都,", "北京市,2014-05-31,in_coordination,上海市,"),
                 "counterpart_not_japanese", 2, "counterparts", "上海市", "only Japanese places",
                 id="status-counterpart-chinese"),
    pytest.param("activities.csv",
                 sub("天津市,expert_dispatch,1,at_least,2014,四日市市",
                     "天津市,expert_dispatch,1,at_least,2014,天津市"),
                 "counterpart_not_japanese", 2, "counterparts", "天津市", "only Japanese places",
                 id="activity-counterpart-chinese"),
    pytest.param("places.csv",
                 sub("瀋陽市,Shenyang,沈阳市,city,CN,遼寧省,Liaoning,辽宁省",
                     "瀋陽市,Shenyang,沈阳市,city,CN,神奈川県,Kanagawa,神奈川县"),
                 "region_country", 18, "region_ja", "神奈川県", "省 / 市", id="chinese-city-in-japanese-prefecture"),
    pytest.param("places.csv",
                 sub("川崎市,Kawasaki,川崎市,city,JP,神奈川県,Kanagawa,神奈川县",
                     "川崎市,Kawasaki,川崎市,city,JP,北京市,Beijing,北京市"),
                 "region_country", 7, "region_ja", "北京市", "都 / 道 / 府 / 県",
                 id="japanese-city-in-chinese-municipality"),
]


def _count(value: str, problem: str, words: str, case: str):
    """Tianjin's count of training in Japan (line 3 of activities.csv) written as `value`."""
    return pytest.param("activities.csv", sub("天津市,training_in_japan,2,", f"天津市,training_in_japan,{value},"),
                        problem, 3, "count", value, words, id=case)


NUMBERS_AND_DATES = [
    _count("1_0", "not_a_whole_number", "from 1 to 999", "count-with-underscore"),
    _count("+2", "not_a_whole_number", "without sign", "count-with-sign"),
    _count("-1", "not_a_whole_number", "without sign", "count-negative"),
    _count("2.0", "not_a_whole_number", "decimal point", "count-decimal"),
    _count("٢", "not_a_whole_number", "digits only", "count-arabic-indic-digit"),
    _count("1000", "number_out_of_range", "from 1 to 999", "count-1000-states-the-limit"),
    _count("0", "number_out_of_range", "from 1 to 999", "count-zero"),
    pytest.param("events.csv", sub("北京市,2014,4,", "北京市,2014,1_2,"), "not_a_whole_number", 2, "month", "1_2",
                 "from 1 to 12", id="month-with-underscore"),
    pytest.param("partnerships.csv",
                 sub("東京都,北京市,friendship,友好都市,1979", "東京都,北京市,friendship,友好都市,1_979"),
                 "bad_year", 2, "year", "1_979", "1981", id="year-with-underscore"),
    pytest.param("partnerships.csv",
                 sub("東京都,北京市,friendship,友好都市,1979", "東京都,北京市,friendship,友好都市,١٩٧٩"),
                 "bad_year", 2, "year", "١٩٧٩", "1981", id="year-in-arabic-indic-digits"),
    pytest.param("activities.csv",
                 sub("天津市,training_in_japan,2,exactly,2014", "天津市,training_in_japan,2,exactly,+2014"),
                 "bad_year", 3, "fiscal_year", "+2014", "1981", id="fiscal-year-with-sign"),
    pytest.param("statuses.csv", sub("天津市,2014-05-31", "天津市,20140531"), "bad_date", 6, "as_of", "20140531",
                 "YYYY-MM-DD", id="as-of-without-dashes"),
    pytest.param("statuses.csv", sub("天津市,2014-05-31", "天津市,2999-12-31"), "future_date", 6, "as_of", "2999-12-31",
                 "at the latest", id="as-of-in-the-future"),
    pytest.param("statuses.csv", sub("天津市,2014-05-31", "天津市,2014-5-31"), "bad_date", 6, "as_of", "2014-5-31",
                 "YYYY-MM-DD", id="as-of-one-digit-month"),
    pytest.param("statuses.csv", sub("天津市,2014-05-31", "天津市,2014-02-30"), "bad_date", 6, "as_of", "2014-02-30",
                 "YYYY-MM-DD", id="as-of-not-a-real-date"),
    pytest.param("statuses.csv", sub("天津市,2014-05-31", "天津市,"), "missing_value", 6, "as_of", "",
                 "YYYY-MM-DD", id="as-of-empty"),
]

MESSAGES = [
    pytest.param("places.csv", sub("Tokyo,东京都,,,,", "Tokyo,东京都,95,139.7,,"), "number_out_of_range", 2, "lat",
                 "95", "from -90 to 90", id="latitude-95-states-the-range"),
    pytest.param("places.csv",
                 sub("神戸市,Kobe,神户市,city,JP,兵庫県,Hyogo,兵库县",
                     "神戸市,Kobe,神户市,city,JP,兵庫県,Hyogo,兵库縣"),
                 "conflicting_region", 9, "region_zh", "兵庫県", "same region",
                 id="region-zh-differs-named-as-region-zh"),
    pytest.param("partnerships.csv", sub("東京都,北京市", "東京\u200b都,北京市"), "hidden_character", 2, "japan",
                 "東京\u200b都", "U+200B ZERO WIDTH SPACE after '東京'", id="zero-width-space-in-reference"),
    pytest.param("places.csv", sub("東京都,Tokyo,", "東京\u200b都,Tokyo,"), "hidden_character", 2, "name_ja",
                 "東京\u200b都", "U+200B ZERO WIDTH SPACE after '東京'", id="zero-width-space-in-key"),
    pytest.param("statuses.csv", sub("天津市,2014-05-31", "天津\u00a0市,2014-05-31"), "hidden_character", 6, "entity",
                 "天津\u00a0市", "U+00A0 NO-BREAK SPACE after '天津'", id="no-break-space"),
    pytest.param("places.csv", sub("Toyama,富山县,prefecture", "Toyama,富山县,pre\ufefffecture"), "hidden_character", 3,
                 "kind", "pre\ufefffecture", "U+FEFF ZERO WIDTH NO-BREAK SPACE after 'pre'", id="bom-inside-a-code"),
    pytest.param("places.csv", sub("長野県,Nagano,", "長野県,Naga\u3000no,"), "hidden_character", 4, "name_en",
                 "Naga\u3000no", "U+3000 IDEOGRAPHIC SPACE after 'Naga'", id="full-width-space-in-a-name"),
    pytest.param("statuses.csv",
                 sub("上海市,2014-05-31,nearly_agreed,北九州市,", "上海市,2014-05-31,nearly_agreed,\u200d北九州市,"),
                 "hidden_character_first", 7, "counterparts", "\u200d北九州市",
                 "starts with a hidden character U+200D ZERO WIDTH JOINER", id="zero-width-joiner-first-in-a-list"),
    pytest.param("statuses.csv",
                 sub("瀋陽市,2014-05-31,in_coordination,川崎市,forecasting;",
                     "瀋陽市,2014-05-31,in_coordination,川崎市,fore\u00adcasting;"),
                 "hidden_character", 8, "themes", "fore\u00adcasting", "U+00AD SOFT HYPHEN after 'fore'",
                 id="soft-hyphen-in-a-theme"),
    pytest.param("places.csv", write_bytes(lambda b: b.split(b"\n", 1)[0] + b"\n"), "no_rows", None, None, "",
                 "no data rows", id="header-only-places"),
]


def _first_problem(folder: Path) -> tuple[DataLoadError, DataError]:
    with pytest.raises(DataLoadError) as info:
        load_dataset(folder)
    return info.value, info.value.errors[0]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def foreign_words(message: str, lang: str, neutral: list[str]) -> list[str]:
    """What in a message is not in `lang`: English words in ja/zh, CJK in en (values and codes aside)."""
    for part in sorted(filter(None, neutral), key=len, reverse=True):
        message = message.replace(part, " ")
    if lang == "en":
        for example in ("表2", "０–９", "昭和56年"):  # an example source, full-width digits, an era year
            message = message.replace(example, "")
        return CJK.findall(message)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", message) if w not in NEUTRAL_WORDS]


def assert_message(error: DataError, file: str, line: int | None, column: str | None, value: str) -> None:
    for lang, (file_word, line_word, column_word, fix_word) in LABELS.items():
        message = error.message(lang)
        assert f"{file_word} {file}" in message, message
        assert (f"{line_word} {line}" in message) == (line is not None), message
        assert (f"{column_word} {column}" in message) == (column is not None), message
        assert value in message and f"{fix_word}: " in message, message
        neutral = [value, file, column or "", error.expected, *(v for v in error.params.values() if isinstance(v, str))]
        assert foreign_words(message, lang, neutral) == [], (lang, message)


@pytest.mark.parametrize(("file", "edit", "problem", "line", "column", "value", "words"),
                         CONSISTENCY + NUMBERS_AND_DATES + MESSAGES)
def test_the_problem_is_reported_once_where_it_is(data_copy, file, edit, problem, line, column, value, words):
    edit(data_copy / file)
    before = _snapshot(data_copy)
    err, first = _first_problem(data_copy)
    assert [(Path(e.file).name, e.problem, e.line, e.column, e.value) for e in err.errors] == [
        (file, problem, line, column, value)
    ]
    assert words in first.message("en")
    assert_message(first, file, line, column, value)
    assert _snapshot(data_copy) == before


def test_full_width_digits_are_whole_numbers(data_copy):
    full_width = sub("天津市,training_in_japan,2,exactly,2014", "天津市,training_in_japan,２,exactly,２０１４")
    full_width(data_copy / "activities.csv")
    sub("北京市,2014,4,", "北京市,2014,４,")(data_copy / "events.csv")
    ds = load_dataset(data_copy)
    assert [(a.count, a.fiscal_year) for a in ds.statuses["天津市"].activities][1] == (2, 2014)
    assert ds.statuses["北京市"].events[0].month == 4


# --- a problem is reported once, at its root ---------------------------------------------------

ROOTS = [
    pytest.param("places.csv", sub("name_ja,", "name,"), "missing_column", id="places-without-its-key-column"),
    pytest.param("places.csv", write_bytes(b"PK\x03\x04rest"), "xlsx", id="places-is-a-workbook"),
    pytest.param("places.csv", write_bytes(lambda b: b.split(b"\n", 1)[0] + b"\n"), "no_rows", id="places-header-only"),
    pytest.param("places.csv", sub("東京都,Tokyo,东京都,prefecture,JP,東京都,Tokyo,东京都,,,,",
                                   "東京都,Tokyo,东京都,prefecture,JP,東京都,Tokyo,东京都,,,,,"), "field_count",
                 id="a-places-row-with-an-extra-comma"),
    pytest.param("statuses.csv", sub("entity,", "place,"), "missing_column", id="statuses-without-entity"),
    pytest.param("places.csv", sub("東京都,Tokyo,东京都,prefecture", "東京都,Tokyo,东京都,ken"), "bad_choice",
                 id="a-place-with-a-bad-kind-is-still-a-name"),
]


@pytest.mark.parametrize(("file", "edit", "problem"), ROOTS)
def test_a_broken_file_is_one_message_not_one_per_reference(data_copy, file, edit, problem):
    edit(data_copy / file)
    err, _ = _first_problem(data_copy)
    assert [(Path(e.file).name, e.problem) for e in err.errors] == [(file, problem)]


def test_one_hidden_character_is_one_message_with_its_position(data_copy):
    """A zero-width space in places.csv's key is pointed out there, not blamed on the files using it."""
    sub("北京市,Beijing,北京市,municipality", "北\u200b京市,Beijing,北京市,municipality")(data_copy / "places.csv")
    err, first = _first_problem(data_copy)
    assert len(err.errors) == 1
    assert "U+200B ZERO WIDTH SPACE" in first.message("ja") and "「北」の後" in first.message("ja")
    assert "“北”之后" in first.message("zh")


with (LOCALE_DIR / "messages.pot").open("rb") as _pot:
    PROBLEMS = sorted(m.id.removeprefix("problem.") for m in read_po(_pot) if m.id.startswith("problem."))

# Placeholder values as neutral as the loader passes them: codes, numbers, names from the files.
SAMPLE = {"value": "VALUE", "column": "COLUMN", "expected": "EXPECTED", "other_line": "3", "lo": "1", "hi": "999",
          "today": "2014-05-31", "suffixes": "省 / 市", "char": "CHAR", "before": "BEFORE",
          "entity": "ENTITY", "dates": "DATES", "kind": "KIND", "count": "3"}


@pytest.mark.parametrize("problem", PROBLEMS)
@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_every_template_is_entirely_in_its_language(problem, lang):
    error = DataError("/x/places.csv", problem, 2, "COLUMN", "VALUE", "EXPECTED",
                      {**SAMPLE, "country": Country.JP})
    message = error.message(lang)
    neutral = [*SAMPLE.values(), "places.csv", "UTF-8", "UTF-16", "Unicode", "Excel", ".xlsx", "CSV", "Shift_JIS",
               "CP932", "GB18030", "GBK", "japan", "china", "Comma"]
    assert foreign_words(message, lang, neutral) == [], message
