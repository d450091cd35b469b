"""Tables as a presenter wants them: every row visible without an inner scroll bar (up to a cap),
and on paper every row and column.

Two kinds: `show_table`, Streamlit's grid (sort, search, copy) for the pages whose tables are read
closely, with an HTML copy only a printed page shows (ui/assets/print.css); and `small_table`, an
escaped HTML table for the map page's own tables (the status of the places shown, the partnerships
shown, a clicked place's partners): no pandas or pyarrow, which Streamlit's grid needs and which
were 110 MB of the server's memory and a fifth of a second of the map page's first run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    import pandas as pd

HEADER_PX, ROW_PX = 38, 35  # Streamlit's dataframe header and default row height


def show_table(rows: Sequence[Mapping[str, object]] | pd.DataFrame, *, max_height: int = 900,
               row_height: int = ROW_PX) -> None:
    """A read-only table (dataframes show data as literal text, never markup; the print copy escapes it)."""
    import pandas as pd

    height = min(HEADER_PX + row_height * max(len(rows), 1) + 2, max_height)
    st.dataframe(rows, hide_index=True, width="stretch", height=height, row_height=row_height)
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    st.html(f'<div class="jcm-print-table">{frame.to_html(index=False, border=0, na_rep="", escape=True)}</div>')


def table_html(rows: Sequence[Mapping[str, object]], columns: Sequence[str], *, max_height: int | None = None) -> str:
    """`rows` under `columns` as an HTML table, every header and cell escaped (data is text, never
    markup); taller than `max_height` px, it scrolls under a header that stays (print shows it whole)."""
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(_text(row.get(c)))}</td>" for c in columns) + "</tr>" for row in rows)
    limit = f' style="max-height: {int(max_height)}px"' if max_height else ""
    return (f'<div class="jcm-table"{limit}><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _text(value: object) -> str:
    return "" if value is None else str(value)


def small_table(rows: Sequence[Mapping[str, object]], columns: Sequence[str], *, max_height: int | None = None) -> None:
    """A read-only table of the map page (see the module's docstring), drawn as escaped HTML."""
    st.html(table_html(rows, columns, max_height=max_height))
