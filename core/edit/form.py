"""The edit page's form as plain data: pre-filled from the latest snapshot, turned into CSV rows.

Every value is text, exactly as typed (a count is "2", a year may be "平成26年", a text may start
with "="): the loader decides what is valid when the rows are saved (`core.edit.save`), so the form
and a file edited in Excel are checked by the same rules and worded by the same messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from common.i18n import LANGS
from core.data.loading import ACTIVITIES, EVENTS, STATUSES
from core.data.models import Activity, Country, Dataset, Event, Stage

TEXTS = tuple(f"text_{lang}" for lang in LANGS)
ACTIVITY_COLUMNS = ("kind", "count", "qualifier", "fiscal_year", "counterparts", "themes", *TEXTS)
EVENT_COLUMNS = ("year", "month", "timing", "status", *TEXTS)

Line = dict[str, str]  # one activity or event: column → text


@dataclass
class EntryDraft:
    """One entity's entry in the new snapshot; `stage` no_status = no entry (nothing written)."""

    stage: str = Stage.NO_STATUS.value
    counterparts: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    text: dict[str, str] = field(default_factory=dict)  # language → text
    activities: list[Line] = field(default_factory=list)
    events: list[Line] = field(default_factory=list)


def entities(dataset: Dataset) -> list[str]:
    """The entities a snapshot describes: every Chinese place and national body, in file order."""
    return [key for key, place in dataset.places.items() if place.country == Country.CN]


def _joined(values: tuple[object, ...]) -> str:
    return ";".join(str(v) for v in values)


def _texts(names: Mapping[str, str]) -> dict[str, str]:
    """`text_<lang>` columns of a text (a translation left out stays empty, not the Japanese)."""
    return {f"text_{lang}": names[lang] if lang in names else "" for lang in LANGS}


def _activity_line(a: Activity) -> Line:
    return {"kind": a.kind.value, "count": "" if a.count is None else str(a.count), "qualifier": a.qualifier.value,
            "fiscal_year": "" if a.fiscal_year is None else str(a.fiscal_year),
            "counterparts": _joined(a.counterparts), "themes": _joined(a.themes),
            **_texts(a.text)}


def _event_line(e: Event) -> Line:
    return {"year": str(e.year), "month": str(e.month), "timing": e.timing.value, "status": e.status.value,
            **_texts(e.text)}


def prefill(dataset: Dataset, key: str) -> EntryDraft:
    """An entity's entry as its latest snapshot left it (an empty one when it has none)."""
    status = dataset.status_of(key)
    if status is None:
        return EntryDraft()
    return EntryDraft(
        stage=status.stage.value, counterparts=list(status.counterparts), themes=[t.value for t in status.themes],
        text={lang: status.text[lang] if lang in status.text else "" for lang in LANGS},
        activities=[_activity_line(a) for a in status.activities], events=[_event_line(e) for e in status.events],
    )


def fill_values(dataset: Dataset) -> dict[str, str]:
    """What existing activity/event rows get in an `as_of` column their file lacks: the data's one
    snapshot date (a file without that column may only exist while there is one snapshot)."""
    return {"as_of": dataset.dates[0]} if len(dataset.dates) == 1 else {}


def _filled(line: Mapping[str, str]) -> bool:
    """A line with anything typed in it (the table's empty new row is not an activity)."""
    return any(str(v or "").strip() for v in line.values())


def snapshot_rows(as_of: str, entries: Mapping[str, EntryDraft], source: str) -> dict[str, list[Line]]:
    """The rows of statuses.csv, activities.csv and events.csv that record the snapshot `as_of`."""
    rows: dict[str, list[Line]] = {STATUSES: [], ACTIVITIES: [], EVENTS: []}
    for key, entry in entries.items():
        if entry.stage == Stage.NO_STATUS.value:
            continue
        base = {"entity": key, "as_of": as_of}
        rows[STATUSES].append({
            **base, "stage": entry.stage, "counterparts": ";".join(entry.counterparts),
            "themes": ";".join(entry.themes),
            **{f"text_{lang}": entry.text.get(lang, "") for lang in LANGS}, "source": source,
        })
        for kind, columns, lines in ((ACTIVITIES, ACTIVITY_COLUMNS, entry.activities),
                                     (EVENTS, EVENT_COLUMNS, entry.events)):
            rows[kind] += [{**base, **{c: str(line.get(c) or "") for c in columns}, "source": source}
                           for line in lines if _filled(line)]
    return rows
