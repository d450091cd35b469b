"""The UI catalogue and the data-error messages are complete and consistent in ja, en and zh."""

from __future__ import annotations

import re
import string
from enum import StrEnum
from pathlib import Path

import pytest

from core import errors
from core.errors import DataError
from core.i18n import LABELS, LANGS, STRINGS, label, t
from core.models import (
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
from core.viewstate import COLOR_BY

REPO = Path(__file__).resolve().parents[2]
LABELLED_ENUMS = (PlaceKind, RelationType, Stage, Theme, ActivityKind, Timing, Country)
MONTH_PLACEHOLDERS = {"m", "month_en"}  # what a Timing label is formatted with
ERROR_PLACEHOLDERS = {"value", "column", "expected", "other_line", "country", "lo", "hi", "today", "suffixes", "char",
                      "before"}


PARAMS = {"other_line": "3", "lo": "1", "hi": "999", "today": "2014-05-31", "suffixes": "省 / 市", "char": "U+200B",
          "before": "BEFORE"}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_languages():
    assert LANGS == ("ja", "en", "zh")


# --- STRINGS ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_string_has_three_nonempty_languages(key):
    texts = STRINGS[key]
    assert len(texts) == 3
    assert all(isinstance(s, str) and s.strip() for s in texts)


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_string_placeholders_agree(key):
    ja, en, zh = (placeholders(s) for s in STRINGS[key])
    assert ja == en == zh


@pytest.mark.parametrize("key", sorted(k for k in STRINGS if not any(placeholders(s) for s in STRINGS[k])))
@pytest.mark.parametrize("lang", LANGS)
def test_t_returns_the_language(key, lang):
    assert t(key, lang) == STRINGS[key][LANGS.index(lang)]


@pytest.mark.parametrize(
    ("key", "lang", "fmt", "expected"),
    [
        ("map.shown", "en", {"links": 3, "places": 5}, "Shown: 3 links, 5 places"),
        ("map.shown", "ja", {"links": 3, "places": 5}, "表示中の連携: 3 件 / 場所: 5 か所"),
        ("details.fiscal_year", "zh", {"year": 2014}, "2014财年"),
        ("page.map", "fr", {}, "地図"),  # unknown language falls back to Japanese
    ],
)
def test_t_formats(key, lang, fmt, expected):
    assert t(key, lang, **fmt) == expected


@pytest.mark.parametrize(
    "key",
    [f"count.{q}" for q in CountQualifier]
    + [f"event.{s}" for s in EventStatus]
    + [f"map.color_by.{c}" for c in COLOR_BY],
)
def test_strings_for_code_values_exist(key):
    assert key in STRINGS


# --- LABELS ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(LABELS))
def test_label_has_three_nonempty_languages(key):
    texts = LABELS[key]
    assert len(texts) == 3
    assert all(isinstance(s, str) and s.strip() for s in texts)


@pytest.mark.parametrize("member", [m for enum in LABELLED_ENUMS for m in enum], ids=str)
@pytest.mark.parametrize("lang", LANGS)
def test_every_enum_member_has_a_label(member, lang):
    assert member.value in LABELS
    assert label(member, lang) == LABELS[member.value][LANGS.index(lang)]


@pytest.mark.parametrize("member", [m for enum in LABELLED_ENUMS for m in enum], ids=str)
def test_label_placeholders(member):
    """Only Timing labels take placeholders: {m} (month number) and {month_en}; both are always passed."""
    found = [placeholders(s) for s in LABELS[member.value]]
    if isinstance(member, Timing):
        assert all(f and f <= MONTH_PLACEHOLDERS for f in found)
        assert all(s.format(m=7, month_en="July") for s in LABELS[member.value])
    else:
        assert found == [set(), set(), set()]


@pytest.mark.parametrize("enum", [RelationType, Stage], ids=lambda e: e.__name__)
@pytest.mark.parametrize("lang", LANGS)
def test_labels_are_unambiguous_for_url_parsing(enum: type[StrEnum], lang):
    """A label in a URL must name exactly one member (viewstate accepts labels)."""
    names = [normalise_name(label(m, lang)) for m in enum]
    codes = {normalise_name(m.value) for m in enum}
    assert len(set(names)) == len(names)
    for member in enum:
        assert normalise_name(label(member, lang)) not in codes - {member.value}


# --- data-error messages ---------------------------------------------------------------------------


@pytest.mark.parametrize("problem", sorted(errors._PROBLEMS))
def test_problem_has_three_languages_with_the_same_placeholders(problem):
    what, fix = errors._PROBLEMS[problem]
    for texts in (what, fix):
        assert len(texts) == 3 and all(s.strip() for s in texts)
        ja, en, zh = (placeholders(s) for s in texts)
        assert ja == en == zh
        assert ja <= ERROR_PLACEHOLDERS


@pytest.mark.parametrize("problem", sorted(errors._PROBLEMS))
@pytest.mark.parametrize(("lang", "line_word", "column_word"), [("ja", "行", "列"), ("en", "line", "column"), ("zh", "行", "列")])
def test_problem_message_renders(problem, lang, line_word, column_word):
    e = DataError("/x/places.csv", problem, 7, "name_ja", "VALUE", "EXPECTED", {**PARAMS, "country": ("国JA", "COUNTRY", "国ZH")})
    message = e.message(lang)
    assert "places.csv" in message and "/x/" not in message
    assert f"{line_word} 7" in message and f"{column_word} name_ja" in message
    assert "{" not in message
    what, fix = errors._PROBLEMS[problem]
    idx = LANGS.index(lang)
    fmt = {"value": "VALUE", "column": "name_ja", "expected": "EXPECTED", **PARAMS, "country": ("国JA", "COUNTRY", "国ZH")[idx]}
    assert what[idx].format(**fmt) in message and fix[idx].format(**fmt) in message


# --- t("…") calls in the UI code -------------------------------------------------------------------

T_CALL = re.compile(r"""(?<![\w.])(?:i18n\.)?t\(\s*(?P<q>['"])(?P<key>[^'"\\]+)(?P=q)""")


def t_keys(source: str) -> list[str]:
    """The literal keys of t("…") calls in Python source (dynamic keys are not checked)."""
    return [m.group("key") for m in T_CALL.finditer(source)]


@pytest.mark.parametrize(
    ("source", "keys"),
    [
        ('st.title(t("app.title", lang))', ["app.title"]),
        ("x = t( 'page.map', lang)", ["page.map"]),
        ('i18n.t("nope.missing", lang)', ["nope.missing"]),
        ('st.write(x); fmt("a.b"); list.get("c.d"); t(f"count.{q}", lang); t(key, lang)', []),
    ],
)
def test_t_call_scanner(source, keys):
    assert t_keys(source) == keys


def _ui_files() -> list:
    files = [p for p in [REPO / "app.py", *sorted((REPO / "pages").glob("*.py"))] if p.is_file()]
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason="no app.py or pages/*.py yet"), id="none")]
    return [pytest.param(p, id=str(p.relative_to(REPO))) for p in files]


@pytest.mark.parametrize("path", _ui_files())
def test_ui_code_uses_only_known_keys(path: Path):
    unknown = [k for k in t_keys(path.read_text(encoding="utf-8")) if k not in STRINGS]
    assert unknown == [], f"{path.name} calls t() with keys missing from core.i18n.STRINGS: {unknown}"
