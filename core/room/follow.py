"""Following the presenter: the presenter's view, published for every participant's device to take.

The view is the app's own URL parameters (`core.view.state.to_query`), so whatever a shared link can
show (tour step, selection, filters, year, colouring, presenter view) is followed, through the same
checks. Only the language stays the reader's own. One process-wide slot holds the latest view with
a version number; the presenter's session writes it when its view changes, and each follower, woken
by the server (ui/follow.py), reads it and redraws only when the version moved.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Query = Mapping[str, str | list[str]]
NOT_FOLLOWED = ("lang",)  # a Chinese participant reads the presenter's Japanese talk in Chinese


@dataclass(frozen=True)
class Published:
    """One view of the presenter's: `version` 0 is "nothing published yet"."""

    version: int = 0
    query: Query = field(default_factory=lambda: MappingProxyType({}))


class Slot:
    """The presenter's latest view, shared by every session of the server (they are threads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest = Published()

    def publish(self, query: Query) -> int:
        """Make `query` the view to follow; a new version only when it differs from the latest
        (a rerun that changed nothing costs followers nothing). Returns the version now current."""
        followed = followed_part(query)
        with self._lock:
            if self._latest.version == 0 or followed != self._latest.query:
                self._latest = Published(self._latest.version + 1, MappingProxyType(followed))
            return self._latest.version

    def latest(self) -> Published:
        """The latest view (an immutable record: read without the lock)."""
        return self._latest


def followed_part(query: Query) -> dict[str, list[str]]:
    """The parameters a follower takes, each as a list of values (as `parse_query` reads them)."""
    return {k: (list(v) if isinstance(v, list) else [v]) for k, v in query.items() if k not in NOT_FOLLOWED}


def news(published: Published, seen: int | None) -> bool:
    """Whether a follower showing version `seen` (None: none yet) has a view to take: never before
    the presenter published one (else a follower would rerun, for nothing, at every poll)."""
    return published.version > 0 and published.version != seen


def follower_query(published: Published, lang: str) -> dict[str, list[str]]:
    """The presenter's view as this follower shows it: in the follower's own language."""
    return {**published.query, "lang": [lang]}
