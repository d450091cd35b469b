"""The legend: only what is present, in the style tables' order, escaped."""

from __future__ import annotations

import pytest

from common.i18n import t
from core.map.legend import category_label, legend_html


def test_nothing_present_gives_no_legend():
    assert legend_html([], [], "relation", "ja") == ""


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_rows_follow_the_style_tables_order(lang):
    html = legend_html(["cn_city", "jp_city"], ["local_office", "friendship"], "relation", lang)
    assert html.index("jcm-jp_city") < html.index("jcm-cn_city")
    assert html.index(t("map.legend.places", lang)) < html.index(t("map.legend.relation", lang))
    assert html.startswith("<details open><summary>")


def test_unknown_category_is_shown_by_its_code_after_the_known_ones():
    html = legend_html([], ["zz_new", "friendship"], "relation", "en")
    assert category_label("zz_new", "en") == "zz_new"
    assert html.index(category_label("friendship", "en")) < html.index("zz_new")
    assert 'stroke-dasharray="4 4"' in html  # the unknown style
