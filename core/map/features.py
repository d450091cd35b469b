"""Places, links and labels as GeoJSON features: what each carries to the browser.

Properties: `id` ("place:<Place.key>" or "link:<Partnership.key>", what a click reports),
`tip` (tooltip HTML), `sel` (1 when highlighted), `cat` (a link's style category), `y` (a link's
agreement year: shown on the link when it is selected, and read by the timeline), `shape` (a place's
marker), `t` (a label's text), and `L`, the layout per zoom (see `_zoom_layout`).
Every text is html.escape'd here; encoding.py makes the JSON inert.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Literal

from core.arcs import assign_bends
from core.i18n import label, t
from core.map.encoding import LatLon, arc_json, feature_json, point_json
from core.map.layout import LabelInput, Placement, place_labels, spread_markers
from core.map.projection import Box, initial_viewport, project
from core.map.style import shape
from core.models import Partnership, Place, PlaceKind, Stage

ColorBy = Literal["relation", "stage"]
Link = tuple[Partnership, LatLon, LatLon]

# Above this many places, labels are omitted (tooltips only): the greedy layout costs ~0.1 ms
# per place pair-check and hundreds of labels cannot all be readable on one screen anyway.
LABEL_LIMIT = 200
FIT_PADDING = 40  # fitBounds' padding in pixels, which the layout's view must include
LEGEND_MARGIN_PX = 10  # Leaflet's margin around a bottom-right control
SAME_POINT_DEG = 0.01  # a region within ~1 km of a city stands at it (its capital): drawn as a ring


def category(p: Partnership, color_by: ColorBy, stage_of: Callable[[str], Stage]) -> str:
    """The style category of a link: its relation, or its Chinese side's stage."""
    return str(p.relation) if color_by == "relation" else str(stage_of(p.china))


def place_tip(place: Place, lang: str) -> str:
    parts = [f"<b>{html.escape(place.names.get(lang))}</b>",
             html.escape(f"{label(place.kind, lang)} · {label(place.country, lang)}")]
    if place.note:
        parts.append(html.escape(place.note))
    return "<br>".join(parts)


def link_tip(p: Partnership, names: Mapping[str, str], lang: str, stage: Stage) -> str:
    head = f"<b>{html.escape(names.get(p.japan, p.japan))} – {html.escape(names.get(p.china, p.china))}</b>"
    rel = label(p.relation, lang)
    if p.year is not None:
        rel += f" ({t('map.tip.year', lang, year=p.year)})"
    parts = [head, html.escape(rel), html.escape(t("map.tip.stage", lang, stage=label(stage, lang)))]
    if p.note:
        parts.append(html.escape(p.note))
    return "<br>".join(parts)


def link_features(
    links: Sequence[Link], names: Mapping[str, str], lang: str, color_by: ColorBy,
    stage_of: Callable[[str], Stage], selected: str | None, selected_link: str | None,
) -> list[str]:
    """One curved LineString per link; links sharing an end bend apart."""
    bends = assign_bends([(p.japan, p.china) for p, _, _ in links])
    out: list[str] = []
    for (p, a, b), bend in zip(links, bends):
        props: dict[str, Any] = {
            "id": f"link:{p.key}",
            "cat": category(p, color_by, stage_of),
            "tip": link_tip(p, names, lang, stage_of(p.china)),
        }
        if p.year is not None:
            props["y"] = p.year  # shown when selected; the timeline (assets/jcm-timeline.js) reads it
        if selected_link == p.key or (selected is not None and selected in (p.japan, p.china)):
            props["sel"] = 1
        out.append(feature_json(props, arc_json(a, b, bend)))
    return out


def ringed_regions(shown: Sequence[tuple[Place, LatLon]]) -> dict[str, str]:
    """Region key -> key of the city it stands at (a region placed at its capital, 兵庫県 at 神戸市):
    the region is drawn as a ring around that city's marker."""
    cities = [(p.key, c) for p, c in shown if not p.kind.is_region and p.kind != PlaceKind.NATIONAL_BODY]
    out: dict[str, str] = {}
    for p, (lat, lon) in shown:
        if p.kind.is_region:
            near = [k for k, (la, lo) in cities if abs(la - lat) < SAME_POINT_DEG and abs(lo - lon) < SAME_POINT_DEG]
            if near:
                out[p.key] = near[0]
    return out


def layout_zooms(zoom: int) -> list[int]:
    """Zooms to lay labels out for: the one fitBounds picks at the given size, two below (the
    page's real container is often narrower than it says) and one above. The browser uses the
    layout of the largest zoom <= its current one; higher zooms only spread places further apart."""
    return sorted({max(2, min(9, z)) for z in (zoom - 2, zoom - 1, zoom, zoom + 1)})


