"""Recording a meeting in a real browser, at a projector size: password, one change, save, and the
map and the status page show it; nothing leaves localhost. The server writes to a tmp copy of
data/ and the snapshot saved is FICTIONAL test data (today's date, source "entered in the app")."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_kit import BUNDLED_DATA, idle, main_text, url, wait_for_map

from core.data.loading import load_dataset
from tests.browser.conftest import _require_browser, run_app

PASSWORD = "fictional-browser-password"
# The rows of 北京市 in the page's tables (a dataframe is a canvas; its accessible table has the text).
BEIJING_ROWS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"] table tr')]
  .map(row => [...row.querySelectorAll('td, th')].map(c => c.textContent.trim()))
  .filter(cells => cells[0] === '北京市')"""
LINK_CATEGORY = """() => {
  let cat = null;
  map_div.eachLayer(l => {
    if (l.feature && l.feature.properties.id === 'link:東京都–北京市') cat = l.feature.properties.cat;
  });
  return cat;
}"""


@pytest.fixture(scope="module")
def editing_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app with editing allowed, its password in a secrets file of its own, on a copy of data/."""
    _require_browser()
    root = tmp_path_factory.mktemp("edit")
    data = root / "data"
    data.mkdir()
    for src in BUNDLED_DATA.glob("*.csv"):
        shutil.copyfile(src, data / src.name)
    secrets = root / "secrets.toml"
    secrets.write_text(f'[editing]\npassword = "{PASSWORD}"\n', encoding="utf-8")
    with run_app(data, root / "app.log", ("--secrets.files", str(secrets)), ("--allow-edit",)) as base:
        yield base, data


def test_a_recorded_snapshot_shows_on_the_map_and_the_status_page(editing_app, tab, artifacts) -> None:
    base, data = editing_app
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    # The fresh server's first visit is a deep link: the page opens without a "Page not found" dialog.
    page.goto(f"{base}/edit")
    page.get_by_label("編集用パスワード").wait_for(timeout=60_000)
    idle(page)
    assert not page.get_by_text("Page not found").is_visible(), "a deep link on a fresh server showed 'Page not found'"
    page.goto(url(base, color="stage"))
    _, frame = wait_for_map(page)
    assert frame.evaluate(LINK_CATEGORY) == "in_coordination"

    page.get_by_role("link", name="会議の記録").click()
    idle(page)  # a value typed while the page still reruns can be lost with the re-rendered field
    page.get_by_label("編集用パスワード").fill(PASSWORD)
    page.keyboard.press("Enter")  # a clicker or keyboard is enough to unlock
    idle(page)
    beijing = page.locator('[data-testid="stExpander"]').filter(has_text="北京市 — 調整中")
    beijing.locator("summary").click(timeout=60_000)
    beijing.locator("textarea").first.wait_for()
    page.screenshot(path=str(artifacts / "edit-form-1366.png"))
    beijing.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="ほぼ合意").click()
    page.get_by_role("button", name="保存").click()
    success = page.locator('[data-testid="stAlertContentSuccess"]')
    success.wait_for(timeout=60_000)
    assert success.is_visible() and success.bounding_box()["y"] < 768, "the confirmation is off screen"
    page.screenshot(path=str(artifacts / "edit-saved-1366.png"))
    assert load_dataset(data).stage_of("北京市") == "nearly_agreed"

    page.goto(url(base, place="北京市", color="stage"))
    _, frame = wait_for_map(page)
    assert frame.evaluate(LINK_CATEGORY) == "nearly_agreed"
    assert "段階: ほぼ合意" in main_text(page)
    page.screenshot(path=str(artifacts / "edit-map-after-1366.png"))

    # The status page opens with what changed since the seed's snapshot: 北京市 advanced.
    page.get_by_role("link", name="調整状況").click()
    page.wait_for_function(f"() => ({BEIJING_ROWS})().length >= 2", timeout=30_000)
    changed, status = page.evaluate(BEIJING_ROWS)[:2]
    assert "調整中 → ほぼ合意" in changed, changed
    assert status[1] == "ほぼ合意", status
    page.screenshot(path=str(artifacts / "edit-status-after-1366.png"))
    assert not tab.page_errors, tab.page_errors
    tab.assert_only_local_requests()
