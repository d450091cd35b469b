"""The folium map of the programme, one module per idea; their JavaScript and CSS live in `assets/`.

`style` (every size the CSS uses and the label rules; colours from core/palette.py) · `projection`
(Web-Mercator and fitBounds as Leaflet computes them) · `encoding` (GeoJSON text and the escaping that
keeps data inert) · `ids` (a feature's id: what a click reports) · `features` (places, links and
labels as features) · `legend` · `elements` (one folium element per Leaflet concept; `jcm-labels.js`
lays labels out for the map's real size and makes the map usable from the keyboard) · `basemap` (the
ground: offline outlines or tiles, attribution, scale) · `timeline` (the play button) · `overlay` (an
imported list of other partnerships on one canvas) · `vendor` (Leaflet and the map's own files,
served offline) · `request` (`MapRequest`: everything one map shows, as one typed value) · `build`
(`build_map(request)`) · `nopandas` (folium imported without pandas: imported here, first). Pure: no
Streamlit import.
"""

from core.map import nopandas  # noqa: F401, E402 - before any module here imports folium: see nopandas.py
