"""Which overlay links a view shows: the scope (Japan–China only or every country) and the region filter.

The region filter means what it means for the programme (core/filters.PROVINCE): a link is shown
when either end lies in a selected prefecture/province; no selection shows every link.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from core.overlay.model import Overlay

Scope = Literal["japan_china", "all"]
SCOPES: tuple[Scope, ...] = ("japan_china", "all")  # the radio's order: the programme's kind first


def overlay_links(overlay: Overlay, scope: Scope, regions: Collection[str],
                  exclude: Collection[int] = frozenset()) -> tuple[int, ...]:
    """Indices into `overlay.links` that the view shows, in the file's order."""
    wanted = set(regions)
    in_region = [bool(wanted) and place.region in wanted for place in overlay.places]
    return tuple(
        i for i, link in enumerate(overlay.links)
        if i not in exclude
        and (scope == "all" or overlay.is_japan_china(link))
        and (not wanted or in_region[link.a] or in_region[link.b])
    )
