"""The map page's export buttons: PNG, SVG, PDF and a self-contained HTML of the current view.

Nothing is drawn on a rerun: each button's data is a callable (Streamlit runs it when the button is
clicked), and its result is cached by view, format and size, so a second click, or another session
showing the same view, gets the file at once.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from core.i18n import t
from core.models import Dataset
from core.viewstate import ViewState
from export.fonts import NoCjkFont, cjk_family
from export.render import FIGURE_FORMATS, FORMATS, MIME, SIZES, render
from export.view import ExportView, LatLon, make_view
from ui.session import data_version


@st.cache_data(show_spinner=False, max_entries=32)
def _file(_view: ExportView, key: tuple, fmt: str, size: tuple[int, int]) -> bytes:
    """`key` stands for `_view` (its data and query), which Streamlit cannot hash."""
    return render(_view, fmt, size)


def _font_missing(lang: str) -> bool:
    try:
        cjk_family()
    except NoCjkFont as exc:
        st.warning(t("export.cli.no_font", lang, families=str(exc)), icon=":material/font_download_off:")
        return True
    return False


def download_buttons(dataset: Dataset, coords: dict[str, LatLon], state: ViewState) -> None:
    """A popover (one small button under the map, the map stays the hero) with one button per
    format; the figure formats need a CJK font."""
    lang = state.lang
    with st.popover(t("export.title", lang), icon=":material/download:"):
        st.caption(t("export.hint", lang))
        size = st.selectbox(t("export.size", lang), SIZES, format_func=lambda s: f"{s[0]}×{s[1]}", key="_export_size",
                            placeholder=t("select.choose", lang))
        view = make_view(dataset, coords, state)
        key = (data_version(), view.key())
        no_font = _font_missing(lang)
        for col, fmt in zip(st.columns(len(FORMATS)), FORMATS):
            col.download_button(
                t("export.save", lang, fmt=fmt.upper()), data=partial(_file, view, key, fmt, size),
                file_name=f"jcair-map-{lang}.{fmt}", mime=MIME[fmt], key=f"_export_{fmt}", on_click="ignore",
                disabled=no_font and fmt in FIGURE_FORMATS, use_container_width=True,
            )
