"""Label placement for the map's initial view: every label readable, none overlapping.

Pure geometry, no folium. Places are projected to Web-Mercator pixels at the zoom Leaflet's
fitBounds will pick, label boxes are estimated from the text (CJK ~1 em, Latin ~0.62 em at a fixed
font size, long names wrapped), and each label greedily takes the first of 8 positions around its
marker that touches no other label or marker, moving outwards (with a leader line) when all 8
near ones are taken. Markers that would sit on top of each other (北京市 and the two national
bodies seated in Beijing) are first fanned out on a small ring, so each stays clickable.

Offsets are in screen pixels relative to the marker, so when the user zooms in, labels only get
further apart: the layout holds at the initial zoom and above.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from core.map.projection import Box, project
from core.map.style import FONT_PX, GAP, LINE_PX, MARKER_PX, MAX_LABEL_PX, PAD_X, PAD_Y


@dataclass(frozen=True)
class LabelInput:
    key: str
    lat: float
    lon: float
    text: str


@dataclass(frozen=True)
class Placement:
    """Where a place's marker and label go, in pixels relative to its true projected position.

    (marker_dx, marker_dy): the marker's displacement (non-zero only for co-located places);
    (dx, dy): the label box's top-left corner; (width, height): its size; leader: draw a line from
    the marker to the box because the box sits away from it.
    """

    key: str
    marker_dx: float
    marker_dy: float
    dx: float
    dy: float
    width: float
    height: float
    lines: int
    leader: bool


def char_em(ch: str) -> float:
    """Estimated advance of a character in em: CJK/full-width 1, Latin ~0.6 (capitals 0.66, bold sans)."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch == " ":
        return 0.3
    return 0.66 if ch.isupper() else 0.6


def wrap(text: str, max_px: float = MAX_LABEL_PX, font_px: float = FONT_PX) -> list[str]:
    """Split text into lines no wider than max_px: at spaces for Latin, anywhere for CJK."""
    lines: list[str] = []
    line, line_px = "", 0.0
    tokens: list[str] = []
    for word in text.split(" "):
        # CJK words may break between any two characters, like the browser does.
        if any(char_em(c) == 1.0 for c in word):
            tokens += list(word) + [" "]
        else:
            tokens += [word, " "]
    tokens = tokens[:-1]
    for tok in tokens:
        px = sum(char_em(c) for c in tok) * font_px
        if line and line_px + px > max_px and tok != " ":
            lines.append(line.rstrip())
            line, line_px = "", 0.0
        if tok == " " and not line:
            continue
        line += tok
        line_px += px
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def label_size(text: str, font_px: float = FONT_PX) -> tuple[float, float, int]:
    """(width, height, lines) of the label box, padding included, with 8% slack for fonts."""
    lines = wrap(text, font_px=font_px)
    widest = max(sum(char_em(c) for c in line) * font_px for line in lines)
    return (math.ceil(widest * 1.08) + 2 * PAD_X, len(lines) * LINE_PX + 2 * PAD_Y, len(lines))


def spread_markers(pixels: Sequence[tuple[float, float]], min_sep: float = MARKER_PX) -> list[tuple[float, float]]:
    """Offsets that keep marker centres at least min_sep apart.

    Coincident or near points are first fanned out on a ring around their centre (a stable, tidy
    arrangement); a few rounds of pairwise pushes then settle what the rings moved into others.
    """
    n = len(pixels)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _close_pairs(pixels, min_sep):
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    pos = [list(p) for p in pixels]
    for members in groups.values():
        if len(members) < 2:
            continue
        k = len(members)
        cx = sum(pixels[i][0] for i in members) / k
        cy = sum(pixels[i][1] for i in members) / k
        radius = max(min_sep * 0.75, min_sep / (2 * math.sin(math.pi / k)))
        for slot, i in enumerate(sorted(members, key=lambda i: pixels[i])):
            angle = -math.pi / 2 + 2 * math.pi * slot / k
            pos[i] = [cx + radius * math.cos(angle), cy + radius * math.sin(angle)]
    for _ in range(50):
        pairs = _close_pairs([tuple(p) for p in pos], min_sep)
        if not pairs:
            break
        for i, j in pairs:
            dx, dy = pos[j][0] - pos[i][0], pos[j][1] - pos[i][1]
            d = math.hypot(dx, dy) or 1e-6
            push = (min_sep - d) / 2 + 0.5
            ux, uy = (dx / d, dy / d) if d > 1e-6 else (1.0, 0.0)
            pos[i][0] -= ux * push
            pos[i][1] -= uy * push
            pos[j][0] += ux * push
            pos[j][1] += uy * push
    return [(p[0] - q[0], p[1] - q[1]) for p, q in zip(pos, pixels)]


