"""Which column holds what: the roles of a pairs file, found from its headers in en/ja/zh.

A header is compared after folding case, width (ｌａｔ１ = lat1) and separators (`City 1`,
`city_1`, `city-1` = city1). Each side of a pair is numbered (1/2), lettered (a/b) or named
(from/to, origin/destination, 日本側/中国側); a column without a side number is side 1 (自治体,
国, 緯度) and its partner is side 2 (相手都市, 姉妹都市). The reader can reassign any role by hand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from common.i18n import Message
from common.problems import Problem

ROLES = ("city1", "country1", "lat1", "lon1", "city2", "country2", "lat2", "lon2")
ROLE_LABELS = {
    "city1": Message("overlay.role.city1"), "country1": Message("overlay.role.country1"),
    "lat1": Message("overlay.role.lat1"), "lon1": Message("overlay.role.lon1"),
    "city2": Message("overlay.role.city2"), "country2": Message("overlay.role.country2"),
    "lat2": Message("overlay.role.lat2"), "lon2": Message("overlay.role.lon2"),
}
REQUIRED = ("city1", "city2")  # countries are optional; coordinates too (then names are looked up)

# The words for each kind of column, without the side.
_WORDS = {
    "city": ("city", "cityname", "name", "town", "municipality", "place", "placename", "locality",
             "都市", "都市名", "市", "市町村", "自治体", "自治体名", "地方自治体", "名称", "名前", "地名",
             "城市", "城市名", "地区", "地方"),
    "country": ("country", "countryname", "nation", "countrycode", "iso", "国", "国名", "国家", "国家名"),
    "lat": ("lat", "latitude", "y", "緯度", "纬度"),
    "lon": ("lon", "lng", "long", "longitude", "x", "経度", "经度"),
}
# How a header says which side it is on: before or after the word.
_SIDES = {
    "1": ("1", "a", "from", "origin", "source", "home", "first", "一", "①", "甲", "側1"),
    "2": ("2", "b", "to", "destination", "dest", "target", "partner", "twin", "sister", "second", "二", "②", "乙",
          "側2", "相手", "相手先", "姉妹", "友好"),
}
# Whole headers that name a side by its country (the programme's own tables do) or as "the partner".
_SPECIAL = {
    "city1": ("日本側", "日本側自治体", "日本の自治体", "日方", "日方城市", "日本城市",
              "Japan", "Japanese", "Japan side", "Japanese side", "Japanese city", "Japan city", "city (Japan)",
              "city in Japan", "Japanese municipality", "Japanese local government", "local government (Japan)"),
    "city2": ("中国側", "中国側都市", "中国側パートナー", "中方", "中方城市", "中国城市", "相手", "相手都市", "相手先",
              "姉妹都市", "友好都市", "姉妹友好都市", "partner", "partnercity", "sistercity", "twincity", "twintown",
              "姐妹城市", "友好城市", "缔结城市",
              "China", "Chinese", "China side", "Chinese side", "Chinese city", "China city", "city (China)",
              "city in China", "Chinese partner", "Chinese partner city"),
}
_SEPARATORS = re.compile(r"[\s_\-.:/()（）・·]+")


def fold(header: str) -> str:
    """A header as compared: NFKC (full width → ASCII), case folded, separators removed."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", header).casefold())


@cache
def synonyms() -> dict[str, str]:
    """Folded header → role, for every word × side form (and the unnumbered side-1 words)."""
    table: dict[str, str] = {}
    for kind, words in _WORDS.items():
        for word in map(fold, words):
            for side, marks in _SIDES.items():
                for mark in map(fold, marks):
                    table.setdefault(word + mark, f"{kind}{side}")
                    if len(mark) > 1 or not mark.isascii():  # "acity" and "1city" mean nothing
                        table.setdefault(mark + word, f"{kind}{side}")
            table.setdefault(word, f"{kind}1")
    for role, headers in _SPECIAL.items():
        table.update({fold(h): role for h in headers})
    return table


@dataclass(frozen=True)
class ColumnMap:
    """Role → the header of the column that holds it (a role may have no column)."""

    columns: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def detect(cls, header: Iterable[str]) -> ColumnMap:
        """Each role from the first header that names it; a header serves one role only."""
        known = synonyms()
        found: dict[str, str] = {}
        for column in header:
            role = known.get(fold(column))
            if role and role not in found:
                found[role] = column
        return cls({role: found[role] for role in ROLES if role in found})

    def get(self, role: str) -> str | None:
        return self.columns.get(role)

    def assign(self, role: str, column: str | None) -> ColumnMap:
        """This map with `role` in `column` (None: no column); a column another role had is taken from it."""
        columns = {r: c for r, c in self.columns.items() if r != role and c != column}
        if column:
            columns[role] = column
        return ColumnMap({r: columns[r] for r in ROLES if r in columns})

    def coordinates(self, side: str) -> bool:
        """True when side "1" or "2" has both its latitude and longitude columns."""
        return bool(self.get(f"lat{side}") and self.get(f"lon{side}"))

    def missing_names(self) -> list[str]:
        """The name roles (REQUIRED) without a column: none in a header that names both cities."""
        return [role for role in REQUIRED if not self.get(role)]

    def problems(self, source: str, line: int = 1) -> list[Problem]:
        """What keeps the file from being read as pairs: a name column missing, or half a coordinate
        pair; said of the header's `line`."""
        missing = self.missing_names()
        for side in "12":
            lat, lon = f"lat{side}", f"lon{side}"
            if bool(self.get(lat)) != bool(self.get(lon)):
                missing.append(lon if self.get(lat) else lat)
        return [Problem(source, "missing_role", line=line, expected=ROLE_LABELS[role],
                        value=" / ".join(_examples(role))) for role in missing]


def _examples(role: str) -> tuple[str, ...]:
    """Headers the reader can give a column for `role` (shown in the fix): en, ja, zh."""
    kind, side = role[:-1], role[-1]
    return {"city": (f"city{side}", f"都市{side}", f"城市{side}"),
            "country": (f"country{side}", f"国{side}", f"国家{side}"),
            "lat": (f"lat{side}", f"緯度{side}", f"纬度{side}"),
            "lon": (f"lon{side}", f"経度{side}", f"经度{side}")}[kind]
