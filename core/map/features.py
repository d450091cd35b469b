"""Places, links and labels as GeoJSON features: what each carries to the browser.

Properties: `id` ("place:<Place.key>" or "link:<Partnership.key>", what a click reports),
`tip` (tooltip HTML), `name` (the accessible name a screen reader announces, plain text),
`sel` (1 when highlighted), `cat` (a link's style category), `shape` (a place's marker) and
`t` (a label's text). Where labels go is decided in the browser, for the map's real size and
zoom (assets/jcm-labels.js). Every HTML text is html.escape'd here; encoding.py makes the JSON inert.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from core.arcs import assign_bends
from core.i18n import label, t
from core.map.encoding import LatLon, arc_json, feature_json, point_json
from core.map.style import shape
from core.models import Country, Partnership, Place, Stage

ColorBy = Literal["relation", "stage"]
Link = tuple[Partnership, LatLon, LatLon]

# Above this many places, labels are omitted (tooltips only): the browser's greedy layout checks
# every pair, and hundreds of labels cannot all be readable on one screen anyway.
LABEL_LIMIT = 200
FIT_PADDING = 40  # fitBounds' padding in pixels
NAME_SEP = " — "  # between the parts of an accessible name: "天津市 — 直轄市 — ほぼ合意"


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
    """One curved LineString per link; links sharing an end bend apart."""
    bends = assign_bends([(p.japan, p.china) for p, _, _ in links])
    out: list[str] = []
    for (p, a, b), bend in zip(links, bends):
        props: dict[str, Any] = {
            "id": f"link:{p.key}",
            "cat": category(p, color_by, stage_of),
            "tip": link_tip(p, names, lang, stage_of(p.china)),
            "name": NAME_SEP.join(_link_parts(p, names, lang, stage_of(p.china))),
        }
        if selected_link == p.key or (selected is not None and selected in (p.japan, p.china)):
            props["sel"] = 1
        out.append(feature_json(props, arc_json(a, b, bend)))
    return out


def place_features(
    shown: Sequence[tuple[Place, LatLon]], lang: str, stage_of: Callable[[str], Stage],
    selected: str | None, labels: bool | None,
) -> tuple[list[str], list[str]]:
    """Place markers and, up to LABEL_LIMIT places (or as `labels` says), their labels."""
    if labels is None:
        labels = len(shown) <= LABEL_LIMIT
    place_feats: list[str] = []
    label_feats: list[str] = []
    for p, c in shown:
        sel = {"sel": 1} if p.key == selected else {}
        point = point_json(*c)
        place_feats.append(feature_json({"id": f"place:{p.key}", "tip": place_tip(p, lang), "shape": shape(p),
                                         "name": place_name(p, lang, stage_of(p.key)), **sel}, point))
        if labels:
            label_feats.append(feature_json({"id": f"place:{p.key}", "t": html.escape(p.names.get(lang)), **sel},
                                            point))
    return place_feats, label_feats
