"""The folium map of the programme: one module per Leaflet concept, its JavaScript and CSS in `assets/`
under the same name (`links` and assets/jcm-links.js). Pure: no Streamlit import.

Concepts, each with its asset: `map` (the element every other builds on, the static part's files,
the dynamic part's group, the container's CSS variables and focus; jcm-map.js, the jcm namespace,
jcm-map.css, the sea, and jcm-map-print.css, the map on paper; each concept below has its own stylesheet
where it has a look) · `markers` (places and labels as DivIcon markers) · `links` (halo,
line, click paths, a link's ends) · `tooltip` · `legend` (its HTML and its control) · `selection` (a
click highlighted and sent at once) · `labels` (the browser's label layout for the map's real size)
· `keyboard` (every place and link a tab stop with an accessible name) · `view` (zoom and centre
kept, the extent framed or flown to) · `basemap` (the ground: offline outlines or tiles,
attribution, scale) · `timeline` (the play button) · `overlay` (an imported list of other
partnerships on one canvas).

Without assets: `style` (every size the CSS uses and the label rules; colours from core/palette.py) ·
`projection` (Web-Mercator and fitBounds as Leaflet computes them) · `encoding` (GeoJSON text and the
escaping that keeps data inert) · `ids` (a feature's id: what a click reports) · `features` (places,
links and labels as features) · `vendor` (Leaflet and the map's own files, and how they reach the
browser) · `request` (`MapRequest`: everything one map shows, as one typed value) · `build`
(`build_map(request)`) · `nopandas` (folium imported without pandas: imported here, first).
"""

from core.map import nopandas  # noqa: F401, E402 - before any module here imports folium: see nopandas.py
