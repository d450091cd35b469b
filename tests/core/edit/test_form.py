"""The edit form as data: pre-filled from the latest snapshot, turned back into rows the loader reads.
Snapshots written here are FICTIONAL test data (dated 2015, source marked as such)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from core.data.loading import ACTIVITIES, EVENTS, STATUSES, load_dataset
from core.data.models import Country, Stage
from core.edit.form import EntryDraft, entities, fill_values, prefill, snapshot_rows
from core.edit.save import fingerprint, save_rows

FICTIONAL = "FICTIONAL test data"


def test_the_form_lists_every_chinese_entity_status_or_not(bundled_dataset) -> None:
    keys = entities(bundled_dataset)
    assert set(keys) == {k for k, p in bundled_dataset.places.items() if p.country == Country.CN}
    assert {"遼寧省", "河北省", "唐山市"} <= set(keys)  # no Table 2 entry: in the form, at no_status
    assert prefill(bundled_dataset, "唐山市") == EntryDraft()


def test_prefill_copies_the_latest_entry_as_text(bundled_dataset) -> None:
    draft = prefill(bundled_dataset, "天津市")
    status = bundled_dataset.status_of("天津市")
    assert draft.stage == status.stage == Stage.NEARLY_AGREED and draft.text["ja"] == status.text.ja
    first = draft.activities[0]
    assert (first["kind"], first["count"], first["qualifier"], first["fiscal_year"], first["counterparts"]) == (
        "expert_dispatch", "1", "at_least", "2014", "四日市市")
    assert draft.events[0]["month"] == str(status.events[0].month)


@pytest.mark.parametrize(
    ("entry", "files"),
    [
        (EntryDraft(), {STATUSES: 0, ACTIVITIES: 0, EVENTS: 0}),  # no status: nothing recorded
        (EntryDraft(stage="in_coordination", text={"ja": "架空"}), {STATUSES: 1, ACTIVITIES: 0, EVENTS: 0}),
        (EntryDraft(stage="in_coordination", text={"ja": "架空"},
                    # 2nd: the empty new row
                    activities=[{"kind": "seminar", "count": None}, {"kind": "", "count": " "}],
                    events=[{"year": "2015", "month": "7"}]),
         {STATUSES: 1, ACTIVITIES: 1, EVENTS: 1}),
    ],
)
def test_rows_skip_entities_without_status_and_empty_lines(entry: EntryDraft, files: dict[str, int]) -> None:
    rows = snapshot_rows("2015-06-30", {"北京市": entry}, FICTIONAL)
    assert {name: len(r) for name, r in rows.items()} == files
    for row in (r for rs in rows.values() for r in rs):
        assert (row["entity"], row["as_of"], row["source"]) == ("北京市", "2015-06-30", FICTIONAL)
        assert all(isinstance(v, str) for v in row.values())


def test_an_unchanged_form_saves_the_same_snapshot_under_the_new_date(data_copy: Path) -> None:
    """The round trip form → rows → loader keeps every value: the copy equals the original but for
    its date and source."""
    dataset = load_dataset(data_copy)
    drafts = {key: prefill(dataset, key) for key in entities(dataset)}
    save_rows(data_copy, snapshot_rows("2015-06-30", drafts, FICTIONAL), fingerprint(data_copy), fill_values(dataset))
    after = load_dataset(data_copy)
    assert after.dates == ("2014-05-31", "2015-06-30")
    for key, entries in dataset.history.items():
        old, new = entries[-1], after.status_of(key)
        assert new.as_of == "2015-06-30" and new.source == FICTIONAL
        assert replace(new, as_of=old.as_of, source=old.source, activities=(), events=()) == replace(
            old, activities=(), events=())
        assert [replace(a, as_of=old.as_of, source="") for a in new.activities] == [
            replace(a, source="") for a in old.activities]
        unsourced = [replace(e, source="") for e in old.events]
        assert [replace(e, as_of=old.as_of, source="") for e in new.events] == unsourced
