"""The legend: only the place shapes and link categories present, and its control on the map
(assets/jcm-legend.js).

The browser's label layout (assets/jcm-labels.js) measures the drawn legend and keeps clear of it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from folium.template import Template

from common.i18n import label, t
from core.map.encoding import js_value
from core.map.map import MAP_CSS, MAP_JS, JcmElement
from core.map.style import LINK_WEIGHT, OVERLAY_STYLES, SHAPES
from core.palette import LINK_STYLES, UNKNOWN_STYLE


def category_label(cat: str, lang: str) -> str:
    """A link category's name, or its code when i18n does not know it yet."""
    try:
        return label(cat, lang)
    except KeyError:
        return cat


def _swatch_line(style: Mapping[str, Any]) -> str:
    dash = f' stroke-dasharray="{html.escape(style["dashArray"])}"' if style.get("dashArray") else ""
    weight, opacity = style.get("weight", LINK_WEIGHT), style.get("opacity", 1)
    return (f'<svg width="38" height="12" style="flex:none"><line x1="2" y1="6" x2="36" y2="6" '
            f'stroke="{html.escape(style["color"])}" stroke-width="{weight}" stroke-opacity="{opacity}" '
            f'stroke-linecap="round"{dash}/></svg>')


def overlay_legend(source: str, lang: str) -> str:
    """The imported overlay's lines: what they are (not the programme), from which file, and what
    its two styles mean. The overlay layer marks the map with what it shows, so the stylesheet
    hides the "other countries" row with scope "japan_china" and the whole block when hidden
    (assets/jcm-overlay.css): a filter changed in the browser keeps the legend true."""
    rows = [(OVERLAY_STYLES["japan_china"], t("map.legend.overlay_japan_china", lang), "jc"),
            (OVERLAY_STYLES["other"], t("map.legend.overlay_other", lang), "other")]
    return (f'<div class="jcm-ov-legend"><h4>{html.escape(t("map.legend.overlay", lang, file=source))}</h4>'
            + "".join(f'<div class="row jcm-ov-{cls}">{_swatch_line(_legible(style))}{html.escape(text)}</div>'
                      for style, text, cls in rows) + "</div>")


def _legible(style: Mapping[str, Any]) -> dict[str, Any]:
    """An overlay style as a 34 px swatch still legible from the back of the room: the same colour,
    at least 2 px, half as transparent again (the two rows keep their order of strength)."""
    return {**style, "weight": max(2.0, style["weight"]), "opacity": round(min(1.0, style["opacity"] * 1.5), 2)}


def legend_html(shapes: Iterable[str], cats: Iterable[str], color_by: str, lang: str, changed: str = "",
                overlay: str = "") -> str:
    """The legend of the `shapes` and link categories `cats` present, in `lang`; "" when nothing is.
    `changed` is the text of the changed places' halo (only given when some are shown); `overlay`
    the imported overlay's lines (overlay_legend), last: they are the least important."""
    shapes, cats = set(shapes), set(cats)
    out: list[str] = []
    if shapes:
        out.append(f"<h4>{html.escape(t('map.legend.places', lang))}</h4>")
        for shape in SHAPES:
            if shape in shapes:
                out.append(f'<div class="row"><span class="mk"><span class="jcm-s jcm-{shape}"></span></span>'
                           f"{html.escape(t('map.shape.' + shape, lang))}</div>")
        if changed:
            out.append(f'<div class="row"><span class="mk"><span class="jcm-s jcm-cn_city jcm-chg"></span></span>'
                       f"{html.escape(changed)}</div>")
    if cats:
        out.append(f"<h4>{html.escape(t('map.legend.' + color_by, lang))}</h4>")
        known = [str(k) for k in LINK_STYLES[color_by]]
        for cat in known + sorted(cats - set(known)):
            if cat in cats:
                style = LINK_STYLES[color_by].get(cat, UNKNOWN_STYLE)  # type: ignore[call-overload]
                out.append(f'<div class="row">{_swatch_line(style)}{html.escape(category_label(cat, lang))}</div>')
    if overlay:
        out.append(overlay)
    if not out:
        return ""
    # <details open>: a presenter can fold the legend away when it hides something.
    summary = f"<summary>{html.escape(t('map.legend', lang))}</summary>"
    return f"<details open>{summary}{''.join(out)}</details>"


class Legend(JcmElement):
    """The legend control (bottom right), folded at first on a map narrower than `narrow_px`."""

    scripts = (*MAP_JS, "jcm-legend.js")
    styles = (*MAP_CSS, "jcm-markers.css", "jcm-legend.css")  # its swatches are markers

    _template = Template("""{% macro script(this, kwargs) %}
jcm.legend({{ this._parent.get_name() }}, {{ this.html|tojavascript }}, {{ this.narrow_px|tojavascript }});
{% endmacro %}""")

    def __init__(self, legend_html: str, narrow_px: int) -> None:
        super().__init__()
        self._name = "Legend"
        self.legend_html = legend_html
        self.html = js_value(legend_html)
        self.narrow_px = int(narrow_px)
