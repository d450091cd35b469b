"""What changed between two snapshots: per entity, its stage before → after, its activities added,
removed or recounted, and its new events.

The first question at a coordination meeting is "what moved since last time?"; this answers it
from `Dataset.history` alone (pure, no I/O). Each side is what the map shows at that date (an
entity's latest entry on or before it), so the list agrees with the map at `since` and at `as_of`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.data.models import Activity, Dataset, Event, Stage, Status

_STAGE_ORDER = list(Stage)  # most advanced first


class StageChange(StrEnum):
    """How an entity's stage moved; the order is the order of the change list."""

    ADVANCED = "advanced"
    WENT_BACK = "went_back"
    NEW = "new"  # no entry at `since`, one at `as_of`
    NOT_REPORTED = "not_reported"  # an entry at `since`, none in the newer snapshot
    UNCHANGED = "unchanged"


class ActivityChange(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    RECOUNTED = "recounted"  # its count or how the count is qualified changed


@dataclass(frozen=True)
class ActivityDiff:
    change: ActivityChange
    before: Activity | None
    after: Activity | None

    @property
    def activity(self) -> Activity:
        """The activity as it is now (as it was, when removed)."""
        return self.after or self.before  # type: ignore[return-value]


@dataclass(frozen=True)
class EntityChange:
    entity: str  # Place key
    stage: StageChange
    before: Status | None  # None: no entry yet at `since`
    after: Status  # the status shown at `as_of` (an older one when not re-reported)
    activities: tuple[ActivityDiff, ...] = ()
    new_events: tuple[Event, ...] = ()

    @property
    def changed(self) -> bool:
        return self.stage is not StageChange.UNCHANGED or bool(self.activities or self.new_events)


def _stage_change(before: Status | None, after: Status, since: str) -> StageChange:
    if before is None:
        return StageChange.NEW
    if after.as_of == since:  # reported at `since`, nothing newer: the newer snapshot left it out
        return StageChange.NOT_REPORTED
    rank_before, rank_after = _STAGE_ORDER.index(before.stage), _STAGE_ORDER.index(after.stage)
    if rank_after < rank_before:
        return StageChange.ADVANCED
    return StageChange.WENT_BACK if rank_after > rank_before else StageChange.UNCHANGED


def _by_kind(activities: tuple[Activity, ...]) -> dict[tuple[str, int], Activity]:
    """Activities keyed by (kind, n-th of that kind): an entry rarely has two of one kind, and when
    it has, they are paired in the order written."""
    seen: dict[str, int] = {}
    keyed = {}
    for a in activities:
        seen[a.kind] = seen.get(a.kind, 0) + 1
        keyed[(a.kind.value, seen[a.kind])] = a
    return keyed


def activity_diffs(before: tuple[Activity, ...], after: tuple[Activity, ...]) -> tuple[ActivityDiff, ...]:
    """Activities added, removed or recounted, in the newer entry's order, removed ones last."""
    old, new = _by_kind(before), _by_kind(after)
    diffs = []
    for key, a in new.items():
        if key not in old:
            diffs.append(ActivityDiff(ActivityChange.ADDED, None, a))
        elif (old[key].count, old[key].qualifier) != (a.count, a.qualifier):
            diffs.append(ActivityDiff(ActivityChange.RECOUNTED, old[key], a))
    diffs += [ActivityDiff(ActivityChange.REMOVED, a, None) for key, a in old.items() if key not in new]
    return tuple(diffs)


def _event_key(e: Event) -> tuple[int, int, str, str, str]:
    return (e.year, e.month, e.timing.value, e.status.value, e.text.ja)


def new_events(before: tuple[Event, ...], after: tuple[Event, ...]) -> tuple[Event, ...]:
    """Events of the newer entry that the older one did not list (a planned event now done is new)."""
    known = {_event_key(e) for e in before}
    return tuple(e for e in after if _event_key(e) not in known)


def compare(dataset: Dataset, since: str, as_of: str) -> tuple[EntityChange, ...]:
    """Every entity with a status at either date, changes first (advanced, went back, new, no longer
    reported, then the rest), each group in the order of the newer stage, then the data's order."""
    if since >= as_of:
        raise ValueError(f"since ({since}) must be before as_of ({as_of})")
    order = list(dataset.places)
    changes = []
    for key in dataset.history:
        before, after = dataset.status_of(key, since), dataset.status_of(key, as_of)
        if after is None:  # no entry yet at either date (an entry at `since` is one at `as_of` too)
            continue
        old_acts, old_events = (before.activities, before.events) if before else ((), ())
        changes.append(EntityChange(key, _stage_change(before, after, since), before, after,
                                    activity_diffs(old_acts, after.activities), new_events(old_events, after.events)))
    kinds = list(StageChange)

    def sort_key(c: EntityChange) -> tuple[int, int, int, int]:
        place = order.index(c.entity) if c.entity in order else len(order)
        return (not c.changed, kinds.index(c.stage), _STAGE_ORDER.index(c.after.stage), place)

    return tuple(sorted(changes, key=sort_key))


def previous_date(dataset: Dataset, as_of: str | None) -> str | None:
    """The snapshot before `as_of` (default: the viewed date): what "since last time" compares with."""
    viewed = as_of or dataset.viewed
    earlier = [d for d in dataset.dates if viewed and d < viewed]
    return earlier[-1] if earlier else None


def comparison(dataset: Dataset, since: str | None) -> str | None:
    """The date the viewed one is compared with: `since` when it is earlier, else the snapshot before."""
    viewed = dataset.viewed
    if since and viewed and since < viewed:
        return since
    return previous_date(dataset, viewed)


def changed_keys(dataset: Dataset, since: str | None) -> frozenset[str]:
    """The entities whose status changed between `since` and the viewed date (none without `since`)."""
    if not since or not dataset.viewed:
        return frozenset()
    return frozenset(c.entity for c in compare(dataset, since, dataset.viewed) if c.changed)
