"""The colours every drawer of the programme shares: the map (core/map/style.py), the charts
(core/report/charts.py) and the exports (export/figure.py) read them here, so a link is the same
colour on the screen, in a chart and on paper. Plain data: no drawing library.
"""

from __future__ import annotations

from typing import Any

from core.data.models import RelationType, Stage

# Link categories: colour AND dash pattern, so colour is never the only cue. Every colour keeps
# >= 3:1 contrast (WCAG) against the basemap's land and sea and against the link's white halo, and
# every pair of a colouring stays >= 12 CIEDE2000 apart under normal vision, protanopia,
# deuteranopia and tritanopia (tests/core/map/test_link_colours.py). Keys are enum values.
LINK_STYLES: dict[str, dict[str, dict[str, Any]]] = {
    "relation": {
        RelationType.FRIENDSHIP: {"color": "#B35900", "dashArray": None},
        RelationType.LOCAL_OFFICE: {"color": "#007A5E", "dashArray": "12 6"},
        RelationType.ENVIRONMENTAL_EXCHANGE: {"color": "#7A3DD8", "dashArray": "2 7"},
        RelationType.COOPERATION_REQUEST: {"color": "#444444", "dashArray": "10 5 2 5"},
    },
    "stage": {
        Stage.NEARLY_AGREED: {"color": "#4F7F00", "dashArray": None},
        Stage.PLATFORM_AGREED: {"color": "#6A2C91", "dashArray": "14 5"},
        Stage.IN_COORDINATION: {"color": "#8B1A1A", "dashArray": "8 6"},
        Stage.CONSULTATION_PLANNED: {"color": "#7E6BEA", "dashArray": "3 6"},
        Stage.MISSION_PLANNED: {"color": "#B0558A", "dashArray": "10 5 2 5"},
        Stage.NO_STATUS: {"color": "#444444", "dashArray": "1 6"},
    },
}
UNKNOWN_STYLE = {"color": "#666666", "dashArray": "4 4"}

# Fill/outline per feature class of the offline basemap (legible on a projector, low contrast
# so that links and markers stay in front).
BASEMAP_STYLES = {
    "sea": "#dbe8f0",
    "jp": {"color": "#b98b8b", "weight": 0.8, "fillColor": "#f6ebe8", "fillOpacity": 1.0},
    "cn": {"color": "#8b9bb9", "weight": 0.8, "fillColor": "#e9edf5", "fillOpacity": 1.0},
    "other": {"color": "#a0a0a0", "weight": 0.6, "fillColor": "#f2f2ef", "fillOpacity": 1.0},
}
