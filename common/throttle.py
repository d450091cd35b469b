"""A server-wide brake on guessing: after too many failures in a window, refuse for a while.

Why server-wide: a pause per wrong password only slows one browser session, and a new session
costs nothing. The count is kept in the server process (no file: the app only reads its data
folder); a right answer clears it, so a coordinator who mistyped a few times is never locked out
by their own typos.

Example:

    >>> guard = FailureThrottle(limit=3, window_s=60.0, clock=lambda: 0.0)
    >>> for _ in range(3):
    ...     guard.fail()
    >>> guard.wait_s()
    60.0
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class FailureThrottle:
    """At most `limit` failures in any `window_s` seconds; then `wait_s()` says how long to wait."""

    def __init__(self, limit: int, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError("limit must be >= 1 and window_s > 0")
        self.limit, self.window_s, self._clock = limit, window_s, clock
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()  # Streamlit sessions are threads of one process

    def _forget_old(self, now: float) -> None:
        while self._failures and now - self._failures[0] >= self.window_s:
            self._failures.popleft()

    def wait_s(self) -> float:
        """Seconds until an attempt is allowed again; 0.0 when it is allowed now."""
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            if len(self._failures) < self.limit:
                return 0.0
            return self._failures[-self.limit] + self.window_s - now

    def fail(self) -> None:
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            self._failures.append(now)

    def succeed(self) -> None:
        with self._lock:
            self._failures.clear()
