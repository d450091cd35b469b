"""Geography drawn from packaged data: `outlines` (the offline basemap: prefectures, provinces and
neighbours, simplified) · `arcs` (great-circle arcs and their bends). Imports `core.data` only.
"""
