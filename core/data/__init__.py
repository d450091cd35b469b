"""The programme's data: typed records read from CSV, every problem reported with file, line, column.

`models` (places, partnerships, statuses, snapshots: plain data) · `loading` (a data folder → `Dataset`,
every problem collected) · `rows` (`Cells`: one row read strictly) · `cells` (what a cell may hide) ·
`years` (1981, 昭和56年, S56) · `errors` (`DataError`/`DataLoadError`, worded in the reader's language).
Imports no other concern of core.
"""
