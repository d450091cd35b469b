"""Markers that would sit on top of each other (北京市 and the two national bodies seated in
Beijing) fanned out on a small ring, so each stays visible in a static figure. The browser does
the same at its real zoom (core/map/assets/jcm-labels.js `fanOut`); this is its counterpart for
the figures, which know their zoom and size up front. Each link then ends at its places' moved
markers (`bend_ends`), as in the browser (core/map/assets/jcm-links.js `moveLinkEnds`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from core.map.style import MARKER_PX


def spread_markers(pixels: Sequence[tuple[float, float]], min_sep: float = MARKER_PX) -> list[tuple[float, float]]:
    """Offsets that keep marker centres at least min_sep apart.

    Coincident or near points are first fanned out on a ring around their centre (a stable, tidy
    arrangement, in their real order around it: `ring_slots`); a few rounds of pairwise pushes then
    settle what the rings moved into others.
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
        angles = ring_slots([(pixels[i][0] - cx, pixels[i][1] - cy) for i in members])
        for i, angle in zip(members, angles):
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


def ring_slots(offsets: Sequence[tuple[float, float]]) -> list[float]:
    """The angle on a ring of each point (its offset from the ring's centre): evenly spaced, in the
    points' own order around the centre and turned as near as can be to their own directions, so
    a marker fanned out stays on its side of its neighbours (北九州市 north-east of 福岡県). Points
    at the centre itself (北京市 and the bodies seated there) keep their given order."""
    k = len(offsets)
    direction = [math.atan2(y, x) if math.hypot(x, y) > 0.5 else None for x, y in offsets]
    order = sorted(range(k), key=lambda i: (direction[i] is None, direction[i] or 0.0, i))
    sx = sy = 0.0
    for slot, i in enumerate(order):
        d = direction[i]
        if d is not None:
            sx += math.cos(d - 2 * math.pi * slot / k)
            sy += math.sin(d - 2 * math.pi * slot / k)
    start = math.atan2(sy, sx) if sx or sy else -math.pi / 2
    out = [0.0] * k
    for slot, i in enumerate(order):
        out[i] = start + 2 * math.pi * slot / k
    return out


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


def bend_ends(points: Sequence[tuple[float, float]], start: tuple[float, float],
              end: tuple[float, float]) -> list[tuple[float, float]]:
    """A line's points (pixels) with its ends moved by the offsets `start` and `end`, each fading
    along the line to nothing at the other end: the line ends at its markers, its curve whole."""
    n = max(len(points) - 1, 1)
    return [(x + start[0] * (1 - i / n) + end[0] * i / n, y + start[1] * (1 - i / n) + end[1] * i / n)
            for i, (x, y) in enumerate(points)]
