"""core/room/share.py: who counts as the laptop itself, and which of its addresses others are shown."""

from __future__ import annotations

import pytest

from core.room.share import is_laptop, share_addresses, share_url


@pytest.mark.parametrize(("client", "laptop"), [
    (None, True),  # Streamlit's reading of 127.0.0.1 and ::1
    ("127.0.0.1", True),
    ("::1", True),
    ("127.0.0.2", False),  # loopback, but not the laptop's own browser as Streamlit sees it: another "device"
    ("192.168.1.23", False),
    ("::ffff:192.168.1.23", False),
    ("fe80::1", False),
    ("", False),
])
def test_only_127_0_0_1_and_ipv6_loopback_are_the_laptop(client: str | None, laptop: bool) -> None:
    assert is_laptop(client) is laptop


@pytest.mark.parametrize(("addresses", "shown"), [
    ([], []),
    (["127.0.0.1", "::1", "00:00:00:00:00:00"], []),  # loopback and a MAC address only: no network
    (["169.254.10.3"], []),  # link-local: the Wi-Fi gave no address yet
    (["127.0.0.1", "192.168.10.5", "fe80::1%wlan0", "fd00::2"], ["192.168.10.5"]),
    (["100.64.0.5", "10.0.0.7"], ["10.0.0.7", "100.64.0.5"]),  # a private (venue) network first
    (["10.0.0.7", "10.0.0.7", "172.16.3.1"], ["10.0.0.7", "172.16.3.1"]),  # each once, in order
    (["0.0.0.0", "224.0.0.1", "not an address"], []),
])
def test_share_addresses(addresses: list[str], shown: list[str]) -> None:
    assert share_addresses(addresses) == shown


def test_share_url() -> None:
    assert share_url("192.168.10.5", 8501) == "http://192.168.10.5:8501/"
