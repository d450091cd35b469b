"""The parameter registry as one table: every parameter reads, writes and round-trips, and what
does not fit the data is ignored or clamped; a default never reaches the URL."""

from __future__ import annotations

import pytest

from common.i18n import LANGS
from core.data.models import Dataset, RelationType, Stage
from core.view.params import PARAMS, Allowed, Choice, Flag, Read, Snapshot, Text, Year
from core.view.state import Ignored, ViewState, parse_query, to_query

BASEMAPS = ("offline", "osm", "gsi")
BY_NAME = {p.name: p for p in PARAMS}
IGNORED = object()  # the value is not understood: reported and ignored
UNDATED = "undated data"  # the row runs against a data set without any agreement year

# (parameter, URL value, value read | IGNORED, how it was fixed, canonical URL value)
TABLE = [
    ("lang", "en", "en", "", "en"),
    ("lang", "zh", "zh", "", "zh"),
    ("lang", "EN", IGNORED, "", None),
    ("lang", "日本語", IGNORED, "", None),
    ("province", "河北省", "河北省", "", "河北省"),
    ("province", "hebei", "河北省", "", "河北省"),
    ("province", "福冈县", "福岡県", "", "福岡県"),
    ("province", "ＨＹＯＧＯ", "兵庫県", "", "兵庫県"),
    ("province", "Kitakyushu", IGNORED, "", None),  # a city, not a region
    ("province", "大阪府", IGNORED, "", None),  # a region that holds no place
    ("from", "1980", 1980, "", "1980"),
    ("from", "１９８０", 1980, "", "1980"),
    ("from", "1973", 1973, "", "1973"),
    ("from", "2000", 1992, "clamped", "1992"),
    ("from", "1900", 1973, "clamped", "1973"),
    ("from", "80", IGNORED, "", None),
    ("from", "1899", IGNORED, "", None),
    ("from", "-1980", IGNORED, "", None),
    ("from", "1980.5", IGNORED, "", None),
    ("from", "²", IGNORED, "", None),
    ("from", "①⑨⑧⓪", IGNORED, "", None),
    ("from", "1980", None, "no_years", None, UNDATED),
    ("to", "1983", 1983, "", "1983"),
    ("to", "2100", 1992, "clamped", "1992"),
    ("to", "1950", 1973, "clamped", "1973"),
    ("to", "2101", IGNORED, "", None),
    ("to", "1983", None, "no_years", None, UNDATED),
    ("undated", "0", False, "", "0"),
    ("undated", "1", True, "", "1"),
    ("undated", "no", IGNORED, "", None),
    ("relation", "friendship", RelationType.FRIENDSHIP, "", "friendship"),
    ("relation", "環境交流都市（覚書あり）", RelationType.ENVIRONMENTAL_EXCHANGE, "", "environmental_exchange"),
    ("relation", "Local office", RelationType.LOCAL_OFFICE, "", "local_office"),
    ("relation", "提出合作请求", RelationType.COOPERATION_REQUEST, "", "cooperation_request"),
    ("relation", "in_coordination", IGNORED, "", None),
    ("stage", "no_status", Stage.NO_STATUS, "", "no_status"),
    ("stage", "プラットフォーム了解", Stage.PLATFORM_AGREED, "", "platform_agreed"),
    ("stage", "friendship", IGNORED, "", None),
    ("q", "天津", "天津", "", "天津"),
    ("q", " <b>x</b> ", "<b>x</b>", "", "<b>x</b>"),
    ("place", "Tianjin", "天津市", "", "天津市"),
    ("place", "环境保护部", "環境保護部", "", "環境保護部"),
    ("place", "河北", IGNORED, "", None),
    ("link", "東京都-北京市", "東京都–北京市", "", "東京都–北京市"),
    ("link", "北京市–東京都", IGNORED, "", None),
    ("year", "1980", 1980, "", "1980"),  # the timeline's year: a year of the data, like from/to
    ("year", "１９８５", 1985, "", "1985"),
    ("year", "1960", 1973, "clamped", "1973"),
    ("year", "play", IGNORED, "", None),
    ("color", "stage", "stage", "", "stage"),
    ("color", "Stage", IGNORED, "", None),
    ("basemap", "gsi", "gsi", "", "gsi"),
    ("basemap", "https://tiles.invalid/{z}", IGNORED, "", None),
    ("asof", "2014-05-31", "2014-05-31", "", "2014-05-31"),
    ("asof", " 2014-05-31 ", "2014-05-31", "", "2014-05-31"),
    ("asof", "2014-5-31", IGNORED, "", None),
    ("asof", "2015-03-31", IGNORED, "", None),  # not a snapshot of this data
    ("since", "2014-05-31", "2014-05-31", "", "2014-05-31"),
    ("since", "20140531", IGNORED, "", None),
    ("present", "1", True, "", "1"),
    ("present", "yes", IGNORED, "", None),
    ("step", "3", 3, "", "3"),
    ("step", "１２", 12, "", "12"),
    ("step", "0", IGNORED, "", None),
    ("step", "1000", IGNORED, "", None),
    ("step", "-1", IGNORED, "", None),
    ("step", "²", IGNORED, "", None),
]