def _close_pairs(pixels: Sequence[tuple[float, float]], min_sep: float) -> list[tuple[int, int]]:
    """Index pairs closer than min_sep (sweep over x: cheap for hundreds of points)."""
    order = sorted(range(len(pixels)), key=lambda i: pixels[i][0])
    out: list[tuple[int, int]] = []
    for a, i in enumerate(order):
        for j in order[a + 1:]:
            if pixels[j][0] - pixels[i][0] >= min_sep:
                break
            if math.dist(pixels[i], pixels[j]) < min_sep:
                out.append((i, j))
    return out


# Unit directions, preferred first: right, left, above-right, below-right, above-left, ...
_DIRECTIONS = [(1, 0), (-1, 0), (1, -1), (1, 1), (-1, -1), (-1, 1), (0, -1), (0, 1)]
_RINGS = [0, 12, 24, 40, 60, 90, 130]  # extra distance (px) for leader-line positions


def _candidate(mx: float, my: float, w: float, h: float, d: tuple[int, int], extra: float) -> Box:
    """Label box beside a marker at (mx, my), in direction d, `extra` px further out."""
    half = MARKER_PX / 2 + GAP + extra
    ux, uy = d
    if ux > 0:
        x0 = mx + half
    elif ux < 0:
        x0 = mx - half - w
    else:
        x0 = mx - w / 2
    if uy > 0:
        y0 = my + (half if ux == 0 else half * 0.4)
    elif uy < 0:
        y0 = my - (half if ux == 0 else half * 0.4) - h
    else:
        y0 = my - h / 2
    return Box(x0, y0, x0 + w, y0 + h)


class _Grid:
    """A bucket grid of boxes: checks stay cheap with a few hundred labels."""

    def __init__(self, cell: float = 64.0) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Box]] = defaultdict(list)

    def _keys(self, b: Box):
        c = self.cell
        for gx in range(math.floor(b.x0 / c), math.floor(b.x1 / c) + 1):
            for gy in range(math.floor(b.y0 / c), math.floor(b.y1 / c) + 1):
                yield gx, gy

    def add(self, b: Box) -> None:
        for k in self._keys(b):
            self.cells[k].append(b)

    def overlap(self, b: Box, ignore: Box | None = None) -> float:
        seen: set[int] = set()
        total = 0.0
        for k in self._keys(b):
            for o in self.cells.get(k, ()):
                if id(o) in seen or o is ignore or not b.hits(o, GAP):
                    continue
                seen.add(id(o))
                total += (min(b.x1, o.x1) - max(b.x0, o.x0) + GAP) * (min(b.y1, o.y1) - max(b.y0, o.y0) + GAP)
        return total


def place_labels(
    items: Sequence[LabelInput],
    zoom: int,
    viewport: Box | None = None,
    font_px: float = FONT_PX,
    obstacles: Sequence[Box] = (),
) -> dict[str, Placement]:
    """Greedy, deterministic placement of every item's label at `zoom`.

    Most crowded places go first (they have the fewest free spots). A box leaving `viewport`
    (the initial view, in the same absolute pixels) counts as an overlap, so labels stay on screen;
    `obstacles` (e.g. the legend's corner, same pixels) are avoided like other labels.
    """
    if not items:
        return {}
    raw = [project(it.lat, it.lon, zoom) for it in items]
    moves = spread_markers(raw)
    marks = [(x + dx, y + dy) for (x, y), (dx, dy) in zip(raw, moves)]
    grid = _Grid()
    marker_boxes: list[Box] = []
    for mx, my in marks:
        box = Box(mx - MARKER_PX / 2, my - MARKER_PX / 2, mx + MARKER_PX / 2, my + MARKER_PX / 2)
        marker_boxes.append(box)
        grid.add(box)
    for box in obstacles:
        grid.add(box)

    def crowding(i: int) -> int:
        return sum(1 for m in marks if math.dist(m, marks[i]) < 200)

    order = sorted(range(len(items)), key=lambda i: (-crowding(i), items[i].key))
    out: dict[str, Placement] = {}
    for i in order:
        it = items[i]
        w, h, lines = label_size(it.text, font_px)
        mx, my = marks[i]
        best: tuple[float, Box, float] | None = None
        for extra in _RINGS:
            for d in _DIRECTIONS:
                box = _candidate(mx, my, w, h, d, extra)
                cost = grid.overlap(box, ignore=marker_boxes[i])
                if viewport is not None and not (
                    viewport.x0 <= box.x0 and box.x1 <= viewport.x1 and viewport.y0 <= box.y0 and box.y1 <= viewport.y1
                ):
                    cost += w * h
                if best is None or cost < best[0]:
                    best = (cost, box, extra)
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        assert best is not None
        _, box, extra = best
        grid.add(box)
        out[it.key] = Placement(
            key=it.key,
            marker_dx=round(moves[i][0], 1),
            marker_dy=round(moves[i][1], 1),
            dx=round(box.x0 - raw[i][0], 1),
            dy=round(box.y0 - raw[i][1], 1),
            width=w,
            height=h,
            lines=lines,
            leader=extra > 0,
        )
    return out
