"""Other partnerships as an overlay: a third-party list of pairs, imported for one browser session.

`reading` (CSV or a workbook → a table of text; a workbook's limits checked first in
`workbook_limits`) · `columns` (which column holds what, from en/ja/zh headers) · `countries` (a
country as written → ISO code, from CLDR) · `regions` (the prefecture or province of a point) ·
`model` (places once, links by index) · `build` (rows → `Overlay`, every bad row a Problem) ·
`importing` (the one entry) · `match` (programme pairs the file repeats) · `settings` (what the map
page draws: the file's pairs and the reader's choices).
"""
