"""One entity's stage over time as an SVG picture, for the details panel of a clicked place.

Drawn here as text, not as an Altair chart: Streamlit draws a Vega chart from an Arrow table, so the
first click on a city of data with several snapshots imported Altair and pandas (~0.5 s and ~70 MB the
server then kept). It looks as the Altair chart did: the stages down the side, the most advanced at the
top; the snapshot dates along the bottom, slanted so that they never overlap in the narrow panel; one
point per date in the stage's map colour (core/palette.py), joined by a grey line. Every text is
escaped. The page shows it as an image (`picture`: st.html keeps no SVG), whose alternative text says
each date's stage.
"""

from __future__ import annotations

import base64
import unicodedata
from html import escape

from common.i18n import format_date, label, t
from core.data.models import Dataset, Stage
from core.palette import LINK_STYLES

STAGES = list(Stage)  # most advanced first: the top row
FONT_PX, TITLE_PX = 14, 16  # read from the back of a room, as the other charts (charts._FONT_PX)
ROW_PX, COLUMN_PX, PAD = 34, 56, 10  # a stage's row, a date's column, the margin
SLANT = 0.64  # sin 40°: how much of a date's width a slanted date takes downwards
LINE, GRID = "#888888", "#e3e7ee"


def text_px(text: str, size: int = FONT_PX) -> float:
    """About how wide `text` is drawn: a CJK character is about a square, another about half of one."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.56 for c in text)


def entity_stage_svg(dataset: Dataset, key: str, lang: str) -> str:
    """`key`'s stage at each snapshot date of `dataset` (no status where it had none yet), in `lang`."""
    names = [label(s, lang) for s in STAGES]
    points = [(format_date(date, lang), dataset.stage_of(key, date)) for date in dataset.dates]
    title = t("chart.entity_stages", lang)
    left = PAD + max(text_px(n) for n in names) + PAD
    top = PAD + TITLE_PX + PAD
    axis = top + ROW_PX * len(STAGES)
    width = max(left + COLUMN_PX * len(points) + PAD, PAD + text_px(title, TITLE_PX) + PAD)
    height = axis + PAD + SLANT * max((text_px(d) for d, _ in points), default=0) + FONT_PX

    def x(i: int) -> float:
        return left + COLUMN_PX * (i + 0.5)

    def y(stage: Stage) -> float:
        return top + ROW_PX * (STAGES.index(stage) + 0.5)

    parts = [f'<text x="{PAD}" y="{PAD + TITLE_PX}" font-size="{TITLE_PX}" font-weight="600">{escape(title)}</text>']
    for stage, name in zip(STAGES, names):
        parts.append(f'<line x1="{left:.0f}" x2="{width - PAD:.0f}" y1="{y(stage):.0f}" y2="{y(stage):.0f}" '
                     f'stroke="{GRID}"/>')
        parts.append(f'<text x="{left - PAD:.0f}" y="{y(stage):.0f}" text-anchor="end" dominant-baseline="middle">'
                     f"{escape(name)}</text>")
    if len(points) > 1:
        line = " ".join(f"{x(i):.0f},{y(stage):.0f}" for i, (_, stage) in enumerate(points))
        parts.append(f'<polyline points="{line}" fill="none" stroke="{LINE}" stroke-width="2"/>')
    for i, (date, stage) in enumerate(points):
        colour = LINK_STYLES["stage"][stage]["color"]
        parts.append(f'<circle cx="{x(i):.0f}" cy="{y(stage):.0f}" r="7" fill="{colour}"/>')
        parts.append(f'<text transform="translate({x(i):.0f} {axis + PAD:.0f}) rotate(-40)" text-anchor="end" '
                     f'dominant-baseline="hanging">{escape(date)}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif" font-size="{FONT_PX}" fill="#31333f">'
            f"<title>{escape(title)}</title>" + "".join(parts) + "</svg>")


def picture(dataset: Dataset, key: str, lang: str) -> str:
    """`entity_stage_svg` as an HTML image, its own size or the panel's width when that is narrower (a
    chart stretched to a wide panel had huge text); its alternative text says each date's stage."""
    svg = entity_stage_svg(dataset, key, lang).encode("utf-8")
    said = "; ".join(f"{format_date(d, lang)}: {label(dataset.stage_of(key, d), lang)}" for d in dataset.dates)
    alt = escape(f"{t('chart.entity_stages', lang)} — {said}")
    return (f'<img class="jcm-stage-chart" alt="{alt}" style="max-width: 100%; height: auto" '
            f'src="data:image/svg+xml;base64,{base64.b64encode(svg).decode("ascii")}">')
