"""Tables as a presenter wants them: every row visible without an inner scroll bar (up to a cap)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

HEADER_PX, ROW_PX = 38, 35  # Streamlit's dataframe header and default row height


def show_table(rows: Sequence[Mapping[str, object]] | pd.DataFrame, *, max_height: int = 900, row_height: int = ROW_PX) -> None:
    """A read-only table (dataframes show data as literal text, never markup)."""
    height = min(HEADER_PX + row_height * max(len(rows), 1) + 2, max_height)
    st.dataframe(rows, hide_index=True, width="stretch", height=height, row_height=row_height)
