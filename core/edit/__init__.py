"""Recording a meeting: `form` (the edit page's form as plain data) · `save` (the one writer of the data
files: all or nothing, under one lock, ended by `recover` after a kill). Imports `core.data` only.
"""
