"""The legend: only the place shapes and link categories present, and its size in pixels.

The size is estimated in Python (from style.py's legend sizes, which the CSS reads too) so that
the label layout can keep clear of the legend's corner before the browser has drawn anything.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from core.i18n import label, t
from core.map.layout import char_em
from core.map.style import (
    LEGEND_FONT_PX,
    LEGEND_GAP_PX,
    LEGEND_MAX_PX,
    LEGEND_PAD_X,
    LEGEND_PAD_Y,
    LINK_STYLES,
    LINK_WEIGHT,
    SHAPES,
    UNKNOWN_STYLE,
)

SWATCH_PX = 44  # a row's swatch (38 px line or 22 px marker) as the estimate counts it
HEAD_PX, ROW_PX, SUMMARY_PX = 21, 20, 18  # heights of a heading, a row and the fold line


def category_label(cat: str, lang: str) -> str:
    """A link category's name, or its code when i18n does not know it yet."""
    try:
        return label(cat, lang)
    except KeyError:
        return cat


def _swatch_line(style: Mapping[str, Any]) -> str:
    dash = f' stroke-dasharray="{html.escape(style["dashArray"])}"' if style.get("dashArray") else ""
    return (f'<svg width="38" height="12" style="flex:none"><line x1="2" y1="6" x2="36" y2="6" '
            f'stroke="{html.escape(style["color"])}" stroke-width="{LINK_WEIGHT}" stroke-linecap="round"{dash}/></svg>')


def legend_html(shapes: Iterable[str], cats: Iterable[str], color_by: str, lang: str,
                changed: str = "") -> tuple[str, tuple[float, float]]:
    """The legend of the `shapes` and link categories `cats` present, in `lang`, and its
    estimated (width, height) in pixels; ("", (0, 0)) when nothing is present. `changed` is the
    text of the changed places' halo (only given when some are shown)."""
    shapes, cats = set(shapes), set(cats)
    out: list[str] = []
    texts: list[str] = []  # row texts, for the size estimate
    heads = 0
    if shapes:
        heads += 1
        texts.append(t("map.legend.places", lang))
        out.append(f"<h4>{html.escape(t('map.legend.places', lang))}</h4>")
        for shape in SHAPES:
            if shape in shapes:
                texts.append(t("map.shape." + shape, lang))
                out.append(f'<div class="row"><span class="mk"><span class="jcm-s jcm-{shape}"></span></span>'
                           f"{html.escape(t('map.shape.' + shape, lang))}</div>")
        if changed:
            texts.append(changed)
            out.append(f'<div class="row"><span class="mk"><span class="jcm-s jcm-cn_city jcm-chg"></span></span>'
                       f"{html.escape(changed)}</div>")
    if cats:
        heads += 1
        texts.append(t("map.legend." + color_by, lang))
        out.append(f"<h4>{html.escape(t('map.legend.' + color_by, lang))}</h4>")
        known = [str(k) for k in LINK_STYLES[color_by]]
        for cat in known + sorted(cats - set(known)):
            if cat in cats:
                style = LINK_STYLES[color_by].get(cat, UNKNOWN_STYLE)  # type: ignore[call-overload]
                texts.append(category_label(cat, lang))
                out.append(f'<div class="row">{_swatch_line(style)}{html.escape(category_label(cat, lang))}</div>')
    if not out:
        return "", (0.0, 0.0)
    widest = max(sum(char_em(ch) for ch in text) * LEGEND_FONT_PX for text in texts)
    width = min(float(LEGEND_MAX_PX), widest + SWATCH_PX + LEGEND_GAP_PX + 2 * LEGEND_PAD_X)
    height = 2 * LEGEND_PAD_Y + HEAD_PX * heads + ROW_PX * (len(texts) - heads) + SUMMARY_PX
    # <details open>: a presenter can fold the legend away when it hides something.
    summary = f"<summary>{html.escape(t('map.legend', lang))}</summary>"
    return f"<details open>{summary}{''.join(out)}</details>", (width, height)
