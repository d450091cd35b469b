"""Exports of the current view for slides, reports and e-mail: PNG/SVG/PDF drawn with matplotlib
and one self-contained HTML file. Pure (no Streamlit): the app's download buttons (ui/downloads.py)
and the command line (`python -m export`) call the same `render`."""
