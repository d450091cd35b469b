"""Edit page: record the next meeting's snapshot. Registered only when the server allows editing
(`--allow-edit` / $JCAIR_ALLOW_EDIT), and behind the password of `.streamlit/secrets.toml`."""

from ui.pagepath import through_app

through_app()  # run alone by Streamlit's legacy pages/ router: app.py runs instead, this page through it

import streamlit as st

from common.i18n import DEFAULT_LANG, t
from ui import controls, edit_access, edit_form, session

if not session.editing_allowed():  # not registered then; run alone by the pages/ router, it still may not write
    st.error(t("edit.off", DEFAULT_LANG), icon=":material/lock:")
    st.stop()
lang = controls.current_view().lang
st.header(t("page.edit", lang), anchor=False)
if edit_access.unlocked(lang):
    edit_form.snapshot_form(session.dataset(), session.data_dir(), lang)
