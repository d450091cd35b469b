"""An imported overlay's link clicked on the map: its row in the side panel (AppTest), as text."""

from __future__ import annotations

from apptest_kit import assert_no_exception, click, open_app, shown_text, texts

from common.i18n import t
from core.report.wording import markdown_text
from ui.overlay import upload_state

ROWS = ("city1,country1,lat1,lng1,city2,country2,lat2,lng2\n"
        "Kobe,Japan,34.69,135.19,Seattle,United States,47.6,-122.33\n"
        '"=HYPERLINK(""http://x"")",Japan,35.0,135.0,**Tianjin** <img src=x>,China,39.1,117.2\n')


def test_a_clicked_overlay_link_shows_its_row_as_text_and_clears() -> None:
    at = click(open_app(state=upload_state("会議/pairs.csv", ROWS.encode())), "overlay:1")
    assert_no_exception(at)
    # Markdown-escaped: shown as the file wrote it, never as a link, bold or an image
    assert texts(at.subheader) == [markdown_text('=HYPERLINK("http://x") (日本) – **Tianjin** <img src=x> (中国)')]
    row = markdown_text(t("details.overlay_source", "ja", file="pairs.csv", row=3))  # the file name, not its folder
    assert row in shown_text(at)
    header = [t("details.overlay_column", "ja"), t("details.overlay_value", "ja")]
    table = next(d.value for d in at.dataframe if list(d.value.columns) == header)  # the row's cells, literally
    assert list(table.iloc[:, 0]) == ["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"]
    assert list(table.iloc[:, 1]) == ['=HYPERLINK("http://x")', "Japan", "35.0", "135.0", "**Tianjin** <img src=x>",
                                      "China", "39.1", "117.2"]
    next(b for b in at.button if b.label == t("details.clear", "ja")).click().run()
    assert row not in shown_text(at)


def test_the_presenter_view_shows_the_clicked_row_in_its_panel() -> None:
    at = click(open_app(query={"present": "1"}, state=upload_state("pairs.csv", ROWS.encode())), "overlay:0")
    assert_no_exception(at)
    assert texts(at.subheader) == [markdown_text("Kobe (日本) – Seattle (アメリカ合衆国)")]
    assert markdown_text(t("details.overlay_source", "ja", file="pairs.csv", row=2)) in shown_text(at)


def test_the_presenter_finds_the_pairs_with_a_place_in_its_filter_panel() -> None:
    """In front of the room: the finder in the presenter's filter panel, the pair picked in its panel;
    the file's names stay text (escaped), in the list as everywhere."""
    at = open_app(query={"present": "1", "lang": "en"}, state=upload_state("pairs.csv", ROWS.encode()))
    at.text_input(key="_overlay_find").set_value("tianjin").run()
    assert_no_exception(at)
    found = [r for r in at.radio if r.key and r.key.startswith("_overlay_found")]
    pair = markdown_text('=HYPERLINK("http://x") (Japan) – **Tianjin** <img src=x> (China)')
    assert [(r.label, r.options) for r in found] == [(t("overlay.found", "en", count="1", shown="1"), [pair])]
    found[0].set_value(1).run()
    assert texts(at.subheader) == [pair]



def test_a_tour_step_replaces_the_pair_picked_in_the_presenters_finder() -> None:
    """A step replaces the selection: the pair's details close and the map frames the step, not
    the pair."""
    at = open_app(query={"present": "1", "lang": "en", "step": "1"}, state=upload_state("pairs.csv", ROWS.encode()))
    at.text_input(key="_overlay_find").set_value("tianjin").run()
    next(r for r in at.radio if r.key and r.key.startswith("_overlay_found")).set_value(1).run()
    pair = markdown_text('=HYPERLINK("http://x") (Japan) – **Tianjin** <img src=x> (China)')
    assert texts(at.subheader) == [pair]
    next(b for b in at.button if b.key == "jcm_next").click().run()
    assert_no_exception(at)
    assert pair not in texts(at.subheader)  # the step's own selection, if any, is shown
    assert next(r for r in at.radio if r.key and r.key.startswith("_overlay_found")).value is None
