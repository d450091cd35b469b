"""Agreement years as coordinators write them: 1981, 1981年, or a Japanese era (昭和56年, S56).

Excel users in Japanese local government often write 和暦; the app stores the Gregorian year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.data.cells import to_halfwidth


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    first_year: int  # Gregorian year of the era's first (元) year
    last: int | None  # the era's last year number, None for the current era


ERAS = (
    Era("明治", "M", 1868, 45),
    Era("大正", "T", 1912, 15),
    Era("昭和", "S", 1926, 64),
    Era("平成", "H", 1989, 31),
    Era("令和", "R", 2019, None),
)

# [0-9], not \d: \d also matches Arabic-Indic and other digits that int() accepts.
_GREGORIAN = re.compile(r"^([0-9]{4})年?$")
_ERA = re.compile(r"^(明治|大正|昭和|平成|令和|[MTSHR])\.?([0-9]{1,2}|元)年?$", re.IGNORECASE)


class YearError(ValueError):
    """`kind` is "bad_year" (not readable as a year) or "impossible_year" (readable, but cannot be)."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(kind)
        self.kind = kind
        self.detail = detail


def parse_year(text: str) -> int:
    """Read a year; raise YearError("bad_year") or YearError("impossible_year", detail)."""
    value = to_halfwidth(text).strip().replace(" ", "")  # full-width digits and spaces as typed
    if m := _GREGORIAN.match(value):
        return int(m.group(1))
    m = _ERA.match(value)
    if not m:
        raise YearError("bad_year")
    era_name, number = m.group(1), m.group(2)
    era = next(e for e in ERAS if era_name.upper() in (e.name, e.letter))
    n = 1 if number == "元" else int(number)
    if n < 1 or (era.last is not None and n > era.last):
        limit = f"{era.name}1–{era.last}" if era.last else f"{era.name}1–"
        raise YearError("impossible_year", limit)
    return era.first_year + n - 1
