"""The edit page: hidden unless the server allows editing, behind a password, and a save that loads.

Always on a tmp copy of data/ (`data_folder`), never the bundled folder. The snapshots saved here
are FICTIONAL test data (dated 2015-06-30)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from apptest_kit import APP, LANGS, assert_no_exception, shown_text
from streamlit.testing.v1 import AppTest

from common.i18n import t
from core.data.loading import STATUSES, load_dataset
from core.edit.save import HISTORY
from core.report.wording import markdown_text
from tests.pages.conftest import client_from
from ui import edit_access

EDIT = "pages/edit.py"
PASSWORD = "fictional-test-password-ü"
FIRST_FORM = "edit:1"  # the widget-key prefix of the first form a session opens


def _labels(at: AppTest) -> list[str]:
    return [info["page_name"] for info in at._registered_pages.values()]


def _edit_page(secrets: dict, lang: str = "ja") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = lang
    at.secrets.update(secrets)
    at.run()
    return at.switch_page(EDIT).run()


def _unlocked(lang: str = "ja") -> AppTest:
    at = _edit_page({"editing": {"password": PASSWORD}}, lang)
    at.main.text_input[0].input(PASSWORD)
    return _submit(at, t("edit.unlock", lang))


def _submit(at: AppTest, label: str) -> AppTest:
    [button] = [b for b in at.main.button if b.label == label]
    return button.click().run()


@pytest.fixture
def editing(data_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("JCAIR_ALLOW_EDIT", "1")
    monkeypatch.setattr(edit_access, "WRONG_PASSWORD_PAUSE_S", 0)
    edit_access.guard.clear()  # the server-wide count of wrong passwords starts at zero for each test
    yield data_folder
    edit_access.guard.clear()


def test_the_page_is_not_in_the_navigation_unless_the_server_allows_editing(data_folder, monkeypatch) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert t("page.edit", "ja") not in _labels(at) and len(_labels(at)) == 4
    monkeypatch.setenv("JCAIR_ALLOW_EDIT", "1")
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert _labels(at)[-1] == t("page.edit", "ja")


@pytest.mark.parametrize("secrets", [{"other": "x"}, {"editing": {"password": ""}}, {"editing": "not a table"}])
def test_no_configured_password_refuses_editing_and_says_how_to_set_one(editing, secrets) -> None:
    at = _edit_page(secrets)
    assert_no_exception(at)
    assert t("edit.no_password", "ja") in shown_text(at)
    assert '[editing]\npassword = "…"' in [c.value for c in at.code]
    assert not at.main.text_input and not at.date_input


def test_a_wrong_password_is_refused_and_never_shown(editing) -> None:
    at = _edit_page({"editing": {"password": PASSWORD}})
    at.main.text_input[0].input("guess")
    at = _submit(at, t("edit.unlock", "ja"))
    assert t("edit.wrong_password", "ja") in shown_text(at)
    assert not at.date_input
    assert PASSWORD not in shown_text(at) and "guess" not in shown_text(at)


def test_many_wrong_passwords_shut_the_gate_for_every_session_even_to_the_right_one(editing) -> None:
    at = _edit_page({"editing": {"password": PASSWORD}})
    for guess in range(edit_access.GUESS_LIMIT):
        at.main.text_input[0].input(f"guess {guess}")
        at = _submit(at, t("edit.unlock", "ja"))
    shut = t("edit.locked", "ja", minutes=15)
    assert shut in shown_text(at) and not at.main.text_input
    other = _edit_page({"editing": {"password": PASSWORD}}, "en")  # a new browser session
    assert t("edit.locked", "en", minutes=15) in shown_text(other) and not other.main.text_input
    edit_access.guard().succeed()  # (the window passing, or the server restarting)
    assert _unlocked().date_input


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_password_opens_the_form_pre_filled_in_every_language(editing, lang: str) -> None:
    at = _unlocked(lang)
    assert_no_exception(at)
    assert at.date_input(key=f"{FIRST_FORM}:as_of").value == dt.date.today()
    assert at.selectbox(key=f"{FIRST_FORM}:天津市:stage").value == "nearly_agreed"
    assert at.selectbox(key=f"{FIRST_FORM}:唐山市:stage").value == "no_status"
    assert at.text_area(key=f"{FIRST_FORM}:北京市:text_ja").value.startswith("・2014年4月")
    assert t("edit.intro", lang) in shown_text(at)


def test_saving_a_snapshot_then_it_loads_and_the_old_files_are_in_history(editing) -> None:
    at = _unlocked()
    at.date_input(key=f"{FIRST_FORM}:as_of").set_value(dt.date(2015, 6, 30))
    at.selectbox(key=f"{FIRST_FORM}:北京市:stage").set_value("nearly_agreed")
    at.text_area(key=f"{FIRST_FORM}:北京市:text_ja").input("=架空のテスト（FICTIONAL）")
    at = _submit(at, t("edit.save", "ja"))
    assert_no_exception(at)
    assert any("2015年6月30日" in s.value for s in at.success), shown_text(at)
    dataset = load_dataset(editing)
    beijing = dataset.status_of("北京市")
    recorded = (beijing.as_of, beijing.stage, beijing.text.ja)
    assert recorded == ("2015-06-30", "nearly_agreed", "=架空のテスト（FICTIONAL）")
    assert dataset.dates == ("2014-05-31", "2015-06-30")
    [backup] = [p for p in (editing / HISTORY).iterdir() if p.is_dir()]
    assert (backup / STATUSES).exists()
    # The form opens again from the new data: a second save needs no reload.
    assert at.selectbox(key="edit:2:北京市:stage").value == "nearly_agreed"


def test_a_file_changed_on_disk_refuses_the_save_and_keeps_what_was_typed(editing) -> None:
    at = _unlocked()
    at.selectbox(key=f"{FIRST_FORM}:上海市:stage").set_value("in_coordination")
    at.text_area(key=f"{FIRST_FORM}:上海市:text_en").input("typed at the meeting (FICTIONAL)")
    before = (editing / STATUSES).read_bytes()
    (editing / STATUSES).write_bytes(before + b"\n")  # "saved in Excel" meanwhile
    at = _submit(at, t("edit.save", "ja"))
    assert_no_exception(at)
    assert any(markdown_text(STATUSES) in e.value for e in at.error), [e.value for e in at.error]
    assert (editing / STATUSES).read_bytes() == before + b"\n"
    assert at.selectbox(key=f"{FIRST_FORM}:上海市:stage").value == "in_coordination"
    assert at.text_area(key=f"{FIRST_FORM}:上海市:text_en").value == "typed at the meeting (FICTIONAL)"


def test_invalid_values_are_listed_like_a_bad_file(editing) -> None:
    at = _unlocked("en")
    at.text_area(key=f"{FIRST_FORM}:北京市:text_ja").input("")  # the original text is required
    at = _submit(at, t("edit.save", "en"))
    assert t("save.refused.invalid", "en", files=STATUSES).split("(")[0] in shown_text(at)
    [problems] = [c.value for c in at.code]
    assert "statuses.csv" in problems and "text_ja" in problems
    assert load_dataset(editing).dates == ("2014-05-31",)


def test_another_device_gets_no_edit_page_even_when_the_server_allows_editing(editing, monkeypatch) -> None:
    client_from("192.168.1.23", monkeypatch)  # a phone on the venue's network (run.py --share)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert t("page.edit", "ja") not in _labels(at)


def test_a_save_is_refused_when_it_comes_from_another_device(editing, monkeypatch) -> None:
    """Asked on the run that writes, not only when the page is listed: nothing is written."""
    at = _unlocked()
    at.selectbox(key=f"{FIRST_FORM}:北京市:stage").set_value("nearly_agreed")
    before = {p.name: p.read_bytes() for p in editing.glob("*.csv")}
    client_from("127.0.0.2", monkeypatch)
    at = _submit(at, t("edit.save", "ja"))
    assert_no_exception(at)
    assert {p.name: p.read_bytes() for p in editing.glob("*.csv")} == before
    assert not (editing / HISTORY).exists()
