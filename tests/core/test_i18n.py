"""The gettext catalogues: complete, used, consistent across languages; one lookup and one fallback rule.

The completeness check scans every module that shows text (app.py, pages/, ui/, core/, geo/, common/)
for `t("key", …)` calls and `Message("key")` (a message translated later). Keys built at run time
(`t(f"count.{q}", …)`, `t("map.shape." + s, …)`) are not skipped: each such prefix is declared in
DYNAMIC with the values it is completed with, and a prefix found in the code but not declared (or
declared but no longer in the code) fails the test.
"""

from __future__ import annotations

import inspect
import os
import re
import shutil
import string
from enum import StrEnum
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import geo.errors
from common import i18n as common_i18n
from common.csvtable import AMBIGUOUS
from common.i18n import (
    DEFAULT_LANG,
    LANG_NAMES,
    LANGS,
    LOCALE_DIR,
    catalogue,
    format_date,
    format_list,
    format_year_month,
    label,
    t,
)
from core.data.errors import DataError, DataLoadError
from core.data.loading import load_dataset
from core.data.models import (
    ActivityKind,
    CountQualifier,
    Country,
    EventStatus,
    PlaceKind,
    RelationType,
    Stage,
    Theme,
    Timing,
    normalise_name,
)
from core.edit.form import ACTIVITY_COLUMNS, EVENT_COLUMNS
from core.edit.save import OUTCOMES, REFUSALS
from core.report.wording import SOURCE_PARTS
from core.view.basemaps import BASEMAPS
from core.view.state import COLOR_BY
from geo.cache import REFRESH_FIXES
from geo.errors import GeocodingError, RateLimited
from ui.arguments import PROBLEMS as ARGUMENT_PROBLEMS
from ui.style import LEAFLET_WORDS, STREAMLIT_PATTERNS, STREAMLIT_WORDS

REPO = Path(__file__).resolve().parents[2]
LABELLED_ENUMS = (PlaceKind, RelationType, Stage, Theme, ActivityKind, Timing, Country)
ERROR_PLACEHOLDERS = {"value", "column", "expected", "other_line", "country", "lo", "hi", "today", "suffixes", "char",
                      "before", "entity", "dates", "kind", "count"}
PARAMS = {"kind": "KIND", "count": "3", "other_line": "3", "lo": "1", "hi": "999", "today": "2014-05-31",
          "suffixes": "省 / 市", "char": "U+200B", "before": "BEFORE", "entity": "ENTITY",
          "dates": "2014-05-31, 2015-06-30"}


def _read(path: Path):
    with path.open("rb") as f:
        return read_po(f)


