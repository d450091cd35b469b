"""`MapRequest`: everything one map of the programme shows, as one typed value.

Built once per run by one function (the app's `ui/maprequest.py`, which the map page and the presenter
view share; an export's `export/drawing.py`), drawn by `core.map.build.build_map`. How the map's files
reach the browser (the basemap inline or fetched, the overlay's data URL) is the caller's, and no part
of the request: `build_map(request, delivery)` (core/map/vendor.py).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from core.data.models import LatLon, Partnership, Place, Stage
from core.map.features import ColorBy
from core.map.overlay import OverlayMap
from core.map.style import LINK_WEIGHT
from core.view.basemaps import DEFAULT_BASEMAP

DEFAULT_WIDTH, DEFAULT_HEIGHT = 760, 640  # the page's map column on a 1280x720 projector


def no_status(_key: str) -> Stage:
    return Stage.NO_STATUS


@dataclass(frozen=True)
class MapRequest:
    """The map of `places` and `partnerships` (already filtered by the page).

    What: a place is shown when it has coordinates in `coords` (geocode.places.coordinates: a manual
    lat/lon in the data already wins there); a link when both its ends have coordinates (its ends need
    not be in `places`). `selected` is a Place key, `selected_link` a Partnership key; both are
    highlighted. An unknown `basemap` falls back to the offline one.

    How big: `width`/`height` are the map's expected size in pixels, for the opening zoom (labels are
    laid out in the browser for the real size and zoom); `fill` makes it as tall as its frame (the
    presenter view). `labels=None` shows labels up to features.LABEL_LIMIT places. `link_weight`: the
    links' width in px (the presenter view raises it).

    Marks: `shaded` regions (Japanese names, as the province filter holds them) shaded as areas (a
    selected region is shaded too); `changed` Place keys whose status changed since a compared
    snapshot get a dashed halo, explained in the legend by `changed_label` ("Changed since …");
    `timeline_year`: the timeline's year the map opens at; `overlay`: an imported list of other
    partnerships drawn beneath the programme and named in the legend (core/map/overlay.py).

    Framing: `frame`, the points to frame instead of the places shown (the page passes the places of
    the view without its year filters, so that moving the year slider never re-frames the map);
    `extent` ((south, west), (north, east), a tour step's) frames the map instead of both. The view
    is kept across reruns and flown to a new extent (Framing).
    """

    places: Sequence[Place]
    partnerships: Sequence[Partnership]
    coords: Mapping[str, LatLon]
    lang: str = "ja"
    color_by: ColorBy = "relation"
    stage_of: Callable[[str], Stage] = no_status
    basemap: str = DEFAULT_BASEMAP
    selected: str | None = None
    selected_link: str | None = None
    width: int = DEFAULT_WIDTH
    height: int = DEFAULT_HEIGHT
    fill: bool = False
    labels: bool | None = None
    link_weight: float = LINK_WEIGHT
    shaded: Collection[str] = ()
    changed: Collection[str] = ()
    changed_label: str = ""
    timeline_year: int | None = None
    overlay: OverlayMap | None = None
    frame: Sequence[LatLon] | None = None
    extent: tuple[LatLon, LatLon] | None = None
