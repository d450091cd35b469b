"""core/room/follow.py: the presenter's view, versioned, without the language; safe across sessions (threads)."""

from __future__ import annotations

import threading

import pytest

from core.room.follow import Published, Slot, followed_part, follower_query, news


def test_nothing_published_is_version_zero() -> None:
    assert Slot().latest() == Published(0, {})


@pytest.mark.parametrize(("queries", "versions"), [
    ([{"step": "3"}], [1]),
    ([{}], [1]),  # the default view is a view too
    ([{"step": "3"}, {"step": "3"}], [1, 1]),  # a rerun that changed nothing: no new version
    ([{"step": "3", "lang": "ja"}, {"step": "3", "lang": "en"}], [1, 1]),  # the presenter's language is not followed
    ([{"step": "3"}, {"step": "4"}, {"step": "3"}], [1, 2, 3]),  # back to an earlier view is a change
    ([{"province": ["天津市", "北京市"]}, {"province": ["北京市", "天津市"]}], [1, 2]),
])
def test_a_new_version_only_when_the_followed_view_changes(queries: list[dict], versions: list[int]) -> None:
    slot = Slot()
    assert [slot.publish(q) for q in queries] == versions
    assert slot.latest().version == versions[-1]


@pytest.mark.parametrize(("query", "part"), [
    ({"lang": "ja", "step": "2", "present": "1"}, {"step": ["2"], "present": ["1"]}),
    ({"province": ["天津市", "北京市"], "from": "2010"}, {"province": ["天津市", "北京市"], "from": ["2010"]}),
    ({"lang": "zh"}, {}),
])
def test_followed_part_is_every_parameter_but_the_language(query: dict, part: dict) -> None:
    assert followed_part(query) == part


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_the_follower_reads_it_in_its_own_language(lang: str) -> None:
    slot = Slot()
    slot.publish({"lang": "ja", "place": "天津市", "step": "4"})
    assert follower_query(slot.latest(), lang) == {"place": ["天津市"], "step": ["4"], "lang": [lang]}


def test_the_published_view_cannot_be_changed_by_a_reader() -> None:
    slot = Slot()
    query = {"step": "2"}
    slot.publish(query)
    query["step"] = "9"
    with pytest.raises(TypeError):
        slot.latest().query["step"] = ["9"]  # type: ignore[index]
    assert slot.latest().query == {"step": ["2"]}


def test_sessions_publishing_at_once_get_one_version_per_change() -> None:
    """8 presenter sessions (threads) each publish 200 different views: 1600 versions, none lost or repeated."""
    slot = Slot()
    seen: list[list[int]] = [[] for _ in range(8)]
    start = threading.Barrier(8)

    def presenter(n: int) -> None:
        start.wait()
        for i in range(200):
            seen[n].append(slot.publish({"step": f"{n}-{i}"}))

    threads = [threading.Thread(target=presenter, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    everything = sorted(v for versions in seen for v in versions)
    assert everything == list(range(1, 1601))
    assert all(versions == sorted(versions) for versions in seen)


@pytest.mark.parametrize(("version", "seen", "new"), [
    (0, None, False),  # nothing published yet: a follower must not rerun at every poll
    (1, None, True),  # just switched on (or rejoined): take it
    (1, 1, False),
    (2, 1, True),
    (3, 5, True),  # any other version is a view this follower does not show
])
def test_news(version: int, seen: int | None, new: bool) -> None:
    assert news(Published(version, {}), seen) is new
