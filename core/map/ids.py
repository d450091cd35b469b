"""A map feature's id: what its GeoJSON carries, what a click reports and what the address keeps.

"place:<Place.key>" for a place's marker or label, "link:<japan>–<china>" (EN DASH: Partnership.key)
for a programme link, "overlay:<index>" for a link of an imported overlay (its index in Overlay.links).
The map's JavaScript builds and reads ids in one place (assets/jcm-map.js: `jcm.featureId`, `jcm.keyOf`;
a link's id split into its places by assets/jcm-links.js: `jcm.linkEnds`).
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["place", "link", "overlay"]
KINDS: tuple[Kind, ...] = ("place", "link", "overlay")


def feature_id(kind: Kind, key: str | int) -> str:
    return f"{kind}:{key}"


def parse(fid: object) -> tuple[Kind, str] | None:
    """(kind, key) of a feature id as a click reports it, or None for anything else (an overlay's key
    must be an index: ASCII digits)."""
    if not isinstance(fid, str):
        return None
    kind, sep, key = fid.partition(":")
    if not sep or kind not in KINDS or not key or (kind == "overlay" and not (key.isascii() and key.isdigit())):
        return None
    return kind, key  # type: ignore[return-value]
