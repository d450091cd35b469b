"""Follow the presenter, in Chromium: the presenter (the laptop, 127.0.0.1, in ja, 1280x720) steps
through the tour; a participant's phone (another device, 127.0.0.2, in zh, 390x844) that switched
"follow" on shows each step in Chinese within a second (woken by the server, ui/follow.py), the
step's selection with its details in Chinese, laid out for the phone held either way (no panel or
map control meets another or leaves the screen); it stops following and stays, rejoins and catches
up; at the edit page's address it is told, in Chinese, that only the laptop records.
Screenshots: test-artifacts/follow-presenter-1280x720-ja.png, follow-device-390x844-zh.png (taken
at the same moment), follow-device-844x390-zh.png and follow-side-by-side.png (the first two as one
picture, as the room sees them)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from PIL import Image

from bench.follow_bench import TOUR_TEXT, shown_at, watch
from common.i18n import label, t
from core.data.loading import load_dataset
from core.report.wording import name_of
from core.view.tour import load_tour
from tests.browser.browser_kit import BUNDLED_DATA, assert_laid_out, settled, wait_for_map
from tests.browser.conftest import is_local

DATASET = load_dataset(BUNDLED_DATA)
TOUR = load_tour(BUNDLED_DATA, DATASET)
# The phone is pushed each step (a rerun 0.3 s after the presenter's, no polling): most steps reach it
# within FOLLOW_WITHIN_S. One step of four took 1.6 s in a clean-clone CI run, its two workers and two
# browsers on two cores: no single step may take over FOLLOW_AT_MOST_S (a lost push, a poll). The room's
# figure (20 followers, p95 within 1.5 s) is bench.follow_bench's to print.
FOLLOW_WITHIN_S = 1.0
FOLLOW_AT_MOST_S = 2.5
HAS_TEXT = "([sel, text]) => { const e = document.querySelector(sel); return !!e && e.innerText.includes(text); }"


def click(page, locator) -> None:
    """A person's click: the mouse at the middle of the element's box."""
    locator.wait_for()
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def shows(page, selector: str, text: str, timeout_ms: float = 30_000) -> None:
    page.wait_for_function(HAS_TEXT, arg=[selector, text], timeout=timeout_ms)


def test_a_zh_phone_follows_the_ja_presenter_through_the_tour(browser, shared_app, device_url, tab,
                                                               artifacts: Path) -> None:
    base, _ = shared_app
    presenter = tab.page
    presenter.set_viewport_size({"width": 1280, "height": 720})
    presenter.goto(f"{base}/?present=1")
    wait_for_map(presenter)

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", service_workers="block",
                                  is_mobile=True, has_touch=True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    phone = context.new_page()
    phone.set_default_timeout(30_000)
    try:
        phone.goto(f"{device_url}/?lang=zh")
        wait_for_map(phone)
        assert phone.get_by_role("link", name=t("page.edit", "zh")).count() == 0
        click(phone, phone.locator(".st-key-jcm_follow label").first)
        phone.locator(".st-key-jcm_bar").wait_for()  # the presenter's presenter view, followed
        phone.wait_for_function("() => !!document.querySelector('.st-key-jcm_follow input')?.checked")
        # no hint on a phone
        assert phone.locator(".st-key-jcm_follow").inner_text().strip() == t("follow.switch", "zh")

        lags, totals = [], []
        for step in TOUR[:4]:
            watch(presenter, TOUR_TEXT, step.words(DATASET, "ja")[0])
            watch(phone, TOUR_TEXT, step.words(DATASET, "zh")[0])
            clicked = time.time() * 1000
            click(presenter, presenter.locator(".st-key-jcm_next button"))
            on_presenter, on_phone = shown_at(presenter), shown_at(phone)
            lags.append((on_phone - on_presenter) / 1000)
            totals.append((on_phone - clicked) / 1000)
            assert step.words(DATASET, "ja")[0] not in phone.locator(TOUR_TEXT).inner_text()  # the phone's own language
            place = parse_place(step)
            if place:  # the step's selection, its details in Chinese (天津市's status on step 3)
                shows(phone, ".st-key-jcm_details", name_of(DATASET, place, "zh"))
                shows(phone, ".st-key-jcm_details", label(DATASET.stage_of(place), "zh"))
            wait_for_map(phone)
            if place == "天津市":
                settled(wait_for_map(presenter)[1])  # both at rest, their labels laid out: the same moment
                settled(wait_for_map(phone)[1])
                assert_laid_out(phone)
                assert_laid_out(presenter)
                phone.screenshot(path=str(artifacts / "follow-device-390x844-zh.png"))
                presenter.screenshot(path=str(artifacts / "follow-presenter-1280x720-ja.png"))
                side_by_side(artifacts)
                phone.set_viewport_size({"width": 844, "height": 390})  # the phone turned
                wait_for_map(phone)
                assert_laid_out(phone)
                phone.screenshot(path=str(artifacts / "follow-device-844x390-zh.png"))
                phone.set_viewport_size({"width": 390, "height": 844})
                wait_for_map(phone)
                assert_laid_out(phone)
        print(f"phone behind the presenter: {lags} s; click to phone: {totals} s")
        assert statistics.median(lags) <= FOLLOW_WITHIN_S and max(lags) <= FOLLOW_AT_MOST_S, \
            f"the steps reached the phone {lags} s after the presenter"

        # Stop following: the phone keeps its step while the presenter moves on; rejoin: it catches up.
        kept = phone.locator(TOUR_TEXT).inner_text()
        click(phone, phone.locator(".st-key-jcm_follow label").first)
        phone.wait_for_function(
            "() => !document.querySelector('.st-key-jcm_follow [data-testid=\"stCaptionContainer\"]')")
        index = 3  # the presenter is on TOUR[3]; it moves on to TOUR[4]
        click(presenter, presenter.locator(".st-key-jcm_next button"))
        shows(presenter, TOUR_TEXT, TOUR[index + 1].words(DATASET, "ja")[0])
        assert phone.locator(TOUR_TEXT).inner_text() == kept
        watch(phone, TOUR_TEXT, TOUR[index + 1].words(DATASET, "zh")[0])
        clicked = time.time() * 1000
        click(phone, phone.locator(".st-key-jcm_follow label").first)
        assert (shown_at(phone) - clicked) / 1000 <= FOLLOW_AT_MOST_S  # rejoined: the step it missed

        phone.goto(f"{device_url}/edit?lang=zh")  # asked for directly: never the password gate
        wait_for_map(phone)
        shows(phone, '[data-testid="stMain"]', t("edit.laptop_only", "zh"))  # told why, in its language
        assert phone.get_by_label(t("edit.password", "zh")).count() == 0
    finally:
        context.close()
    foreign = sorted({u for u in requests if not is_local(u)})
    assert not foreign, f"requests left this machine: {foreign}"


def parse_place(step) -> str | None:
    """The place a tour step selects, if any."""
    values = step.query.get("place")
    return values[0] if values else None


def side_by_side(artifacts: Path) -> None:
    """The presenter's screen (ja) with the phone (zh) beside it, as one picture for the closing note."""
    left = Image.open(artifacts / "follow-presenter-1280x720-ja.png")
    right = Image.open(artifacts / "follow-device-390x844-zh.png")
    both = Image.new("RGB", (left.width + 24 + right.width, max(left.height, right.height)), "white")
    both.paste(left, (0, 0))
    both.paste(right, (left.width + 24, 0))
    both.save(artifacts / "follow-side-by-side.png")
