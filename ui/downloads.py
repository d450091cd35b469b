"""The map page's export buttons: PNG, SVG, PDF, a self-contained HTML and a one-slide deck of the
current view, and the meeting pack: the guided tour as slides (pptx) or as an A4 handout (pdf).

Nothing is drawn on a rerun: each button's data is a callable (Streamlit runs it when the button is
clicked), and its result is cached by view, format and size, so a second click, or another session
showing the same view, gets the file at once.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from common.i18n import t
from core.data.errors import DataLoadError
from core.data.models import Dataset, LatLon
from core.view.state import ViewState
from export.drawing import Drawing, make_view
from export.fonts import NoCjkFont, cjk_family
from export.render import FORMATS, MIME, PACK_FORMATS, SIZES, render, render_tour
from ui.session import data_version, tour


@st.cache_data(show_spinner=False, max_entries=32)
def _file(_view: Drawing, key: tuple, fmt: str, size: tuple[int, int]) -> bytes:
    """`key` stands for `_view` (its data and query), which Streamlit cannot hash."""
    return render(_view, fmt, size)


@st.cache_data(show_spinner=False, max_entries=8)
def _tour_file(_base: Drawing, key: tuple, fmt: str) -> bytes:
    """`key` stands for `_base`'s data, language, colouring and basemap (all a tour takes from it)."""
    return render_tour(_base, fmt, tour())


def _tour_buttons(view: Drawing, lang: str, disabled: bool) -> None:
    """The tour as slides and as a handout, when the data folder has a tour (a wrong tour.csv is
    said by the presenter view)."""
    try:
        steps = tour()
    except DataLoadError:
        return
    if not steps:
        return
    st.caption(t("export.pack", lang))
    key = (data_version(), lang, view.state["color"], view.state["basemap"])
    labels = {"pptx": t("export.tour_slides", lang), "pdf": t("export.tour_handout", lang)}
    for col, fmt in zip(st.columns(len(PACK_FORMATS)), PACK_FORMATS):
        col.download_button(
            labels[fmt], data=partial(_tour_file, view, key, fmt), file_name=f"jcair-tour-{lang}.{fmt}",
            mime=MIME[fmt], key=f"_export_tour_{fmt}", on_click="ignore", disabled=disabled, use_container_width=True,
        )


def _font_missing(lang: str) -> bool:
    try:
        cjk_family()
    except NoCjkFont as exc:
        st.warning(t("export.cli.no_font", lang, families=str(exc)), icon=":material/font_download_off:")
        return True
    return False


def download_buttons(dataset: Dataset, coords: dict[str, LatLon], state: ViewState) -> None:
    """A popover (one small button under the map, the map stays the hero) with one button per
    format and two for the tour; all but HTML need a CJK font."""
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
                disabled=no_font and fmt != "html", use_container_width=True,
            )
        _tour_buttons(view, lang, no_font)
