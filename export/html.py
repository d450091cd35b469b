"""One self-contained HTML file of the view: opens by double-click, no server, no internet.

The same `build_map` output the app shows, rendered by folium, with every asset it links to
(Leaflet's and the map's own JS/CSS, Leaflet's images as data: URLs) inlined, so nothing is fetched.
The title, source and date sit on the page; a small in-page panel (assets/details.js) shows a
place's or a link's details on click; the details are built here from the data and html-escaped,
like the tooltips (core/map/features.py).
"""

from __future__ import annotations

import base64
import html
from datetime import date
from pathlib import Path

from common.i18n import format_date, label, t
from core.data.models import Country, Dataset, Place
from core.map.build import build_map
from core.map.encoding import js_json
from core.map.features import link_tip, place_tip
from core.map.ids import feature_id
from core.map.request import MapRequest
from core.map.vendor import Delivery, source
from core.report.wording import as_of_line, place_list, source_line
from export.drawing import Drawing

ASSETS = Path(__file__).resolve().parent / "assets"
_MEDIA = {".js": "text/javascript", ".css": "text/css"}


def inlined(folder: str, name: str) -> str:
    """An asset of the map as a data URL (core.map.vendor.AssetUrl): the page fetches nothing.
    Leaflet's stylesheet names marker and layer-switch images this map never shows (DivIcons only, no
    layer control), so they are not carried: unresolved, they are never asked for."""
    path = source(folder, name)
    return f"data:{_MEDIA[path.suffix]};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline(path: Path, tag: str) -> str:
    """A file of the export's own panel as an element: "</" inside cannot end it ("<\\/" means the same
    to JavaScript and CSS)."""
    text = path.read_text(encoding="utf-8").replace("</", "<\\/")
    return f"<{tag}>{text}</{tag}>"


def _place_details(dataset: Dataset, place: Place, lang: str) -> str:
    """A place's tooltip, its Table 2 stage (Chinese side) and its partners, escaped."""
    parts = [place_tip(place, lang)]
    if place.country == Country.CN:
        parts.append(html.escape(t("map.tip.stage", lang, stage=label(dataset.stage_of(place.key), lang))))
    partners = [p.china if p.japan == place.key else p.japan for p in dataset.partnerships
                if place.key in (p.japan, p.china)]
    if partners:
        parts.append(html.escape(f"{t('details.partners', lang)}: {place_list(dataset, partners, lang)}"))
    return "<br>".join(parts)


def details(view: Drawing) -> dict[str, str]:
    """Feature id -> the details panel's HTML (escaped) for every place and link shown."""
    lang, dataset = view.lang, view.dataset
    names = {key: p.names.get(lang) for key, p in dataset.places.items()}
    out = {feature_id("place", p.key): _place_details(dataset, p, lang) for p in view.shown.places}
    out.update({feature_id("link", p.key): link_tip(p, names, lang, dataset.stage_of(p.china))
                for p in view.shown.partnerships})
    return out


def caption(view: Drawing, today: date | None = None) -> str:
    """Title, source and date on the page (escaped), as the figures show them."""
    lang = view.lang
    made = t("export.made", lang, date=format_date((today or date.today()).isoformat(), lang))
    lines = filter(None, (as_of_line(view.dataset, lang), source_line(view.dataset, lang)))
    return (f'<div class="jcm-caption"><b>{html.escape(t("app.title", lang))}</b><br>'
            f'{html.escape(" · ".join(lines))}'
            f' · {html.escape(made)}</div>')


def standalone_html(view: Drawing) -> str:
    """The view's map as one HTML document with nothing to fetch."""
    state = view.state
    request = MapRequest(view.shown.places, view.shown.partnerships, view.coords, lang=view.lang,
                         color_by=state.color, stage_of=view.stage_of, basemap="offline",
                         selected=state.place, selected_link=state.link)
    page = build_map(request, Delivery(url=inlined)).get_root().render()
    panel = (_inline(ASSETS / "details.css", "style")
             + f'<script>var JCM_DETAILS = {js_json(details(view))};'
             f'var JCM_CLOSE = {js_json(t("export.close", view.lang))};</script>'
             + _inline(ASSETS / "details.js", "script"))
    title = f"<title>{html.escape(t('app.title', view.lang))}</title>"
    # The panel's hook must exist before the map script creates its layers: right after <head>'s scripts.
    page = page.replace("<head>", f"<head>\n{title}", 1)
    page = page.replace("</body>", caption(view) + "</body>", 1)
    return page.replace("</head>", panel + "</head>", 1).replace("<html>", f'<html lang="{view.lang}">', 1)

