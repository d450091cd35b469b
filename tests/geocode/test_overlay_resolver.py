"""Names in an overlay file placed offline: the chain without Nominatim, Japan then China unhinted."""

from __future__ import annotations

import socket

import pytest

from geocode.overlay import offline_resolver


@pytest.fixture(scope="module")
def resolve():
    return offline_resolver()


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Tianjin", "", (39.14, 117.18, "CN")),  # not in Japan: found in China
        ("神戸市", "", (34.69, 135.18, "JP")),
        ("Kobe", "JP", (34.69, 135.18, "JP")),
        ("兵庫県", "", (34.69, 135.18, "JP")),  # a prefecture at its seat of government
        ("河北省", "CN", (38.04, 114.48, "CN")),
        ("Boston", "US", (42.36, -71.06, "US")),  # any country the gazetteer has
        ("Atlantis", "", None),
    ],
)
def test_names_are_placed_by_the_offline_gazetteer(resolve, name, country, expected, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the overlay's names must never go online")

    monkeypatch.setattr(socket, "create_connection", no_network)
    found = resolve(name, country)
    assert (found if found is None else (round(found[0], 2), round(found[1], 2), found[2])) == expected
