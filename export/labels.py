"""Label placement in the exported figure, under the browser's rules (core/map/assets/jcm-labels.js):
each label next to its own marker (its nearest edge at most MAX_DISTANCE_PX from the marker's
centre), no two labels overlapping, no label over any marker, the legend or the figure's edge.

Unlike the browser layout, which must estimate text widths before anything is drawn, the figure
measures each candidate box with matplotlib's renderer, so the rule is checked on what is drawn.
A place whose label fits nowhere gets a small numbered badge instead, listed in a key.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.text import Text
from matplotlib.transforms import Bbox

MAX_DISTANCE_PX = 48  # the browser's rule: a label's nearest edge this close to its marker centre
GAP_PX = 4  # between a marker's edge and its label
RINGS = (0.0, 12.0, 24.0)  # extra distance of the outer rings of candidates (px), still within the rule
# Directions around the marker, best first: right, left, above, below, then the corners.
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))


@dataclass(frozen=True)
class Mark:
    """A marker on the figure: its centre in display pixels and half its box size."""

    key: str
    x: float
    y: float
    half: float
    text: str


@dataclass
class Placed:
    """What `place_labels` drew for one place: its label or its numbered badge."""

    mark: Mark
    artist: Text
    badge: int | None = None  # the badge's number when the label did not fit


def nearest_distance(box: Bbox, x: float, y: float) -> float:
    """Distance from (x, y) to the nearest point of `box` (0 inside it)."""
    dx = max(box.x0 - x, 0.0, x - box.x1)
    dy = max(box.y0 - y, 0.0, y - box.y1)
    return math.hypot(dx, dy)


def _marker_box(m: Mark) -> Bbox:
    return Bbox.from_extents(m.x - m.half, m.y - m.half, m.x + m.half, m.y + m.half)


def _free(box: Bbox, frame: Bbox, taken: Sequence[Bbox]) -> bool:
    inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
    return inside and not any(box.overlaps(other) for other in taken)


def _try(ax: Axes, renderer: RendererBase, m: Mark, text: str, style: dict, frame: Bbox,
         taken: list[Bbox]) -> Text | None:
    """The first candidate position of `text` around `m` that is free, drawn; None if none is."""
    for ring in RINGS:
        for dx, dy in DIRECTIONS:
            off = m.half + GAP_PX + ring
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
            pos = ax.transData.inverted().transform((m.x + dx * off, m.y + dy * off))
            artist = ax.text(pos[0], pos[1], text, ha=ha, va=va, zorder=6, **style)
            box = artist.get_window_extent(renderer)
            if _free(box, frame, taken) and nearest_distance(box, m.x, m.y) <= MAX_DISTANCE_PX:
                taken.append(box)
                return artist
            artist.remove()
    return None


def place_labels(ax: Axes, renderer: RendererBase, marks: Sequence[Mark], label_style: dict,
                 badge_style: dict, obstacles: Sequence[Bbox] = ()) -> list[Placed]:
    """Draw a label for every mark where one fits, a numbered badge where none does.

    Greedy and deterministic: the most crowded marks go first (they have the fewest free spots).
    Badges are numbered in the marks' order of drawing, 1, 2, ...
    """
    frame = ax.get_window_extent(renderer)
    taken = [_marker_box(m) for m in marks] + list(obstacles)

    def crowd(m: Mark) -> float:
        return -sum(1 for o in marks if math.hypot(o.x - m.x, o.y - m.y) < 120)

    placed: list[Placed] = []
    badges = 0
    for m in sorted(marks, key=crowd):
        artist = _try(ax, renderer, m, m.text, label_style, frame, taken)
        if artist is not None:
            placed.append(Placed(m, artist))
            continue
        badges += 1
        artist = _try(ax, renderer, m, str(badges), badge_style, frame, taken)
        if artist is None:  # not even a badge fits: put it on the marker's right, on top
            pos = ax.transData.inverted().transform((m.x + m.half + GAP_PX, m.y))
            artist = ax.text(pos[0], pos[1], str(badges), ha="left", va="center", zorder=7, **badge_style)
        placed.append(Placed(m, artist, badges))
    return placed
