"""The map is created once: a click, the year slider and a filter replace only its dynamic part
(core/map/build.py), and a click costs one rerun. Chromium at 1920x1080, the room's language.

A sentinel set on the map frame's window, and the Leaflet map object itself, must survive every
change; the dynamic part counts its replacements on the map container (data-jcm-drawn). Labels,
the keyboard and the timeline must keep working in every new dynamic part.
"""

from __future__ import annotations

from browser_kit import (
    MAP_IFRAME,
    address,
    click_at,
    feature_ids,
    idle,
    place_marker,
    url,
    wait_for_map,
    wait_main_text,
)

TIANJIN = "天津市"
DETAILS = "段階: ほぼ合意"  # Table 2 stage of 天津市, in its details panel

# Marks the frame's window and keeps the map object; counts what the frame sends to Streamlit.
_MARK = """() => {
  window.__kept = map_div;
  window.__sent = 0;
  const send = window.Streamlit.setComponentValue;
  window.Streamlit.setComponentValue = function (v) { window.__sent += 1; return send.call(this, v); };
}"""
# Still the same map: the mark, the map object and one container; and what the map shows now.
_STATE = """() => ({
  same: window.__kept === map_div && document.querySelectorAll('.leaflet-container').length === 1,
  drawn: +map_div.getContainer().getAttribute('data-jcm-drawn'),
  sent: window.__sent,
  legends: document.querySelectorAll('.jcm-legend').length,
  timelines: document.querySelectorAll('.jcm-timeline').length,
  keys: document.querySelectorAll('.jcm-key').length,
  selected: [...document.querySelectorAll('.jcm-s.jcm-sel[data-place]')].map(e => e.getAttribute('data-place')),
  labelled: +map_div.getContainer().getAttribute('data-labels-laid-out'),
  focused: document.activeElement && document.activeElement.getAttribute('data-jcm-id'),
})"""


def _frame(page):
    return page.query_selector(MAP_IFRAME).content_frame()


def _state(page) -> dict:
    return _frame(page).evaluate(_STATE)


def _redrawn(page, drawn: int) -> dict:
    """Wait for the dynamic part after `drawn` and for Streamlit to settle; the map's state then."""
    _frame(page).wait_for_function("n => +map_div.getContainer().getAttribute('data-jcm-drawn') > n", arg=drawn)
    idle(page)
    state = _state(page)
    assert state["same"], "the map was re-created"
    assert (state["legends"], state["timelines"]) == (1, 1), f"controls of an old dynamic part stayed: {state}"
    assert state["keys"] <= 1, state
    return state


def test_clicks_filters_and_years_update_the_map_in_place(app_url, tab, artifacts):
    page = tab.page
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(url(app_url))
    _, frame = wait_for_map(page, "w.map_div.getContainer().getAttribute('data-labels-laid-out')")
    idle(page)
    frame.evaluate(_MARK)
    first = _state(page)

    # One click: highlighted, sent once, one rerun (one message to the server), details shown.
    frames_sent = len(tab.ws_sent)
    click_at(page, place_marker(frame, TIANJIN))  # a person's click: at the marker, no scrolling help
    wait_main_text(page, DETAILS)
    state = _redrawn(page, first["drawn"])
    page.wait_for_timeout(400)  # st_folium's own report would come 250 ms after the click
    assert _state(page)["sent"] == 1
    assert len(tab.ws_sent) - frames_sent == 1, "the click cost more than one rerun"
    assert state["selected"] == [TIANJIN] and "place=" in address(page)
    assert state["labelled"] > 0  # the new part's labels were laid out

    # Keyboard: Enter on another place selects it; the focus stays on it in the new dynamic part.
    frame.locator(".jcm-s[data-place='上海市']").focus()
    page.keyboard.press("Enter")
    wait_main_text(page, "上海市")
    state = _redrawn(page, state["drawn"])
    assert state["selected"] == ["上海市"] and state["focused"] == "place:上海市"

    # The year slider (1973 -> 1974): 神戸市–天津市 (1973) leaves, the map stays.
    page.locator('[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]').first.focus()
    page.keyboard.press("ArrowRight")
    _frame(page).wait_for_function("() => !document.querySelector('[data-link=\"神戸市–天津市\"]')")
    state = _redrawn(page, state["drawn"])
    assert "link:神戸市–天津市" not in feature_ids(_frame(page))["link"]

    # A province filter: only 河北省's links, the map stays.
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    box.locator("input").click()
    page.keyboard.type("河北省")
    page.get_by_role("option", name="河北省").first.click()
    page.keyboard.press("Escape")
    _frame(page).wait_for_function("() => document.querySelectorAll('[data-jcm-focus=link]').length === 2")
    state = _redrawn(page, state["drawn"])
    assert set(feature_ids(_frame(page))["link"]) == {"link:長野県–河北省", "link:北九州市–唐山市"}

    # The timeline of the new part still steps (its key on the map), and its old handlers are gone.
    frame = _frame(page)
    frame.locator(".jcm-s[data-place='河北省']").focus()
    page.keyboard.press(".")
    assert frame.evaluate("() => map_div.getContainer().getAttribute('data-timeline')") == "1983"
    page.screenshot(path=str(artifacts / "latency-hebei-1983-1920x1080.png"))
    assert _state(page)["same"]
    assert not tab.page_errors, tab.page_errors
    tab.assert_only_local_requests()
