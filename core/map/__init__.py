"""The folium map of the programme, one module per idea.

`style` (tables and every size the CSS and the layout share) · `projection` (Web-Mercator and
fitBounds as Leaflet computes them) · `layout` (where markers and labels go) · `encoding`
(GeoJSON text and the escaping that keeps data inert) · `features` (places, links and labels as
features) · `legend` · `elements` (one folium element per Leaflet concept; their JavaScript and
CSS live in `assets/`) · `build` (`build_map`). Pure: no Streamlit import.
"""
