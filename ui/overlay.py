"""The overlay's sidebar section and the one function the map page reads: `current()`.

An uploaded file's overlay lives only in this session's `st.session_state`: never written to disk,
never in `st.cache_data` (global to every session), gone with the session. The file given at
start (`--overlay FILE` / $JCAIR_OVERLAY) is read once per server (cache_resource, keyed by the
file's stamp) and shown to every session until a session uploads its own.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from common.i18n import Message, t
from core.data.errors import DataError, DataLoadError
from core.map.overlay import pair_label
from core.overlay.columns import ROLE_LABELS, ROLES
from core.overlay.importing import Imported, import_overlay
from core.overlay.reading import LIMITS
from core.overlay.settings import SCOPES, OverlaySettings, pairs_with
from core.report.wording import markdown_text
from geocode.overlay import offline_resolver
from ui import controls, overlaypick, presenter, session, style
from ui.problems import show_problems

UPLOAD = "_overlay_upload"  # this session's Imported (from an upload), or absent
_TOKEN = "_overlay_token"  # names the Imported in UPLOAD: the keys of its column selectboxes carry it
_START = "start"  # the token of the start-up file's overlay (no upload)
_FILE = "_overlay_file"  # the uploader
_FIND = "_overlay_find"  # the finder's text
_FOUND = "_overlay_found"  # the finder's list (its key also holds the scope, the text and the round)
FOUND_ROWS = 50  # pairs the finder lists at most (its label says how many it found)
_SHOW = "_overlay_show"  # the "show on the map" switch
_SCOPE = "_overlay_scope"  # "japan_china" | "all"
PREVIEW_ROWS = 5
SCOPE_LABELS = {"japan_china": Message("overlay.scope.japan_china"), "all": Message("overlay.scope.all")}


def upload_state(name: str, data: bytes) -> dict[str, object]:
    """The session entries an upload of `data` (the file `name`) makes: what the uploader's
    callback stores, and what a test seeds a session with."""
    return _stored(import_overlay(name, data, offline_resolver(session.geocache())))


def _stored(imported: Imported) -> dict[str, object]:
    """The session entries that make `imported` this session's overlay, under a new token."""
    return {UPLOAD: imported, _TOKEN: uuid.uuid4().hex}


def _token() -> str:
    """The token of the overlay shown (see _columns)."""
    return st.session_state.get(_TOKEN, _START)


def _uploaded() -> None:
    """The uploader changed: a new file replaces this session's overlay; a removed one (its ✕) drops
    it, and the start-up file, if any, shows again."""
    file = st.session_state.get(_FILE)
    if file is None:
        st.session_state.pop(UPLOAD, None)
        st.session_state.pop(_TOKEN, None)
    else:
        st.session_state.update(upload_state(file.name, file.getvalue()))


def _imported() -> Imported | None:
    """This session's upload, else the start-up file, else None."""
    return st.session_state.get(UPLOAD) or session.startup_overlay()


def current() -> OverlaySettings | None:
    """This session's overlay and how the reader wants it drawn, or None when there is none.

    The map page calls it on every run: it is cheap (no file is read; the programme duplicates
    are found once per overlay and programme data, `OverlaySettings.excluded`). The map shows it
    through core.map.overlay.overlay_map; which links a view shows is decided in the browser.
    """
    imported = _imported()
    if imported is None or not imported.overlay.links:
        return None
    dataset = controls.viewed_dataset()
    return OverlaySettings(imported.overlay, bool(st.session_state.get(_SHOW, True)),
                       st.session_state.get(_SCOPE, SCOPES[0]), dataset.partnerships, session.coordinates(),
                       {key: tuple(place.names.all()) for key, place in dataset.places.items()})


def sidebar(lang: str, side: DeltaGenerator) -> None:
    """The section "Other partnerships (overlay)" in `side` (the sidebar, or the presenter's filter
    panel, where it is open when there is an overlay: the switch, the scope and the finder, "who else
    already works with …?", answered in front of the room): the upload, its columns, preview,
    counts and failed rows. The same section in both: its uploader, drawn in every run, keeps the
    file when the presenter view is entered or left (a widget not drawn in a run loses its state)."""
    imported = _imported()
    opened = presenter.presenting() and imported is not None
    with side.expander(t("overlay.title", lang), icon=":material/hub:", expanded=opened):
        # Any file: Streamlit's own refusal of a type is English only; the reader refuses what it
        # cannot read, in the reader's language, with the fix (core/overlay/reading.py).
        st.file_uploader(t("overlay.upload", lang), key=_FILE, on_change=_uploaded,
                         help=t("overlay.upload_help", lang, **LIMITS))
        # Streamlit's own words: "Upload" and "200MB per file" (the server's limit, not this one's)
        zone = f".st-key-{_FILE} [data-testid='stFileUploaderDropzone']"
        style.reword({
            f"{zone} button [data-testid='stMarkdownContainer']": t("overlay.choose_file", lang),
            f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] > div":
                t("overlay.upload_limits", lang, **LIMITS),
        })
        if imported is None:
            return
        if imported.overlay.source == str(session.overlay_file()):  # (this session may have remapped it)
            st.caption(t("overlay.from_start", lang, file=Path(imported.overlay.source).name))
        _summary(imported, lang)


