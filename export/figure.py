"""The map as a matplotlib figure: the offline basemap, the great-circle links, the place markers,
their labels, the legend, a title and the source and date, in the view's language.

Everything is read from where the browser map reads it: geography from `core.geography.outlines`,
colours, dashes and shapes from `core.map.style`, arcs and their bends from `core.geography.arcs`,
coincident markers fanned out by `export.fanout.spread_markers` (each link ending at its moved
markers), legend texts from the catalogue. The map is in Web-Mercator like Leaflet's; the legend has
its own column so it never hides a marker.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from common.i18n import format_date, t
from core.geography.arcs import arc_points, assign_bends
from core.geography.outlines import offline_geojson
from core.map.build import DEFAULT_BOUNDS
from core.map.features import category
from core.map.ids import feature_id
from core.map.legend import category_label
from core.map.projection import project
from core.map.style import CN_COLOR, JP_COLOR, LINK_WEIGHT, MARKER_SIZES, SHAPES, shape
from core.palette import BASEMAP_STYLES, LINK_STYLES, UNKNOWN_STYLE
from core.report.wording import as_of_line, source_line
from export.drawing import Drawing
from export.fanout import bend_ends, spread_markers
from export.labels import Mark, Placed, place_labels

DPI = 100
PT = 72 / DPI  # points per pixel at DPI
BASE_HEIGHT = 1080  # sizes below are pixels at this height; other sizes scale with the height
TITLE_PX, SUBTITLE_PX, LABEL_PX, LEGEND_FONT_PX, FOOTER_PX = 36, 20, 22, 18, 15
MARK_SCALE = 1.6  # markers and lines a little bolder than on screen: slides are read from afar
MAP_BOTTOM, MAP_HEIGHT = 0.07, 0.80  # figure fractions; the title is above, the source below
LEGEND_PX = 380  # the legend's column (at BASE_HEIGHT), right of the map
PAD = 0.13  # margin around the places (room for their labels), as a fraction of their extent
MIN_SPAN = 6.0  # the smallest extent shown (world px at zoom 0, ~ 8 degrees of longitude)
SELECTED = "#FFD600"

_MARKERS = {  # shape -> (matplotlib marker, filled)
    "jp_city": ("o", True), "jp_region": ("o", False), "jp_body": ("D", True),
    "cn_city": ("s", True), "cn_region": ("s", False), "cn_body": ("D", True),
}


def _xy(lat: float, lon: float) -> tuple[float, float]:
    """Web-Mercator world pixels at zoom 0, y upwards (matplotlib's direction)."""
    x, y = project(lat, lon, 0)
    return x, -y


def _kind(shape_name: str) -> str:
    return shape_name.split("_")[1]


def _marker_style(shape_name: str, scale: float) -> dict:
    marker, filled = _MARKERS[shape_name]
    color = JP_COLOR if shape_name.startswith("jp") else CN_COLOR
    size = MARKER_SIZES[_kind(shape_name)] * MARK_SCALE * scale * PT
    if filled:
        return {"marker": marker, "markersize": size, "markerfacecolor": color, "markeredgecolor": "white",
                "markeredgewidth": 1.5 * scale}
    return {"marker": marker, "markersize": size, "markerfacecolor": "white", "markeredgecolor": color,
            "markeredgewidth": 4 * scale * PT * MARK_SCALE}


def _dashes(dash: str | None, scale: float) -> tuple[float, ...] | None:
    return tuple(float(v) * scale * PT * MARK_SCALE for v in dash.split()) if dash else None


def _link_style(cat: str, color_by: str, scale: float) -> dict:
    style = LINK_STYLES[color_by].get(cat, UNKNOWN_STYLE)  # type: ignore[call-overload]
    out = {"color": style["color"], "linewidth": LINK_WEIGHT * MARK_SCALE * scale * PT, "solid_capstyle": "round"}
    dashes = _dashes(style["dashArray"], scale)
    if dashes:
        out["dashes"] = dashes
    return out


def _extent(
    points: Sequence[tuple[float, float]], aspect: float, pad: float = PAD
) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) framing `points` with a margin, widened to the map's width/height `aspect`."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    w = max(max(xs) - min(xs), MIN_SPAN / 2) * (1 + 2 * pad)
    h = max(max(ys) - min(ys), MIN_SPAN / 2) * (1 + 2 * pad)
    w, h = max(w, h * aspect), max(h, w / aspect)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2


