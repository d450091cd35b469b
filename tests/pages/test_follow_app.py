"""ui/follow.py in the app: the laptop's sessions publish their view; a participant's device on a
shared server gets the switch and, while it is on, the presenter's view in its own language."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from apptest_kit import APP, assert_no_exception, shown_text
from streamlit.testing.v1 import AppTest

from common.i18n import t
from tests.pages.conftest import client_from
from ui import follow

SWITCH = "jcm_following"


@pytest.fixture(autouse=True)
def _fresh_slot(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(sys, "argv", ["app.py", "--share"])
    follow.slot.clear()
    yield
    follow.slot.clear()


def _session(monkeypatch: pytest.MonkeyPatch, client: str, **query: str) -> AppTest:
    client_from(client, monkeypatch)
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_the_laptop_publishes_its_view_without_its_language(monkeypatch) -> None:
    _session(monkeypatch, "127.0.0.1", lang="ja", place="天津市", color="stage")
    latest = follow.slot().latest()
    assert latest.version == 1 and latest.query == {"place": ["天津市"], "color": ["stage"]}


def test_a_device_does_not_publish(monkeypatch) -> None:
    _session(monkeypatch, "192.168.10.77", place="北京市")
    assert follow.slot().latest().version == 0


@pytest.mark.parametrize(("shared", "client", "offered"), [
    (True, "192.168.10.77", True), (True, "127.0.0.1", False), (False, "192.168.10.77", False),
])
def test_only_a_device_on_a_shared_server_gets_the_switch(monkeypatch, shared: bool, client: str,
                                                          offered: bool) -> None:
    monkeypatch.setattr(sys, "argv", ["app.py", *(["--share"] if shared else [])])
    at = _session(monkeypatch, client, lang="zh")
    assert_no_exception(at)
    assert [x.label for x in at.toggle if x.key == SWITCH] == ([t("follow.switch", "zh")] if offered else [])


def test_following_takes_the_presenter_s_view_in_the_device_s_language_then_stop_and_rejoin(monkeypatch) -> None:
    laptop = _session(monkeypatch, "127.0.0.1", lang="ja", place="天津市")
    device = _session(monkeypatch, "192.168.10.77", lang="zh")
    assert device.session_state["place"] is None
    device.toggle(key=SWITCH).set_value(True).run()
    assert_no_exception(device)
    assert (device.session_state["place"], device.session_state["lang"]) == ("天津市", "zh")
    assert t("follow.on", "zh") in shown_text(device)

    device.toggle(key=SWITCH).set_value(False).run()  # exploring on its own
    client_from("127.0.0.1", monkeypatch)
    laptop.query_params["place"] = "北京市"
    laptop.session_state["place"] = "北京市"
    laptop.run()
    assert follow.slot().latest().query["place"] == ["北京市"]
    client_from("192.168.10.77", monkeypatch)
    device.run()
    assert device.session_state["place"] == "天津市"  # not following: its own view stays
    device.toggle(key=SWITCH).set_value(True).run()  # rejoin: the view it missed
    assert device.session_state["place"] == "北京市"


def test_a_new_view_of_the_laptop_wakes_each_follower_and_only_them(monkeypatch) -> None:
    """No polling: the laptop's new view asks the server for a run of each following session, to start
    WAKE_DELAY_S later (the presenter's own screen first)."""
    woken: list[tuple[str, float]] = []
    monkeypatch.setattr(follow, "rerun_session", lambda session, delay: woken.append((session, delay)) or True)
    follow.followers.clear()
    laptop = _session(monkeypatch, "127.0.0.1", lang="ja", place="天津市")
    device = _session(monkeypatch, "192.168.10.77", lang="zh")
    idle = _session(monkeypatch, "192.168.10.78", lang="zh")  # has the switch, not on
    device.toggle(key=SWITCH).set_value(True).run()
    assert_no_exception(idle)
    client_from("127.0.0.1", monkeypatch)
    laptop.run()  # the same view again: nobody is woken
    assert woken == []
    laptop.query_params["place"] = "北京市"
    laptop.session_state["place"] = "北京市"
    laptop.run()
    assert len(woken) == 1 and woken[0][1] == follow.WAKE_DELAY_S > 0  # the follower, not the idle device
    client_from("192.168.10.77", monkeypatch)
    device.toggle(key=SWITCH).set_value(False).run()  # stopped following: no longer woken
    client_from("127.0.0.1", monkeypatch)
    laptop.session_state["place"] = "天津市"
    laptop.run()
    assert len(woken) == 1


def test_a_follower_whose_browser_has_gone_is_forgotten(monkeypatch) -> None:
    asked: list[str] = []
    gone = {"b"}
    monkeypatch.setattr(follow, "rerun_session", lambda session, delay: asked.append(session) or session not in gone)
    followers = follow.Followers()
    for session in ("a", "b"):
        followers.mark(session, True)
    followers.wake()
    followers.wake()
    assert sorted(asked) == ["a", "a", "b"]  # "b" asked once: then forgotten
