"""The map page in a real browser (Chromium): what is drawn, clicks, URL views, pan/zoom.

Each test also fails when any request leaves localhost (the `tab` fixture records them all).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from browser_kit import (
    BUNDLED_DATA,
    address,
    bundled_link_ids,
    bundled_place_ids,
    click_at,
    empty_map_point,
    feature_ids,
    link_paths,
    main_text,
    place_marker,
    place_markers,
    settled,
    url,
    wait_for_map,
    wait_main_text,
    wait_view,
)

TIANJIN = "天津市"
TIANJIN_QUERY = "place=" + quote(TIANJIN)
CLEAR = "選択を解除"


def test_map_draws_all_links_and_places(app_url, tab, artifacts):
    page = tab.page
    page.goto(url(app_url))
    _, frame = wait_for_map(
        page, "w.document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length >= 12")

    assert link_paths(frame) == 12
    assert place_markers(frame) == 21
    ids = feature_ids(frame)
    assert set(ids["link"]) == bundled_link_ids(BUNDLED_DATA)
    assert set(ids["place"]) == bundled_place_ids(BUNDLED_DATA)
    assert "表示中の連携: 12 件" in main_text(page)
    assert not tab.page_errors, tab.page_errors
    page.screenshot(path=str(artifacts / "map.png"), full_page=True)
    tab.assert_only_local_requests()


def _details_column(page):
    return page.locator('[data-testid="stColumn"]').filter(has=page.get_by_role("button", name=CLEAR))


def _click_tianjin(page, frame) -> None:
    click_at(page, place_marker(frame, TIANJIN))  # a person's click: at the marker, no scrolling help
    page.wait_for_function("q => location.search.includes(q)", arg=TIANJIN_QUERY)
    wait_main_text(page, "段階: ほぼ合意")


def test_click_place_shows_its_status_and_url_then_again_after_clearing(app_url, tab, artifacts):
    page = tab.page
    page.goto(url(app_url))
    _, frame = wait_for_map(page)
    assert "place=" not in address(page)
    assert "段階: ほぼ合意" not in main_text(page)

    _click_tianjin(page, frame)
    details = _details_column(page).inner_text()
    assert TIANJIN in details
    assert "段階: ほぼ合意" in details  # Table 2 stage
    assert "専門家派遣1回以上" in details  # part of the original text
    assert TIANJIN_QUERY in address(page)
    # The rerun redraws the map with 天津市 highlighted.
    _, frame = wait_for_map(page, "w.document.querySelector('.leaflet-marker-pane .jcm-sel')")
    page.screenshot(path=str(artifacts / "map-tianjin.png"), full_page=True)

    page.get_by_role("button", name=CLEAR).click()
    page.wait_for_function("() => !location.search.includes('place=')")
    wait_main_text(page, "段階: ほぼ合意", present=False)
    assert page.get_by_role("button", name=CLEAR).count() == 0
    _, frame = wait_for_map(page, "!w.document.querySelector('.leaflet-marker-pane .jcm-sel')")

    _click_tianjin(page, frame)  # the same place a second time
    details = _details_column(page).inner_text()
    assert "段階: ほぼ合意" in details and "専門家派遣1回以上" in details
    assert TIANJIN_QUERY in address(page)
    assert not tab.page_errors, tab.page_errors
    tab.assert_only_local_requests()


def test_url_province_and_language(app_url, tab, artifacts):
    page = tab.page
    page.goto(url(app_url, province="河北省", lang="en"))
    _, frame = wait_for_map(page)

    assert link_paths(frame) == 2
    assert set(feature_ids(frame)["link"]) == {"link:長野県–河北省", "link:北九州市–唐山市"}
    labels = frame.locator(".leaflet-marker-pane .jcm-lb").all_inner_texts()
    assert "Hebei" in labels and "河北省" not in labels
    text = main_text(page)
    assert "Shown: 2 links" in text
    assert "表示中の連携" not in text
    page.screenshot(path=str(artifacts / "hebei-en.png"), full_page=True)
    tab.assert_only_local_requests()


def test_unknown_url_value_warns_and_still_shows_the_map(app_url, tab):
    page = tab.page
    page.goto(url(app_url, province="Atlantis"))
    warning = page.locator('[data-testid="stAlert"]').filter(has_text="Atlantis")
    warning.first.wait_for(state="visible")
    assert "province=Atlantis" in warning.first.inner_text()
    _, frame = wait_for_map(page)
    assert link_paths(frame) == 12  # the unknown value is ignored, not an empty filter
    assert frame.locator(".leaflet-container").is_visible()
    tab.assert_only_local_requests()


def test_a_year_after_the_data_is_clamped_said_and_drawn(app_url, tab):
    """?from=2000 raised "The value 2000 is greater than the max_value 1992" before the registry."""
    page = tab.page
    page.goto(url(app_url, lang="en", **{"from": "2000"}))
    warning = page.locator('[data-testid="stAlert"]').filter(has_text="2000")
    warning.first.wait_for(state="visible")
    assert "“from=2000” is outside the years in the data: used 1992" in warning.first.inner_text()
    _, frame = wait_for_map(page)
    assert link_paths(frame) == 5  # 1992 (Fukuoka–Jiangsu) and the four undated links
    assert page.locator('[data-testid="stException"]').count() == 0
    page.wait_for_function("() => location.search.includes('from=1992')")
    tab.assert_only_local_requests()


def test_pan_and_zoom_do_not_rerun_the_app(app_url, tab):
    page = tab.page
    page.goto(url(app_url))
    iframe, frame = wait_for_map(page)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    assert tab.ws_sent, "the app's WebSocket was not observed"
    before_url, before_text = address(page), main_text(page)
    sent = len(tab.ws_sent)
    zoom = frame.evaluate("() => map_div.getZoom()")

    frame.evaluate("() => { window.__zoomed = false; map_div.once('zoomend', () => { window.__zoomed = true; }); }")
    frame.locator(".leaflet-control-zoom-in").click()
    frame.wait_for_function("() => window.__zoomed")  # the zoom animation is over
    center = frame.evaluate("() => map_div.getCenter()")
    box = iframe.bounding_box()
    fx, fy = empty_map_point(frame)
    x, y = box["x"] + fx, box["y"] + fy
    frame.evaluate("() => { window.__moved = false; map_div.once('moveend', () => { window.__moved = true; }); }")
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 80, steps=8)
    page.mouse.up()
    frame.wait_for_function("() => window.__moved")  # the drag (and its inertia) is over
    moved = frame.evaluate("c => { const n = map_div.getCenter(); return n.lat !== c.lat || n.lng !== c.lng; }", center)
    assert moved, "the drag did not pan the map"
    # Proving a negative needs a bounded wait: longer than st_folium's debounce of map events.
    page.wait_for_timeout(1500)

    assert len(tab.ws_sent) == sent, "pan/zoom sent a message to the server (a rerun)"
    assert iframe.evaluate("e => e.isConnected"), "the map iframe was re-created"
    assert frame.evaluate("() => map_div.getZoom()") == zoom + 1
    assert address(page) == before_url
    assert main_text(page) == before_text

    # Control: a click on a place does reach the server, so the observable above can fail.
    _click_tianjin(page, frame)
    assert len(tab.ws_sent) > sent
    tab.assert_only_local_requests()


# In the map frame: the texts of the tooltips Leaflet shows (open and not faded out).
OPEN_TIPS = """() => [...document.querySelectorAll('.leaflet-tooltip-pane .leaflet-tooltip')]
  .filter(t => getComputedStyle(t).opacity !== '0' && t.getBoundingClientRect().width > 0).map(t => t.innerText)"""


def test_a_click_on_a_place_closes_its_hover_tooltip(app_url, tab):
    """The tooltip a hover opened stayed after the click, over the neighbours the new view shows."""
    page = tab.page
    page.goto(url(app_url))
    iframe, frame = wait_for_map(page)
    settled(frame)
    marker = place_marker(frame, TIANJIN)
    box = marker.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    frame.wait_for_function(f"() => ({OPEN_TIPS})().some(t => t.includes({TIANJIN!r}))")
    page.mouse.down()
    page.mouse.up()
    assert frame.evaluate(OPEN_TIPS) == [], "the tooltip stayed open at the click"
    wait_view(page, place=TIANJIN)
    _, frame = wait_for_map(page, "w.document.querySelector('.leaflet-marker-pane .jcm-sel')")
    settled(frame)
    assert frame.evaluate(OPEN_TIPS) == [], "a tooltip is open after the click's rerun"
    box = place_marker(frame, TIANJIN).bounding_box()  # a new hover shows it again
    page.mouse.move(box["x"] - 40, box["y"] - 40, steps=4)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
    frame.wait_for_function(f"() => ({OPEN_TIPS})().some(t => t.includes({TIANJIN!r}))")
    assert not tab.page_errors, tab.page_errors
    tab.assert_only_local_requests()


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_the_badge_key_is_in_the_window_at_1280x720(app_url, browser, lang):
    """The normal view's map reaches below a 1280x720 window under the page's title: its key of
    numbered badges is where the room can read it, not below the window."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ja-JP", service_workers="block")
    try:
        page = context.new_page()
        page.goto(url(app_url, lang=lang))
        handle, frame = wait_for_map(page)
        settled(frame)
        key = frame.query_selector(".jcm-key")
        assert key is not None and key.is_visible(), "the bundled data at 1280x720 shows numbered badges"
        box, top = key.bounding_box(), handle.bounding_box()
        assert box["y"] + box["height"] <= 720, f"the key ends {box['y'] + box['height'] - 720:.0f} px below the window"
        assert box["y"] >= top["y"]
    finally:
        context.close()


