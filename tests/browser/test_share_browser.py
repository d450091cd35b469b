"""Sharing on the room's network (`run.py --share`): the laptop shows the address and its QR code;
another device (a context connecting from 127.0.0.2, bench/devices.py) sees the map but
neither the address panel nor the edit page, not even at its own URL; without sharing it cannot
connect at all."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_kit import wait_for_map, wait_main_text, wait_view

from bench.devices import DEVICE, connect_as_device
from common.i18n import t
from tests.browser.conftest import is_local

EDIT_PAGE = "会議の記録"  # the edit page's title in ja


def test_the_laptop_shows_where_others_open_the_map(shared_app, tab, artifacts: Path) -> None:
    base, log = shared_app
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{base}/")
    wait_for_map(page)
    panel = page.locator(".st-key-jcm_share")
    panel.wait_for()
    address = panel.locator("code").first.inner_text()
    assert address.startswith("http://") and address.endswith(f":{urlsplit(base).port}/")
    assert not urlsplit(address).hostname.startswith("127."), address  # the laptop's network address
    qr = panel.locator("img").first
    qr.wait_for()
    assert qr.evaluate("img => img.complete && img.naturalWidth") >= 200
    assert page.get_by_role("link", name=EDIT_PAGE).count() == 1  # the laptop may edit
    panel.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "share-laptop-1366.png"))
    console = log.read_text(encoding="utf-8")
    assert f"Others / 他の端末: {address}" in console and "▄▄▄▄▄" in console  # the address and its QR code
    assert "External URL" not in console  # Streamlit's own lines (which ask the internet) are off


def test_another_device_sees_the_map_but_no_edit_page(device_url, tab, artifacts: Path) -> None:
    page = tab.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{device_url}/")
    wait_for_map(page)
    assert page.locator(".st-key-jcm_share").count() == 0
    assert page.get_by_role("link", name=EDIT_PAGE).count() == 0
    page.goto(f"{device_url}/edit")  # asked for directly: the map page, never the password gate
    wait_for_map(page)
    wait_main_text(page, t("edit.laptop_only", "ja"))  # told why, in its browser's language
    assert page.get_by_label("編集用パスワード").count() == 0
    assert page.get_by_role("heading", name=EDIT_PAGE).count() == 0
    page.screenshot(path=str(artifacts / "share-device-edit-url-390.png"))


@pytest.mark.parametrize(("locale", "query", "lang"), [("zh-CN", "", "zh"), ("en-US", "", "en"),
                                                      ("zh-CN", "?lang=ja", "ja"), ("fr-FR", "", "ja")])
def test_a_device_opens_in_its_browser_s_language_and_is_told_only_the_laptop_records(
        browser, device_url, locale: str, query: str, lang: str) -> None:
    """No `lang=` in the address: the device's browser language (navigator.language, Accept-Language),
    if the app speaks it, else the default; `lang=` wins. /edit says, in that language, why not."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale=locale, service_workers="block")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(f"{device_url}/edit{query}")
        wait_for_map(page)
        wait_view(page, lang=lang)
        wait_main_text(page, t("edit.laptop_only", lang))
        assert page.get_by_label(t("edit.password", lang)).count() == 0
    finally:
        context.close()
    assert all(is_local(u) for u in requests), [u for u in requests if not is_local(u)]


def test_a_direct_request_for_the_edit_page_gets_only_the_empty_shell(device_url) -> None:
    """Over HTTP the page is Streamlit's static shell, as for any path: what a page shows travels
    over the session's WebSocket, where the edit page is not registered for a device."""
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with no_proxy.open(f"{device_url}/edit", timeout=10) as edit, no_proxy.open(f"{device_url}/", timeout=10) as home:
        assert edit.read() == home.read()


def test_without_sharing_another_device_cannot_connect(app_url) -> None:
    port = urlsplit(app_url).port
    with pytest.raises(ConnectionRefusedError):
        connect_as_device(port).close()
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with pytest.raises(urllib.error.URLError):
        no_proxy.open(f"http://{DEVICE}:{port}/", timeout=5)
