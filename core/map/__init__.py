"""The folium map of the programme, one module per idea.

`style` (tables, every size the CSS uses and the label rules) · `projection` (Web-Mercator and
fitBounds as Leaflet computes them) · `encoding` (GeoJSON text and the escaping that keeps data
inert) · `features` (places, links and labels as features) · `legend` · `elements` (one folium
element per Leaflet concept; their JavaScript and CSS live in `assets/`, where `jcm-labels.js`
lays labels out for the map's real size and makes the map usable from the keyboard) · `build`
(`build_map`). Pure: no Streamlit import.
"""
