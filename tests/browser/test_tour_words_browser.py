"""The guided tour's words on the projector (1280×720, ja and zh): every step shows the words
core/view/tour.py fills from the data (the stage as the details word it, the summary, the date shown),
and the map colours its lines by what the words speak of (the legend's heading: stage or relation).
Steps 3, 9, 12 and 14 are kept as screenshots for review."""

from __future__ import annotations

import pytest
from browser_kit import idle, url, wait_for_map

from common.i18n import t
from core.data.loading import load_dataset
from core.view.filters import apply_filter
from core.view.state import ViewState
from core.view.tour import load_tour
from tests.browser.browser_kit import BUNDLED_DATA

DATASET = load_dataset(BUNDLED_DATA)
TOUR = load_tour(BUNDLED_DATA, DATASET)
KEPT = {3, 9, 12, 14}
LEGEND_HEADINGS = "() => [...document.querySelectorAll('details h4')].map(h => h.textContent)"


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_every_step_shows_its_words_and_colours_by_what_they_speak_of(app_url, tab, artifacts, lang) -> None:
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 720})
    for step in TOUR:
        page.goto(url(app_url, present="1", lang=lang, step=str(step.number)))
        _, frame = wait_for_map(page)
        idle(page)
        title, notes = step.words(DATASET, lang)
        shown = page.locator(".st-key-jcm_tour_text").inner_text()
        assert title in shown and all(line in shown for line in notes.split("\n")), (step.number, shown)
        assert "{" not in shown
        if step.number in KEPT:
            page.screenshot(path=str(artifacts / f"tour-1280x720-{lang}-step{step.number}.png"))
        colour = step.query["color"][0]
        if not apply_filter(DATASET, step.view(ViewState.of(lang=lang), DATASET).filter).partnerships:
            assert step.number == 9  # the national bodies: two places, no line to colour
            continue
        frame.wait_for_function("h => [...document.querySelectorAll('details h4')]"
                                ".some(e => e.textContent === h)", arg=t(f"map.legend.{colour}", lang))
        other = "relation" if colour == "stage" else "stage"
        assert t(f"map.legend.{other}", lang) not in frame.evaluate(LEGEND_HEADINGS)
    assert not tab.page_errors
