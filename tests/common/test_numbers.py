"""Strict numbers: what a spreadsheet user means, never what only Python's float() accepts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.numbers import LATITUDE, LONGITUDE, Bounds, parse_number, read_number, valid_point

# (text, as a decimal, as a whole number)
NUMBERS = [
    ("35.5", 35.5, None),
    ("-35", -35.0, -35),
    ("+7", 7.0, 7),
    ("007", 7.0, 7),
    (".5", 0.5, None),
    ("5.", 5.0, None),
    ("1.5E+02", 150.0, None),  # Excel's scientific format
    ("1e-07", 1e-07, None),  # repr() of a small float, as the cache writer writes it
    ("３５．５", 35.5, None),  # full-width, typed with a Japanese IME
    ("１２", 12.0, 12),
    # What float()/int() accept and no spreadsheet user means:
    ("1_0", None, None),
    ("nan", None, None),
    ("NaN", None, None),
    ("-nan", None, None),
    ("inf", None, None),
    ("-Infinity", None, None),
    ("1e999", None, None),  # overflows to inf
    ("١٠", None, None),  # Arabic-Indic digits
    ("१०", None, None),  # Devanagari digits
    ("1 0", None, None),
    ("0x10", None, None),
    ("", None, None),
    ("-", None, None),
    ("1.5.2", None, None),
    ("35,5", None, None),
]


@pytest.mark.parametrize(("text", "decimal", "whole"), NUMBERS)
def test_parse_number(text: str, decimal: float | None, whole: int | None) -> None:
    assert parse_number(text) == decimal
    assert parse_number(text, integer=True) == whole


def test_python_accepts_what_we_refuse() -> None:
    """Why a parser of our own: these are the traps the table above closes."""
    assert float("1_0") == 10.0 and int("1_0") == 10 and math.isnan(float("nan")) and float("١٠") == 10.0


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_written_by_repr_reads_back(x: float) -> None:
    assert parse_number(repr(x)) == x


@given(st.text(max_size=12))
def test_never_raises_and_never_returns_a_non_finite_number(text: str) -> None:
    number = parse_number(text)
    assert number is None or math.isfinite(number)


# (text, bounds, expected (number, problem))
READS = [
    ("90", LATITUDE, (90.0, "")),
    ("-90", LATITUDE, (-90.0, "")),
    ("90.0001", LATITUDE, (None, "number_out_of_range")),
    ("200", LATITUDE, (None, "number_out_of_range")),
    ("180", LONGITUDE, (180.0, "")),
    ("-180.5", LONGITUDE, (None, "number_out_of_range")),
    ("1_0", LATITUDE, (None, "not_a_number")),
    ("nan", LONGITUDE, (None, "not_a_number")),
    ("0", Bounds(1, 999), (None, "number_out_of_range")),
]


@pytest.mark.parametrize(("text", "bounds", "expected"), READS)
def test_read_number(text: str, bounds: Bounds, expected) -> None:
    assert read_number(text, bounds) == expected


@pytest.mark.parametrize(
    ("lat", "lon", "ok"),
    [(0, 0, True), (90, 180, True), (-90, -180, True), (90.5, 0, False), (0, -180.5, False),
     (math.nan, 0, False), (0, math.inf, False), (200, 10, False)],
)
def test_valid_point(lat: float, lon: float, ok: bool) -> None:
    assert valid_point(lat, lon) is ok
