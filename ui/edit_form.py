"""The form that records a new snapshot, and its save (the only code in the app that writes).

When the form opens, the latest snapshot is copied into it and the data files' content hashes are
taken; both stay in the session until a save succeeds (or the user reopens the form), so that a
refused save keeps everything typed and a file changed meanwhile is noticed (`core.edit.save`).
All widgets sit in one `st.form`: typing never reruns the app, one click saves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from common.i18n import LANG_NAMES, LANGS, format_date, format_list, label, t
from core.data.errors import DataLoadError
from core.data.models import ActivityKind, CountQualifier, Country, Dataset, EventStatus, Stage, Theme, Timing
from core.data.rows import FIRST_POSSIBLE_YEAR
from core.edit.form import (
    ACTIVITY_COLUMNS,
    EVENT_COLUMNS,
    EntryDraft,
    Line,
    entities,
    fill_values,
    prefill,
    snapshot_rows,
)
from core.edit.save import Fingerprint, SaveRefused, fingerprint, save_rows
from core.report.wording import markdown_text, name_of
from ui import session
from ui.problems import show_problems

_OPENED = "_edit_opened"
_SAVED = "_edit_saved"  # the last save's summary, shown once after the form reopens
TEXT_HEIGHT = 110  # px: three lines of a Table 2 text, readable from the back of the room


@dataclass(frozen=True)
class _Opened:
    """What the form was opened from: the drafts it shows and the files' hashes at that moment."""

    generation: int  # part of every widget key: a new generation starts with fresh widgets
    drafts: dict[str, EntryDraft]
    hashes: Fingerprint
    fill: dict[str, str]


def _open(dataset: Dataset, folder: Path) -> _Opened:
    opened = st.session_state.get(_OPENED)
    if opened is None:
        previous = st.session_state.get("_edit_generation", 0) + 1
        st.session_state["_edit_generation"] = previous
        # Hashes first: a save landing between the two reads then shows up as "changed".
        hashes = fingerprint(folder)
        opened = _Opened(previous, {k: prefill(dataset, k) for k in entities(dataset)}, hashes, fill_values(dataset))
        st.session_state[_OPENED] = opened
    return opened


def _reopen() -> None:
    st.session_state.pop(_OPENED, None)


