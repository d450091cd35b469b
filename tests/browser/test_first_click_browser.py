"""The first click lands: at the projector sizes and 1600×1000, in the normal and the presenter
view, one mouse click on a place or a link selects it, nothing on the page moves (Leaflet focuses
the map on mousedown: that focus once scrolled the page and the click was lost), and what was
clicked is described on screen without scrolling. Screenshots: test-artifacts/first-click-*.png."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from common.i18n import label
from core.data.loading import load_dataset
from tests.browser.browser_kit import (
    BUNDLED_DATA,
    MAP_IFRAME,
    address,
    click_at,
    link_point,
    place_element,
    settled,
    url,
    view_attrs,
    wait_for_map,
    wait_view,
)

DATASET = load_dataset(BUNDLED_DATA)
SIZES = [(1280, 720), (1366, 768), (1920, 1080), (1600, 1000)]
PLACE, LINK = "天津市", "東京都–北京市"
# Every scroll position of the page (Streamlit scrolls its main section, not the document).
SCROLLS = """() => [document.scrollingElement, ...document.querySelectorAll('section, [data-testid]')]
  .filter(el => el.scrollTop || el.scrollLeft)
  .map(el => [el.getAttribute('data-testid') || el.tagName, el.scrollTop])"""


def on_screen(page, locator, height: int) -> None:
    box = locator.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, box


@pytest.mark.parametrize("present", [False, True], ids=["normal", "presenter"])
@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_one_click_selects_and_nothing_moves(app_url, tab, artifacts, width, height, present) -> None:
    page = tab.page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url(app_url, **({"present": "1"} if present else {})))
    wait_view(page, present="1" if present else "")
    handle, frame = wait_for_map(page)
    settled(frame)
    assert page.evaluate(SCROLLS) == []
    details = page.locator(".st-key-jcm_details" if present else '[data-testid="stMain"]')

    click_at(page, place_element(frame, PLACE))
    wait_view(page, place=PLACE)
    assert page.evaluate(SCROLLS) == []  # the page did not move, and the first click landed
    assert parse_qs(urlsplit(address(page)).query)["place"] == [PLACE]
    for text in (DATASET.places[PLACE].names.get("ja"), label(DATASET.stage_of(PLACE), "ja")):
        on_screen(page, details.get_by_text(text).first, height)
    page.screenshot(path=str(artifacts / f"first-click-{width}x{height}-{'presenter' if present else 'normal'}.png"))

    handle, frame = wait_for_map(page)
    settled(frame)
    x, y = link_point(frame, handle, f"link:{LINK}")
    page.mouse.click(x, y)
    wait_view(page, link=LINK)
    assert page.evaluate(SCROLLS) == []
    assert view_attrs(page)["place"] == "" and parse_qs(urlsplit(address(page)).query)["link"] == [LINK]
    assert not tab.page_errors


# The page's own scroll positions: the window's and Streamlit's main section's (the sidebar scrolls
# apart, as Tab walks through its widgets).
PAGE_SCROLL = """() => [document.scrollingElement.scrollTop,
                        document.querySelector('[data-testid="stMain"]').scrollTop]"""
IN_MAP = "() => document.activeElement === document.querySelector(%s)" % json.dumps(MAP_IFRAME)


def test_tab_into_the_map_and_a_mousedown_move_nothing(app_url, tab) -> None:
    """Tab from the page into the map (its frame reaches below a 1280x720 window): Chromium scrolled
    the page to show the whole frame before the focus event; now the page stays where it was."""
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url(app_url))
    wait_view(page)
    handle, frame = wait_for_map(page)
    settled(frame)
    for _ in range(80):  # through the sidebar's widgets and the page's links, to the map
        before = page.evaluate(PAGE_SCROLL)
        page.keyboard.press("Tab")
        if page.evaluate(IN_MAP):
            break
    else:
        raise AssertionError("Tab never reached the map")
    assert page.evaluate(PAGE_SCROLL) == before
    for _ in range(3):  # on to the map's first links and places
        page.keyboard.press("Tab")
        frame.wait_for_function("() => !!document.activeElement.getAttribute('data-jcm-id')")
        assert page.evaluate(PAGE_SCROLL) == before
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(PAGE_SCROLL) == before
    box = place_element(frame, PLACE).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate(PAGE_SCROLL) == before
    page.mouse.up()
    wait_view(page, place=PLACE)
    assert page.evaluate(PAGE_SCROLL) == before
