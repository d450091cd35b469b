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


def test_a_names_only_file_is_placed_offline_and_the_unknown_listed(resolve):
    from core.data.errors import DataError
    from core.overlay.importing import import_overlay

    data = "日本側,中国側\n神戸市,天津市\n四日市市,Tianjin\nAtlantis,天津市\n".encode("cp932")  # FICTIONAL list
    overlay = import_overlay("fictional-names.csv", data, resolve).overlay
    assert [(overlay.places[l.a].name, overlay.places[l.b].name) for l in overlay.links] == [
        ("神戸市", "天津市"), ("四日市市", "Tianjin")]
    assert [(p.region, p.country) for p in overlay.places] == [
        ("兵庫県", "JP"), ("天津市", "CN"), ("三重県", "JP"), ("天津市", "CN")]
    assert all(overlay.is_japan_china(link) for link in overlay.links)
    [problem] = overlay.problems
    found = (problem.problem, problem.line, problem.column, problem.value)
    assert found == ("unresolved_place", 4, "日本側", "Atlantis")
    assert "Atlantis" in DataError.of(problem).message("zh")