def _marker(dx: float, dy: float) -> dict[str, float]:
    return {"dx": dx, "dy": dy}


def _zoom_layout(pl: Placement) -> dict[str, Any]:
    """A label's layout at one zoom, in pixels from the place's true position: `marker` (its
    displacement), `box` (top-left x, y, width w, wrap=1 when the text wraps) and, when the box
    sits away from the marker, `leader` (where the line from the marker meets the box)."""
    mx, my = pl.marker_dx, pl.marker_dy
    box: dict[str, float] = {"x": pl.dx, "y": pl.dy, "w": pl.width}
    if pl.lines > 1:
        box["wrap"] = 1
    row: dict[str, Any] = {"marker": _marker(mx, my), "box": box}
    if pl.leader:  # it ends at the box's nearest point
        row["leader"] = {"x": round(min(max(mx, pl.dx), pl.dx + pl.width), 1),
                         "y": round(min(max(my, pl.dy), pl.dy + pl.height), 1)}
    return row


def _layouts(
    shown: Sequence[tuple[Place, LatLon]], lang: str, zoom: int, height: int, labels: bool,
    legend_size: tuple[float, float],
) -> dict[int, dict[str, dict[str, Any]]]:
    """zoom -> place key -> layout (labels) or marker offsets only (no labels)."""
    points = [c for _, c in shown]
    layouts: dict[int, dict[str, dict[str, Any]]] = {}
    for z in layout_zooms(zoom):
        if not labels:
            moves = spread_markers([project(*c, z) for c in points])
            layouts[z] = {p.key: {"marker": _marker(round(dx, 1), round(dy, 1))} for (p, _), (dx, dy) in zip(shown, moves)}
            continue
        x0, _ = project(0.0, min(c[1] for c in points), z)
        x1, _ = project(0.0, max(c[1] for c in points), z)
        # The tight width (the places' extent plus fitBounds' padding), never the nominal
        # width: the page's column is often narrower, and Leaflet then keeps this zoom while
        # cutting off labels that were placed in the nominal width's margins.
        viewport = initial_viewport(points, z, int(x1 - x0) + 2 * FIT_PADDING, height)
        lw, lh = legend_size  # the legend sits in the bottom-right corner
        legend_box = Box(viewport.x1 - lw - LEGEND_MARGIN_PX, viewport.y1 - lh - LEGEND_MARGIN_PX,
                         viewport.x1, viewport.y1)
        placed = place_labels([LabelInput(p.key, *c, p.names.get(lang)) for p, c in shown], z, viewport,
                              obstacles=[legend_box] if lw else [])
        layouts[z] = {k: _zoom_layout(pl) for k, pl in placed.items()}
    rings = ringed_regions(shown)
    for lay in layouts.values():  # a ring stays centred on its city wherever the city moved
        for region, city in rings.items():
            lay[region] = {**lay[region], "marker": lay[city]["marker"]}
    return layouts


def place_features(
    shown: Sequence[tuple[Place, LatLon]], lang: str, zoom: int, height: int,
    selected: str | None, labels: bool | None, legend_size: tuple[float, float] = (0.0, 0.0),
    changed: Collection[str] = (),
) -> tuple[list[str], list[str]]:
    """Place markers (fanned out where they coincide) and, up to LABEL_LIMIT, their labels.

    Above LABEL_LIMIT no layout is computed and markers carry no `L` (they sit on their point)."""
    if labels is None:
        labels = len(shown) <= LABEL_LIMIT
    layouts = _layouts(shown, lang, zoom, height, labels, legend_size) if shown and len(shown) <= LABEL_LIMIT else {}
    place_feats: list[str] = []
    label_feats: list[str] = []
    rings = ringed_regions(shown)
    for p, c in shown:
        sel = {"sel": 1} if p.key == selected else {}
        chg = {"chg": 1} if p.key in changed else {}  # `chg`: its status changed since the compared snapshot
        rows = {str(z): lay[p.key] for z, lay in layouts.items()}
        props: dict[str, Any] = {"id": f"place:{p.key}", "tip": place_tip(p, lang), "shape": shape(p, p.key in rings), **sel, **chg}
        if rows:
            props["L"] = {z: {"marker": row["marker"]} for z, row in rows.items()}
        point = point_json(*c)
        place_feats.append(feature_json(props, point))
        if labels and rows:
            label_feats.append(feature_json({"id": f"place:{p.key}", "t": html.escape(p.names.get(lang)), "L": rows, **sel},
                                            point))
    return place_feats, label_feats