@pytest.fixture(scope="module")
def allowed(bundled_dataset: Dataset) -> dict[str, Allowed]:
    undated = Dataset(bundled_dataset.places, tuple(p for p in bundled_dataset.partnerships if p.year is None), {})
    return {"": Allowed(bundled_dataset, BASEMAPS), UNDATED: Allowed(undated, BASEMAPS)}


@pytest.mark.parametrize("row", TABLE, ids=lambda row: f"{row[0]}={row[1]}")
def test_registry(allowed, row) -> None:
    name, raw, value, fixed, canonical, data = (*row, "")[:6]
    param, allow = BY_NAME[name], allowed[data]
    got = param.read(raw, allow)
    if value is IGNORED:
        assert got is None
        return
    assert got == Read(value, fixed)
    if value is None:
        return
    assert param.write(value) == canonical
    assert param.read(canonical, allow) == Read(value)  # the written form reads back unchanged


def test_every_parameter_is_in_the_table() -> None:
    accepted = {row[0] for row in TABLE if row[2] is not IGNORED}
    rejected = {row[0] for row in TABLE if row[2] is IGNORED or row[3]}
    free_text = {p.name for p in PARAMS if isinstance(p, Text)}  # any text is a search
    assert accepted == set(BY_NAME)
    assert rejected == set(BY_NAME) - free_text


@pytest.mark.parametrize("param", PARAMS, ids=lambda p: p.name)
def test_a_default_is_left_out_of_the_url_and_anything_else_is_written(allowed, param) -> None:
    assert param.name not in to_query(ViewState.of(**{param.name: param.default}))
    [example] = [row for row in TABLE if row[0] == param.name and row[2] not in (IGNORED, None, param.default)][:1]
    value = (example[2],) if param.many else example[2]
    assert to_query(ViewState.of(**{param.name: value})) == {param.name: [example[4]] if param.many else example[4]}


@pytest.mark.parametrize("param", PARAMS, ids=lambda p: p.name)
def test_a_widget_parameter_names_its_strings(param) -> None:
    assert bool(param.widget) == bool(param.label)
    for message in (param.label, param.help):
        if message:
            assert all(message.text(lang) for lang in LANGS)  # an unknown id raises KeyError


# The next issue adds overlay parameters: each is one line.
THROW_AWAY = (
    Flag(name="live", default=False),
    Year(name="until"),
    Choice(name="overlay", default="none", choices=lambda allowed: ("none", "pm25")),
)


def test_a_new_parameter_is_one_declaration(bundled_dataset: Dataset) -> None:
    params = (*PARAMS, *THROW_AWAY)
    query = {"live": "1", "until": "1950", "overlay": ["pm25", "no2"], "province": "Hebei"}
    state, ignored = parse_query(query, bundled_dataset, params=params)
    assert (state["live"], state["until"], state["overlay"], state["province"]) == (True, 1973, "pm25", ("河北省",))
    assert ignored == [Ignored("until", "1950", "clamped", "1973"), Ignored("overlay", "no2", "repeated")]
    assert to_query(state, params) == {"province": ["河北省"], "live": "1", "until": "1973", "overlay": "pm25"}
    assert parse_query({"live": "1"}, bundled_dataset)[1] == [Ignored("live", "1", "unknown_name")]


def test_a_comparison_looks_back_from_a_date_drawn_before_it() -> None:
    """The "compare with" widget reads the date shown from the widget drawn before it (ui/widgets.py)."""
    names = [p.name for p in PARAMS]
    for param in PARAMS:
        if isinstance(param, Snapshot) and param.looks_back_from:
            shown = PARAMS[names.index(param.looks_back_from)]
            assert isinstance(shown, Snapshot) and not shown.looks_back_from
            assert names.index(shown.name) < names.index(param.name)
