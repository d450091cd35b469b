"""The legend: only what is present, escaped, and a size estimate the layout can trust."""

from __future__ import annotations

import pytest

from core.i18n import t
from core.map.legend import category_label, legend_html
from core.map.style import LEGEND_MAX_PX, SHAPES


def test_nothing_present_gives_no_legend():
    assert legend_html([], [], "relation", "ja") == ("", (0.0, 0.0))


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_rows_follow_the_style_tables_order(lang):
    html, _ = legend_html(["cn_city", "jp_city"], ["local_office", "friendship"], "relation", lang)
    assert html.index("jcm-jp_city") < html.index("jcm-cn_city")
    assert html.index(t("map.legend.places", lang)) < html.index(t("map.legend.relation", lang))
    assert html.startswith("<details open><summary>")


def test_unknown_category_is_shown_by_its_code_after_the_known_ones():
    html, _ = legend_html([], ["zz_new", "friendship"], "relation", "en")
    assert category_label("zz_new", "en") == "zz_new"
    assert html.index(category_label("friendship", "en")) < html.index("zz_new")
    assert 'stroke-dasharray="4 4"' in html  # the unknown style


@pytest.mark.parametrize(
    ("shapes", "cats", "rows"),
    [(["jp_city"], [], 2), (SHAPES, [], 7), (["jp_city"], ["friendship", "local_office"], 5)],
)
def test_size_grows_with_rows_and_never_exceeds_the_css_max_width(shapes, cats, rows):
    _, (w, h) = legend_html(shapes, cats, "relation", "en")
    _, (w1, h1) = legend_html(shapes[:1], [], "relation", "en")
    assert 0 < w <= LEGEND_MAX_PX and h >= h1 and h > 20 * rows
