"""What is shown: the view as URL parameters and the filters it applies.

`params` (every URL parameter declared once: the registry) · `state` (`ViewState`: parse and write the
address) · `filters` (pure predicates over a `Dataset`) · `regionorder` (the region list's order per
language) · `basemaps` (the basemaps a view may name) · `tour` (the guided tour's steps, data/tour.csv).
Imports `core.data` only.
"""