def _basemap(ax: Axes, scale: float) -> None:
    """The offline basemap's polygons, styled like the browser's (sea, jp, cn, other)."""
    ax.set_facecolor(BASEMAP_STYLES["sea"])
    rings: dict[str, list[np.ndarray]] = {"other": [], "cn": [], "jp": []}
    for feat in json.loads(offline_geojson())["features"]:
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for poly in polys:
            ring = np.asarray(poly[0], dtype=float)
            rings[feat["properties"]["c"]].append(np.array([_xy(lat, lon) for lon, lat in ring]))
    for cls, polys in rings.items():
        style = BASEMAP_STYLES[cls]
        ax.add_collection(PolyCollection(polys, facecolors=style["fillColor"], edgecolors=style["color"],
                                         linewidths=style["weight"] * scale, zorder=1))


def _map_rect(width: int, height: int, heading: bool = True) -> tuple[float, float, float, float]:
    """(left, bottom, width, height) of the map: the figure less the legend's column (and the
    heading's band, when there is one)."""
    legend = min(LEGEND_PX * height / BASE_HEIGHT, 0.35 * width)
    return 0.01, MAP_BOTTOM, 1 - 0.02 - legend / width, MAP_HEIGHT if heading else 1 - MAP_BOTTOM - 0.01


def _legend(fig: Figure, view: Drawing, shapes: set[str], cats: set[str], scale: float, family: str,
            rect: tuple[float, float, float, float]) -> None:
    """Two legends (places, links) in the right-hand column beside the map's `rect`, only what the map shows."""
    font = {"family": family, "size": LEGEND_FONT_PX * scale * PT}
    left, bottom, width, height = rect
    ax = fig.add_axes((left + width + 0.01, bottom, 1 - left - width - 0.02, height))
    ax.set_axis_off()
    lang, color_by = view.lang, view.state.color
    place_handles = [Line2D([], [], linestyle="none", **_marker_style(s, scale)) for s in SHAPES if s in shapes]
    place_texts = [t(f"map.shape.{s}", lang) for s in SHAPES if s in shapes]
    known = [str(k) for k in LINK_STYLES[color_by]]
    ordered = [c for c in known + sorted(cats - set(known)) if c in cats]
    link_handles = [Line2D([], [], **_link_style(c, color_by, scale)) for c in ordered]
    link_texts = [category_label(c, lang) for c in ordered]
    top = 1.0
    for handles, texts, title in ((place_handles, place_texts, t("map.legend.places", lang)),
                                  (link_handles, link_texts, t(f"map.legend.{color_by}", lang))):
        if not handles:
            continue
        legend = ax.legend(handles, texts, loc="upper left", bbox_to_anchor=(0, top), title=title,
                           prop=font, title_fontproperties={**font, "weight": "bold"}, frameon=False,
                           alignment="left", handlelength=2.6, borderaxespad=0)
        ax.add_artist(legend)
        height = legend.get_window_extent().height
        top -= height / ax.get_window_extent().height + 0.04