def _summary(imported: Imported, lang: str) -> None:
    overlay = imported.overlay
    if imported.undecided:
        _encodings(imported, lang)
        return
    if imported.table is None:
        st.error(t("overlay.not_read", lang), icon=":material/error:")
        show_problems(DataLoadError([DataError.of(p) for p in overlay.problems]), lang)
        return
    _columns(imported, lang)
    if imported.table.header_line > 1:  # a title or notes above it (core/overlay/reading.py)
        st.caption(t("overlay.header_line", lang, line=imported.table.header_line))
    st.caption(t("overlay.preview", lang, count=min(PREVIEW_ROWS, len(imported.table.rows))))
    st.dataframe(imported.table.preview(PREVIEW_ROWS), hide_index=True)
    st.text(t("overlay.counts", lang, pairs=f"{len(overlay.links):,}", japan_china=f"{len(overlay.japan_china):,}",
              failed=f"{len({p.line for p in overlay.problems if p.problem != 'missing_role'}):,}"))
    view = current()
    if view is not None:
        if view.excluded:
            st.caption(t("overlay.programme", lang, count=len(view.excluded)))
        _switches(st.container(), lang)
        _finder(view, lang)
    if overlay.notes:  # drawn, but not as the file wrote it
        st.caption(t("overlay.unknown_countries", lang))
        show_problems(DataLoadError([DataError.of(p) for p in overlay.notes]), lang)
    if overlay.problems:
        st.caption(t("overlay.failed", lang))
        show_problems(DataLoadError([DataError.of(p) for p in overlay.problems]), lang)


def _encodings(imported: Imported, lang: str) -> None:
    """A file that reads as Japanese and as Chinese alike: its first rows both ways, and the reader
    picks (core/overlay/importing.py: the app does not guess)."""
    st.warning(t("overlay.encoding.choose", lang), icon=":material/translate:")
    previews = imported.previews(PREVIEW_ROWS + 1)
    for encoding, lines in previews.items():
        st.caption(t(f"overlay.encoding.{encoding}", lang))
        st.text("\n".join(lines))  # text, shown literally
    key = f"_overlay_encoding_{_token()}"
    st.radio(t("overlay.encoding.pick", lang), list(previews), index=None, key=key,
             format_func=lambda e: t(f"overlay.encoding.{e}", lang), on_change=_read_as, args=(key,))


def _read_as(key: str) -> None:
    imported = _imported()
    if imported is not None and imported.undecided and st.session_state[key]:
        st.session_state.update(_stored(imported.read_as(st.session_state[key], offline_resolver(session.geocache()))))


def _switches(side: DeltaGenerator, lang: str) -> None:
    side.toggle(t("overlay.show", lang), value=True, key=_SHOW)
    side.radio(t("overlay.scope", lang), SCOPES, key=_SCOPE, format_func=lambda s: SCOPE_LABELS[s].text(lang),
               horizontal=True)


def _finder(view: OverlaySettings, lang: str) -> None:
    """"Who else already works with Tianjin?": the pairs with a place (pairs_with: the file's names,
    or a prefecture/province), within the scope shown, listed as choices (read from the back of the
    room, picked with the mouse or the arrow keys); the pair picked is the selected link (its
    darkened line on the map, its fields in the details panel), as a click on its line."""
    query = st.text_input(t("overlay.find", lang), key=_FIND, help=t("overlay.find_help", lang))
    if not query.strip():
        return
    found = pairs_with(view.overlay, query, view.scope, view.excluded, view.names)
    listed = found[:FOUND_ROWS]
    # A new list starts with no pair picked: another question, or a click elsewhere or "clear" (a new round).
    key = f"{_FOUND}:{view.scope}:{query}:{overlaypick.finder_round()}"
    st.radio(t("overlay.found", lang, count=f"{len(found):,}", shown=f"{len(listed):,}"), listed, index=None,
             # names are text, never Markdown
             key=key, format_func=lambda i: markdown_text(pair_label(view.overlay, i, lang)),
             on_change=_picked, args=(key,))


def _picked(key: str) -> None:
    if st.session_state[key] is not None:
        overlaypick.pick(st.session_state[key])


def _columns(imported: Imported, lang: str) -> None:
    """One selectbox per role, set to the column in use; a change rebuilds this session's overlay.

    The widgets' keys carry the overlay's token: a new file, or a rebuilt overlay, gets fresh
    selectboxes showing its own columns (no stale choice of an earlier file survives)."""
    assert imported.table is not None
    options = [""] + [h for h in imported.table.header if h]
    st.caption(t("overlay.columns", lang))
    token = _token()
    for role in ROLES:  # one under the other: in two sidebar columns "country1" and "country2" both read "country"
        key = f"_overlay_role_{role}_{token}"
        column = imported.columns.get(role) or ""
        st.selectbox(
            ROLE_LABELS[role].text(lang), options, index=options.index(column) if column in options else 0, key=key,
            on_change=_reassign, args=(token, role, key), format_func=lambda h: h or t("overlay.no_column", lang),
            placeholder=t("select.choose", lang))


def _reassign(token: str, role: str, key: str) -> None:
    """The reader chose another column for `role`: rebuild the overlay shown with it (no re-reading).

    Only for the overlay whose selectbox it is: after a new upload the browser can still send the
    values of the earlier file's selectboxes (widgets the last run no longer drew), and their
    callbacks ran and put the earlier file back in place of the new one."""
    imported = _imported()
    if token != _token() or imported is None:
        return
    columns = imported.columns.assign(role, st.session_state[key] or None)
    st.session_state.update(_stored(imported.remap(columns, offline_resolver(session.geocache()))))
