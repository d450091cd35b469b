"""The presenter view on a projector's sizes, in Debian's Chromium: the map fills the window, one
click on 天津市 opens its details over the map without moving the map (also while a step's details
are open), Esc closes them, PageDown
steps through the tour (URL and map follow), printing gives one landscape page, Esc leaves.
Screenshots: test-artifacts/presenter-<w>x<h>-<lang>-{click,tour}.png."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from common.i18n import label, t
from core.data.loading import load_dataset
from core.map.style import PRESENTER_FONT_PX
from core.view.tour import load_tour
from tests.browser.browser_kit import (
    BUNDLED_DATA,
    MAP_IFRAME,
    address,
    click_at,
    idle,
    place_element,
    settled,
    url,
    wait_for_map,
)

DATASET = load_dataset(BUNDLED_DATA)
TOUR = load_tour(BUNDLED_DATA, DATASET)
CASES = [(1280, 720, "ja"), (1366, 768, "en"), (1920, 1080, "zh")]  # every step below, at each size
GLANCES = [(1280, 720, "en"), (1280, 720, "zh")]  # the smallest projector in the other languages: fill, step, details
VIEW = "() => { const c = map_div.getCenter(); return [c.lat, c.lng, map_div.getZoom()]; }"
# Resolves once the map has had no move for 300 ms, with the time from the call to its last moveend.
SETTLED = """() => new Promise(resolve => {
  const t0 = performance.now(); let last = t0, timer = null;
  const done = () => { map_div.off('moveend zoomend', moved); resolve(last - t0); };
  const moved = () => { last = performance.now(); clearTimeout(timer); timer = setTimeout(done, 300); };
  map_div.on('moveend zoomend', moved); timer = setTimeout(done, 600);
})"""


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(address(page)).query)


def wait_query(page, name: str, value: str | None) -> None:
    deadline = time.monotonic() + 30  # a state waited for, not a time: generous on a busy machine
    while (query(page).get(name, [None])[0]) != value:
        assert time.monotonic() < deadline, f"URL never had {name}={value}: {address(page)}"
        page.wait_for_timeout(50)


def new_map(page):
    """The map once a rerun's dynamic part has replaced the one `mark` saw, settled. The map itself
    is the same: a frame window without the mark (a re-created map) never passes."""
    page.wait_for_function("() => { const f = document.querySelector(%r); const w = f && f.contentWindow;"
                           " return w && w.__seen && w.map_div && w.document.querySelector('.jcm-s')"
                           " && w.map_div.getContainer().getAttribute('data-jcm-drawn') !== w.__seen; }"
                           % MAP_IFRAME, timeout=30_000)
    return wait_for_map(page)


def mark(frame) -> None:
    """Remember which dynamic part the map shows (new_map waits for the next)."""
    frame.evaluate("() => { window.__seen = map_div.getContainer().getAttribute('data-jcm-drawn'); }")


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(("width", "height", "lang"), CASES, ids=[f"{w}x{h}-{g}" for w, h, g in CASES])
def test_presenter_view(app_url, tab, artifacts, width, height, lang) -> None:
    page = tab.page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url(app_url, present="1", lang=lang))
    handle, frame = wait_for_map(page)

    # The map is the screen: ≥ 90 % of the viewport, no page scrolling, no Streamlit chrome.
    box = handle.bounding_box()
    assert box["width"] * box["height"] >= 0.9 * width * height, box
    assert page.evaluate("() => document.scrollingElement.scrollHeight <= innerHeight + 1")
    assert not page.locator('header[data-testid="stHeader"]').is_visible()
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    caption = page.locator(".st-key-jcm_caption")
    assert t("app.title", lang) in caption.inner_text() and "IGES" in caption.inner_text()

    # Zoom in, then one click on 天津市: selected in the URL, details over the map, view kept.
    idle(page)
    handle, frame = wait_for_map(page)
    # Zoomed around 天津市, which stays where it was: zoomed around the centre it went under the caption,
    # where a person's click lands on the caption.
    frame.evaluate("""() => { let at = null;
      map_div.eachLayer(l => {
        if (!at && l.feature && l.feature.properties.id === 'place:天津市' && l.getLatLng) at = l.getLatLng();
      });
      map_div.setZoomAround(at, map_div.getZoom() + 1, {animate: false}); }""")
    frame.evaluate(SETTLED)
    before = frame.evaluate(VIEW)
    mark(frame)
    # a person's click: no actionability retries (they timed out under load)
    click_at(page, place_element(frame, "天津市"))
    wait_query(page, "place", "天津市")
    handle, frame = new_map(page)
    frame.evaluate(SETTLED)
    after = frame.evaluate(VIEW)
    pixel = 360 / (256 * 2 ** before[2])  # degrees of longitude per screen pixel at that zoom
    assert after[2] == before[2] and abs(after[0] - before[0]) < pixel and abs(after[1] - before[1]) < pixel
    details = page.locator(".st-key-jcm_details")
    details.wait_for(state="visible")
    partners = [p.japan for p in DATASET.partnerships if p.china == "天津市"]
    for name in [DATASET.places[k].names.get(lang) for k in partners] + [label(DATASET.stage_of("天津市"), lang)]:
        details.get_by_text(name, exact=False).first.wait_for(state="visible")
        line = details.get_by_text(name, exact=False).first.bounding_box()
        assert 0 <= line["y"] and line["y"] + line["height"] <= height, (name, line)  # on screen, no scrolling
    panel = details.bounding_box()
    assert panel["y"] >= 0 and panel["y"] + panel["height"] <= height and panel["x"] + panel["width"] <= width
    page.screenshot(path=str(artifacts / f"presenter-{width}x{height}-{lang}-click.png"))

    # Esc closes the details; the view stays.
    idle(page)
    page.keyboard.press("Escape")
    wait_query(page, "place", None)
    details.wait_for(state="detached")
    assert query(page).get("present") == ["1"]

    # PageDown starts the tour and steps on; the map flies to the step's extent within 1 s.
    idle(page)
    handle, frame = wait_for_map(page)
    page.keyboard.press("PageDown")
    wait_query(page, "step", "1")
    idle(page)
    handle, frame = wait_for_map(page)
    mark(frame)
    page.keyboard.press("PageDown")
    wait_query(page, "step", "2")
    step = TOUR[1]
    handle, frame = new_map(page)
    flight_ms = frame.evaluate(SETTLED)
    idle(page)
    assert flight_ms <= 1000, flight_ms
    (south, west), (north, east) = step.extent
    shown = frame.evaluate(
        "() => { const b = map_div.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    assert shown[0] <= south and shown[1] <= west and shown[2] >= north and shown[3] >= east, (shown, step.extent)
    tour = page.locator(".st-key-jcm_tour")
    assert all(words in tour.inner_text() for words in step.words(DATASET, lang))
    assert query(page).get("place") == step.query["place"]
    page.screenshot(path=str(artifacts / f"presenter-{width}x{height}-{lang}-tour.png"))

    # Printing: one landscape A4 page.
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (artifacts / f"presenter-{width}x{height}-{lang}.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) == 1
    page.emulate_media(media="print")  # what the page looks like printed (no PDF rasteriser here)
    page.screenshot(path=str(artifacts / f"presenter-{width}x{height}-{lang}-print.png"))
    page.emulate_media(media="screen")

    # A click while the step's details are open: the map stays the same map (it was once re-created,
    # and left blank, when the details panel and the map changed places in the page).
    idle(page)
    handle, frame = wait_for_map(page)
    mark(frame)
    # a person's click: no actionability retries (they timed out under load)
    click_at(page, place_element(frame, "天津市"))
    wait_query(page, "place", "天津市")
    handle, frame = new_map(page)

    # Esc (details open for the clicked place) closes them, the next Esc leaves the presenter view.
    idle(page)
    page.keyboard.press("Escape")
    wait_query(page, "place", None)
    details.wait_for(state="detached")
    idle(page)
    page.keyboard.press("Escape")
    wait_query(page, "present", None)
    page.locator('[data-testid="stSidebar"]').wait_for(state="visible")
    assert not tab.page_errors


# In the map frame: the places whose label a map control (timeline, key, scale, legend …) covers.
_LABELS_UNDER_CONTROLS = """() => {
  const rect = el => el.getBoundingClientRect();
  const controls = [...document.querySelectorAll('.leaflet-control')].map(rect).filter(r => r.width && r.height);
  const covers = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
                        && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  return [...document.querySelectorAll('[data-role="label"]')]
    .filter(el => el.style.visibility !== 'hidden' && el.style.display !== 'none' && rect(el).width > 0)
    .filter(el => controls.some(c => covers(rect(el), c))).map(el => el.getAttribute('data-place'));
}"""
# In the map frame: the places whose marker's centre a map control covers.
_MARKERS_UNDER_CONTROLS = """() => {
  const controls = [...document.querySelectorAll('.leaflet-control')].map(el => el.getBoundingClientRect())
    .filter(r => r.width && r.height);
  return [...document.querySelectorAll('.leaflet-marker-pane .jcm-s')].filter(el => {
    const r = el.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    return controls.some(c => x > c.left && x < c.right && y > c.top && y < c.bottom);
  }).map(el => el.getAttribute('data-place'));
}"""
# In the map frame: the box of the lower-left controls (timeline, key, scale).
_LOWER_LEFT = "() => { const r = document.querySelector('.leaflet-bottom.leaflet-left').getBoundingClientRect(); " \
              "return {x: r.left, y: r.top, width: r.width, height: r.height}; }"


@pytest.mark.parametrize(("width", "height", "lang"), GLANCES, ids=[f"{w}x{h}-{g}" for w, h, g in GLANCES])
def test_presenter_view_opened_on_a_tour_step(app_url, tab, artifacts, width, height, lang) -> None:
    """A shared URL with `step=N` opens on that step: its view, notes and details, filling the window."""
    page = tab.page
    page.set_viewport_size({"width": width, "height": height})
    step = TOUR[2]
    page.goto(url(app_url, present="1", lang=lang, step=str(step.number)))
    handle, frame = wait_for_map(page)
    wait_query(page, "place", step.query["place"][0])
    idle(page)
    box = handle.bounding_box()
    assert box["width"] * box["height"] >= 0.9 * width * height, box
    assert page.evaluate("() => document.scrollingElement.scrollHeight <= innerHeight + 1")
    tour = page.locator(".st-key-jcm_tour")
    assert all(words in tour.inner_text() for words in step.words(DATASET, lang))
    place = DATASET.places[step.query["place"][0]]
    page.locator(".st-key-jcm_details").get_by_text(place.names.get(lang)).first.wait_for(state="visible")
    settled(frame)  # the map flies to the step's extent: the screenshot shows where it lands, labels laid out
    page.screenshot(path=str(artifacts / f"presenter-{width}x{height}-{lang}-step{step.number}.png"))
    # The timeline, the label key and the scale sit beside the step's notes (there is room at every
    # projector size), clear of them: the step is framed above both, no marker is under a control, and
    # the labels are laid out again around them.
    corner, notes = frame.evaluate(_LOWER_LEFT), tour.bounding_box()
    corner = {**corner, "x": corner["x"] + box["x"], "y": corner["y"] + box["y"]}
    assert corner["x"] >= notes["x"] + notes["width"], (corner, notes)
    assert corner["y"] + corner["height"] <= notes["y"] + notes["height"] + 1, (corner, notes)
    assert frame.evaluate(_MARKERS_UNDER_CONTROLS) == []
    assert frame.evaluate(_LABELS_UNDER_CONTROLS) == []
    assert not tab.page_errors


# In the map frame: the selected place's label, as (its place, whether it is only a numbered badge).
_SELECTED_LABELS = """() => [...document.querySelectorAll('.jcm-lb.jcm-sel')].map(
  el => [el.getAttribute('data-place'), el.classList.contains('jcm-badge')])"""


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_the_step_s_place_is_named_in_full_at_1280x720(app_url, tab, lang) -> None:
    """Step 3 speaks of 天津市: its name, not a number. The Kobe link's year tag stood where the only
    spot beside Tianjin's fanned neighbours is; the tag gives way (the year is in the details)."""
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 720})
    step = TOUR[2]
    page.goto(url(app_url, present="1", lang=lang, step=str(step.number)))
    _, frame = wait_for_map(page)
    wait_query(page, "place", step.query["place"][0])
    settled(frame)
    assert frame.evaluate(_SELECTED_LABELS) == [[step.query["place"][0], False]]


