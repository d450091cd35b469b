"""The one translation mechanism: gettext catalogues (locale/<lang>/LC_MESSAGES/messages.po) via Babel.

Shared by `core` (UI strings, labels, data errors) and `geo` (geocoding errors), which may not import
each other. Message ids are keys such as `app.title`, `problem.missing_file`, `label.nearly_agreed`;
placeholders are `str.format` fields (`{year}`).

One fallback rule everywhere: a message missing in a language, or a language without a catalogue, is
shown in Japanese (the source document's language and the default UI language); an id unknown even
to Japanese is a programming error and raises KeyError (the completeness test keeps that from
happening).

The `.mo` files are compiled by `make install` (`pybabel compile`) and git-ignored. When one is
missing or older than its `.po` (e.g. `streamlit run` right after a pull), the `.po` is compiled in
memory instead, so the text shown is always the `.po`'s; nothing is written.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import format_skeleton
from babel.lists import format_list as _babel_format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "messages"
DEFAULT_LANG = "ja"


def _languages(locale_dir: Path) -> tuple[str, ...]:
    """Every language with a catalogue, the default first: adding a language = adding a catalogue."""
    found = sorted(p.parent.parent.name for p in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (DEFAULT_LANG, *(lang for lang in found if lang != DEFAULT_LANG))


LANGS = _languages(LOCALE_DIR)


def browser_lang(locale: str | None, accept_language: str | None) -> str | None:
    """The app's language a browser asks for: its `navigator.language` (`locale`), else the first of
    its Accept-Language header's tags by weight whose language has a catalogue; None when it names
    none. Only the language counts ("zh-CN", "zh-TW" and "zh" are all `zh`: the app has one Chinese)."""
    weighted: list[tuple[float, str]] = []
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        if weight > 0:
            weighted.append((weight, tag))
    tags = [locale or "", *(tag for _, tag in sorted(weighted, key=lambda pair: -pair[0]))]
    return next((lang for tag in tags if (lang := tag.strip().split("-")[0].lower()) in LANGS), None)


class _Unknown(gettext.NullTranslations):
    """End of every fallback chain: an id no catalogue knows is a bug, not a text to show."""

    def gettext(self, message: str) -> str:
        raise KeyError(message)


def _compiled(po: Path) -> BytesIO:
    """The `.mo` beside `po` when it is current, else `po` compiled in memory."""
    mo = po.with_suffix(".mo")
    if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
        return BytesIO(mo.read_bytes())
    with po.open("rb") as f:
        catalog = read_po(f)
    out = BytesIO()
    write_mo(out, catalog)
    out.seek(0)
    return out


@cache
def catalogue(lang: str, locale_dir: Path = LOCALE_DIR) -> gettext.NullTranslations:
    """The translations of `lang`, falling back to Japanese (see the module docstring)."""
    po = locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang != DEFAULT_LANG and not po.is_file():
        return catalogue(DEFAULT_LANG, locale_dir)
    translations = Translations(_compiled(po), domain=DOMAIN)
    translations.add_fallback(_Unknown() if lang == DEFAULT_LANG else catalogue(DEFAULT_LANG, locale_dir))
    return translations


def t(key: str, lang: str, **fmt: object) -> str:
    """The message `key` in `lang` (see the fallback rule above), with its {placeholders} filled."""
    text = catalogue(lang if lang in LANGS else DEFAULT_LANG).gettext(key)
    return text.format(**fmt) if fmt else text


@dataclass(frozen=True)
class Message:
    """A message chosen now and translated when shown: where a data problem is found, the reader's
    language is not known yet (a DataError is rendered later, in whichever language is chosen)."""

    key: str

    def text(self, lang: str, **fmt: object) -> str:
        return t(self.key, lang, **fmt)


def _locale(lang: str) -> Locale:
    return Locale.parse(lang if lang in LANGS else DEFAULT_LANG)


def format_list(items: Iterable[str], lang: str) -> str:
    """Items as a sentence of the language: 'Kawasaki and Kobe', '川崎市、神戸市', '川崎市和神户市' (CLDR)."""
    return _babel_format_list(list(items), locale=_locale(lang))


def format_date(iso_date: str, lang: str) -> str:
    """An ISO date (`2014-05-31`) as the language writes it: '2014年5月31日', 'May 31, 2014'."""
    return _babel_format_date(dt.date.fromisoformat(iso_date), format="long", locale=_locale(lang))


def format_year_month(year: int, month: int, lang: str) -> str:
    """A month of a year: '2014年7月', 'July 2014'."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=_locale(lang))


def label(member: StrEnum | str, lang: str) -> str:
    """The display name of an enum member (a kind, relation, stage, theme, …) in `lang`: the message
    `label.<value>` (values are unique across the labelled enums; a test checks)."""
    return t(f"label.{member}", lang)


# Each language's name in itself, for the language switch.
LANG_NAMES = {lang: t("language.name", lang) for lang in LANGS}


@cache
def country_names(lang: str) -> dict[str, str]:
    """Territory code → its name in `lang`, CLDR's through Babel: the one lookup the overlay's country
    reader (names in every language → code) and its display (code → name) share."""
    return dict(_locale(lang).territories)
