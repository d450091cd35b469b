"""ui.tables: the map page's small tables are escaped HTML, headers and cells alike."""

from __future__ import annotations

from ui.tables import table_html

PAYLOAD = "<img src=x onerror=alert(1)> ${alert(2)} **b** & \"q\""


def test_cells_and_headers_are_escaped_text() -> None:
    html = table_html([{"<h>": PAYLOAD, "n": 3}], ["<h>", "n"])
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<th scope=\"col\">&lt;h&gt;</th>" in html and "<td>3</td>" in html
    assert "&amp; &quot;q&quot;" in html


def test_columns_give_the_order_and_a_missing_value_is_empty() -> None:
    html = table_html([{"b": "2", "a": "1"}, {"a": "x", "c": None}], ["a", "b", "c"])
    assert "<tr><td>1</td><td>2</td><td></td></tr><tr><td>x</td><td></td><td></td></tr>" in html


def test_no_rows_keeps_the_headers_and_a_limit_scrolls() -> None:
    html = table_html([], ["Japan", "China"], max_height=330)
    assert html.startswith('<div class="jcm-table" style="max-height: 330px">')
    assert "<th scope=\"col\">Japan</th><th scope=\"col\">China</th>" in html and "<tbody></tbody>" in html
    assert 'style=' not in table_html([], ["a"])