# In the page: the boxes of the presenter's fixed panels, by key, and the font size of the notice's text.
_PANELS = """() => Object.fromEntries([...document.querySelectorAll('[class*="st-key-jcm_"]')]
  .filter(e => getComputedStyle(e).position === 'fixed' && e.getBoundingClientRect().width)
  .map(e => { const r = e.getBoundingClientRect();
              return [[...e.classList].find(c => c.startsWith('st-key-')), [r.left, r.top, r.right, r.bottom]]; }))"""


def test_filters_that_leave_nothing_are_said_in_the_middle_of_the_room_s_screen(app_url, tab, artifacts) -> None:
    """With the years filtered, the national bodies leave an empty map: the room reads why, in the
    middle of the screen, at the presenter's text size, over no other panel."""
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url(app_url, present="1", stage="platform_agreed", undated="0", **{"from": "1974"}))
    wait_for_map(page)
    notice = page.locator(".st-key-jcm_empty")
    notice.wait_for()
    assert notice.locator("p").inner_text().strip() == t("map.empty", "ja")
    panels = page.evaluate(_PANELS)
    x0, y0, x1, y1 = panels.pop("st-key-jcm_empty")
    assert abs((x0 + x1) / 2 - 640) < 2 and 0 < y0 and y1 < 720 * 0.6, (x0, y0, x1, y1)
    for key, (a0, b0, a1, b1) in panels.items():
        assert a1 <= x0 or a0 >= x1 or b1 <= y0 or b0 >= y1, f"the notice overlaps {key}"
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.st-key-jcm_empty p')).fontSize)")
    assert size >= PRESENTER_FONT_PX, size
    page.screenshot(path=str(artifacts / "presenter-empty-1280x720.png"))
    assert not tab.page_errors, tab.page_errors
    tab.assert_only_local_requests()
