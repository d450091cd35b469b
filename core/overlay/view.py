"""What the map page needs to draw the overlay: the file's pairs, the reader's choices, and the
programme pairs it must not draw twice (found only when asked: most reruns never need them)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cached_property

from core.models import Partnership
from core.overlay.match import programme_duplicates
from core.overlay.model import Overlay
from core.overlay.select import Scope, overlay_links


@dataclass(frozen=True)
class OverlayView:
    """One session's overlay as the sidebar set it up.

    `show` is the "show overlay" switch, `scope` the "Japan–China only / all countries" choice.
    `partnerships`, `coords` and `names` (place key → its names) are the programme's (the data at
    the viewed date) and serve only `excluded`."""

    overlay: Overlay
    show: bool
    scope: Scope
    partnerships: tuple[Partnership, ...] = ()
    coords: Mapping[str, tuple[float, float]] | None = None
    names: Mapping[str, tuple[str, ...]] | None = None

    @cached_property
    def excluded(self) -> frozenset[int]:
        """Overlay link indices that are programme pairs (core/overlay/match.py): the map draws
        those as the programme's links only."""
        return programme_duplicates(self.overlay, self.partnerships, self.coords or {}, self.names)

    def links(self, regions: Collection[str] = ()) -> tuple[int, ...]:
        """The overlay link indices to draw for the region filter `regions` (the view's `province`):
        none when the switch is off."""
        if not self.show:
            return ()
        return overlay_links(self.overlay, self.scope, regions, self.excluded)