TEMPLATE = _read(LOCALE_DIR / "messages.pot")
CATALOGUES = {lang: _read(LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po") for lang in LANGS}
IDS = sorted(m.id for m in TEMPLATE if m.id)


def text(lang: str, key: str) -> str:
    return CATALOGUES[lang][key].string


def placeholders(s: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(s) if field is not None}


# --- the catalogue files ---------------------------------------------------------------------------


def test_languages_are_the_catalogues_default_first(tmp_path: Path):
    assert LANGS[0] == "ja" and {"ja", "en", "zh"} <= set(LANGS) and len(set(LANGS)) == len(LANGS)
    assert {LANG_NAMES[lang] for lang in ("ja", "en", "zh")} == {"日本語", "English", "中文（简体）"}
    for lang in ("zh", "ko", "ja", "en"):
        (tmp_path / lang / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / lang / "LC_MESSAGES" / "messages.po").write_text("", encoding="utf-8")
    assert common_i18n._languages(tmp_path) == ("ja", "en", "ko", "zh")  # adding a language = a catalogue


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_has_exactly_the_templates_ids(lang):
    ids = sorted(m.id for m in CATALOGUES[lang] if m.id)
    assert ids == IDS, f"{lang}: missing {sorted(set(IDS) - set(ids))}, extra {sorted(set(ids) - set(IDS))}"
    assert str(CATALOGUES[lang].locale) == lang and not CATALOGUES[lang].fuzzy


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_not_fuzzy(lang):
    untranslated = [m.id for m in CATALOGUES[lang] if m.id and not m.string.strip()]
    fuzzy = [m.id for m in CATALOGUES[lang] if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("key", IDS)
def test_placeholders_agree_across_languages(key):
    found = {lang: placeholders(text(lang, key)) for lang in LANGS}
    assert all(f == found[DEFAULT_LANG] for f in found.values()), found


# ASCII words a ja/zh message may contain: names, codes, file and column names, commands.
ALLOWED_ASCII = {
    "IGES", "PM2.5", "CSV", "URL", "HTML", "Excel", "xlsx", "csv", "UTF-8", "UTF-16", "Unicode", "Shift_JIS",
    "CP932", "GB18030", "GBK", "YYYY-MM-DD", "data/", "name_ja", "lat", "lon", "source", "japan",
    "china", "make", "geocode", "ONLINE=1", "OpenStreetMap", "CartoDB", "Positron", "Nominatim", "GeoNames", "python",
    "-m", "geo.geocode", "--refresh", "MM", "DD", "lat/lon", "count", "unspecified", "exactly", "at_least",
    "PNG", "SVG", "PDF", "PPTX", "KB", "Debian", "Ubuntu",  # export formats, file sizes, systems
    "Esc", "PageUp", "PageDown", "Enter",  # key caps, as printed on the keyboard and the clicker
}
WHOLE_MESSAGE_ALLOWED = {"sidebar.language",  # "言語 / Language / 语言": findable by a reader of any language
                         "streamlit.run_command"}  # "make run": a command, typed as it is
ASCII_WORD = re.compile(r"[A-Za-z][\w./=-]*[\w/]|[A-Za-z]{2,}", re.ASCII)


def english_words(message: str) -> list[str]:
    """ASCII words outside the allow-list, after removing {placeholders}, `code` and file names."""
    message = re.sub(r"\{\w+\}|`[^`]*`|[\w/]+\.csv", " ", message, flags=re.ASCII)
    return [w for w in ASCII_WORD.findall(message) if w not in ALLOWED_ASCII and w.strip("-.") not in ALLOWED_ASCII]


@pytest.mark.parametrize(
    ("message", "words"),
    [("95 は範囲外です — 対処: a latitude from -90 to 90 にしてください", ["latitude", "from", "to"]),
     ("「CSV UTF-8（コンマ区切り）」で保存", []), ("data/ の CSV を `make geocode` で", []),
     ("data/geocache.csv に", []), ("{year}年", [])],
)
def test_english_word_heuristic(message, words):
    assert english_words(message) == words


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_no_english_left_in_ja_and_zh(lang):
    found = {key: english_words(text(lang, key)) for key in IDS if key not in WHOLE_MESSAGE_ALLOWED}
    assert {k: w for k, w in found.items() if w} == {}


# --- lookup, fallback and compilation ----------------------------------------------------------------


@pytest.mark.parametrize("key", [k for k in IDS if not placeholders(text("ja", k))])
@pytest.mark.parametrize("lang", LANGS)
def test_t_returns_the_catalogues_text(key, lang):
    assert t(key, lang) == text(lang, key)


@pytest.mark.parametrize(
    ("key", "lang", "fmt", "expected"),
    [
        ("map.shown", "en", {"links": 3, "places": 5}, "Shown: 3 links, 5 places"),
        ("map.shown", "ja", {"links": 3, "places": 5}, "表示中の連携: 3 件 / 場所: 5 か所"),
        ("details.fiscal_year", "zh", {"year": 2014}, "2014财年"),
        ("page.map", "fr", {}, "地図"),  # a language without a catalogue: Japanese
    ],
)
def test_t_formats(key, lang, fmt, expected):
    assert t(key, lang, **fmt) == expected


def test_an_unknown_id_is_an_error_not_a_text():
    with pytest.raises(KeyError):
        t("no.such.key", "en")


def _locale_copy(tmp_path: Path, drop_from_en: str = "") -> Path:
    """A copy of locale/ (only .po files); optionally without one message in English."""
    for lang in LANGS:
        po = tmp_path / lang / "LC_MESSAGES" / "messages.po"
        po.parent.mkdir(parents=True)
        shutil.copy(LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po", po)
    if drop_from_en:
        po = tmp_path / "en" / "LC_MESSAGES" / "messages.po"
        cat = _read(po)
        cat.delete(drop_from_en)
        with po.open("wb") as f:
            from babel.messages.pofile import write_po

            write_po(f, cat)
    return tmp_path


def test_a_message_missing_in_a_language_falls_back_to_japanese(tmp_path: Path):
    locale = _locale_copy(tmp_path, drop_from_en="page.map")
    assert catalogue("en", locale).gettext("page.map") == "地図"
    assert catalogue("en", locale).gettext("page.status") == "Status"
    assert catalogue("fr", locale).gettext("page.status") == "調整状況"


def test_data_errors_follow_the_same_fallback():
    error = DataError("places.csv", "missing_file")
    assert error.message("fr") == error.message("ja") != error.message("en")


def _set_mtime(path: Path, seconds: float) -> None:
    os.utime(path, (seconds, seconds))


def test_a_current_mo_is_used(tmp_path: Path):
    locale = _locale_copy(tmp_path)
    po = locale / "en" / "LC_MESSAGES" / "messages.po"
    cat = _read(po)
    cat["page.map"].string = "Map (from the .mo)"
    with po.with_suffix(".mo").open("wb") as f:
        write_mo(f, cat)
    _set_mtime(po, 1_000_000)
    assert catalogue("en", locale).gettext("page.map") == "Map (from the .mo)"


def test_a_missing_or_stale_mo_is_replaced_by_the_po_compiled_in_memory(tmp_path: Path):
    locale = _locale_copy(tmp_path)
    assert catalogue("zh", locale).gettext("page.map") == "地图"  # no .mo at all
    po = locale / "en" / "LC_MESSAGES" / "messages.po"
    cat = _read(po)
    cat["page.map"].string = "Old map"
    with po.with_suffix(".mo").open("wb") as f:
        write_mo(f, cat)
    _set_mtime(po.with_suffix(".mo"), 1_000_000)  # older than the .po
    assert catalogue("en", locale).gettext("page.map") == "Map"
    assert sorted(p.name for p in po.parent.iterdir()) == ["messages.mo", "messages.po"]  # nothing written


# --- lists and dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "lang", "expected"),
    [
        (["Kawasaki", "Kobe"], "en", "Kawasaki and Kobe"),
        (["Kawasaki", "Kobe", "Yokkaichi"], "en", "Kawasaki, Kobe, and Yokkaichi"),
        (["川崎市", "神戸市"], "ja", "川崎市、神戸市"),
        (["川崎市", "神户市", "四日市市"], "zh", "川崎市、神户市和四日市市"),  # CLDR: the last pair takes 和
        (["Kobe"], "en", "Kobe"),
        ([], "en", ""),
    ],
)
def test_format_list(items, lang, expected):
    assert format_list(items, lang) == expected


@pytest.mark.parametrize(
    ("lang", "date", "month"),
    [("ja", "2014年5月31日", "2014年7月"), ("en", "May 31, 2014", "July 2014"), ("zh", "2014年5月31日", "2014年7月")],
)
def test_format_date_and_month(lang, date, month):
    assert format_date("2014-05-31", lang) == date
    assert format_year_month(2014, 7, lang) == month


# --- labels ------------------------------------------------------------------------------------------


def test_label_ids_are_unambiguous_across_enums():
    values = [m.value for enum in LABELLED_ENUMS for m in enum]
    assert len(values) == len(set(values))


@pytest.mark.parametrize("member", [m for enum in LABELLED_ENUMS for m in enum], ids=str)
@pytest.mark.parametrize("lang", LANGS)
def test_every_enum_member_has_a_label(member, lang):
    assert label(member, lang) == text(lang, f"label.{member.value}") == label(member.value, lang)


@pytest.mark.parametrize("member", [m for enum in LABELLED_ENUMS for m in enum], ids=str)
def test_label_placeholders(member):
    """Only Timing labels take a placeholder: {month}, the month as the language writes it."""
    expected = {"month"} if isinstance(member, Timing) else set()
    assert all(placeholders(label(member, lang)) == expected for lang in LANGS)


@pytest.mark.parametrize("enum", [RelationType, Stage], ids=lambda e: e.__name__)
@pytest.mark.parametrize("lang", LANGS)
def test_labels_are_unambiguous_for_url_parsing(enum: type[StrEnum], lang):
    """A label in a URL must name exactly one member (viewstate accepts labels)."""
    names = [normalise_name(label(m, lang)) for m in enum]
    codes = {normalise_name(m.value) for m in enum}
    assert len(set(names)) == len(names)
    for member in enum:
        assert normalise_name(label(member, lang)) not in codes - {member.value}


# --- data-error and geocoding messages ---------------------------------------------------------------

PROBLEMS = sorted(k.removeprefix("problem.") for k in IDS if k.startswith("problem."))


@pytest.mark.parametrize("problem", PROBLEMS)
def test_problem_has_a_fix_and_known_placeholders(problem):
    assert f"fix.{problem}" in IDS
    assert placeholders(text("ja", f"problem.{problem}") + text("ja", f"fix.{problem}")) <= ERROR_PLACEHOLDERS


@pytest.mark.parametrize("problem", PROBLEMS)
@pytest.mark.parametrize(
    ("lang", "where", "fix_word", "country"),
    [("ja", "ファイル places.csv、行 7、列 name_ja", "対処", "日本"),
     ("en", "file places.csv, line 7, column name_ja", "fix", "Japan"),
     ("zh", "文件 places.csv、行 7、列 name_ja", "解决办法", "日本")],
)
def test_problem_message_renders(problem, lang, where, fix_word, country):
    e = DataError("/x/places.csv", problem, 7, "name_ja", "VALUE", "EXPECTED", {**PARAMS, "country": Country.JP})
    fmt = {"value": "VALUE", "column": "name_ja", "expected": "EXPECTED", **PARAMS, "country": country}
    what, fix = text(lang, f"problem.{problem}").format(**fmt), text(lang, f"fix.{problem}").format(**fmt)
    assert e.message(lang) == f"{where}: {what} — {fix_word}: {fix}"
    assert "{" not in e.message(lang)


@pytest.mark.parametrize(
    ("file", "old", "new", "value"),
    [
        ("places.csv", "Tokyo,东京都,,,,", "Tokyo,东京都,95,139.7,,", "95"),  # the example
        ("places.csv", "Tokyo,东京都,,,,", "Tokyo,东京都,北緯35,139.7,,", "北緯35"),
        ("places.csv", "Tokyo,东京都,,,,\"IGES 2014-05 表1; names en/zh and region: Wikipedia (en, zh)\"",
         "Tokyo,东京都,,,,", ""),
        ("partnerships.csv", "東京都,北京市,friendship,友好都市,1979", "東京都,北京市,friendship,,1979", ""),
        ("partnerships.csv", "東京都,北京市", "東京都,東京都", "東京都"),
        ("activities.csv", "天津市,expert_dispatch,1,at_least", "天津市,expert_dispatch,,at_least", "at_least"),
        ("events.csv", "天津市,2014,5,", "天津市,2014,13,", "13"),
    ],
)
@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_loader_messages_are_entirely_in_the_readers_language(data_copy, file, old, new, value, lang):
    """Issue 7: no English inside a ja/zh message, the expected-value texts included."""
    text_before = (data_copy / file).read_text(encoding="utf-8")
    assert old in text_before
    (data_copy / file).write_text(text_before.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataLoadError) as info:
        load_dataset(data_copy)
    for error in info.value.errors:  # the value and the column name are the file's own words
        message = error.message(lang)
        assert english_words(message.replace(value, " ").replace(error.column or "", " ")) == [], message


@given(st.text(), st.text(max_size=20), st.sampled_from(PROBLEMS), st.sampled_from(["ja", "en", "zh", "fr"]))
def test_any_cell_text_renders_verbatim(value, column, problem, lang):
    """Braces, quotes or markup in a cell are the cell's text, never a template."""
    params = {**PARAMS, "other_line": value, "country": Country.CN}
    message = DataError("d/places.csv", problem, 2, column, value, value, params).message(lang)
    assert message.startswith(t("error.where.file", lang, file="places.csv"))
    if "{value}" in text("ja", f"problem.{problem}"):
        assert value in message


def test_problem_message_without_line_or_column():
    assert DataError("d/events.csv", "missing_file").message("en") == (
        "file events.csv: the file does not exist — fix: put this file in the data folder")


GEO_ERRORS = [GeocodingError, *(c for _, c in inspect.getmembers(geo.errors, inspect.isclass)
                                if issubclass(c, GeocodingError) and c is not GeocodingError)]


@pytest.mark.parametrize("cls", GEO_ERRORS, ids=lambda c: c.__name__)
@pytest.mark.parametrize(("lang", "stop"), [("ja", "。"), ("en", "."), ("zh", "。")])
def test_geocoding_errors_are_in_the_readers_language(cls, lang, stop):
    err = cls("四日市市", "HTTP 503", source="nominatim")
    fix = text(lang, "geo.fix.rate_limited" if cls is RateLimited else f"geo.fix.{cls.code}")
    assert err.message(lang).startswith(f"四日市市: {text(lang, f'geo.what.{cls.code}')}")
    assert err.message(lang).endswith(f"{fix}{stop}") and "HTTP 503" in err.message(lang)
    assert str(err) == err.message("en")


def test_rate_limit_names_the_wait():
    assert "Wait 7 seconds" in RateLimited("x", retry_after=7).message("en")
    assert "7 秒待って" in RateLimited("x", retry_after=7).message("ja")


# --- every message is used, every used message exists ---------------------------------------------

SCANNED = sorted(
    p for p in [REPO / "app.py", *REPO.glob("pages/**/*.py"), *REPO.glob("ui/**/*.py"), *REPO.glob("core/**/*.py"),
                *REPO.glob("geo/**/*.py"), *REPO.glob("common/**/*.py"),
                *REPO.glob("export/**/*.py")]
)
T_CALL = re.compile(r"(?<![\w.])(?<!def )(?:i18n\.)?(?:t|Message)\(\s*(?P<arg>[^,)]*)")
LITERAL = re.compile(r"""^(?P<q>['"])(?P<key>[\w.-]+)(?P=q)$""")
DYNAMIC_ARG = re.compile(r"""^(?:f(?P<q1>['"])(?P<fprefix>[\w.]*)\{.*"""  # f"prefix.{…}"
                         r"""|(?P<q2>['"])(?P<cprefix>[\w.]*)(?P=q2)\s*\+.*)$""")  # "prefix." + …


def t_calls(source: str) -> tuple[list[str], list[str], list[str]]:
    """(literal keys, prefixes of keys built at run time, calls whose key cannot be read) in `source`."""
    literal, dynamic, unreadable = [], [], []
    for m in T_CALL.finditer(source):
        arg = m.group("arg").strip()
        if lit := LITERAL.match(arg):
            literal.append(lit.group("key"))
        elif dyn := DYNAMIC_ARG.match(arg):
            dynamic.append(dyn.group("fprefix") if dyn.group("fprefix") is not None else dyn.group("cprefix"))
        else:
            unreadable.append(arg)
    return literal, dynamic, unreadable


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('st.title(t("app.title", lang))', (["app.title"], [], [])),
        ("x = t(\n    'page.map', lang)", (["page.map"], [], [])),
        ('i18n.t("nope.missing", lang)', (["nope.missing"], [], [])),
        ('c.number("lat", -90, 90, Message("expected.latitude"))', (["expected.latitude"], [], [])),
        ('t(f"count.{q}", lang); t("map.shape." + shape, lang); t(key, lang)', ([], ["count.", "map.shape."], ["key"])),
        ('st.write(x); fmt("a.b"); st.get("c.d"); def t(key, lang):', ([], [], [])),
    ],
)
def test_t_call_scanner(source, expected):
    assert t_calls(source) == expected


def _problem_codes() -> set[str]:
    """Problem codes a data or cache file can be reported with: quoted in the modules that read them."""
    modules = [p for folder in ("core", "common", "geo", "geocode") for p in REPO.glob(f"{folder}/**/*.py")]
    source = "\n".join(p.read_text(encoding="utf-8") for p in modules)
    return {code for code in PROBLEMS if f'"{code}"' in source}


# Keys completed at run time: prefix -> every value the code completes it with.
DYNAMIC: dict[str, set[str]] = {
    "label.": {m.value for enum in LABELLED_ENUMS for m in enum},
    "count.": set(CountQualifier),
    "event.": set(EventStatus),
    "map.color_by.": set(COLOR_BY),
    "map.legend.": set(COLOR_BY),
    # the legend's shapes
    "map.shape.": {"jp_city", "jp_region", "jp_body", "cn_city", "cn_region", "cn_body", "jp_ring", "cn_ring"},
    "basemap.": set(BASEMAPS),
    "source.": set(SOURCE_PARTS),
    "streamlit.": {*STREAMLIT_WORDS, *STREAMLIT_PATTERNS},
    "leaflet.": set(LEAFLET_WORDS),
    "problem.": _problem_codes(),
    "fix.": _problem_codes() | set(REFRESH_FIXES),  # geo/cache.py: one remedy for every fault of the cache
    "geo.what.": {c.code for c in GEO_ERRORS},
    "geo.fix.": {c.code for c in GEO_ERRORS},
    "warn.url.": {"clamped", "no_years", "swapped"},  # export/cli.py: what an option only warns about
    "edit.col.": {c for c in (*ACTIVITY_COLUMNS, *EVENT_COLUMNS) if not c.startswith("text_")},  # text_*: edit.col.text
    "save.refused.": set(REFUSALS),
    "save.recovered.": set(OUTCOMES),
    "startup.": set(ARGUMENT_PROBLEMS),
    "overlay.encoding.": set(AMBIGUOUS),  # ui/overlay.py: the readings a reader picks from
}


def _scan() -> tuple[set[str], set[str], dict[str, list[str]]]:
    literal: set[str] = set()
    dynamic: set[str] = set()
    unreadable: dict[str, list[str]] = {}
    for path in SCANNED:
        lit, dyn, bad = t_calls(path.read_text(encoding="utf-8"))
        literal |= set(lit)
        dynamic |= set(dyn)
        if bad:
            unreadable[str(path.relative_to(REPO))] = bad
    return literal, dynamic, unreadable


def test_scan_covers_every_module_that_shows_text():
    names = {str(p.relative_to(REPO)) for p in SCANNED}
    assert {"app.py", "ui/details.py", "ui/controls.py", "core/report/wording.py", "geo/errors.py"} <= names


# Calls that forward a key written elsewhere (and scanned there): Message.text forwards Message("…")'s.
FORWARDS = {"common/i18n.py": ["self.key"]}


def test_every_key_can_be_read_from_the_code():
    *_, unreadable = _scan()
    assert unreadable == FORWARDS, "t() with a key held in a variable: pass a literal, or an f-string prefix in DYNAMIC"


def test_every_key_built_at_run_time_is_declared():
    _, dynamic, _ = _scan()
    assert dynamic - set(DYNAMIC) == set(), "declare these prefixes and their values in DYNAMIC"
    assert set(DYNAMIC) - dynamic == set(), "these DYNAMIC prefixes are no longer used by the code"


def test_every_used_message_exists_and_every_message_is_used():
    literal, dynamic, _ = _scan()
    used = literal | {prefix + value for prefix in dynamic & set(DYNAMIC) for value in DYNAMIC[prefix]}
    assert sorted(used - set(IDS)) == [], "used by the code but missing from locale/messages.pot and the .po files"
    assert sorted(set(IDS) - used) == [], "in the catalogues but used nowhere: delete them (or find the caller)"
