"""A country as a file writes it ("Japan", "日本", "JP", "JPN", "People's Republic of China") → ISO alpha-2.

The names are CLDR's, through Babel, in every language of the app (no hand-written world list);
the aliases add what CLDR names otherwise (Turkey → Türkiye, Czech Republic → Czechia) and the
official long forms. "Town, Country" ("England, United Kingdom") is read by its last part. A
name nobody knows is "" (the pair still draws; it is not Japan–China): a name without an ISO 3166
code (Northern Cyprus), a misspelling (Madagaskar), an ambiguous one (Korea).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel.core import get_global

from common.i18n import LANGS, country_names

ALIASES = {
    "people's republic of china": "CN", "prc": "CN", "mainland china": "CN", "中華人民共和国": "CN",
    "中华人民共和国": "CN", "日本国": "JP", "nippon": "JP", "usa": "US", "u.s.a.": "US", "u.s.": "US",
    "united states of america": "US", "america": "US", "米国": "US", "uk": "GB", "great britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "republic of korea": "KR",
    "大韓民国": "KR", "대한민국": "KR", "czech republic": "CZ", "turkey": "TR", "republic of ireland": "IE",
    "ivory coast": "CI", "democratic republic of the congo": "CD", "republic of the congo": "CG", "congo": "CG",
    "east timor": "TL", "russian federation": "RU", "viet nam": "VN", "federated states of micronesia": "FM",
    "saint kitts and nevis": "KN", "saint lucia": "LC", "saint vincent and the grenadines": "VC",
    "burma": "MM", "holland": "NL", "macau": "MO", "hong kong": "HK", "palestine": "PS",
}
_BRACKETS = re.compile(r"\s*[(（][^)）]*[)）]")
_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ").replace("’", "'")
    return _SPACES.sub(" ", text).strip().removeprefix("the ")


@cache
def _names() -> dict[str, str]:
    """Folded name or code → alpha-2: CLDR's names (with and without their bracketed part), the
    alpha-2 and alpha-3 codes, then the aliases."""
    table: dict[str, str] = {}
    for lang in LANGS:
        for code, name in country_names(lang).items():
            if len(code) == 2 and code.isalpha():
                for form in (name, _BRACKETS.sub("", name)):
                    table.setdefault(_fold(form), code)
                table.setdefault(code.casefold(), code)
    for alpha3, targets in get_global("territory_aliases").items():
        if len(alpha3) == 3 and alpha3.isalpha() and len(targets) == 1:
            table.setdefault(alpha3.casefold(), targets[0])
    table.update({_fold(k): v for k, v in ALIASES.items()})
    return table


def country_code(text: str) -> str:
    """ISO 3166-1 alpha-2 ("JP"), or "" when the text names no country known."""
    names = _names()
    folded = _fold(text)
    for candidate in (folded, _BRACKETS.sub("", folded), folded.rsplit(",", 1)[-1].strip()):
        if candidate in names:
            return names[candidate]
    return ""
