"""This run's map request (core/map/request.py), built once from the view by the one function the map
page and the presenter view share: the places and links shown, the selection, the shading, the
"changed" halos, the timeline's year, the session's overlay and how the map is framed.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.data.models import Dataset, LatLon
from core.map.overlay import link_frame, overlay_map
from core.map.request import MapRequest
from core.map.style import LINK_WEIGHT, PRESENTER_LINK_WEIGHT
from core.view.filters import Shown, apply_filter, without_years
from core.view.state import ViewState
from ui import overlay, overlaypick, presenter, tourpanel
from ui.snapshots import map_marks


def map_request(dataset: Dataset, coords: Mapping[str, LatLon], view: ViewState, shown: Shown) -> MapRequest:
    """The map this run draws, on the map page or (`view["present"]`) filling the presenter's window."""
    presenting = presenter.presenting()
    imported = overlay_map(overlay.current(), view["province"], overlaypick.selected())
    # A pair picked in the overlay's finder may be out of sight: the map frames it instead.
    picked = imported.selected_link if imported and overlaypick.picked_in_finder() else None
    # Framed on the view without its year filters: moving the year slider keeps the map still.
    framed = apply_filter(dataset, without_years(view.filter))
    frame = ([coords[p.key] for p in framed.places if p.key in coords] if picked is None
             else link_frame(imported.overlay, picked))
    step = tourpanel.current(tourpanel.steps()[0], view["step"]) if presenting else None
    return MapRequest(
        shown.places, shown.partnerships, coords,
        lang=view.lang, color_by=view.color, stage_of=dataset.stage_of, basemap=view.basemap,
        selected=view.place, selected_link=view.link,
        fill=presenting, link_weight=PRESENTER_LINK_WEIGHT if presenting else LINK_WEIGHT,
        shaded=view["province"], **map_marks(dataset, view), timeline_year=view["year"], overlay=imported,
        frame=frame, extent=step.extent if step and picked is None else None,
    )
