"""The imported overlay on the map: what the page ships and the layer that draws it.

Ship endpoints, not arcs: the page carries each place once (rounded to 4 decimals, ~10 m) and
each link as two place indices plus a style code, in flat arrays; the browser computes the
great-circle arcs and draws them on one canvas (assets/jcm-overlay.js). The 25,917 links of the
reference set cost ~35 B each, names included, against ~700 B as GeoJSON arcs (`make bench`).

Safety: names and country names are plain text inside script-safe JSON (encoding.py) and reach
the DOM only as textContent. Programme pairs that the file also holds (`exclude`, the import's
`programme_duplicates`) are not shipped: the programme's own link is drawn instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from folium.template import Template

from common.i18n import country_names
from core.map.encoding import js_value, script_safe
from core.map.ids import feature_id
from core.map.map import MAP_JS, JcmElement
from core.map.style import OVERLAY_HIT_PX, OVERLAY_HOVER_STYLE, OVERLAY_PAD, OVERLAY_PANE_Z, OVERLAY_STYLES
from core.overlay.model import Overlay, OverlayLink
from core.overlay.settings import OverlaySettings, Scope

OTHER, JAPAN_CHINA = 0, 1  # a link's style code in the payload


@dataclass(frozen=True)
class OverlayMap:
    """What build_map draws of an overlay: which links (all but `exclude`, indices into
    overlay.links: the programme's own pairs), whether at all (`show`), of what `scope`, for which
    `regions` (Japanese names, as the app's province filter holds them; empty = all) and which
    link is `selected`. The page makes it from ui.overlay.current() (core.overlay.settings.OverlaySettings)."""

    overlay: Overlay
    exclude: frozenset[int] = frozenset()
    show: bool = True
    scope: Scope = "japan_china"
    regions: tuple[str, ...] = ()
    selected: int | None = None

    @property
    def selected_link(self) -> int | None:
        """`selected` when it is a drawn link of this overlay (a stale click of an earlier file
        or a programme pair is not), else None."""
        chosen = self.selected
        return chosen if chosen in range(len(self.overlay.links)) and chosen not in self.exclude else None


def source_name(overlay: Overlay) -> str:
    """The overlay's file name without its folders (a start-up file is given as a path): what
    the legend and the details panel name, never where it lies on the presenter's disk."""
    return re.split(r"[\\/]", overlay.source)[-1]


def overlay_payload(overlay: Overlay, exclude: Collection[int] = (), lang: str = "ja") -> str:
    """The overlay as one compact, script-safe JSON text (see jcm-overlay.js for its reading):
    `names`, `ll` (lat, lon per place, flat), `cc`/`countries` (country index per place, names
    in `lang`), `rg`/`regions` (region index per place, -1 = none), `links` (a, b per link, flat),
    `jc` (style code per link: 1 Japan–China, 0 other) and `skip` (the excluded link indices, so
    the browser can report each link's index in overlay.links)."""
    skip = _skip(overlay, exclude)
    return overlay.memo(("payload", skip, lang), lambda: _payload(overlay, skip, lang))


def _skip(overlay: Overlay, exclude: Collection[int]) -> frozenset[int]:
    return frozenset(i for i in exclude if 0 <= i < len(overlay.links))


def _shipped(overlay: Overlay, skip: frozenset[int]) -> tuple[list[OverlayLink], dict[int, int], list[str]]:
    """The links shipped, the places they use (overlay index -> payload index, in order of first
    use) and the payload's region table."""
    return overlay.memo(("shipped", skip), lambda: _ship(overlay, skip))


def _ship(overlay: Overlay, skip: frozenset[int]) -> tuple[list[OverlayLink], dict[int, int], list[str]]:
    kept = [link for i, link in enumerate(overlay.links) if i not in skip]
    index: dict[int, int] = {}
    for link in kept:
        for end in (link.a, link.b):
            index.setdefault(end, len(index))
    return kept, index, sorted({overlay.places[i].region for i in index if overlay.places[i].region})


def _payload(overlay: Overlay, skip: frozenset[int], lang: str) -> str:
    kept, index, regions = _shipped(overlay, skip)
    places = [overlay.places[i] for i in index]
    countries = sorted({p.country for p in places})
    country_at = {c: i for i, c in enumerate(countries)}
    region_at = {r: i for i, r in enumerate(regions)}
    data = {
        "names": [p.name for p in places],
        "ll": [v for p in places for v in (round(p.lat, 4), round(p.lon, 4))],
        "cc": [country_at[p.country] for p in places],
        "countries": [country_name(c, lang) for c in countries],
        "rg": [region_at.get(p.region, -1) for p in places],
        "regions": regions,
        "links": [index[end] for link in kept for end in (link.a, link.b)],
        "jc": [JAPAN_CHINA if overlay.is_japan_china(link) else OTHER for link in kept],
        "skip": sorted(skip),
    }
    return script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def country_name(code: str, lang: str) -> str:
    """An ISO 3166-1 alpha-2 code's name in `lang` (CLDR, through Babel); the code itself when
    unknown, "" when there is none."""
    return country_names(lang).get(code, code) if code else ""


def pair_label(overlay: Overlay, index: int, lang: str) -> str:
    """"Kobe (Japan) – Tianjin (China)": link `index`'s two places, with their countries in `lang`
    (plain text: escaped wherever it is shown)."""
    link = overlay.links[index]
    ends = (overlay.places[link.a], overlay.places[link.b])
    return " – ".join(f"{p.name} ({country_name(p.country, lang)})" if p.country else p.name for p in ends)


def link_frame(overlay: Overlay, index: int) -> list[tuple[float, float]]:
    """Link `index`'s two places as the points to frame (a pair picked in the finder is shown): the
    second one's longitude within 180° of the first, so that a pair across the antimeridian
    (Kobe–Seattle) is framed over the Pacific, where its arc is drawn, not the other way round."""
    link = overlay.links[index]
    a, b = overlay.places[link.a], overlay.places[link.b]
    return [(a.lat, a.lon), (b.lat, b.lon + 360 * round((a.lon - b.lon) / 360))]


def region_indices(overlay: Overlay, exclude: Collection[int], regions: Collection[str]) -> list[int]:
    """The payload's indices of `regions` (Japanese names): what the layer's region filter takes."""
    wanted = set(regions)
    return [i for i, name in enumerate(_shipped(overlay, _skip(overlay, exclude))[2]) if name in wanted]


def overlay_options(view: OverlayMap) -> dict[str, object]:
    """The browser-side filter of an OverlayMap (OverlayLayer's `setOptions` takes the same).
    `regions` is None without a region filter, else the payload's indices of the chosen regions
    (empty when no shipped place lies in them: then no link is shown)."""
    return {"show": view.show, "scope": view.scope,
            "regions": region_indices(view.overlay, view.exclude, view.regions) if view.regions else None,
            "selected": view.selected_link}


class OverlayLayer(JcmElement):
    """The overlay's links as one canvas layer beneath the programme (jcm.overlayLayer): hover
    shows the pair, a click reports "overlay:<index>" to the app (jcm.sendClick, as a programme
    feature's click). Part of the map's STATIC part, showing nothing until an `OverlayOptions` of
    the dynamic part says what to show.

    Its data is in the script (an export) or, given `publish` (the app: ui.mapclick.publish_overlay),
    at the URL `publish` returns for the payload, fetched by the browser once: the static part travels
    with every rerun's map message, and 1 MB in it cost ~150 ms a click (sent, decoded, parsed)."""

    # a click goes the programme's way (jcm.sendClick, jcm-selection.js, which names the links' ends)
    scripts = (*MAP_JS, "jcm-tooltip.js", "jcm-links.js", "jcm-selection.js", "jcm-overlay.js")
    styles = ("jcm-overlay.css",)
    _template = Template("""{% macro script(this, kwargs) %}
var {{ this.get_name() }} = jcm.overlayLayer({{ this._parent.get_name() }}, {{ this.data }},
  {{ this.style|tojavascript }}, {"show": false});
{% endmacro %}""")

    def __init__(self, overlay: Overlay, exclude: Collection[int], lang: str,
                 publish: Callable[[str], str] | None = None) -> None:
        super().__init__()
        self._name = "OverlayLayer"
        payload = overlay_payload(overlay, exclude, lang)
        self.data = payload if publish is None else js_value(publish(payload))
        self.style = js_value({"styles": [OVERLAY_STYLES["other"], OVERLAY_STYLES["japan_china"]],
                               "hover": OVERLAY_HOVER_STYLE, "hit": OVERLAY_HIT_PX, "pad": OVERLAY_PAD,
                               "z": OVERLAY_PANE_Z, "prefix": feature_id("overlay", "")})


class OverlayOptions(JcmElement):
    """What the overlay shows in this view (overlay_options: switch, scope, regions, selected
    link), set on the map's OverlayLayer from the DYNAMIC part: a filter change re-sends these
    few bytes, never the overlay's data."""

    scripts, styles = OverlayLayer.scripts, OverlayLayer.styles
    _template = Template("""{% macro script(this, kwargs) %}
jcm.overlayOptions({{ this._parent.get_name() }}, {{ this.options|tojavascript }});
{% endmacro %}""")

    def __init__(self, options: dict[str, object]) -> None:
        super().__init__()
        self._name = "OverlayOptions"
        self.options = js_value(options)


def overlay_map(view: OverlaySettings | None, regions: Collection[str], selected: int | None) -> OverlayMap | None:
    """The page's session overlay (ui.overlay.current()) as build_map draws it, with the view's
    region filter (`province`) and the overlay link last clicked; None without an overlay."""
    if view is None:
        return None
    return OverlayMap(view.overlay, frozenset(view.excluded), view.show, view.scope, tuple(regions), selected)
