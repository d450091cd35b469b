"""Entry point: page setup, language, data loading, sidebar filters, then the chosen page.

Run with `make run` (or `python -m ui.launch -- --data-dir FOLDER`, see ui/launch.py).
"""

import streamlit as st

from ui import pagepath  # Streamlit only: in a fresh server's first run it acts before the imports below

pagepath.as_main_script()
pagepath.close_legacy_dialog()

from streamlit.navigation.page import StreamlitPage

from common.i18n import t
from core.data.errors import DataLoadError
from core.edit.save import RecoveryFailed
from core.report.wording import markdown_text, subtitle
from ui import controls, follow, overlay, presenter, session, share, style, tourpanel
from ui.mapclick import take_click
from ui.problems import show_problems

MAP_PATH = "map"  # the default page's own path: /map opens it as / does
EDIT_PATH = "edit"  # registered only on the laptop of a server started with editing allowed


def pages(lang: str) -> list[StreamlitPage]:
    """The app's pages with translated titles.

    Page files are named by their URL paths: a fresh plain server's first run (and AppTest's) goes
    through Streamlit's legacy pages/-folder router, which then finds the page a deep link asks for
    and sends no "Page not found" dialog; the page file's first statement runs this script in its
    place (ui.pagepath.through_app)."""
    return [
        st.Page("pages/map.py", title=t("page.map", lang), icon=":material/map:", url_path=MAP_PATH, default=True),
        st.Page("pages/status.py", title=t("page.status", lang), icon=":material/fact_check:", url_path="status"),
        st.Page("pages/partnerships.py", title=t("page.partnerships", lang), icon=":material/handshake:",
                url_path="partnerships"),
        st.Page("pages/about.py", title=t("page.about", lang), icon=":material/info:", url_path="about"),
        # Only when the server was started with editing allowed: otherwise no page can write.
        *([st.Page("pages/edit.py", title=t("page.edit", lang), icon=":material/edit_note:", url_path=EDIT_PATH)]
          if session.editing_allowed() else []),
    ]


st.set_page_config(page_title="日中都市間連携マップ", page_icon="🗺️", layout="wide")
session.static_assets()
style.stylesheet("app.css")
style.stylesheet("print.css")

if (wrong := session.argument_problem()) is not None:  # `streamlit run app.py -- --bad`: said, never a blank page
    lang = controls.language()
    st.navigation(pages(lang), position="hidden")
    st.error(markdown_text(wrong.message(lang)), icon=":material/error:")
    st.stop()

try:
    recovered = session.recover_saves()  # a save a kill interrupted is ended before anything is read
    dataset = session.dataset()
except (DataLoadError, RecoveryFailed) as problem:
    lang = controls.language()
    style.streamlit_words(lang)
    # Registering the pages keeps Streamlit from listing the raw page-file names as navigation.
    st.navigation(pages(lang), position="hidden")
    if isinstance(problem, RecoveryFailed):
        st.error(markdown_text(problem.message(lang)), icon=":material/error:")
    else:
        st.error(t("error.data_title", lang), icon=":material/error:")
        st.text(t("error.data_folder", lang, folder=session.data_dir()))
        show_problems(problem, lang)
    st.stop()

if controls.seed_from_url(dataset):
    tourpanel.start_from_url(dataset)
take_click()  # a click on the map costs one rerun: taken before the view is read or a widget drawn
follow.catch_up(dataset)  # a participant following the presenter takes the presenter's latest view
controls.keep_shown()  # a tour step's filters stay when the browser sends its stale copy of them
side = presenter.controls_panel(st.session_state.get("lang", "ja"))
lang = controls.language(side)
style.streamlit_words(lang)
view = controls.sidebar(dataset, lang, side)
overlay.sidebar(lang, side)
share.panel(lang, side)  # while shared: the address and QR code, on the laptop only
follow.panel(view)  # a participant's device may follow the presenter
if not presenter.presenting():  # the presenter view shows them as a caption on the map
    st.title(t("app.title", lang), anchor=False)
    st.caption(subtitle(controls.viewed_dataset(), lang))
controls.url_warnings(lang)
for recovery in recovered:
    st.warning(markdown_text(recovery.message(lang)), icon=":material/history:")
controls.expose()
app_pages = pages(lang)
if (unknown := pagepath.unknown_page(app_pages, MAP_PATH)) == EDIT_PATH and not session.from_laptop():
    st.warning(t("edit.laptop_only", lang), icon=":material/lock:")  # a participant's device never records
elif unknown:
    st.warning(markdown_text(t("page.not_found", lang, path=unknown)), icon=":material/link_off:")
page = st.navigation(app_pages, position="top")
if presenter.presenting() and page.url_path:  # the presenter view is the map's (the sidebar switch is on every page)
    st.switch_page(app_pages[0])
try:
    page.run()
finally:  # once the laptop's own screen has it (a page may end with st.stop): followers then redraw
    follow.lead(view)
