"""What both `core` (the data model) and `geo` (geocoding) need, so that neither imports the other.

Nothing here imports `core`, `geo`, `ui` or Streamlit: one small module per idea.
"""
