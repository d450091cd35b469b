"""Rows → an Overlay: strict numbers, countries, places once, bad rows listed while the rest draw.

Every file here is FICTIONAL (made up in the test), except the reference set, which is read in place.
"""

from __future__ import annotations

import pytest

from core.data.errors import DataError
from core.overlay.columns import ColumnMap
from core.overlay.countries import country_code
from core.overlay.importing import import_overlay
from core.overlay.regions import regions_of

HEADER = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"


def pairs(*rows: str, header: str = HEADER) -> bytes:
    return (header + "".join(r + "\n" for r in rows)).encode()


def test_reference_set_builds_whole(reference):
    imported, _ = reference
    overlay = imported.overlay
    assert len(overlay.links) == 25_917 and overlay.problems == ()
    assert sum(overlay.is_japan_china(link) for link in overlay.links) == 187  # as ../shared/datasets/README.md says
    assert len(overlay.places) < 25_917  # each place once
    jp_cn = [p for p in overlay.places if p.country in ("JP", "CN")]
    assert sum(bool(p.region) for p in jp_cn) / len(jp_cn) > 0.95


@pytest.mark.parametrize(
    ("row", "problems"),
    [  # (code, column, value) of each problem of the row
        ("Kobe,Japan,95,135,Tianjin,China,39,117", [("number_out_of_range", "lat1", "95")]),
        ("Kobe,Japan,34.7,east,Tianjin,China,39,117", [("not_a_number", "lng1", "east")]),
        ("Kobe,Japan,34.7,135,Tianjin,China,nan,1_17",
         [("not_a_number", "lat2", "nan"), ("not_a_number", "lng2", "1_17")]),
        (",Japan,34.7,135,Tianjin,China,39,117", [("missing_value", "city1", "")]),
        ("Kobe,Japan,34.7,,Tianjin,China,39,117", [("half_coordinates", "lng1", "")]),
        ("Kobe,Japan,34.7,135,Tianjin,China,39,181", [("number_out_of_range", "lng2", "181")]),
        ('Kobe,Japan,"34,7","1,350.5",Tianjin,China,39,"1,17,2"',  # a decimal comma is read, nothing more
         [("not_a_number", "lng1", "1,350.5"), ("not_a_number", "lng2", "1,17,2")]),
        ('Kobe,Japan,"95,5",135,Tianjin,China,39,117', [("number_out_of_range", "lat1", "95,5")]),
    ],
)
def test_a_bad_row_is_listed_and_the_others_still_draw(row, problems):
    good = "Kawasaki,Japan,35.52,139.70,Shenyang,China,41.8,123.4"
    overlay = import_overlay("fictional.csv", pairs(good, row, good)).overlay
    assert [link.row for link in overlay.links] == [2, 4]
    assert [(p.problem, p.column, p.value, p.line) for p in overlay.problems] == [(*p, 3) for p in problems]
    for lang in ("ja", "en", "zh"):  # worded like a data file's: file, line, column, value, the fix
        message = DataError.of(overlay.problems[0]).message(lang)
        assert "fictional.csv" in message and "3" in message and problems[0][1] in message


@pytest.mark.parametrize("data", [
    pairs("Kobe,Japan,34.69,135.19,Tianjin,China,39.13,117.2").replace(b",", b";"),
    ("日本と中国の姉妹都市（架空）\n都市1\t国1\t緯度1\t経度1\t都市2\t国2\t緯度2\t経度2\n"
     "Kobe\tJapan\t34.69\t135.19\tTianjin\tChina\t39.13\t117.2\n").encode(),
], ids=["semicolons", "title-and-tabs-with-ja-headers"])
def test_the_importer_finds_its_header_by_the_column_roles(data):
    overlay = import_overlay("fictional.csv", data).overlay
    assert overlay.problems == () and [(l.a, l.b) for l in overlay.links] == [(0, 1)]


def test_a_header_naming_both_cities_is_found_even_with_half_a_coordinate_pair():
    """Found under its title, so that the problem named is the missing longitude, not the cities."""
    imported = import_overlay("fictional.csv", b"Title\ncity1,city2,lat1\nA,B,1\n")
    assert imported.table.header_line == 2
    assert [(p.problem, p.line, p.value) for p in imported.overlay.problems] == [
        ("missing_role", 2, "lon1 / 経度1 / 经度1")]  # said of the header's line, not the file's first


def test_decimal_commas_are_read_as_points():
    """A semicolon-separated export of a spreadsheet set to a European locale."""
    data = ("city1;country1;lat1;lng1;city2;country2;lat2;lng2\n"
            "Fictional-Minato;Japan;34,69;135,19;Fictional-Hai;China;39,13;-117,2\n").encode()
    overlay = import_overlay("fictional.csv", data).overlay
    assert not overlay.problems
    assert [(p.lat, p.lon) for p in overlay.places] == [(34.69, 135.19), (39.13, -117.2)]


def test_places_are_kept_once_and_each_link_keeps_its_row_as_text():
    formula = '"=HYPERLINK(""http://example.invalid"",""click"")"'
    overlay = import_overlay("fictional.csv", pairs(
        "Kobe,Japan,34.69,135.19,Tianjin,China,39.13,117.2",
        f"Kobe,日本,34.69,135.19,{formula},CN,39.13,117.2",
        "Kobe,Japan,34.69,135.19,<script>alert(1)</script>,中华人民共和国,39.13,117.2",
    )).overlay
    assert [p.name for p in overlay.places] == [
        "Kobe", "Tianjin", '=HYPERLINK("http://example.invalid","click")', "<script>alert(1)</script>"]
    assert [(link.a, link.b) for link in overlay.links] == [(0, 1), (0, 2), (0, 3)]
    assert all(overlay.is_japan_china(link) for link in overlay.links)
    assert overlay.fields(overlay.links[2])[4] == ("city2", "<script>alert(1)</script>")
    assert [p.region for p in overlay.places] == ["兵庫県", "天津市", "天津市", "天津市"]


