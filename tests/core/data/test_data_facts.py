"""Every fact of the seed document's Table 1 and Table 2, checked against the bundled data/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.data.models import (
    ActivityKind,
    CountQualifier,
    Country,
    EventStatus,
    PlaceKind,
    RelationType,
    Stage,
    Theme,
    Timing,
)
from tests.needs import SEED_DIR, missing

# Table 1: (japan, china, relation, the document's wording, agreement year)
PAIRS = [
    ("東京都", "北京市", RelationType.FRIENDSHIP, "友好都市", 1979),
    ("富山県", "遼寧省", RelationType.FRIENDSHIP, "友好都市", 1984),
    ("長野県", "河北省", RelationType.FRIENDSHIP, "友好都市", 1983),
    ("兵庫県", "広東省", RelationType.FRIENDSHIP, "友好都市", 1983),
    ("福岡県", "江蘇省", RelationType.FRIENDSHIP, "友好都市", 1992),
    ("川崎市", "瀋陽市", RelationType.FRIENDSHIP, "友好都市", 1981),
    ("四日市市", "天津市", RelationType.FRIENDSHIP, "友好都市", 1980),
    ("神戸市", "天津市", RelationType.FRIENDSHIP, "友好都市", 1973),
    ("北九州市", "上海市", RelationType.LOCAL_OFFICE, "北九州市が現地事務所設置", None),
    ("北九州市", "天津市", RelationType.ENVIRONMENTAL_EXCHANGE, "環境交流都市 (覚書あり)", None),
    ("北九州市", "武漢市", RelationType.COOPERATION_REQUEST, "武漢市から協力要請あり", None),
    ("北九州市", "唐山市", RelationType.COOPERATION_REQUEST, "唐山市から協力要請あり", None),
]

# Table 2: entity -> (stage, counterparts, themes)
STATUSES = {
    "北京市": (Stage.IN_COORDINATION, ("東京都",), ()),
    "天津市": (Stage.NEARLY_AGREED, ("四日市市",), ()),
    "上海市": (Stage.NEARLY_AGREED, ("北九州市",), (Theme.ADMINISTRATIVE_MANAGEMENT, Theme.MONITORING)),
    "瀋陽市": (Stage.IN_COORDINATION, ("川崎市",), (Theme.FORECASTING, Theme.SOURCE_APPORTIONMENT)),
    "江蘇省": (Stage.IN_COORDINATION, ("福岡県",), ()),
    "広東省": (Stage.CONSULTATION_PLANNED, ("兵庫県",), (Theme.PM25_COMPONENT_ANALYSIS,)),
    "武漢市": (Stage.MISSION_PLANNED, ("北九州市",), (Theme.AIR_POLLUTION_CONTROL,)),
    "環境保護部": (Stage.PLATFORM_AGREED, (), ()),
    "日中友好環境保全センター": (Stage.PLATFORM_AGREED, (), (Theme.EXPERIENCE_EXCHANGE, Theme.CONTROL_TECHNOLOGY)),
}

# activities: (entity, kind, count, qualifier, fiscal year, counterparts, themes)
ACTIVITIES = [
    ("天津市", ActivityKind.EXPERT_DISPATCH, 1, CountQualifier.AT_LEAST, 2014, ("四日市市",), ()),
    ("天津市", ActivityKind.TRAINING_IN_JAPAN, 2, CountQualifier.EXACTLY, 2014, ("四日市市",), ()),
    ("上海市", ActivityKind.EXPERT_DISPATCH, None, CountQualifier.UNSPECIFIED, 2014, ("北九州市",), ()),
    (
        "上海市",
        ActivityKind.TRAINING_IN_JAPAN,
        2,
        CountQualifier.EXACTLY,
        2014,
        (),
        (Theme.ADMINISTRATIVE_MANAGEMENT, Theme.MONITORING),
    ),
    ("江蘇省", ActivityKind.TRAINING_IN_JAPAN, 1, CountQualifier.EXACTLY, 2014, ("福岡県",), ()),
]

# dated events: (entity, year, month, timing, status)
EVENTS = [
    ("北京市", 2014, 4, Timing.MONTH, EventStatus.DONE),
    ("天津市", 2014, 5, Timing.LATE, EventStatus.DONE),
    ("上海市", 2014, 5, Timing.MID, EventStatus.DONE),
    ("江蘇省", 2014, 4, Timing.LATE, EventStatus.DONE),
    ("広東省", 2014, 7, Timing.AROUND, EventStatus.PLANNED),
]

# places: name_ja -> (kind, country, region_ja)
PLACES = {
    "東京都": (PlaceKind.PREFECTURE, Country.JP, "東京都"),
    "富山県": (PlaceKind.PREFECTURE, Country.JP, "富山県"),
    "長野県": (PlaceKind.PREFECTURE, Country.JP, "長野県"),
    "兵庫県": (PlaceKind.PREFECTURE, Country.JP, "兵庫県"),
    "福岡県": (PlaceKind.PREFECTURE, Country.JP, "福岡県"),
    "川崎市": (PlaceKind.CITY, Country.JP, "神奈川県"),
    "四日市市": (PlaceKind.CITY, Country.JP, "三重県"),
    "神戸市": (PlaceKind.CITY, Country.JP, "兵庫県"),
    "北九州市": (PlaceKind.CITY, Country.JP, "福岡県"),
    "北京市": (PlaceKind.MUNICIPALITY, Country.CN, "北京市"),
    "天津市": (PlaceKind.MUNICIPALITY, Country.CN, "天津市"),
    "上海市": (PlaceKind.MUNICIPALITY, Country.CN, "上海市"),
    "遼寧省": (PlaceKind.PROVINCE, Country.CN, "遼寧省"),
    "河北省": (PlaceKind.PROVINCE, Country.CN, "河北省"),
    "広東省": (PlaceKind.PROVINCE, Country.CN, "広東省"),
    "江蘇省": (PlaceKind.PROVINCE, Country.CN, "江蘇省"),
    "瀋陽市": (PlaceKind.CITY, Country.CN, "遼寧省"),
    "武漢市": (PlaceKind.CITY, Country.CN, "湖北省"),
    "唐山市": (PlaceKind.CITY, Country.CN, "河北省"),
    "環境保護部": (PlaceKind.NATIONAL_BODY, Country.CN, "北京市"),
    "日中友好環境保全センター": (PlaceKind.NATIONAL_BODY, Country.CN, "北京市"),
}


@pytest.fixture(scope="module")
def seed_text() -> str:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        missing(f"the seed document ({SEED_DIR}/*.txt)", "check out the project with ../shared beside it")
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def _pair(ds, japan, china):
    found = [p for p in ds.partnerships if (p.japan, p.china) == (japan, china)]
    assert len(found) == 1, f"{japan}–{china}: {len(found)} rows"
    return found[0]


# --- Table 1 ---------------------------------------------------------------------------------------


def test_exactly_the_twelve_pairs_in_document_order(bundled_dataset):
    assert [(p.japan, p.china) for p in bundled_dataset.partnerships] == [(j, c) for j, c, *_ in PAIRS]


@pytest.mark.parametrize(("japan", "china", "relation", "wording", "year"), PAIRS)
def test_pair(bundled_dataset, japan, china, relation, wording, year):
    p = _pair(bundled_dataset, japan, china)
    assert (p.relation, p.wording_ja, p.year) == (relation, wording, year)
    assert p.key == f"{japan}–{china}"


@pytest.mark.parametrize(("japan", "china", "relation", "wording", "year"), PAIRS)
def test_pair_wording_and_year_are_the_documents(seed_text, japan, china, relation, wording, year):
    assert wording in seed_text
    if year is not None:
        assert f"{wording} ({year}年)" in seed_text


# --- Table 2 ---------------------------------------------------------------------------------------


def test_nine_statuses_as_of_end_of_may_2014(bundled_dataset):
    assert set(bundled_dataset.statuses) == set(STATUSES)
    assert {s.as_of for s in bundled_dataset.statuses.values()} == {"2014-05-31"}


@pytest.mark.parametrize(("entity", "stage", "counterparts", "themes"), [(k, *v) for k, v in STATUSES.items()])
def test_status(bundled_dataset, entity, stage, counterparts, themes):
    status = bundled_dataset.status_of(entity)
    assert status is not None
    assert (status.stage, status.counterparts, status.themes) == (stage, counterparts, themes)
    assert bundled_dataset.stage_of(entity) is stage


@pytest.mark.parametrize("entity", ["遼寧省", "河北省", "唐山市"])
def test_places_without_a_table2_entry_have_no_status(bundled_dataset, entity):
    assert bundled_dataset.status_of(entity) is None
    assert bundled_dataset.stage_of(entity) is Stage.NO_STATUS


@pytest.mark.parametrize(
    ("entity", "kind", "count", "qualifier", "fiscal_year", "counterparts", "themes"), ACTIVITIES
)
def test_counted_activity(bundled_dataset, entity, kind, count, qualifier, fiscal_year, counterparts, themes):
    found = [a for a in bundled_dataset.statuses[entity].activities if a.kind is kind]
    assert len(found) == 1
    a = found[0]
    assert (a.count, a.qualifier, a.fiscal_year, a.counterparts, a.themes) == (
        count,
        qualifier,
        fiscal_year,
        counterparts,
        themes,
    )


@pytest.mark.parametrize(
    ("entity", "kinds"),
    [
        ("天津市", {ActivityKind.EXPERT_DISPATCH, ActivityKind.TRAINING_IN_JAPAN}),
        ("上海市", {ActivityKind.EXPERT_DISPATCH, ActivityKind.TRAINING_IN_JAPAN}),
        ("江蘇省", {ActivityKind.TRAINING_IN_JAPAN}),
        ("広東省", {ActivityKind.CONSULTATION_VISIT}),
        ("武漢市", {ActivityKind.MISSION_TO_JAPAN}),
        ("日中友好環境保全センター", {ActivityKind.SEMINAR, ActivityKind.PROJECT_LINK}),
        ("北京市", set()),
        ("瀋陽市", set()),
        ("環境保護部", set()),
    ],
)
def test_activity_kinds_per_entity(bundled_dataset, entity, kinds):
    assert {a.kind for a in bundled_dataset.statuses[entity].activities} == kinds


@pytest.mark.parametrize(("entity", "year", "month", "timing", "status"), EVENTS)
def test_dated_event(bundled_dataset, entity, year, month, timing, status):
    events = bundled_dataset.statuses[entity].events
    assert [(e.year, e.month, e.timing, e.status) for e in events] == [(year, month, timing, status)]


def test_only_the_five_dated_entities_have_events(bundled_dataset):
    dated = {k for k, s in bundled_dataset.statuses.items() if s.events}
    assert dated == {e[0] for e in EVENTS}


@pytest.mark.parametrize("entity", list(STATUSES))
def test_status_text_is_cleaned_of_markup(bundled_dataset, entity):
    text = bundled_dataset.statuses[entity].text.ja
    assert text
    assert "<" not in text and ">" not in text
    assert "_{" not in text


@pytest.mark.parametrize(
    ("entity", "contains", "absent"),
    [
        ("広東省", "PM2.5", "PM_{2.5}"),
        ("環境保護部", "TEMM", "TEM_{MM}"),
        ("日中友好環境保全センター", "①", None),
        ("日中友好環境保全センター", "②", None),
        ("日中友好環境保全センター", "③", None),
    ],
)
def test_status_text_specifics(bundled_dataset, entity, contains, absent):
    text = bundled_dataset.statuses[entity].text.ja
    assert contains in text
    if absent:
        assert absent not in text


@pytest.mark.parametrize("entity", list(STATUSES))
def test_status_text_lines_are_the_documents(seed_text, bundled_dataset, entity):
    """Each line of text_ja stands in the seed once its markup and subscripts are removed."""
    plain = re.sub(r"<[^>]*>", "\n", seed_text).replace("PM_{2.5}", "PM2.5").replace("TEM_{MM}", "TEMM")
    for line in bundled_dataset.statuses[entity].text.ja.splitlines():
        assert line.strip() in plain, line


@pytest.mark.parametrize("entity", list(STATUSES))
def test_status_translations_present(bundled_dataset, entity):
    text = bundled_dataset.statuses[entity].text
    assert text["en"].strip() and text["zh"].strip()


# --- places ----------------------------------------------------------------------------------------


def test_twenty_one_places(bundled_dataset):
    places = bundled_dataset.places.values()
    assert len(bundled_dataset.places) == 21
    assert sum(p.country is Country.JP for p in places) == 9
    assert sum(p.country is Country.CN and p.kind is not PlaceKind.NATIONAL_BODY for p in places) == 10
    assert sum(p.kind is PlaceKind.NATIONAL_BODY for p in places) == 2


@pytest.mark.parametrize(("name", "kind", "country", "region"), [(k, *v) for k, v in PLACES.items()])
def test_place(bundled_dataset, name, kind, country, region):
    place = bundled_dataset.places[name]
    assert (place.key, place.kind, place.country, place.region.ja) == (name, kind, country, region)
    assert place.names["en"] and place.names["zh"] and place.region["en"] and place.region["zh"]
    if kind.is_region:
        assert place.region == place.names  # a region lies in itself


@pytest.mark.parametrize(
    ("query", "key"),
    [("Tianjin", "天津市"), ("沈阳市", "瀋陽市"), ("ｋｉｔａｋｙｕｓｈｕ", "北九州市"), ("东京都", "東京都")],
)
def test_find_place_by_any_name(bundled_dataset, query, key):
    assert bundled_dataset.find_place(query).key == key


@pytest.mark.parametrize("name", list(PLACES))
def test_every_place_name_is_in_the_seed(seed_text, name):
    assert name in seed_text


def test_every_place_is_in_a_table(bundled_dataset):
    in_tables = {k for p in bundled_dataset.partnerships for k in (p.japan, p.china)} | set(bundled_dataset.statuses)
    assert set(bundled_dataset.places) == in_tables


# --- sources ---------------------------------------------------------------------------------------


def _rows_with_sources(ds):
    yield from (("places", p.key, p.source) for p in ds.places.values())
    yield from (("partnerships", p.key, p.source) for p in ds.partnerships)
    for s in ds.statuses.values():
        yield ("statuses", s.entity, s.source)
        yield from (("activities", f"{a.entity} {a.kind}", a.source) for a in s.activities)
        yield from (("events", f"{e.entity} {e.year}-{e.month}", e.source) for e in s.events)


def test_every_row_has_a_source_naming_its_table(bundled_dataset):
    linked = {k for p in bundled_dataset.partnerships for k in (p.japan, p.china)}
    rows = list(_rows_with_sources(bundled_dataset))
    assert len(rows) == 21 + 12 + 9 + 9 + 5
    for file, key, source in rows:
        assert source.startswith("IGES 2014-05 表"), (file, key, source)
        if file == "partnerships" or (file == "places" and key in linked):
            assert "表1" in source, (file, key, source)
        if file in ("statuses", "activities", "events") or (file == "places" and key in bundled_dataset.statuses):
            assert "表2" in source, (file, key, source)


# --- data/README.md --------------------------------------------------------------------------------

README = Path(__file__).resolve().parents[3] / "data" / "README.md"
_DOCUMENTED_ENUMS = (PlaceKind, Country, RelationType, Stage, Theme, ActivityKind, CountQualifier, EventStatus, Timing)


@pytest.mark.parametrize("code", [m.value for enum in _DOCUMENTED_ENUMS for m in enum])
def test_readme_documents_every_code(code):
    assert f"`{code}`" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize("column", sorted({
    "name_ja", "name_en", "name_zh", "kind", "country", "region_ja", "lat", "lon", "note", "source",
    "japan", "china", "relation", "wording_ja", "year", "entity", "as_of", "stage", "counterparts", "themes",
    "text_ja", "count", "qualifier", "fiscal_year", "month", "timing", "status",
}))
def test_readme_documents_every_column(column):
    assert f"`{column}`" in README.read_text(encoding="utf-8")
