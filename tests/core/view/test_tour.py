"""The tour loader: the bundled tour reads whole, every broken cell is one problem with file, line,
column and value, and a step's view is the app's own URL parameters."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from core.data.errors import DataLoadError
from core.data.models import Dataset
from core.view.state import ViewState
from core.view.tour import TOUR, load_tour

BUNDLED = Path(__file__).resolve().parents[3] / "data"
HEADER = ["step", "title_ja", "title_en", "title_zh", "notes_ja", "view", "south", "west", "north", "east", "source"]
GOOD = {"step": "1", "title_ja": "全体", "title_en": "All", "title_zh": "全部", "notes_ja": "", "view": "",
        "south": "", "west": "", "north": "", "east": "", "source": "IGES 2014-05 表1"}


def write(folder: Path, *rows: dict[str, str], header: list[str] = HEADER) -> Path:
    with open(folder / TOUR, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({**GOOD, **row} for row in rows)
    return folder


def test_the_bundled_tour_follows_the_seed(bundled_dataset: Dataset) -> None:
    steps = load_tour(BUNDLED, bundled_dataset)
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    assert steps[0].query == {"color": ["relation"]} and steps[0].extent is None  # the overview frames everything
    chinese_partners = {p.china for p in bundled_dataset.partnerships}
    with_status = {k for k in chinese_partners if k in bundled_dataset.statuses}
    selected = {s.query["place"][0] for s in steps if "place" in s.query}
    assert selected == with_status  # each Chinese partner with a Table 2 status has its step
    into_tianjin = [s.query["link"][0] for s in steps if "link" in s.query]
    assert sorted(into_tianjin) == sorted(p.key for p in bundled_dataset.partnerships if p.china == "天津市")
    assert any(s.query.get("stage") == ["no_status"] for s in steps)
    for step in steps:
        assert all(step.title[lang] for lang in ("ja", "en", "zh"))
        assert all(step.notes[lang] for lang in ("ja", "en", "zh"))
        if step.extent:
            (s, w), (n, e) = step.extent
            assert s < n and w < e


def test_a_step_view_keeps_language_and_display_options(bundled_dataset: Dataset) -> None:
    step = next(s for s in load_tour(BUNDLED, bundled_dataset) if s.query.get("stage"))
    base = ViewState.of(lang="zh", color="stage", province=("河北省",), present=True, step=1)
    view = step.view(base, bundled_dataset)
    assert (view.lang, view.color, view["present"], view["step"]) == ("zh", "stage", True, step.number)
    assert view["province"] == ()  # the step's filters replace the presenter's


def test_no_tour_file_is_no_tour(data_copy: Path, bundled_dataset: Dataset) -> None:
    assert load_tour(data_copy, bundled_dataset) == ()


# (cells of one row written over GOOD, problem, column, value)
ERRORS = [
    ({"step": ""}, "missing_value", "step", ""),
    ({"step": "x"}, "not_a_whole_number", "step", "x"),
    ({"step": "0"}, "number_out_of_range", "step", "0"),
    ({"step": "1000"}, "number_out_of_range", "step", "1000"),
    ({"title_en": ""}, "missing_text", "title_en", ""),
    ({"source": ""}, "missing_source", "source", ""),
    ({"view": "province=大阪府"}, "tour_view", "view", "province=大阪府"),
    ({"view": "colour=stage"}, "tour_view", "view", "colour=stage"),
    ({"view": "lang=en"}, "tour_param", "view", "lang=en"),
    ({"view": "step=2"}, "tour_param", "view", "step=2"),
    ({"title_en": "Summary {asof}"}, "tour_field", "title_en", "{asof}"),
    ({"notes_ja": "{}"}, "tour_field", "notes_ja", "{}"),
    ({"title_zh": "{stage}"}, "tour_field", "title_zh", "{stage}"),  # no place, link or one stage to name
    ({"south": "30", "west": "120", "north": "40"}, "half_extent", "east", ""),
    ({"south": "30", "west": "120", "north": "95", "east": "130"}, "number_out_of_range", "north", "95"),
    ({"south": "30", "west": "120", "north": "北緯40", "east": "130"}, "not_a_number", "north", "北緯40"),
    ({"south": "40", "west": "120", "north": "30", "east": "130"}, "extent_order", "north", "40 / 30"),
    ({"south": "30", "west": "130", "north": "40", "east": "120"}, "extent_order", "east", "130 / 120"),
]


@pytest.mark.parametrize(("cells", "problem", "column", "value"), ERRORS, ids=[e[1] + ":" + e[2] for e in ERRORS])
def test_one_bad_cell_is_one_problem_where_it_is(tmp_path, bundled_dataset, cells, problem, column, value) -> None:
    write(tmp_path, {"step": "1"}, {"step": "2", **cells})
    with pytest.raises(DataLoadError) as caught:
        load_tour(tmp_path, bundled_dataset)
    [error] = caught.value.errors
    where = (Path(error.file).name, error.line, error.problem, error.column, error.value)
    assert where == (TOUR, 3, problem, column, value)
    for lang in ("ja", "en", "zh"):
        assert TOUR in error.message(lang)


def test_a_repeated_step_names_its_first_line(tmp_path, bundled_dataset) -> None:
    write(tmp_path, {"step": "1"}, {"step": "１"})
    with pytest.raises(DataLoadError) as caught:
        load_tour(tmp_path, bundled_dataset)
    [error] = caught.value.errors
    assert (error.problem, error.line, error.params["other_line"]) == ("duplicate", 3, "2")


@pytest.mark.parametrize(("header", "problem"), [
    ([c for c in HEADER if c != "view"], "missing_column"),
    (HEADER, "no_rows"),
])
def test_file_level_problems(tmp_path, bundled_dataset, header, problem) -> None:
    if problem == "no_rows":
        write(tmp_path, header=header)
    else:
        write(tmp_path, {"step": "1"}, header=header)
    with pytest.raises(DataLoadError) as caught:
        load_tour(tmp_path, bundled_dataset)
    assert [e.problem for e in caught.value.errors] == [problem]


def test_steps_come_in_step_order_and_carry_any_registry_parameter(tmp_path, bundled_dataset) -> None:
    write(tmp_path, {"step": "3", "view": "from=1980&to=1985&relation=friendship&color=stage"},
          {"step": "1", "south": "30", "west": "120", "north": "40", "east": "135"})
    second, first = load_tour(tmp_path, bundled_dataset)[::-1]
    assert (first.number, second.number) == (1, 3)
    assert first.extent == ((30.0, 120.0), (40.0, 135.0))
    view = second.view(ViewState.of(), bundled_dataset)
    assert (view["from"], view["to"], view.color) == (1980, 1985, "stage")  # the step's own colouring
    assert first.view(ViewState.of(color="stage"), bundled_dataset).color == "stage"  # else the presenter's
