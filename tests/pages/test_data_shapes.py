"""Every valid data folder draws, whatever its years: one year only, no year at all, every agreement
in the same year, a single place. The year slider needs two different years; with fewer, the
sidebar says what the data holds instead, and a URL's years are reported, never raised on."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest_kit import LANGS, assert_no_exception, caption_counts, edit_csv, keep_rows, map_ids, open_app, texts

from common.i18n import t

KOBE_TIANJIN = {"japan": "神戸市", "china": "天津市"}


def one_dated_link(folder: Path) -> None:
    keep_rows(folder, "partnerships.csv", lambda row: row["year"] == "" or row["japan"] == "神戸市")


def no_dated_link(folder: Path) -> None:
    keep_rows(folder, "partnerships.csv", lambda row: row["year"] == "")


def every_link_in_1979(folder: Path) -> None:
    edit_csv(folder, "partnerships.csv", {"relation": "friendship"}, {"year": "1979"})


def one_place(folder: Path) -> None:
    keep_rows(folder, "places.csv", lambda row: row["name_ja"] == "東京都")
    for name in ("partnerships.csv", "statuses.csv", "activities.csv", "events.csv"):
        keep_rows(folder, name, lambda row: False)


# (shape, the years caption's key and values, (links, places) shown, what ?from=1980 becomes)
SHAPES = [
    pytest.param(one_dated_link, ("filter.years_one", {"year": 1973}), (5, 21), ("clamped", "1973"), id="one-year"),
    pytest.param(no_dated_link, ("filter.years_none", {}), (4, 21), ("no_years", ""), id="no-years"),
    pytest.param(every_link_in_1979, ("filter.years_one", {"year": 1979}), (12, 21), ("clamped", "1979"),
                 id="all-in-one-year"),
    pytest.param(one_place, ("filter.years_none", {}), (0, 1), ("no_years", ""), id="one-place"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("shape", "caption", "counts", "year_from"), SHAPES)
def test_a_data_folder_with_fewer_than_two_years_draws(data_folder, shape, caption, counts, year_from, lang) -> None:
    shape(data_folder)
    at = open_app(query={"lang": lang})
    assert_no_exception(at)
    assert not at.sidebar.slider
    key, values = caption
    assert t(key, lang, **values) in texts(at.sidebar.caption)
    assert caption_counts(at) == [counts, counts]
    assert len(map_ids(at, "place")) == counts[1]
    assert not at.warning


@pytest.mark.parametrize(("shape", "caption", "counts", "year_from"), SHAPES)
def test_years_in_the_url_are_reported_when_the_data_cannot_hold_them(data_folder, shape, caption, counts,
                                                                       year_from) -> None:
    shape(data_folder)
    at = open_app(query={"from": "1980", "to": "1990", "lang": "en"})
    assert_no_exception(at)
    [warning] = texts(at.warning)
    reason, used = year_from
    key = {"clamped": "warn.url.clamped", "no_years": "warn.url.no_years"}[reason]
    assert t(key, "en", param="from", value="1980", used=used) in warning
    assert caption_counts(at) == [counts, counts]  # nothing filtered: the data's only year is the whole range
    assert dict(at.query_params) == {"lang": "en"}


def test_a_data_folder_edited_to_fewer_years_keeps_drawing(data_folder) -> None:
    at = open_app(query={"from": "1980", "to": "1983"})
    assert at.sidebar.slider(key="years").value == (1980, 1983)
    every_link_in_1979(data_folder)
    at.run()
    assert_no_exception(at)
    assert not at.sidebar.slider
    assert caption_counts(at) == [(12, 21), (12, 21)]
