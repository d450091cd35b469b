"""What the map page needs to draw the overlay: the file's pairs, the reader's choices, and the
programme pairs it must not draw twice (found once per overlay and programme data, then reused).

Which links a view shows (the scope, the region filter: a link shows when either end lies in a
selected prefecture/province, as for the programme) is decided in the browser
(core/map/overlay.py `overlay_options`, assets/jcm-overlay.js): a filter change sends no data."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from core.data.models import Partnership
from core.overlay.match import fold_name, programme_duplicates
from core.overlay.model import Overlay

Scope = Literal["japan_china", "all"]
SCOPES: tuple[Scope, ...] = ("japan_china", "all")  # the radio's order: the programme's kind first


@dataclass(frozen=True)
class OverlaySettings:
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

    @property
    def excluded(self) -> frozenset[int]:
        """Overlay link indices that are programme pairs (core/overlay/match.py): the map draws
        those as the programme's links only. Computed once per overlay and programme data."""
        coords, names = self.coords or {}, self.names or {}
        key = ("programme", self.partnerships, tuple(sorted(coords.items())), tuple(sorted(names.items())))
        return self.overlay.memo(key, lambda: programme_duplicates(self.overlay, self.partnerships, coords, self.names))


ANSWERS_KEPT = 32  # finder answers an overlay keeps: the last ones asked (every rerun asks again)


def pairs_with(overlay: Overlay, query: str, scope: Scope, excluded: Collection[int] = (),
               aliases: Mapping[str, tuple[str, ...]] | None = None) -> list[int]:
    """The links (indices, in the file's order) with an end whose name or prefecture/province holds
    `query`, compared as the programme's pairs are matched (match.fold_name: no case, width, accents,
    spaces or administrative ending): "who else already works with Tianjin?" — "天津市" also finds a
    file's "Tianjin" by its province. `aliases` (a programme place's names in every language) widen
    a query that starts one of them to all of them: "神戸" finds a file's "Kobe". Within `scope`;
    the programme's own pairs (`excluded`) left out.

    The answer is kept on the overlay (a scan of the reference set takes ~10 ms, and the sidebar asks
    on every rerun while the query stands), for the last ANSWERS_KEPT questions."""
    wanted = fold_name(query)
    if not wanted:
        return []
    terms = {wanted}
    for names in (aliases or {}).values():
        folded = {fold_name(name) for name in names}
        if len(wanted) > 1 and any(name.startswith(wanted) for name in folded):
            terms |= folded - {""}
    answers: dict[tuple, list[int]] = overlay.memo("pairs with", dict)
    key = (frozenset(terms), scope, frozenset(excluded))
    if key not in answers:
        for old in list(answers)[:max(0, len(answers) - ANSWERS_KEPT + 1)]:  # the oldest (insertion order)
            answers.pop(old, None)
        answers[key] = _linked(overlay, terms, scope, key[2])
    return answers[key]


def _linked(overlay: Overlay, terms: Collection[str], scope: Scope, excluded: Collection[int]) -> list[int]:
    """The links with an end whose folded name or region holds one of `terms` (see pairs_with)."""
    ends = overlay.memo("folded ends", lambda: [(fold_name(p.name), fold_name(p.region)) for p in overlay.places])
    places = {i for i, (name, region) in enumerate(ends)
              if any(term in name or (region and term in region) for term in terms)}
    japan_china = overlay.japan_china
    return [i for i, link in enumerate(overlay.links)
            if (link.a in places or link.b in places) and i not in excluded and (scope == "all" or i in japan_china)]
