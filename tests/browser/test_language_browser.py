"""One language per page, in Chromium: the map, status, partnerships and about pages and the
presenter view in Japanese and Chinese show no English word, in what is on screen, in what a screen
reader reads (the accessibility tree: icon names, toolbar and chart labels, placeholders) and in the
map's frame, but those of the README's allow-list (*Languages*: names, acronyms, file formats, keys);
and the "Connection error" dialog over the presenter view is in the reader's language too."""

from __future__ import annotations

import re

import pytest
from browser_kit import MAP_IFRAME, idle, url, wait_for_map

from common.i18n import t
from tests.browser.conftest import BUNDLED_DATA, run_app
from tests.core.test_i18n import ALLOWED_ASCII

WORD = re.compile(r"[A-Za-z]{2,}")
# The README's allow-list (section *Languages*): what stays written in Latin letters on a ja/zh page:
# what the catalogues may keep (names, file and column names, commands, formats, key caps), and
ALLOWED = {w for allowed in ALLOWED_ASCII for w in WORD.findall(allowed)} | {
    "TEMM", "JICA",  # the report's own acronyms (statuses.csv)
    "MB", "km",  # units: the upload limit, the map's scale
    "Language", "English",  # the language switch, findable by a reader of any language
    "Leaflet", "japanmap", "cnmaps", "data",  # the map's attribution: names of software and data
}
FILE_NAME = re.compile(r"[\w/.-]+\.csv")
PAGES = [("map", "/", {}), ("status", "/status", {}), ("partnerships", "/partnerships", {}), ("about", "/about", {}),
         ("presenter", "/", {"present": "1", "step": "14"})]

# Every text a reader sees or a screen reader reads in a document: visible text nodes, the
# accessible labels (aria-label, title, placeholder, alt) of what is not aria-hidden, CSS content.
SHOWN = """() => {
  const out = [];
  const hidden = el => !!el.closest('[aria-hidden="true"]');
  const visible = el => { const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'; };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || hidden(el)) continue;
    if (el.closest('code, pre')) continue;  // commands and paths, typed as they are
    if (visible(el) || el.closest('[data-testid="stSkipToContent"]')) out.push(n.data);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (hidden(el)) continue;
    for (const a of ['aria-label', 'placeholder', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
    if (el.title && !(el.tagName === 'IFRAME' && el.getAttribute('aria-label'))) out.push(el.title);
  }
  for (const el of document.querySelectorAll('*')) {
    if (hidden(el) || !visible(el)) continue;
    for (const p of ['::before', '::after']) {
      const c = getComputedStyle(el, p).content;
      if (c && c.startsWith('"')) out.push(c);
    }
  }
  return out;
}"""


def english(texts: list[str]) -> set[str]:
    return {w for text in texts for w in WORD.findall(FILE_NAME.sub(" ", text))} - ALLOWED


def read_aloud(page) -> list[str]:
    """What the accessibility tree names (Playwright's ARIA snapshot), without its own syntax."""
    names = []
    for line in page.locator("body").aria_snapshot().splitlines():
        line = line.strip().removeprefix("- ")
        if line.startswith(("/", "code")):  # /url: … and other properties; commands and paths as typed
            continue
        rest = re.sub(r"^[a-z]+\b", "", line)  # the role
        names.append(re.sub(r"\[[^\]]*\]", "", rest))  # [checked], [level=4], …
    return names


def walk_page(page, base: str, lang: str, path: str, query: dict[str, str]) -> list[str]:
    page.goto(url(base, lang=lang, **query).replace(f"{base}/?", f"{base}{path}?"))
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang)
    if path == "/":
        wait_for_map(page)
    idle(page)
    page.wait_for_function("() => !document.querySelector('[data-jcm-en-aria-label]') ||"
                           " document.querySelectorAll('[data-jcm-en-aria-label]').length > 0")
    texts = page.evaluate(SHOWN) + read_aloud(page)
    frame = page.query_selector(MAP_IFRAME)
    if frame:
        texts += frame.content_frame().evaluate(SHOWN)
    return texts


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_every_page_is_in_one_language(tab, app_url, artifacts, lang) -> None:
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    left: dict[str, set[str]] = {}
    for name, path, query in PAGES:
        texts = walk_page(page, app_url, lang, path, query)
        assert t("streamlit.skip", lang) in texts  # the page's own script has run
        left[name] = english(texts)
        page.screenshot(path=str(artifacts / f"language-{lang}-{name}.png"))
    # A menu Streamlit draws only when opened: the region filter's options ("Select all").
    page.goto(url(app_url, lang=lang))
    wait_for_map(page)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] input').first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector('[role="listbox"], [data-baseweb="menu"]')
    left["menu"] = english(page.evaluate(SHOWN))
    page.screenshot(path=str(artifacts / f"language-{lang}-menu.png"))
    page.keyboard.press("Escape")
    # The hint Streamlit shows under a text box being typed into ("Press Enter to apply").
    box = page.locator('[data-testid="stSidebar"] [data-testid="stTextInput"] input').first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.type("x")
    page.wait_for_selector('[data-testid="InputInstructions"]')
    left["typing"] = english(page.evaluate(SHOWN))
    assert t("streamlit.press_enter", lang) in page.inner_text('[data-testid="InputInstructions"]')
    assert {k: v for k, v in left.items() if v} == {}, "; ".join(f"{k}: {sorted(v)}" for k, v in left.items() if v)
    assert not tab.page_errors


def test_the_connection_error_over_the_presenter_view_is_in_the_readers_language(tab, tmp_path, artifacts) -> None:
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 720})
    with run_app(BUNDLED_DATA, tmp_path / "app.log") as base:
        page.goto(url(base, lang="zh", present="1", step="3"))
        wait_for_map(page)
        idle(page)
    dialog = page.wait_for_selector('[role="dialog"]', timeout=90_000)
    page.wait_for_function("t => document.querySelector('[role=\"dialog\"]').innerText.includes(t)",
                           arg=t("streamlit.connection_error", "zh"))
    page.screenshot(path=str(artifacts / "language-zh-connection-error.png"))
    said = dialog.inner_text()
    assert t("streamlit.still_running", "zh") in said and "make run" in said
    assert english([said]) == {"run"}  # "make run": the command, typed as it is