def _lines(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[Line]:
    """The edited table back as text cells (a new row's empty cells come back as None or NaN)."""
    return [{c: "" if pd.isna(row.get(c)) else str(row.get(c)) for c in columns} for row in frame.to_dict("records")]


def _table(lines: list[Line], columns: tuple[str, ...], key: str, lang: str) -> list[Line]:
    """An editable table of activities or events; codes are picked from lists shown in `lang`."""
    choices = {
        "kind": ([m.value for m in ActivityKind], lambda v: label(v, lang)),
        "qualifier": ([m.value for m in CountQualifier], lambda v: t(f"count.{v}", lang, n="N")),
        "timing": ([m.value for m in Timing], lambda v: t(f"label.{v}", lang, month="…")),
        "status": ([m.value for m in EventStatus], lambda v: t(f"event.{v}", lang)),
    }
    config: dict[str, object] = {}
    for c in columns:
        if c in choices:
            options, shown = choices[c]
            config[c] = st.column_config.SelectboxColumn(t(f"edit.col.{c}", lang), options=options, format_func=shown)
        elif c.startswith("text_"):
            name = LANG_NAMES[c.removeprefix("text_")]
            config[c] = st.column_config.TextColumn(t("edit.col.text", lang, language=name))
        else:
            config[c] = st.column_config.TextColumn(t(f"edit.col.{c}", lang))
    frame = pd.DataFrame(lines, columns=list(columns), dtype=object)
    edited = st.data_editor(frame, column_config=config, num_rows="dynamic", hide_index=True, width="stretch",
                            key=key)
    return _lines(edited, columns)


def _entry(dataset: Dataset, key: str, draft: EntryDraft, prefix: str, lang: str) -> EntryDraft:
    """One entity's fields, pre-filled from its draft; returns what is in them now."""
    stages = [s.value for s in Stage]
    japanese = [k for k, p in dataset.places.items() if p.country == Country.JP]
    stage = st.selectbox(t("edit.stage", lang), stages, index=stages.index(draft.stage),
                         format_func=lambda v: label(v, lang), key=f"{prefix}:stage")
    left, right = st.columns(2)
    counterparts = left.multiselect(t("edit.counterparts", lang), japanese, default=draft.counterparts,
                                    format_func=lambda k: name_of(dataset, k, lang), key=f"{prefix}:counterparts",
                                    placeholder=t("edit.choose", lang))
    themes = right.multiselect(t("edit.themes", lang), [m.value for m in Theme], default=draft.themes,
                               format_func=lambda v: label(v, lang), key=f"{prefix}:themes",
                               placeholder=t("edit.choose", lang))
    text = {}
    for column, text_lang in zip(st.columns(len(LANGS)), LANGS, strict=True):
        name = LANG_NAMES[text_lang]
        caption = (t("edit.text_original", lang, language=name) if text_lang == "ja"
                   else t("edit.text_translation", lang, language=name))
        text[text_lang] = column.text_area(caption, draft.text.get(text_lang, ""), height=TEXT_HEIGHT,
                                           key=f"{prefix}:text_{text_lang}")
    st.markdown(f"**{t('edit.activities', lang)}**")
    activities = _table(draft.activities, ACTIVITY_COLUMNS, f"{prefix}:activities", lang)
    st.markdown(f"**{t('edit.events', lang)}**")
    events = _table(draft.events, EVENT_COLUMNS, f"{prefix}:events", lang)
    return EntryDraft(stage, list(counterparts), list(themes), text, activities, events)


def snapshot_form(dataset: Dataset, folder: Path, lang: str) -> None:
    """The whole form; on submit, the save and its outcome."""
    opened = _open(dataset, folder)
    prefix = f"edit:{opened.generation}"
    st.caption(t("edit.intro", lang))
    with st.form("snapshot", enter_to_submit=False):
        today = dt.date.today()
        first, second = st.columns([1, 3])
        # Streamlit's default earliest date is ten years back: a late record of an old meeting must fit.
        as_of = first.date_input(t("edit.date", lang), value=today, min_value=dt.date(FIRST_POSSIBLE_YEAR, 1, 1),
                                 max_value=today, format="YYYY-MM-DD", key=f"{prefix}:as_of")
        source = second.text_input(t("edit.source", lang), t("edit.source_default", lang), key=f"{prefix}:source")
        entries = {}
        for key, draft in opened.drafts.items():
            title = f"{name_of(dataset, key, lang)} — {label(draft.stage, lang)}"
            with st.expander(markdown_text(title)):
                entries[key] = _entry(dataset, key, draft, f"{prefix}:{key}", lang)
        submitted = st.form_submit_button(t("edit.save", lang), type="primary", icon=":material/save:")
    if submitted:
        _save(folder, opened, snapshot_rows(as_of.isoformat(), entries, source.strip()), as_of, lang)
    saved = st.session_state.pop(_SAVED, None)
    if saved:  # next to the Save button, where the eyes are (the page keeps its scroll position)
        long, short = saved
        st.success(long, icon=":material/check_circle:")
        st.toast(short, icon=":material/check_circle:")
        st.page_link("pages/map.py", label=t("page.map", lang), icon=":material/map:")
        st.page_link("pages/status.py", label=t("page.status", lang), icon=":material/fact_check:")
    st.button(t("edit.reopen", lang), on_click=_reopen, help=t("edit.reopen_help", lang))


def _save(folder: Path, opened: _Opened, rows: dict[str, list[Line]], as_of: dt.date, lang: str) -> None:
    if not session.editing_allowed():  # asked again at the write itself: only the laptop may write
        st.error(t("edit.off", lang), icon=":material/lock:")
        return
    try:
        saved = save_rows(folder, rows, opened.hashes, opened.fill)
    except SaveRefused as refused:
        _refusal(refused, lang)
        return
    date = format_date(as_of.isoformat(), lang)
    st.session_state[_SAVED] = (t("edit.saved", lang, date=date, count=len(rows.get("statuses.csv", [])),
                                  backup=markdown_text(str(saved.backup))), t("edit.saved_short", lang, date=date))
    _reopen()
    st.rerun()


def _refusal(refused: SaveRefused, lang: str) -> None:
    """Why nothing was saved, and what to do; the form below keeps what was typed."""
    files = markdown_text(format_list(refused.files, lang))
    st.error(t(f"save.refused.{refused.code}", lang, files=files, detail=markdown_text(refused.detail)),
             icon=":material/block:")
    if refused.errors:
        show_problems(DataLoadError(list(refused.errors)), lang)
