"""The server-wide brake on password guessing (common/throttle.py), on a fake clock."""

from __future__ import annotations

import threading

import pytest

from common.throttle import FailureThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# (failures at these times, asked at, expected wait) with limit 3 in a 60 s window
CASES = [
    ((), 0.0, 0.0),
    ((0.0, 1.0), 2.0, 0.0),  # under the limit
    ((0.0, 1.0, 2.0), 2.0, 58.0),  # the third failure locks until the first one is 60 s old
    ((0.0, 1.0, 2.0), 59.9, pytest.approx(0.1)),
    ((0.0, 1.0, 2.0), 60.0, 0.0),  # the first failure left the window
    ((0.0, 30.0, 61.0), 61.0, 0.0),  # never three within one window
    ((0.0, 1.0, 2.0, 3.0), 3.0, 58.0),  # counted from the oldest of the last three
]


@pytest.mark.parametrize(("times", "asked", "expected"), CASES)
def test_wait_after_failures(times: tuple[float, ...], asked: float, expected: float) -> None:
    clock = Clock()
    guard = FailureThrottle(3, 60.0, clock)
    for offset in times:
        clock.now = 1000.0 + offset
        guard.fail()
    clock.now = 1000.0 + asked
    assert guard.wait_s() == expected


def test_a_right_answer_clears_the_count() -> None:
    clock = Clock()
    guard = FailureThrottle(2, 60.0, clock)
    guard.fail()
    guard.succeed()
    guard.fail()
    assert guard.wait_s() == 0.0


def test_failures_from_many_threads_are_all_counted() -> None:
    guard = FailureThrottle(400, 60.0, Clock())
    threads = [threading.Thread(target=lambda: [guard.fail() for _ in range(50)]) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert guard.wait_s() > 0


@pytest.mark.parametrize(("limit", "window"), [(0, 60.0), (3, 0.0), (3, -1.0)])
def test_nonsense_settings_are_refused(limit: int, window: float) -> None:
    with pytest.raises(ValueError):
        FailureThrottle(limit, window)