def test_a_scroll_of_the_page_does_not_move_the_map_under_the_pointer(app_url, tab):
    """After a click the map is framed again as the new view's key and controls settle, until the
    presenter moves it. A scroll of the page lifts the map's lower controls to the window's new
    bottom: the map stays where it stands (its places would move under a pointer aiming at them)."""
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url(app_url))
    _, frame = wait_for_map(page)
    settled(frame)
    _click_tianjin(page, frame)
    _, frame = wait_for_map(page, "w.document.querySelector('.leaflet-marker-pane .jcm-sel')")
    settled(frame)
    where = "() => { const c = map_div.project(map_div.getCenter()); return [c.x, c.y, map_div.getZoom()]; }"
    lifted = "() => document.querySelector('.leaflet-bottom.leaflet-left').style.bottom"
    before, lift = frame.evaluate(where), frame.evaluate(lifted)
    title = page.locator("h1").first.bounding_box()
    page.mouse.move(title["x"] + 20, title["y"] + title["height"] / 2)
    page.mouse.wheel(0, 80)
    frame.wait_for_function(f"l => ({lifted})() !== l", arg=lift)  # the controls followed the window
    settled(frame)
    page.wait_for_timeout(500)
    after = frame.evaluate(where)
    assert after[2] == before[2] and abs(after[0] - before[0]) < 1 and abs(after[1] - before[1]) < 1, \
        f"the map moved when the page scrolled: {before} -> {after}"


