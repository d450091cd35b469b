"""Data that looks like code stays text in a real browser: the details panel, the map's
tooltips and a click on the place, with a note full of HTML, `${…}`, `</script>`, a backslash,
Streamlit Markdown and a remote image (see XSS_PAYLOAD in conftest.py)."""

from __future__ import annotations

from browser_kit import (
    click_at,
    feature_ids,
    link_paths,
    main_text,
    place_element,
    place_marker,
    place_markers,
    url,
    wait_for_map,
    wait_main_text,
    wait_until,
)

# What must appear literally (as text) wherever the note is shown.
LITERAL = ("onerror", "${window.__xss=2}", "window.__xss=3", "C:\\users\\x", ":red[red]", "**bold**",
           "![i](http://example.invalid/i.png)", "{{7*7}}")
NO_XSS = "() => typeof window.__xss === 'undefined'"
NO_IMG = "() => document.querySelectorAll('img[src=\"x\"], img[src*=\"example.invalid\"]').length === 0"


def _assert_inert(tab, frame) -> None:
    page = tab.page
    assert page.evaluate(NO_XSS), f"window.__xss = {page.evaluate('() => window.__xss')} in the main page"
    assert frame.evaluate(NO_XSS), f"window.__xss = {frame.evaluate('() => window.__xss')} in the map frame"
    assert page.evaluate(NO_IMG), "an <img> from the payload exists in the main page"
    assert frame.evaluate(NO_IMG), "an <img> from the payload exists in the map frame"
    assert not [u for u in tab.requests if "example.invalid" in u]
    assert not [u for u in tab.requests if u.split("?")[0].endswith("/x")], "the payload's <img src=x> loaded"


def test_payload_is_shown_as_text_in_details_tooltips_and_after_a_click(xss_app_url, tab):
    page = tab.page
    page.goto(url(xss_app_url, place="天津市"))
    _, frame = wait_for_map(page)
    # The backslash and quotes in the data did not break the map script.
    assert link_paths(frame) == 12 and place_markers(frame) == 21
    assert not tab.page_errors, tab.page_errors

    wait_main_text(page, "${window.__xss=2}")
    text = main_text(page)
    for piece in LITERAL:
        assert piece in text, f"{piece!r} not shown literally in the details panel"
    _assert_inert(tab, frame)

    # The place's tooltip (hover the marker) shows the note as text.
    place_element(frame, "天津市", "marker").hover()
    tooltip = frame.locator(".leaflet-tooltip-pane .leaflet-tooltip").filter(has_text="天津市")
    tooltip.first.wait_for(state="visible")
    tip = tooltip.first.inner_text()
    for piece in LITERAL:
        assert piece in tip, f"{piece!r} not shown literally in the place tooltip"
    _assert_inert(tab, frame)

    # The link's tooltip (hover a point of the line) too.
    point = frame.evaluate("""() => {
      let pt = null;
      map_div.eachLayer(l => {
        if (!pt && l.feature && l.feature.properties.id === 'link:神戸市–天津市' && l._path) {
          // A point of the line where the line itself (not a marker or another line) is on top.
          const box = map_div.getContainer().getBoundingClientRect();
          for (const ll of l.getLatLngs()) {
            const p = map_div.latLngToContainerPoint(ll);
            if (!pt && document.elementFromPoint(box.left + p.x, box.top + p.y) === l._path) pt = p;
          }
        }
      });
      return pt && [pt.x, pt.y];
    }""")
    assert point, "link 神戸市–天津市 not on the map, or covered everywhere"
    box = page.query_selector('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    page.mouse.move(box["x"] + point[0], box["y"] + point[1])
    link_tip = frame.locator(".leaflet-tooltip-pane .leaflet-tooltip").filter(has_text="神戸市")
    link_tip.first.wait_for(state="visible")
    assert "${window.__xss=2}" in link_tip.first.inner_text()
    _assert_inert(tab, frame)

    # A click on the place (a rerun that draws the details and the map again).
    sent = len(tab.ws_sent)
    click_at(page, place_marker(frame, "天津市"))
    wait_until(page, lambda: len(tab.ws_sent) > sent, "the click did not reach the server")
    _, frame = wait_for_map(page)
    wait_main_text(page, "${window.__xss=2}")
    assert "place:天津市" in feature_ids(frame)["place"]
    _assert_inert(tab, frame)
    assert not tab.page_errors, tab.page_errors
    tab.assert_only_local_requests()


def test_link_payload_in_the_link_details(xss_app_url, tab):
    page = tab.page
    page.goto(url(xss_app_url, link="神戸市–天津市"))
    _, frame = wait_for_map(page)
    wait_main_text(page, "${window.__xss=2}")
    text = main_text(page)
    for piece in LITERAL:
        assert piece in text, f"{piece!r} not shown literally in the link details"
    _assert_inert(tab, frame)
    tab.assert_only_local_requests()
