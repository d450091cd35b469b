"""How the map looks: link and place styles, and every size that both the CSS and Python read.

The CSS (assets/jcm-*.css) reads the sizes as custom properties that the map sets once on its
container (`css_vars`), so the label layout and the legend's size estimate can never drift from
what the browser draws.
"""

from __future__ import annotations

from typing import Any

from core.data.models import Country, Place, PlaceKind
from core.palette import BASEMAP_STYLES

LINK_WEIGHT = 4.0  # px; the presenter view may raise it (build_map's link_weight)
PRESENTER_LINK_WEIGHT = 6.0
SELECTED_EXTRA_PX = 3.0  # a selected link is this much thicker
HALO_COLOR, HALO_PX = "#FFFFFF", 2.0  # drawn under each link, HALO_PX wider on each side
HIT_PX = 18.0  # the invisible path over each link that takes clicks and the tooltip
SHADE_STYLE = {"color": "#111111", "weight": 2.5, "fillColor": "#FFD600", "fillOpacity": 0.35}  # a chosen region
FADED_OPACITY = 0.25  # links not involved in the selection, when something is selected

# Place shapes: JP = red circles, CN = blue squares, national bodies = diamonds; regions are
# larger hollow rings, cities filled. A region standing at a city of the map (its capital: 兵庫県 at
# 神戸市) is a wider ring AROUND that city's marker (`*_ring`), so both stay visible and clickable.
JP_COLOR, CN_COLOR = "#C62828", "#1F4FB5"
CHANGED_COLOR = "#6A1B9A"  # the dashed halo of a place whose status changed since the compared snapshot
SHAPES = ("jp_city", "jp_region", "jp_ring", "jp_body", "cn_city", "cn_region", "cn_ring", "cn_body")

# Marker boxes (px, border included) per kind of place.
MARKER_SIZES = {"city": 13, "region": 18, "body": 12, "ring": 29}
MARKER_PX = MARKER_SIZES["region"]  # the layout keeps every marker's box clear (a ring holds a city)

# Labels are laid out in the browser (assets/jcm-labels.js, fed by label_rules()) for the map's
# real size and zoom. THE RULES, for any drawer of this map (the browser, an export):
# 1. a label's nearest edge lies within LABEL_REACH_PX of its own marker's centre, and nearer
#    (by LABEL_GAP_PX) to it than to any other marker: a label never reads as another place's;
# 2. no two labels overlap, and no label covers any marker (LABEL_GAP_PX clear of both);
# 3. a place whose label cannot keep 1 and 2 gets a numbered badge (a small label under the same
#    rules) explained in a key on the map; one that cannot even have a badge shows its number on its
#    own marker (over it, never over another marker's centre; a ring left unnamed with its city
#    shares the city's number), so every place on screen is named;
# 4. the subject of the view (a selection, a step's link) is named first, then the hubs (places with
#    at least HUB_LINKS links shown: 北九州市, 天津市), whose name the room looks for, then the most crowded.
LABEL_REACH_PX = 48
LABEL_GAP_PX = 3
FONT_PX = 16  # label text in the page's map column: readable from the back of the room
FONT_LARGE_PX = 18  # label text on a map at least LARGE_MAP_PX wide (a full-window presenter map)
LARGE_MAP_PX = 1000
LINE_PX = round(FONT_PX * 1.3)  # a line of map text (the selected link's year)
PAD_X, PAD_Y = 5, 2  # label box padding
MAX_LABEL_EM = 14  # long names wrap beyond this many em (a 13-character Japanese name does not)
LABEL_TRIES = 4  # greedy layout passes, each starting with the places the last left unnamed
HUB_LINKS = 3  # a place with this many links on the map is a hub: its name is laid out before the crowd's
CHANGED_HALO_PX = LABEL_GAP_PX  # the "changed" halo around a marker: inside the labels' gap, never over one

LEGEND_FONT_PX = 13
LEGEND_MAX_PX = 260  # the legend's max-width
LEGEND_PAD_X, LEGEND_PAD_Y = 9, 6
LEGEND_GAP_PX = 6  # between a row's swatch and its text

