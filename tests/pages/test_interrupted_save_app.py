"""A save killed half-way is ended when the app next starts, before any data is shown, with or
without --allow-edit, and the reader is told which way (FICTIONAL snapshot: see save_kill.py)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from apptest_kit import assert_no_exception, open_app, texts

from common import atomicwrite
from common.i18n import t
from core.data.loading import load_dataset
from core.edit.save import HISTORY, JOURNAL
from core.report.wording import markdown_text
from tests.core.edit.save_kill import AS_OF, interrupt

FILES = {"ja": "statuses.csv、activities.csv、events.csv", "en": "statuses.csv, activities.csv, and events.csv"}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("editing", ["", "1"])
def test_a_committed_save_is_completed_and_said(data_folder: Path, monkeypatch, lang: str, editing: str) -> None:
    """The issue's case: statuses.csv replaced, activities.csv and events.csv not yet, then a kill.
    Without the journal the app refused the folder (activities.csv needs an as_of column)."""
    monkeypatch.setenv("JCAIR_ALLOW_EDIT", editing)
    interrupt(data_folder, "replace:activities.csv")
    at = open_app(query={"lang": lang})
    assert_no_exception(at)
    [backup] = [p for p in (data_folder / HISTORY).iterdir() if p.is_dir()]
    said = t("save.recovered.completed", lang, files=FILES[lang], backup=str(backup))
    assert texts(at.warning) == [markdown_text(said)] and at.title and not at.error
    assert load_dataset(data_folder).status_of("北京市").as_of == AS_OF
    assert not (data_folder / HISTORY / JOURNAL).exists()
    at.run()
    assert not at.warning  # said once to a session


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_save_killed_before_its_commit_is_undone_and_said(data_folder: Path, lang: str) -> None:
    before = {p.name: p.read_bytes() for p in data_folder.glob("*.csv")}
    interrupt(data_folder, "unlink:.events.csv.saving")  # backup and two new files written, then a kill
    at = open_app(query={"lang": lang})
    assert_no_exception(at)
    assert texts(at.warning) == [markdown_text(t("save.recovered.rolled_back", lang, files=FILES[lang]))]
    assert {p.name: p.read_bytes() for p in data_folder.glob("*.csv")} == before and at.title
    assert sorted(p.name for p in data_folder.iterdir()) == sorted([*before, HISTORY])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_save_that_cannot_be_ended_shows_no_data(data_folder: Path, monkeypatch, lang: str) -> None:
    """The half-saved folder is never drawn: the reader is told why and what to do."""
    interrupt(data_folder, "replace:activities.csv")

    def held(src, dst):
        raise PermissionError(errno.EACCES, "held by Excel")

    monkeypatch.setattr(atomicwrite.os, "replace", held)
    monkeypatch.setattr(atomicwrite, "REPLACE_PAUSE_S", 0)
    at = open_app(query={"lang": lang})
    assert_no_exception(at)
    said = t("save.recovery.failed", lang, folder=str(data_folder), files=FILES[lang], detail="EACCES")
    assert texts(at.error) == [markdown_text(said)] and not at.title and not at.warning