def test_a_view_moved_by_hand_is_kept_when_the_map_is_made_anew(app_url, tab):
    """Zoomed in by hand, then to another page and back, twice: the map is made anew, at the
    presenter's own zoom and centre (jcm-view.js) each time. A view the app framed is framed anew
    instead (around the panels of now: tests/browser/test_room_browser.py, Esc out of the presenter view)."""
    page = tab.page
    page.goto(url(app_url))
    _, frame = wait_for_map(page)
    wait_view(page)
    settled(frame)
    zoom = frame.evaluate("() => map_div.getZoom()")
    frame.evaluate("() => { window.__zoomed = false; map_div.once('moveend', () => { window.__zoomed = true; }); }")
    frame.locator(".leaflet-control-zoom-in").click()
    frame.wait_for_function("() => window.__zoomed")
    centre = frame.evaluate("() => map_div.getCenter()")
    for _ in range(2):  # the view restored is kept again, with its extent
        click_at(page, page.get_by_role("link", name="調整状況"))
        page.wait_for_function("() => location.pathname.endsWith('/status')")
        click_at(page, page.get_by_role("link", name="地図"))
        page.wait_for_function("() => !location.pathname.endsWith('/status')")
        _, frame = wait_for_map(page)
        settled(frame)
        assert frame.evaluate("() => map_div.getZoom()") == zoom + 1
        now = frame.evaluate("() => map_div.getCenter()")
        assert abs(now["lat"] - centre["lat"]) < 1e-6 and abs(now["lng"] - centre["lng"]) < 1e-6, (centre, now)
    tab.assert_only_local_requests()
