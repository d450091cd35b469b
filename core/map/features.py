"""Places, links and labels as GeoJSON features: what each carries to the browser.

Properties: `id` ("place:<Place.key>" or "link:<Partnership.key>", what a click reports), `tip`
(tooltip HTML), `name` (the accessible name a screen reader announces, plain text), `sel` (1 when
highlighted), `chg` (1 when a place's status changed since the compared snapshot), `cat` (a link's
style category), `y` (a link's agreement year: shown on the link when it is selected, and read by
the timeline), `shape` (a place's marker) and `t` (a label's text). Where labels go is decided in
the browser, for the map's real size and zoom (assets/jcm-labels.js). Every HTML text is
html.escape'd here; encoding.py makes the JSON inert.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Literal

from common.i18n import label, t
from core.data.models import Country, LatLon, Partnership, Place, PlaceKind, Stage
from core.geography.arcs import assign_bends
from core.map.encoding import arc_json, feature_json, point_json
from core.map.ids import feature_id
from core.map.style import shape

ColorBy = Literal["relation", "stage"]
Link = tuple[Partnership, LatLon, LatLon]

# Above this many places, labels are omitted (tooltips only): the browser's greedy layout checks
# every pair, and hundreds of labels cannot all be readable on one screen anyway.
LABEL_LIMIT = 200
FIT_PADDING = 40  # fitBounds' padding in pixels
NAME_SEP = " — "  # between the parts of an accessible name: "天津市 — 直轄市 — ほぼ合意"
SAME_POINT_DEG = 0.01  # a region within ~1 km of a city stands at it (its capital): drawn as a ring


def category(p: Partnership, color_by: ColorBy, stage_of: Callable[[str], Stage]) -> str:
    """The style category of a link: its relation, or its Chinese side's stage."""
    return str(p.relation) if color_by == "relation" else str(stage_of(p.china))


def place_name(place: Place, lang: str, stage: Stage) -> str:
    """What a screen reader says for a place: its name, kind and, in China, its Table 2 stage
    (in Japan, its country: the programme's stages are the Chinese side's)."""
    last = label(stage, lang) if place.country == Country.CN else label(place.country, lang)
    return NAME_SEP.join((place.names.get(lang), label(place.kind, lang), last))


def place_tip(place: Place, lang: str) -> str:
    parts = [f"<b>{html.escape(place.names.get(lang))}</b>",
             html.escape(f"{label(place.kind, lang)} · {label(place.country, lang)}")]
    if place.note:
        parts.append(html.escape(place.note))
    return "<br>".join(parts)


def _link_parts(p: Partnership, names: Mapping[str, str], lang: str, stage: Stage) -> list[str]:
    """A link's ends, relation (with its year) and stage, as plain text."""
    rel = label(p.relation, lang)
    if p.year is not None:
        rel += f" ({t('map.tip.year', lang, year=p.year)})"
    head = f"{names.get(p.japan, p.japan)} – {names.get(p.china, p.china)}"
    return [head, rel, t("map.tip.stage", lang, stage=label(stage, lang))]


def link_tip(p: Partnership, names: Mapping[str, str], lang: str, stage: Stage) -> str:
    head, *rest = (html.escape(part) for part in _link_parts(p, names, lang, stage))
    parts = [f"<b>{head}</b>", *rest]
    if p.note:
        parts.append(html.escape(p.note))
    return "<br>".join(parts)


def link_features(
    links: Sequence[Link], names: Mapping[str, str], lang: str, color_by: ColorBy,
    stage_of: Callable[[str], Stage], selected: str | None, selected_link: str | None,
) -> list[str]:
    """One curved LineString per link; links whose ends are DRAWN at the same point bend apart.

    Bends are assigned by where the ends are drawn, not by place key: a region at its capital
    (遼寧省 at 瀋陽市) shares the city's point, and keyed by place the links 富山県–遼寧省 and
    川崎市–瀋陽市 took the same bend and ran within 1-6 px of each other at the overview zoom."""
    bends = assign_bends([(a, b) for _, a, b in links])
    out: list[str] = []
    for (p, a, b), bend in zip(links, bends):
        props: dict[str, Any] = {
            "id": feature_id("link", p.key),
            "cat": category(p, color_by, stage_of),
            "tip": link_tip(p, names, lang, stage_of(p.china)),
            "name": NAME_SEP.join(_link_parts(p, names, lang, stage_of(p.china))),
        }
        if selected_link == p.key or (selected is not None and selected in (p.japan, p.china)):
            props["sel"] = 1
        if p.year is not None:
            props["y"] = p.year
        out.append(feature_json(props, arc_json(a, b, bend)))
    return out


def ringed_regions(shown: Sequence[tuple[Place, LatLon]]) -> dict[str, str]:
    """Region key -> key of the city it stands at (a region placed at its capital, 兵庫県 at 神戸市):
    the region is drawn as a ring around that city's marker."""
    cities = [(p.key, c) for p, c in shown if not p.kind.is_region and p.kind != PlaceKind.NATIONAL_BODY]
    out: dict[str, str] = {}
    for p, (lat, lon) in shown:
        if p.kind.is_region:
            near = [k for k, (la, lo) in cities if abs(la - lat) < SAME_POINT_DEG and abs(lo - lon) < SAME_POINT_DEG]
            if near:
                out[p.key] = near[0]
    return out


def place_features(
    shown: Sequence[tuple[Place, LatLon]], lang: str, stage_of: Callable[[str], Stage],
    selected: str | None, labels: bool | None, changed: Collection[str] = (),
) -> tuple[list[str], list[str]]:
    """Place markers and, up to LABEL_LIMIT places (or as `labels` says), their labels."""
    if labels is None:
        labels = len(shown) <= LABEL_LIMIT
    place_feats: list[str] = []
    label_feats: list[str] = []
    rings = ringed_regions(shown)
    for p, c in shown:
        sel = {"sel": 1} if p.key == selected else {}
        chg = {"chg": 1} if p.key in changed else {}
        point = point_json(*c)
        place_feats.append(feature_json({"id": feature_id("place", p.key), "tip": place_tip(p, lang),
                                         "shape": shape(p, p.key in rings),
                                         "name": place_name(p, lang, stage_of(p.key)), **sel, **chg}, point))
        if labels:
            label = {"id": feature_id("place", p.key), "t": html.escape(p.names.get(lang)), **sel}
            label_feats.append(feature_json(label, point))
    return place_feats, label_feats
