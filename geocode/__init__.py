"""Geocoding for the app's data: joins the core's data model and geo's chain, which never meet.

`places` holds what the app and the CLI share (queries from places, the checked cache, the
coordinates the map shows); `cli` is `python -m geocode`, the only writer of geocache.csv.
"""
