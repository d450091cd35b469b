"""Partnerships page: Table 1, filtered, and its Excel-safe CSV download."""

from __future__ import annotations

import csv
import io

import pytest
from apptest_kit import assert_no_exception, download_data, edit_csv, open_app, texts

from common.i18n import t

BOM = b"\xef\xbb\xbf"


@pytest.mark.parametrize(("query", "rows"), [
    ({}, 12), ({"province": "兵庫県"}, 2), ({"province": "福岡県"}, 5), ({"stage": "nearly_agreed"}, 4),
    ({"from": "1980", "to": "1983", "undated": "0"}, 4),
])
def test_rows_follow_the_filters(query, rows) -> None:
    at = open_app("partnerships", query)
    assert_no_exception(at)
    assert len(at.dataframe[0].value) == rows
    data = download_data(at)
    assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) == rows + 1


def test_empty_filter_shows_the_message_and_still_offers_a_header_only_csv() -> None:
    at = open_app("partnerships", {"q": "zzzz"})
    assert_no_exception(at)
    assert not at.dataframe and texts(at.info) == [t("map.empty", "ja")]
    assert download_data(at).decode("utf-8-sig").count("\r\n") == 1


def test_download_is_utf8_with_bom_crlf_and_translated() -> None:
    at = open_app("partnerships", {"lang": "en"})
    assert at.download_button[0].label == "Download as CSV"
    data = download_data(at)
    assert data.startswith(BOM)
    text = data[len(BOM):].decode("utf-8")
    assert text.count("\r\n") == 13 and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Japan", "China", "Relation", "Document's wording", "Year", "Stage", "Source"]
    # the source in English too
    assert ["Kobe", "Tianjin", "Friendship city", "友好都市", "1973", "Nearly agreed", "IGES 2014-05 Table 1"] in rows


def test_formula_in_the_data_is_neutralised_in_the_download_but_shown_as_is(data_folder) -> None:
    edit_csv(data_folder, "partnerships.csv", {"japan": "東京都", "china": "北京市"},
             {"wording_ja": "=1+1", "note": "=1+1"})
    at = open_app("partnerships")
    assert_no_exception(at)
    assert "=1+1" in [str(v) for v in at.dataframe[0].value[t("col.wording", "ja")]]
    rows = list(csv.reader(io.StringIO(download_data(at).decode("utf-8-sig"))))
    tokyo = next(r for r in rows if r[0] == "東京都")
    assert tokyo[3] == "'=1+1"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
