"""Programme pairs found in an overlay (not drawn twice), once per overlay and programme data.

The overlays here are FICTIONAL, except the reference set, which is read in place."""

from __future__ import annotations

import pytest

from core.data.models import Partnership, RelationType
from core.overlay import settings as overlay_view
from core.overlay.match import fold_name, programme_duplicates
from core.overlay.model import Overlay, OverlayLink, OverlayPlace
from core.overlay.settings import ANSWERS_KEPT, OverlaySettings, pairs_with

COORDS = {"神戸市": (34.6913, 135.183), "天津市": (39.14222, 117.17667), "兵庫県": (34.6913, 135.183),
          "広東省": (23.11667, 113.25)}
NAMES = {"神戸市": ("神戸市", "Kobe", "神户市"), "天津市": ("天津市", "Tianjin"),
         "兵庫県": ("兵庫県", "Hyogo", "兵库县"), "広東省": ("広東省", "Guangdong", "广东省")}
PROGRAMME = (Partnership("神戸市", "天津市", RelationType.FRIENDSHIP, "友好都市", 1973, "fictional test"),
             Partnership("兵庫県", "広東省", RelationType.FRIENDSHIP, "友好県省", 1983, "fictional test"))
PLACES = (
    OverlayPlace("Kobe", "JP", 34.69, 135.19, "兵庫県"),            # 0: 0.4 km from the programme's Kobe
    OverlayPlace("Tianjin", "CN", 39.13, 117.2, "天津市"),          # 1
    OverlayPlace("Hyōgo Prefecture", "JP", 34.9, 134.9, "兵庫県"),   # 2: 34 km away: too far to be one place
    OverlayPlace("Guangdong", "CN", 23.13, 113.26, "広東省"),        # 3
    OverlayPlace("Itami", "JP", 34.78, 135.4, "兵庫県"),            # 4: 22 km from Kobe, another city
    OverlayPlace("Foshan", "CN", 23.02, 113.12, "広東省"),           # 5
    OverlayPlace("Boston", "US", 42.36, -71.06),                    # 6
    OverlayPlace("神戸市", "JP", 34.7, 135.2, "兵庫県"),             # 7
)


def overlay(*pairs: tuple[int, int]) -> Overlay:
    return Overlay("fictional.csv", PLACES, tuple(OverlayLink(a, b, i + 2) for i, (a, b) in enumerate(pairs)))


@pytest.mark.parametrize(
    ("pairs", "names", "expected"),
    [
        ([(0, 1), (1, 0), (7, 1)], NAMES, {0, 1, 2}),  # either order, any language's name
        ([(4, 5), (0, 5), (4, 1)], NAMES, set()),  # near the programme's places, but other cities
        ([(2, 3)], NAMES, set()),  # the right names, too far away
        ([(0, 6), (6, 1)], NAMES, set()),  # one end only
        ([(0, 1), (7, 1)], None, set()),  # without the names in every language: only 神戸市–天津市's key...
        ([(7, 1)], {"天津市": ("Tianjin",)}, {0}),  # ...which names the Japanese end
    ],
)
def test_programme_pairs_are_the_same_two_places(pairs, names, expected):
    assert programme_duplicates(overlay(*pairs), PROGRAMME, COORDS, names) == expected


def test_a_programme_pair_without_coordinates_matches_nothing():
    assert programme_duplicates(overlay((0, 1)), PROGRAMME, {"神戸市": COORDS["神戸市"]}, NAMES) == frozenset()


@pytest.mark.parametrize(
    ("name", "folded"),
    [("Hyōgo Prefecture", "hyogo"), ("兵庫県", "兵庫"), ("Tokyo – Shinjuku", "tokyoshinjuku"), ("ＫＯＢＥ", "kobe"),
     ("Kobe City", "kobe"), ("市", "市")],
)
def test_names_fold_for_comparison(name, folded):
    assert fold_name(name) == folded


