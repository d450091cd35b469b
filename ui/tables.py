"""Tables as a presenter wants them: every row visible without an inner scroll bar (up to a cap),
and on paper every row and column (an HTML copy only a printed page shows: ui/assets/print.css)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

HEADER_PX, ROW_PX = 38, 35  # Streamlit's dataframe header and default row height


def show_table(rows: Sequence[Mapping[str, object]] | pd.DataFrame, *, max_height: int = 900, row_height: int = ROW_PX) -> None:
    """A read-only table (dataframes show data as literal text, never markup; the print copy escapes it)."""
    height = min(HEADER_PX + row_height * max(len(rows), 1) + 2, max_height)
    st.dataframe(rows, hide_index=True, width="stretch", height=height, row_height=row_height)
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    st.html(f'<div class="jcm-print-table">{frame.to_html(index=False, border=0, na_rep="", escape=True)}</div>')
