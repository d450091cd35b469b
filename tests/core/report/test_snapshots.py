"""Several snapshots: one status per entity and `as_of` date, the dataset viewed at a date, the
"as of" fallback to an entity's latest earlier status, and the loader's snapshot rules."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from edits import append, sub

from core.data.errors import DataLoadError
from core.data.loading import load_dataset
from core.data.models import Stage

OLD, NEW = "2014-05-31", "2015-03-31"


def test_the_bundled_data_is_one_snapshot(bundled_dataset) -> None:
    assert bundled_dataset.dates == (OLD,) and bundled_dataset.viewed == OLD
    assert all(len(entries) == 1 for entries in bundled_dataset.history.values())


def test_every_snapshot_is_kept_oldest_first(two_snapshots) -> None:
    assert two_snapshots.dates == (OLD, NEW)
    assert [s.as_of for s in two_snapshots.history["北京市"]] == [OLD, NEW]
    assert [s.as_of for s in two_snapshots.history["武漢市"]] == [OLD]
    assert [s.as_of for s in two_snapshots.history["河北省"]] == [NEW]


# (entity, date viewed (None = latest), stage, the status's own date or None when it has no status)
AS_OF = [
    ("北京市", None, Stage.NEARLY_AGREED, NEW),
    ("北京市", OLD, Stage.IN_COORDINATION, OLD),
    ("上海市", None, Stage.IN_COORDINATION, NEW),
    ("上海市", OLD, Stage.NEARLY_AGREED, OLD),
    ("武漢市", None, Stage.MISSION_PLANNED, OLD),  # not re-reported: its latest earlier status
    ("武漢市", OLD, Stage.MISSION_PLANNED, OLD),
    ("河北省", None, Stage.CONSULTATION_PLANNED, NEW),
    ("河北省", OLD, Stage.NO_STATUS, None),  # not yet reported
    ("遼寧省", None, Stage.NO_STATUS, None),
    ("北京市", "2014-12-31", Stage.IN_COORDINATION, OLD),  # between snapshots: the one before
    ("北京市", "2014-01-01", Stage.NO_STATUS, None),  # before every snapshot
]


@pytest.mark.parametrize(("entity", "as_of", "stage", "own_date"), AS_OF)
def test_as_of_falls_back_to_the_latest_earlier_status(two_snapshots, entity, as_of, stage, own_date) -> None:
    viewed = two_snapshots.at(as_of)
    status = viewed.status_of(entity)
    assert viewed.stage_of(entity) is stage and two_snapshots.stage_of(entity, as_of or NEW) is stage
    assert (status.as_of if status else None) == own_date
    assert (entity in viewed.statuses) == (own_date is not None)


def test_activities_and_events_belong_to_their_snapshot(two_snapshots) -> None:
    old, new = two_snapshots.history["天津市"]
    assert [(a.kind, a.count) for a in old.activities] == [("expert_dispatch", 1), ("training_in_japan", 2)]
    assert [(a.kind, a.count) for a in new.activities] == [("expert_dispatch", 3), ("training_in_japan", 2)]
    assert {a.as_of for a in old.activities} == {OLD} and {e.as_of for e in new.events} == {NEW}
    assert len(two_snapshots.history["北京市"][0].events) == 1 and len(two_snapshots.history["北京市"][1].events) == 2


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A writable copy of the two-snapshot fixture (links resolved)."""
    target = tmp_path / "data"
    shutil.copytree(Path(__file__).parents[2] / "fixtures" / "two_snapshots", target, symlinks=False)
    return target


def _problems(folder: Path) -> list[tuple[str, str, int | None, str | None, str, dict]]:
    with pytest.raises(DataLoadError) as caught:
        load_dataset(folder)
    return [(Path(e.file).name, e.problem, e.line, e.column, e.value, e.params) for e in caught.value.errors]


def test_a_second_entry_for_one_entity_and_date_names_both_lines(folder: Path) -> None:
    text = (folder / "statuses.csv").read_text(encoding="utf-8")
    append(f"瀋陽市,{NEW},nearly_agreed,,,重複,,,FICTIONAL\n")(folder / "statuses.csv")
    first = next(i for i, line in enumerate(text.split("\n"), start=1) if line.startswith(f"瀋陽市,{NEW}"))
    [problem] = _problems(folder)
    assert problem[:5] == ("statuses.csv", "duplicate", text.count("\n") + 1, "entity", f"瀋陽市–{NEW}")
    assert problem[5] == {"other_line": str(first)}


def test_the_same_entity_at_two_dates_is_no_duplicate(two_snapshots) -> None:
    assert len(two_snapshots.history["瀋陽市"]) == 2


def test_without_an_as_of_column_several_snapshots_are_an_error(folder: Path) -> None:
    for name in ("activities.csv", "events.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as f:
            rows = [row[:1] + row[2:] for row in csv.reader(f)]  # `as_of` is the second column
        with (folder / name).open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    problems = _problems(folder)
    assert [(p[0], p[1], p[2], p[3]) for p in problems] == [
        ("activities.csv", "missing_as_of", 1, "as_of"), ("events.csv", "missing_as_of", 1, "as_of")]
    assert problems[0][5] == {"dates": f"{OLD}, {NEW}"}


def test_without_an_as_of_column_one_snapshot_is_the_default(bundled_dataset) -> None:
    assert {a.as_of for s in bundled_dataset.statuses.values() for a in s.activities} == {OLD}


def test_an_activity_dated_where_its_entity_has_no_entry(folder: Path) -> None:
    sub(f"北京市,{NEW},seminar", "北京市,2014-12-31,seminar")(folder / "activities.csv")
    [problem] = _problems(folder)
    assert problem[1:4] == ("no_status_on_date", problem[2], "as_of") and problem[4] == "2014-12-31"
    assert problem[5] == {"entity": "北京市"}


def test_the_message_names_the_entity_and_the_date_in_every_language(folder: Path) -> None:
    sub(f"北京市,{NEW},seminar", "北京市,2014-12-31,seminar")(folder / "activities.csv")
    with pytest.raises(DataLoadError) as caught:
        load_dataset(folder)
    [error] = caught.value.errors
    for lang in ("ja", "en", "zh"):
        assert "北京市" in error.message(lang) and "2014-12-31" in error.message(lang)
