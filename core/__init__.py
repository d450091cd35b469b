"""The pure core: everything a test can check without a browser. No Streamlit below this line.

One package per concern, each importing only the concerns above it in this list:

- `data/`: the programme's data as typed records, read and checked from CSV (imports nothing else of core)
- `view/`: what is shown: URL parameters, the view state, filters, region order, the guided tour (data)
- `geography/`: the offline basemap's outlines and the links' arcs (data)
- `report/`: words, tables, charts and workbooks built from a view (data, view)
- `edit/`: recording a meeting: the edit form as data and the one writer of the data files (data)
- `room/`: sharing on the venue's network and following the presenter (nothing of core)
- `overlay/`: other partnerships imported from a foreign file, for one session (data, view, geography)
- `map/`: the folium map, one module per Leaflet concept, its JavaScript beside it (all of the above but edit, room)
- `palette.py`: the links' and basemap's colours, shared by the map, the charts and the exports
"""
