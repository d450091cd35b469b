"""Numbers as a spreadsheet user means them, and the ranges of latitude and longitude.

Python's `float()`/`int()` accept far more than anyone types in a cell: `1_0` (== 10), `nan`,
`inf`, `infinity`, Arabic-Indic or other non-Latin digits, spaces inside. One strict parser serves
every number the app reads (data files, the geocode cache) so that none of them slips through.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

# Optional sign, digits with an optional fraction, optional exponent (Excel writes 1.5E+02).
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_INTEGER = re.compile(r"[+-]?[0-9]+")


def parse_number(text: str, *, integer: bool = False) -> float | int | None:
    """The number written in `text`, or None when it is not a plain decimal (or whole) number.

    Full-width digits (`３５．５`, typed with a Japanese IME) are folded to ASCII first.
    """
    folded = unicodedata.normalize("NFKC", text)
    pattern = _INTEGER if integer else _DECIMAL
    if not pattern.fullmatch(folded):
        return None
    number = int(folded) if integer else float(folded)
    return number if math.isfinite(number) else None  # 1e999 overflows to inf


@dataclass(frozen=True)
class Bounds:
    """A closed range a number must lie in."""

    low: float
    high: float

    def __contains__(self, number: float) -> bool:
        return math.isfinite(number) and self.low <= number <= self.high

    @property
    def params(self) -> dict[str, str]:
        """The range as the `not_a_number` / `number_out_of_range` messages state it ({lo} to {hi})."""
        return {"lo": f"{self.low:g}", "hi": f"{self.high:g}"}


LATITUDE = Bounds(-90.0, 90.0)
LONGITUDE = Bounds(-180.0, 180.0)


def valid_point(lat: float, lon: float) -> bool:
    """True when (lat, lon) is a point on Earth in degrees: what every reader of coordinates checks."""
    return lat in LATITUDE and lon in LONGITUDE


def read_number(text: str, bounds: Bounds, *, integer: bool = False) -> tuple[float | int | None, str]:
    """(the number, "") or (None, the problem code: "not_a_number" or "number_out_of_range")."""
    number = parse_number(text, integer=integer)
    if number is None:
        return None, "not_a_number"
    if number not in bounds:
        return None, "number_out_of_range"
    return number, ""
