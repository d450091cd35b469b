"""The exported HTML opened from file:// in Chromium with EVERY network request blocked: the map
draws all 12 links and 21 places with their labels, and a click shows the place's details."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from common.i18n import t
from core.view.state import ViewState
from export.drawing import load_view, make_view
from export.render import render
from tests.browser.conftest import ARTIFACTS, BUNDLED_DATA, XSS_PAYLOAD, write_xss_data


def _open(browser, html_file: Path, size: tuple[int, int]):
    """A page on `html_file` whose every request but the file itself is aborted and recorded."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    blocked: list[str] = []

    def block(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", block)
    page = context.new_page()
    page.goto(html_file.as_uri())
    page.wait_for_selector(".leaflet-marker-pane .jcm-s", state="attached", timeout=15_000)
    return context, page, blocked


@pytest.mark.parametrize(("lang", "size", "name", "stage"), [
    ("ja", (1920, 1080), "天津市", "ほぼ合意"),
    ("en", (1280, 720), "Tianjin", "Nearly agreed"),
])
def test_exported_html_works_offline_from_file(browser, tmp_path, lang, size, name, stage):
    base, _ = load_view(BUNDLED_DATA, {})
    html_file = tmp_path / f"map-{lang}.html"
    html_file.write_bytes(render(make_view(base.dataset, base.coords, ViewState.of(lang=lang)), "html"))
    context, page, blocked = _open(browser, html_file, size)
    try:
        assert page.locator(".leaflet-overlay-pane path.leaflet-interactive").count() == 12
        assert page.locator(".leaflet-marker-pane .jcm-s").count() == 21
        assert page.locator(".leaflet-marker-pane .jcm-lb").filter(has_text=re.compile(rf"^\s*{name}\s*$")).count() == 1
        # A click on the place's label (the same feature id as its marker) opens its details.
        page.locator(".leaflet-marker-pane .jcm-lb").filter(has_text=re.compile(rf"^\s*{name}\s*$")).click()
        panel = page.locator(".jcm-details")
        panel.wait_for(state="visible", timeout=5_000)
        assert panel.get_attribute("data-id") == "place:天津市"
        text = panel.inner_text()
        assert name in text and stage in text
        page.screenshot(path=str(ARTIFACTS / f"export-html-{lang}-{size[0]}x{size[1]}.png"))
        page.keyboard.press("Escape")
        assert not panel.is_visible()
        caption = page.locator(".jcm-caption").inner_text()
        assert t("app.title", lang) in caption and t("export.source", lang) in caption  # and the date
        assert blocked == []  # nothing was even asked for
    finally:
        context.close()


def test_exported_html_keeps_data_as_text(browser, tmp_path):
    folder = write_xss_data(tmp_path / "xss")
    view, _ = load_view(folder, {"place": ["天津市"]})
    html_file = tmp_path / "xss.html"
    html_file.write_bytes(render(view, "html"))
    context, page, blocked = _open(browser, html_file, (1366, 768))
    try:
        page.locator(".leaflet-marker-pane .jcm-lb").filter(has_text=re.compile(r"^\s*天津市\s*$")).click()
        panel = page.locator(".jcm-details")
        panel.wait_for(state="visible", timeout=5_000)
        assert "window.__xss" in panel.inner_text()  # the payload shows as text
        assert page.evaluate("() => window.__xss") is None
        assert blocked == []
        assert XSS_PAYLOAD.split(" ")[0] not in html_file.read_text(encoding="utf-8")  # no raw <img
    finally:
        context.close()