def test_reference_set_holds_four_programme_pairs(reference, bundled_dataset):
    from geocode.places import coordinates, load_folder
    from tests.conftest import BUNDLED_DATA

    dataset, cache = load_folder(BUNDLED_DATA)
    coords = coordinates(dataset.places, cache)
    names = {key: tuple(place.names.all()) for key, place in dataset.places.items()}
    ref = reference[0].overlay
    found = programme_duplicates(ref, dataset.partnerships, coords, names)
    shown = sorted(tuple(sorted((ref.places[ref.links[i].a].name, ref.places[ref.links[i].b].name))) for i in found)
    assert shown == [("Beijing", "Tokyo"), ("Kawasaki", "Shenyang"), ("Kobe", "Tianjin"), ("Tianjin", "Yokkaichi")]


def test_the_views_programme_pairs_are_found_once_per_overlay_and_programme(monkeypatch):
    assert OverlaySettings(overlay((0, 1), (4, 5)), True, "all", PROGRAMME, COORDS, NAMES).excluded == {0}
    o = overlay((0, 1), (4, 5))
    calls = []
    monkeypatch.setattr("core.overlay.settings.programme_duplicates", lambda *a: calls.append(a) or frozenset({0}))
    assert OverlaySettings(o, True, "all", PROGRAMME, COORDS, NAMES).excluded == {0}
    assert OverlaySettings(o, False, "japan_china", PROGRAMME, COORDS, NAMES).excluded == {0}  # a later rerun
    assert len(calls) == 1
    assert OverlaySettings(o, True, "all", PROGRAMME[:1], COORDS, NAMES).excluded == {0}  # other programme data
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("query", "scope", "excluded", "expected"),
    [
        ("Tianjin", "all", (), [0, 2]),
        ("tianjin", "all", {0}, [2]),  # any case; the programme's own pair is not listed
        ("天津市", "all", (), [0, 2]),  # the file says "Tianjin": found by its province
        ("ＨＹＯＧＯ", "all", (), [1]),  # full width, no accent, no "Prefecture"
        ("兵庫県", "japan_china", (), [0, 1, 2, 3]),  # by prefecture; Kobe–Boston is not Japan–China
        ("兵庫県", "all", (), [0, 1, 2, 3, 4]),
        ("Bost", "japan_china", (), []),
        ("  ", "all", (), []),
        ("Atlantis", "all", (), []),
    ],
)
def test_pairs_with_a_place_answer_who_else_works_with_it(query, scope, excluded, expected):
    o = overlay((0, 1), (2, 3), (4, 1), (7, 5), (0, 6))
    assert pairs_with(o, query, scope, excluded) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("神戸", [0, 3]),  # the programme's 神戸市 is also "Kobe": the file's Kobe, and its 神戸市
        ("神户市", [0, 3]),  # in Chinese too
        ("广东", [3]),  # 広東省 / Guangdong: found by name, and its province holds Foshan
        ("神", [3]),  # one character widens nothing: only the file's 神戸市 holds it, not its Kobe
    ],
)
def test_a_programme_places_names_in_every_language_find_the_files_spelling(query, expected):
    o = overlay((0, 1), (6, 2), (4, 6), (7, 5))
    assert pairs_with(o, query, "all", (), NAMES) == expected


def test_an_answer_is_kept_for_the_next_rerun_and_only_the_last_ones_are(monkeypatch):
    o = overlay((0, 1), (2, 3), (4, 1), (7, 5), (0, 6))
    scans: list[object] = []
    linked = overlay_view._linked
    monkeypatch.setattr(overlay_view, "_linked", lambda *a: scans.append(a[1]) or linked(*a))
    assert pairs_with(o, "Tianjin", "all") == pairs_with(o, "tianjin ", "all") == [0, 2]  # one question, asked again
    assert len(scans) == 1
    assert pairs_with(o, "Tianjin", "japan_china", {0}) == [2] and len(scans) == 2  # another scope or exclusion
    for n in range(ANSWERS_KEPT + 5):
        pairs_with(o, f"q{n}", "all")
    assert len(o.memo("pairs with", dict)) == ANSWERS_KEPT
    pairs_with(o, "Tianjin", "all")
    assert len(scans) == 2 + ANSWERS_KEPT + 5 + 1  # asked long ago: scanned again