TIMELINE_YEAR_PX = 64  # the timeline's current year: read from the back of the room
TIMELINE_BUTTON_PX = 20  # its play/pause/step buttons' symbols
TIMELINE_FRAME_MS = 900  # one year per frame while playing: 20 years + undated in ~19 s
NOTICE_FONT_PX = 16  # "the online basemap could not load" on the map
PRESENTER_FONT_PX = 18  # the least text size in the presenter view (its map and panels): read from the back


def shape(place: Place, ring: bool = False) -> str:
    """The marker shape of a place: its country and whether it is a city, region or national body;
    `ring`: a region drawn around the city it stands at."""
    country = "jp" if place.country == Country.JP else "cn"
    if place.kind == PlaceKind.NATIONAL_BODY:
        return f"{country}_body"
    if place.kind.is_region:
        return f"{country}_ring" if ring else f"{country}_region"
    return f"{country}_city"


def label_rules() -> dict[str, int]:
    """The label rules and sizes assets/jcm-labels.js lays labels out with."""
    return {"reach": LABEL_REACH_PX, "gap": LABEL_GAP_PX, "marker": MARKER_PX, "font": FONT_PX,
            "fontLarge": FONT_LARGE_PX, "largeMap": LARGE_MAP_PX, "maxEm": MAX_LABEL_EM, "tries": LABEL_TRIES,
            "hubLinks": HUB_LINKS}


def css_vars() -> dict[str, str]:
    """The CSS custom properties the assets' stylesheets read, set on the map container."""
    px = {
        "font": FONT_PX, "line": LINE_PX, "pad-x": PAD_X, "pad-y": PAD_Y, "halo": CHANGED_HALO_PX,
        **{f"{kind}-marker": size for kind, size in MARKER_SIZES.items()},
        "legend-font": LEGEND_FONT_PX, "legend-max": LEGEND_MAX_PX,
        "legend-pad-x": LEGEND_PAD_X, "legend-pad-y": LEGEND_PAD_Y, "legend-gap": LEGEND_GAP_PX,
        "tl-year": TIMELINE_YEAR_PX, "tl-button": TIMELINE_BUTTON_PX, "notice-font": NOTICE_FONT_PX,
        "present-font": PRESENTER_FONT_PX,
    }
    colours = {"jp": JP_COLOR, "cn": CN_COLOR, "changed": CHANGED_COLOR, "sea": BASEMAP_STYLES["sea"]}
    return {**{f"--jcm-{k}": f"{v}px" for k, v in px.items()}, **{f"--jcm-{k}": v for k, v in colours.items()}}

# The presenter view's panels over the map (ui/assets/presenter.css), kept clear when the map is
# framed: the caption above, the tour's notes below, the details panel on the right (when open).
PRESENTER_RESERVE_PX = {"top": 60, "bottom": 170, "right": 410}

# Panes (Leaflet z-index): the offline basemap's ground (above online tiles at 200), the imported
# overlay's canvas above it, and the programme's links (Leaflet's overlayPane, 400) and markers
# (600) above both: the programme stays the hero and keeps its clicks.
GROUND_PANE_Z = 250
OVERLAY_PANE_Z = 350

# The imported overlay (core/map/overlay.py, assets/jcm-overlay.js): thin, grey-blue, faint and
# solid, so it cannot be mistaken for the programme's thick, coloured, dashed links; Japan–China
# pairs a little stronger than the rest. Hover and selection darken one link.
OVERLAY_STYLES: dict[str, dict[str, Any]] = {
    "other": {"color": "#7D93AB", "weight": 1.0, "opacity": 0.28},
    "japan_china": {"color": "#4F6E8F", "weight": 1.4, "opacity": 0.55},
}
OVERLAY_HOVER_STYLE = {"color": "#1E3550", "weight": 3.0, "opacity": 0.95}
OVERLAY_HIT_PX = 5.0  # a pointer within this many px of an overlay link hovers or clicks it
OVERLAY_PAD = 0.1  # the canvas reaches this far (share of the map's size) beyond each edge: a short pan shows no gap;
# more costs paint time (measured: 0.25 made a pan's paint ~1.5x slower at 1920x1080)
