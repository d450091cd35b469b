"""Agreement years in Gregorian and Japanese-era notation."""

from __future__ import annotations

import pytest

from core.data.years import ERAS, YearError, parse_year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("1981", 1981),
        ("1981年", 1981),
        (" 1981 ", 1981),
        ("１９８１", 1981),
        ("１９８１年", 1981),
        ("昭和56年", 1981),
        ("昭和56", 1981),
        ("昭和 56 年", 1981),
        ("昭和５６年", 1981),
        ("S56", 1981),
        ("s56", 1981),
        ("S.56", 1981),
        ("Ｓ５６", 1981),
        ("昭和元年", 1926),
        ("昭和64年", 1989),
        ("平成元年", 1989),
        ("平成1年", 1989),
        ("H4", 1992),
        ("平成4年", 1992),
        ("平成31年", 2019),
        ("令和元年", 2019),
        ("令和2年", 2020),
        ("R2", 2020),
        ("大正12年", 1923),
        ("T1", 1912),
        ("明治45年", 1912),
        ("M1", 1868),
    ],
)
def test_parse_year(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(
    ("text", "kind", "detail"),
    [
        ("abc", "bad_year", ""),
        ("", "bad_year", ""),
        ("81", "bad_year", ""),
        ("19810", "bad_year", ""),
        ("1981/05", "bad_year", ""),
        ("昭和", "bad_year", ""),
        ("昭和五十六年", "bad_year", ""),
        ("X56", "bad_year", ""),
        ("S56年度", "bad_year", ""),
        ("1_981", "bad_year", ""),  # int() would take it
        ("+1981", "bad_year", ""),
        ("١٩٨١", "bad_year", ""),  # Arabic-Indic digits: \d and int() would take them
        ("①⑨⑧①", "bad_year", ""),  # NFKC would turn these into 1981
        ("S٥٦", "bad_year", ""),
        ("昭和65年", "impossible_year", "昭和1–64"),
        ("昭和70年", "impossible_year", "昭和1–64"),
        ("平成32年", "impossible_year", "平成1–31"),
        ("明治0年", "impossible_year", "明治1–45"),
        ("明治46年", "impossible_year", "明治1–45"),
        ("大正16年", "impossible_year", "大正1–15"),
        ("令和0年", "impossible_year", "令和1–"),
        ("H0", "impossible_year", "平成1–31"),
    ],
)
def test_bad_years(text, kind, detail):
    with pytest.raises(YearError) as info:
        parse_year(text)
    assert (info.value.kind, info.value.detail) == (kind, detail)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("older", "newer"), list(zip(ERAS, ERAS[1:])))
def test_eras_follow_each_other(older, newer):
    """The last year of an era is the first (元) year of the next."""
    assert older.first_year + older.last - 1 == newer.first_year
    assert parse_year(f"{older.name}{older.last}年") == parse_year(f"{newer.name}元年")