def draw(view: Drawing, width: int, height: int, family: str, today: date | None = None,
         heading: bool = True) -> tuple[Figure, list[Placed]]:
    """The figure of `view` at `width` x `height` pixels, and where each label (or badge) went.
    Without `heading` (a slide or a page that has its own title) the map takes the title's band."""
    scale = height / BASE_HEIGHT
    lang = view.lang
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor="white")
    renderer = FigureCanvasAgg(fig).get_renderer()  # measures text: labels are placed on what is drawn
    rect = _map_rect(width, height, heading)
    ax = fig.add_axes(rect)
    ax.set_xticks([])
    ax.set_yticks([])
    coords = view.coords
    shown = [(p, coords[p.key]) for p in view.shown.places if p.key in coords]
    links = [(p, coords[p.japan], coords[p.china]) for p in view.shown.partnerships
             if p.japan in coords and p.china in coords]
    points = [_xy(*c) for _, c in shown] or [_xy(*c) for _, a, b in links for c in (a, b)] \
        or [_xy(*c) for c in DEFAULT_BOUNDS]
    aspect = (rect[2] * width) / (rect[3] * height)
    if view.extent:  # a tour step's frame, as the app fits it
        x0, x1, y0, y1 = _extent([_xy(*c) for c in view.extent], aspect, pad=0.05)
    else:
        x0, x1, y0, y1 = _extent(points, aspect)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    _basemap(ax, scale)

    pixels = [tuple(ax.transData.transform(_xy(*c))) for _, c in shown]  # display pixels, y upwards
    moves = spread_markers(pixels, MARKER_SIZES["region"] * MARK_SCALE * scale)
    moved = {p.key: move for (p, _), move in zip(shown, moves)}

    color_by = view.state.color
    bends = assign_bends([(p.japan, p.china) for p, _, _ in links])
    cats: set[str] = set()
    for (p, a, b), bend in zip(links, bends):
        cat = category(p, color_by, view.stage_of)
        cats.add(cat)
        arc = ax.transData.transform([_xy(*c) for c in arc_points(a, b, bend=bend)])
        xy = ax.transData.inverted().transform(
            bend_ends(arc, moved.get(p.japan, (0.0, 0.0)), moved.get(p.china, (0.0, 0.0))))
        style = _link_style(cat, color_by, scale)
        selected = view.state.link == p.key or view.state.place in (p.japan, p.china)
        if selected:
            style["linewidth"] *= 1.8
        ax.plot(xy[:, 0], xy[:, 1], zorder=3 if selected else 2, gid=feature_id("link", p.key),
                path_effects=[patheffects.withStroke(linewidth=style["linewidth"] + 3 * scale, foreground="white")],
                **style)

    marks: list[Mark] = []
    for (p, _), (px, py), (dx, dy) in zip(shown, pixels, moves):
        s = shape(p)
        mx, my = px + dx, py + dy
        x, y = ax.transData.inverted().transform((mx, my))
        if p.key == view.state.place:
            ax.plot([x], [y], marker="o", linestyle="none", markersize=MARKER_SIZES["region"] * 3.2 * scale * PT,
                    markerfacecolor=SELECTED, markeredgecolor="black", zorder=4)
        ax.plot([x], [y], linestyle="none", zorder=5, gid=feature_id("place", p.key), **_marker_style(s, scale))
        half = MARKER_SIZES[_kind(s)] * MARK_SCALE * scale / 2 + 2 * scale
        if x0 <= x <= x1 and y0 <= y <= y1:  # a step's frame may leave places out: no label for them
            marks.append(Mark(p.key, mx, my, half, p.names.get(lang)))

    _legend(fig, view, {shape(p) for p, _ in shown}, cats, scale, family, rect)
    label_style = {"family": family, "size": LABEL_PX * scale * PT, "weight": "bold", "color": "#111",
                   "bbox": {"boxstyle": "round,pad=0.18", "facecolor": "white", "edgecolor": "none", "alpha": 0.88}}
    badge_style = {**label_style, "size": label_style["size"] * 0.8,
                   "bbox": {**label_style["bbox"], "facecolor": "#FFF59D"}}
    placed = place_labels(ax, renderer, marks, label_style, badge_style)

    names = {p.key: p.names.get(lang) for p, _ in shown}
    if heading:
        fig.text(0.01, 0.975, t("app.title", lang), family=family, size=TITLE_PX * scale * PT, weight="bold", va="top")
        shown = t("map.shown", lang, links=len(view.shown.partnerships), places=len(view.shown.places))
        fig.text(0.01, 0.915, " · ".join(filter(None, (as_of_line(view.dataset, lang), shown))),
                 family=family, size=SUBTITLE_PX * scale * PT, color="#333", va="top")
    footer = [source_line(view.dataset, lang),
              t("export.made", lang, date=format_date((today or date.today()).isoformat(), lang))]
    badges = [f"{pl.badge} {names[pl.mark.key]}" for pl in sorted(placed, key=lambda pl: pl.badge or 0) if pl.badge]
    if badges:
        footer.append(t("export.badge_key", lang, items=" · ".join(badges)))
    fig.text(0.01, 0.03, "   ".join(footer), family=family, size=FOOTER_PX * scale * PT, color="#333", va="center",
             wrap=True)
    return fig, placed