def test_names_only_rows_are_placed_by_the_resolver_or_listed():
    known = {("Kobe", "JP"): (34.69, 135.19, "JP"), ("天津", ""): (39.13, 117.2, "CN")}
    asked = []

    def resolve(name: str, country: str):
        asked.append((name, country))
        return known.get((name, country))

    data = pairs("Kobe,JP,天津", "Kobe,JP,Atlantis", "Kobe,JP,天津", header="都市1,国1,都市2\n")
    overlay = import_overlay("fictional-names.csv", data, resolve).overlay
    assert [(overlay.places[l.a].name, overlay.places[l.b].name, l.row) for l in overlay.links] == [
        ("Kobe", "天津", 2), ("Kobe", "天津", 4)]
    assert overlay.places[1].country == "CN" and overlay.places[1].region == "天津市"
    assert [(p.problem, p.column, p.value, p.line) for p in overlay.problems] == [
        ("unresolved_place", "都市2", "Atlantis", 3)]
    assert sorted(asked) == [("Atlantis", ""), ("Kobe", "JP"), ("天津", "")]  # each name asked once


def test_reassigned_columns_rebuild_from_the_same_table():
    data = pairs("Kobe,Tianjin,34.69,135.19,39.13,117.2", header="a,b,c,d,e,f\n")
    imported = import_overlay("fictional.csv", data)
    assert imported.overlay.links == () and len(imported.overlay.problems) == 2  # no name column found
    columns = ColumnMap({"city1": "a", "city2": "b", "lat1": "c", "lon1": "d", "lat2": "e", "lon2": "f"})
    remapped = imported.remap(columns)
    assert len(remapped.overlay.links) == 1 and remapped.overlay.problems == () and remapped.columns == columns


@pytest.mark.parametrize(
    ("text", "code"),
    [("Japan", "JP"), ("日本", "JP"), ("日本国", "JP"), ("jp", "JP"), ("JPN", "JP"), ("China", "CN"), ("中国", "CN"),
     ("People's Republic of China", "CN"), ("中华人民共和国", "CN"), ("United States", "US"), ("美国", "US"),
     ("アメリカ合衆国", "US"), ("England, United Kingdom", "GB"), ("Georgia (country)", "GE"),
     ("Bosnia and Herzegovina", "BA"), ("Czech Republic", "CZ"), ("Türkiye", "TR"), ("Turkey", "TR"),
     ("  ＪＡＰＡＮ ", "JP"), ("", ""), ("Atlantis", ""), ("Korea", "")],
)
def test_countries_from_names_and_codes_in_any_language(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("point", "region"),
    [(("JP", 34.69, 135.19), "兵庫県"), (("JP", 43.06, 141.35), "北海道"), (("CN", 41.8, 123.43), "遼寧省"),
     (("CN", 31.23, 121.47), "上海市"), (("CN", 43.8, 87.6), "新疆ウイグル自治区"),
     (("JP", 39.13, 117.2), ""),  # a Japanese name placed in China: no Japanese region
     (("US", 40.7, -74.0), ""), (("JP", 30.0, 150.0), "")],
)
def test_regions_are_the_region_filters_names(point, region):
    assert regions_of([point]) == [region]


def test_a_country_nobody_knows_is_a_note_with_its_line_column_and_value_and_the_pair_still_draws():
    """The issue's typos: "Japn" and "Chnia" were silently "no country", the pair hidden under
    "Japan–China only" with "0 rows not drawn"."""
    overlay = import_overlay("typos.csv", pairs("Kobe,Japn,34.69,135.19,Tianjin,Chnia,39.13,117.2",
                                                "Osaka,Japan,34.69,135.5,Shanghai,Chnia,31.23,121.47")).overlay
    assert len(overlay.links) == 2 and overlay.problems == () and overlay.japan_china == frozenset()
    assert [(p.problem, p.line, p.column, p.value, p.params["count"]) for p in overlay.notes] == [
        ("unknown_country", 2, "country1", "Japn", "1"), ("unknown_country", 2, "country2", "Chnia", "2")]
    assert DataError.of(overlay.notes[0]).message("en") == (
        "file typos.csv, line 2, column country1: 'Japn' is not a country the app knows (rows: 1): these pairs are "
        "drawn as pairs of other countries, not as Japan–China — fix: write the country in English, Japanese or "
        "Chinese (Japan, 日本, China, 中国) or as its code (JP, CN)")
    assert DataError.of(overlay.notes[1]).message("ja") == (
        "ファイル typos.csv、行 2、列 country2: 「Chnia」は知られている国名ではありません（2 行）。"
        "これらのペアは日中ではなく「その他の国」のペアとして表示しています — "
        "対処: 国名を「日本」「中国」のように正しく書いてください（英語名・中国語名も使えます）")


def test_a_row_not_drawn_for_another_reason_adds_no_note():
    overlay = import_overlay("typo.csv", pairs("Kobe,Japn,95,135.19,Tianjin,China,39.13,117.2")).overlay
    assert [p.problem for p in overlay.problems] == ["number_out_of_range"] and overlay.notes == ()
