"""ui/share.py's panel: while the server is shared (`--share`), the laptop's own sessions show the
address others open and its QR code; a participant's device, or a server not shared, shows neither."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import psutil
import pytest
from apptest_kit import APP, assert_no_exception, shown_text
from streamlit.testing.v1 import AppTest

from common.i18n import t
from tests.pages.conftest import client_from

INTERFACES = {  # a laptop on a venue's Wi-Fi, as psutil reads it
    "lo": [SimpleNamespace(address="127.0.0.1"), SimpleNamespace(address="::1")],
    "wlan0": [SimpleNamespace(address="02:fc:00:00:00:01"), SimpleNamespace(address="192.168.10.5")],
}


def _app(monkeypatch: pytest.MonkeyPatch, *, shared: bool, client: str, interfaces: dict = INTERFACES,
         lang: str = "ja") -> AppTest:
    monkeypatch.setattr(sys, "argv", ["app.py", *(["--share"] if shared else [])])
    monkeypatch.setattr(psutil, "net_if_addrs", lambda: interfaces)
    client_from(client, monkeypatch)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["lang"] = lang
    return at.run()


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_the_laptop_shows_the_address_and_its_qr_code_while_shared(monkeypatch, lang: str) -> None:
    at = _app(monkeypatch, shared=True, client="127.0.0.1", lang=lang)
    assert_no_exception(at)
    assert t("share.title", lang) in shown_text(at) and t("share.hint", lang) in shown_text(at)
    assert [c.value for c in at.code if c.value.startswith("http://")] == ["http://192.168.10.5:8501/"]
    assert len(at.get("image")) == 1  # the QR code


@pytest.mark.parametrize(("shared", "client"), [(True, "192.168.10.77"), (True, "127.0.0.2"), (False, "127.0.0.1")])
def test_no_panel_for_a_device_or_when_not_shared(monkeypatch, shared: bool, client: str) -> None:
    at = _app(monkeypatch, shared=shared, client=client)
    assert_no_exception(at)
    assert t("share.title", "ja") not in shown_text(at)


def test_a_laptop_on_no_network_is_told_so(monkeypatch) -> None:
    at = _app(monkeypatch, shared=True, client="::1", interfaces={"lo": INTERFACES["lo"]})
    assert t("share.no_network", "ja") in shown_text(at)
