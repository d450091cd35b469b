"""The UI's translation API: `t` for strings (key, language, placeholders), `label` for enum members.

Thin on purpose: the catalogues and the lookup live in `common.i18n` (shared with `geo`); this
module keeps the names the pages, `ui/` and `core/` have always imported. An enum member's label is
the message `label.<value>` (values are unique across the labelled enums; a test checks).
"""

from __future__ import annotations

from enum import StrEnum

from common.i18n import DEFAULT_LANG, LANGS, format_date, format_list, format_year_month, t

__all__ = ["DEFAULT_LANG", "LANGS", "LANG_NAMES", "format_date", "format_list", "format_year_month", "label", "t"]

# Each language's name in itself, for the language switch.
LANG_NAMES = {lang: t("language.name", lang) for lang in LANGS}


def label(member: StrEnum | str, lang: str) -> str:
    """The display name of an enum member (a kind, relation, stage, theme, …) in `lang`."""
    return t(f"label.{member}", lang)
