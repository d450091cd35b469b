"""What changed between two snapshots: every kind of stage change, activity changes and new
events, the order (changes first), the default comparison, and `since` in the URL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from common.i18n import t
from core.data.models import ActivityKind, CountQualifier, EventStatus
from core.report.changes import (
    ActivityChange,
    StageChange,
    activity_diffs,
    changed_keys,
    compare,
    comparison,
    new_events,
    previous_date,
)
from core.report.frames import changes_frame
from core.view.params import PARAMS, Allowed
from core.view.state import Ignored, parse_query

OLD, NEW = "2014-05-31", "2015-03-31"

# entity -> (stage change, activity changes, number of new events), as the fixture's README lists them
EXPECTED = {
    "北京市": (StageChange.ADVANCED, [ActivityChange.ADDED], 1),
    "上海市": (StageChange.WENT_BACK, [ActivityChange.REMOVED], 0),
    "河北省": (StageChange.NEW, [], 0),
    "武漢市": (StageChange.NOT_REPORTED, [], 0),
    "天津市": (StageChange.UNCHANGED, [ActivityChange.RECOUNTED], 0),
    "環境保護部": (StageChange.UNCHANGED, [], 0),
    "瀋陽市": (StageChange.UNCHANGED, [], 0),
}


@pytest.mark.parametrize("entity", EXPECTED)
def test_every_kind_of_change(two_snapshots, entity) -> None:
    [change] = [c for c in compare(two_snapshots, OLD, NEW) if c.entity == entity]
    stage, activities, events = EXPECTED[entity]
    assert (change.stage, [d.change for d in change.activities], len(change.new_events)) == (stage, activities, events)
    assert change.changed == (entity not in ("環境保護部", "瀋陽市"))


def test_changes_come_first_in_the_order_of_their_kind(two_snapshots) -> None:
    changes = compare(two_snapshots, OLD, NEW)
    assert [c.entity for c in changes[:5]] == ["北京市", "上海市", "河北省", "武漢市", "天津市"]
    assert not any(c.changed for c in changes[5:]) and len(changes) == 10  # 9 in 2014 + 河北省


def test_the_recount_keeps_both_counts(two_snapshots) -> None:
    [change] = [c for c in compare(two_snapshots, OLD, NEW) if c.entity == "天津市"]
    [diff] = change.activities
    assert (diff.before.count, diff.before.qualifier, diff.after.count, diff.after.qualifier) == (
        1, CountQualifier.AT_LEAST, 3, CountQualifier.EXACTLY)


def test_one_snapshot_compared_with_itself_is_refused(bundled_dataset) -> None:
    with pytest.raises(ValueError):
        compare(bundled_dataset, OLD, OLD)


def _activity(two_snapshots, entity: str, kind: str, **changes):
    [a] = [a for a in two_snapshots.history[entity][0].activities if a.kind == kind]
    return replace(a, **changes)


def test_activity_diffs_table(two_snapshots) -> None:
    a = _activity(two_snapshots, "天津市", ActivityKind.EXPERT_DISPATCH)
    b = _activity(two_snapshots, "天津市", ActivityKind.TRAINING_IN_JAPAN)
    same_text_new_count = replace(a, count=2, qualifier=CountQualifier.EXACTLY)
    rows = [
        ((a, b), (a, b), []),
        ((a,), (a, b), [(ActivityChange.ADDED, b)]),
        ((a, b), (b,), [(ActivityChange.REMOVED, a)]),
        ((a,), (same_text_new_count,), [(ActivityChange.RECOUNTED, same_text_new_count)]),
        ((a,), (replace(a, text=b.text),), []),  # reworded, same count: not a change of the count
        ((a, replace(a, count=5)), (a,), [(ActivityChange.REMOVED, replace(a, count=5))]),  # two of one kind
    ]
    for before, after, expected in rows:
        assert [(d.change, d.activity) for d in activity_diffs(before, after)] == expected


def test_new_events_are_those_the_older_entry_did_not_list(two_snapshots) -> None:
    old, new = two_snapshots.history["北京市"]
    [event] = new_events(old.events, new.events)
    assert (event.year, event.month) == (2015, 2)
    assert new_events(new.events, new.events) == ()
    planned = replace(new.events[0], status=EventStatus.PLANNED)
    assert new_events((planned,), (new.events[0],)) == (new.events[0],)  # planned → done is news


def test_the_default_comparison_is_the_snapshot_before(two_snapshots, bundled_dataset) -> None:
    assert previous_date(two_snapshots, None) == OLD and previous_date(two_snapshots, OLD) is None
    assert comparison(two_snapshots, None) == OLD
    assert comparison(two_snapshots, NEW) == OLD  # not before the date viewed: the default instead
    assert comparison(two_snapshots.at(OLD), None) is None
    assert comparison(bundled_dataset, None) is None and changed_keys(bundled_dataset, None) == frozenset()
    assert changed_keys(two_snapshots, OLD) == {"北京市", "上海市", "河北省", "武漢市", "天津市"}


@pytest.mark.parametrize(
    ("query", "since", "ignored"),
    [
        ({"since": OLD}, OLD, []),
        ({"since": NEW}, "", [Ignored("since", NEW, "since_not_before")]),
        ({"since": OLD, "asof": OLD}, "", [Ignored("since", OLD, "since_not_before")]),
        ({"since": "2014-06-01"}, "", [Ignored("since", "2014-06-01")]),
    ],
)
def test_since_must_be_a_snapshot_before_the_date_shown(two_snapshots, query, since, ignored) -> None:
    state, found = parse_query(query, two_snapshots)
    assert state["since"] == since and found == ignored


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_the_change_list_is_in_the_readers_language(two_snapshots, lang) -> None:
    frame = changes_frame(compare(two_snapshots, OLD, NEW), two_snapshots, lang)
    change, stage = frame[t("col.change", lang)], frame[t("col.stage_change", lang)]
    assert list(change[:5]) == [t(f"change.{k}", lang) for k in ("advanced", "went_back", "new", "not_reported",
                                                                   "unchanged")]
    assert stage[0] == f"{t('label.in_coordination', lang)} → {t('label.nearly_agreed', lang)}"
    assert stage[2] == f"{t('label.no_status', lang)} → {t('label.consultation_planned', lang)}"
    assert "3" in frame[t("col.activity_changes", lang)][4]


@pytest.mark.parametrize(
    ("asof", "offered"),
    [("", ["", OLD]), (NEW, ["", OLD]), (OLD, [""])],
)
def test_a_comparison_offers_only_the_dates_before_the_one_shown(two_snapshots, asof, offered) -> None:
    """What the "compare with" list offers is what an address can hold: reloading it shows the same view."""
    since = next(p for p in PARAMS if p.name == "since")
    assert list(since.options(Allowed(two_snapshots, shown=asof))) == offered
    for date in offered:
        state, ignored = parse_query({"asof": asof, "since": date} if asof else {"since": date}, two_snapshots)
        assert state["since"] == date and not ignored
