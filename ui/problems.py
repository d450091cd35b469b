"""Data problems shown as a list a coordinator can work through: the error screen and a refused save."""

from __future__ import annotations

import streamlit as st

from common.i18n import t
from core.data.errors import DataLoadError

MAX_PROBLEMS_SHOWN = 50  # beyond this a list stops helping: the rest is counted per kind


def show_problems(problem: DataLoadError, lang: str) -> None:
    """Every problem (file, line, column, value, fix) as literal text: a value is data, never markup."""
    lines = []
    for error, left_out in problem.shown(MAX_PROBLEMS_SHOWN):
        lines.append(error.message(lang))
        if left_out:
            lines.append(t("error.more_of_kind", lang, count=left_out))
    st.code("\n".join(lines), language=None, wrap_lines=True)
