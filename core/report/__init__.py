"""What the room reads and takes home: words, tables, charts and the workbook, built from a view.

`wording` (display strings from the data, Markdown-escaped) · `changes` (what changed between two
snapshots) · `frames` (the report's tables as DataFrames) · `charts` (Altair specifications) ·
`stagechart` (one entity's stage over time as SVG: a click draws it without Altair) ·
`workbook` (the .xlsx writer) · `sheets` (which tables and charts the workbook holds) · `csvfile`
(CSV that Excel opens correctly and safely). Imports `core.data` and `core.view`.
"""
