"""How the map looks: link and place styles, and every size that both the CSS and Python read.

The CSS (assets/jcm-map.css) reads the sizes as custom properties that the map sets once on its
container (`css_vars`), so the label layout and the legend's size estimate can never drift from
what the browser draws.
"""

from __future__ import annotations

from typing import Any

from core.basemap import STYLES as BASEMAP_STYLES
from core.models import Country, Place, PlaceKind, RelationType, Stage

# Link categories: colour (Okabe–Ito, colour-blind safe) AND dash pattern, so colour is never
# the only cue. Keys are enum values.
LINK_STYLES: dict[str, dict[str, dict[str, Any]]] = {
    "relation": {
        RelationType.FRIENDSHIP: {"color": "#E69F00", "dashArray": None},
        RelationType.LOCAL_OFFICE: {"color": "#009E73", "dashArray": "12 6"},
        RelationType.ENVIRONMENTAL_EXCHANGE: {"color": "#CC79A7", "dashArray": "2 7"},
        RelationType.COOPERATION_REQUEST: {"color": "#555555", "dashArray": "10 5 2 5"},
    },
    "stage": {
        Stage.NEARLY_AGREED: {"color": "#009E73", "dashArray": None},
        Stage.PLATFORM_AGREED: {"color": "#0072B2", "dashArray": "14 5"},
        Stage.IN_COORDINATION: {"color": "#E69F00", "dashArray": "8 6"},
        Stage.CONSULTATION_PLANNED: {"color": "#CC79A7", "dashArray": "3 6"},
        Stage.MISSION_PLANNED: {"color": "#D55E00", "dashArray": "10 5 2 5"},
        Stage.NO_STATUS: {"color": "#8C8C8C", "dashArray": "1 6"},
    },
}
UNKNOWN_STYLE = {"color": "#8C8C8C", "dashArray": "4 4"}
LINK_WEIGHT = 3.5

# Place shapes: JP = red circles, CN = blue squares, national bodies = diamonds; regions are
# larger hollow rings, cities filled.
JP_COLOR, CN_COLOR = "#C62828", "#1F4FB5"
SHAPES = ("jp_city", "jp_region", "jp_body", "cn_city", "cn_region", "cn_body")

# Marker boxes (px, border included) per kind of place.
MARKER_SIZES = {"city": 13, "region": 18, "body": 12}
MARKER_PX = max(MARKER_SIZES.values())  # the layout keeps every marker's largest box clear

FONT_PX = 15  # label font size: legible on a projector
LINE_PX = round(FONT_PX * 1.3)
PAD_X, PAD_Y = 5, 2  # label box padding
MAX_LABEL_PX = 12 * FONT_PX  # long names wrap beyond this width
GAP = 3  # between a marker and its label, and between any two boxes (layout only)

LEGEND_FONT_PX = 13
LEGEND_MAX_PX = 260  # the legend's max-width
LEGEND_PAD_X, LEGEND_PAD_Y = 9, 6
LEGEND_GAP_PX = 6  # between a row's swatch and its text


def shape(place: Place) -> str:
    """The marker shape of a place: its country and whether it is a city, region or national body."""
    country = "jp" if place.country == Country.JP else "cn"
    if place.kind == PlaceKind.NATIONAL_BODY:
        return f"{country}_body"
    return f"{country}_region" if place.kind.is_region else f"{country}_city"


def css_vars() -> dict[str, str]:
    """The CSS custom properties assets/jcm-map.css reads, set on the map container."""
    px = {
        "font": FONT_PX, "line": LINE_PX, "pad-x": PAD_X, "pad-y": PAD_Y,
        **{f"{kind}-marker": size for kind, size in MARKER_SIZES.items()},
        "legend-font": LEGEND_FONT_PX, "legend-max": LEGEND_MAX_PX,
        "legend-pad-x": LEGEND_PAD_X, "legend-pad-y": LEGEND_PAD_Y, "legend-gap": LEGEND_GAP_PX,
    }
    colours = {"jp": JP_COLOR, "cn": CN_COLOR, "sea": BASEMAP_STYLES["sea"]}
    return {**{f"--jcm-{k}": f"{v}px" for k, v in px.items()}, **{f"--jcm-{k}": v for k, v in colours.items()}}

# The presenter view's panels over the map (ui/assets/presenter.css), kept clear when the map is
# framed: the caption above, the tour's notes below, the details panel on the right (when open).
PRESENTER_RESERVE_PX = {"top": 60, "bottom": 170, "right": 410}
