"""What the room reads, measured on the page at every projector size and language, in the normal
view's opening map and in the presenter view's overview and every tour step, with and without
the reference overlay (issue 18):

- every line ends at its own place's marker, also where markers are fanned out (each end of each
  link's SVG path, by getPointAtLength and getScreenCTM, against every marker's centre);
- no page panel (caption, bar, details, tour notes) covers a place's name
  (document.elementFromPoint at each label's centre and corners);
- no text of the presenter view is under PRESENTER_FONT_PX at 1280x720 (computed font sizes of the
  panels', the map controls' and the labels' texts).

One server per data set, one browser, one page per size and language, stepped together: each
PageDown reruns nine sessions at once. Screenshots of steps 3, 9 and 12 at 1280x720 in ja and zh
go to test-artifacts/room-*.png.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from core.loading import load_dataset
from core.tour import load_tour
from tests.browser.browser_kit import BUNDLED_DATA, MAP_IFRAME, address, url
from core.map.style import PRESENTER_FONT_PX
from tests.browser.conftest import Tab

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
LANGS = ["ja", "en", "zh"]
STEPS = len(load_tour(BUNDLED_DATA, load_dataset(BUNDLED_DATA)))
SHOTS = {3, 9, 12}  # steps whose screenshots at 1280x720 in ja and zh are looked at

# In the map frame: the link ends that are not at their own place's marker, as
# "<link> at <place>: <px> from it, nearer to <others>". A region's ring around its capital city
# shares the city's centre (one visible pair): a tie with it is no break.
LINE_ENDS = """() => {
  const centre = el => { const r = el.getBoundingClientRect(); return [(r.left + r.right) / 2, (r.top + r.bottom) / 2]; };
  const markers = [...document.querySelectorAll('.jcm-s[data-place]')].map(m => [m.getAttribute('data-place'), ...centre(m)]);
  const out = [], view = map_div.getContainer().getBoundingClientRect();
  document.querySelectorAll('path[data-link]').forEach(p => {
    const link = p.getAttribute('data-link'), ends = link.split('\\u2013'), n = p.getTotalLength(), ctm = p.getScreenCTM();
    [[ends[0], 0], [ends[1], n]].forEach(([key, at]) => {
      const a = p.getPointAtLength(at), q = new DOMPoint(a.x, a.y).matrixTransform(ctm);
      const own = markers.find(m => m[0] === key);
      if (!own) { out.push(link + ' at ' + key + ': no marker'); return; }
      if (own[1] < view.left || own[1] > view.right || own[2] < view.top || own[2] > view.bottom) return;  // Leaflet clips the line
      const d = m => Math.hypot(m[1] - q.x, m[2] - q.y);
      const nearer = markers.filter(m => m !== own && d(m) <= d(own) && Math.hypot(m[1] - own[1], m[2] - own[2]) > 1);
      if (d(own) > 1.5 || nearer.length)
        out.push(link + ' at ' + key + ': ' + d(own).toFixed(1) + ' px from it, nearer to ' + nearer.map(m => m[0]).join(','));
    });
  });
  return out;
}"""


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(address(page)).query)


def _wait_step(page, step: int) -> None:
    deadline = time.monotonic() + 30
    while _query(page).get("step") != [str(step)]:
        assert time.monotonic() < deadline, f"the tour never reached step {step}: {address(page)}"
        page.wait_for_timeout(50)


# In the page: starts waiting, without blocking the test, until Streamlit is idle (nothing running
# or stale for 0.5 s), the map is drawn and has not moved for 400 ms, its fonts are in and its
# labels are laid out for where it stands (data-labels-settled); then sets window.__roomReady to the token. Nine
# pages wait at once: the walk costs the slowest page's time per step, not the sum.
READY = """token => {
  window.__roomReady = null;
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const quiet = async (changed, ms) => { let still = 0; while (still < ms) { await sleep(50); still = changed() ? 0 : still + 50; } };
  (async () => {
    let busy = () => !!document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]');
    await quiet(busy, 500);
    let w = null;
    while (!(w = (document.querySelector(%r) || {}).contentWindow) || !w.map_div || !w.document.querySelector('.jcm-s[data-place]')
           || !w.map_div.getContainer().getAttribute('data-labels-laid-out')) await sleep(50);
    await w.document.fonts.ready;
    let moved = false;
    const events = 'zoomstart zoomend movestart moveend';
    const mark = () => { moved = true; };
    w.map_div.on(events, mark);
    await quiet(() => { const m = moved; moved = false; return m; }, 400);
    w.map_div.off(events, mark);
    while (w.map_div.getContainer().getAttribute('data-labels-settled') !== 'true') await sleep(50);
    window.__roomReady = token;
  })();
  return true;
}""" % MAP_IFRAME


def _all_ready(tabs, token: str) -> None:
    for tab, _, _ in tabs:
        tab.page.evaluate(READY, token)
    for tab, _, _ in tabs:
        tab.page.wait_for_function("t => window.__roomReady === t", arg=token)


# In the page: the places' names (labels, badges) that a page panel covers (what
# document.elementFromPoint gives at the label's centre and corners is not the map's frame), and the texts
# under the least font size (when given) on the page's panels over the map and on the map's
# controls and labels.
ROOM = """([iframeSel, minFont]) => {
  const f = document.querySelector(iframeSel), w = f.contentWindow, d = w.document, fr = f.getBoundingClientRect();
  const out = {'labels covered': [], 'small text': []};
  const map = w.map_div.getContainer().getBoundingClientRect();
  const shown = el => el.style.visibility !== 'hidden' && el.style.display !== 'none' && el.getBoundingClientRect().width > 0;
  // what a person sees at frame point (x, y): a panel of the page, or the map (null)
  const over = (x, y) => {
    const X = x + fr.left, Y = y + fr.top;
    if (X < 0 || Y < 0 || X > innerWidth || Y > innerHeight) return 'off screen';
    const top = document.elementFromPoint(X, Y);
    if (top !== f) { const k = top && top.closest('[class*="st-key-jcm_"]'); return 'page ' + (k ? [...k.classList].find(c => c.startsWith('st-key-')) : top && top.tagName); }
    return null;  // map controls over labels: the label rules of test_labels_browser and test_presenter_browser
  };
  d.querySelectorAll('[data-role="label"]').forEach(lb => {
    const r = lb.getBoundingClientRect();
    if (!shown(lb) || r.right < map.left || r.left > map.right || r.bottom < map.top || r.top > map.bottom) return;
    for (const [x, y] of [[(r.left + r.right) / 2, (r.top + r.bottom) / 2], [r.left + 2, r.top + 2], [r.right - 2, r.top + 2],
                          [r.left + 2, r.bottom - 2], [r.right - 2, r.bottom - 2]]) {
      const o = over(x, y);
      if (o) { out['labels covered'].push(lb.getAttribute('data-place') + "'s label under " + o); break; }
    }
  });
  if (minFont) {
    const walk = (els, where) => els.forEach(el => {
      const tw = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n; (n = tw.nextNode());) {
        const e = n.parentElement, cs = e.ownerDocument.defaultView.getComputedStyle(e), px = parseFloat(cs.fontSize);
        if (n.textContent.trim() && e.getBoundingClientRect().width && cs.visibility !== 'hidden' && px < minFont)
          out['small text'].push(where + ' "' + n.textContent.trim().slice(0, 24) + '" ' + px + ' px');
      }
    });
    walk([...document.querySelectorAll('[class*="st-key-jcm_"]')].filter(e => getComputedStyle(e).position === 'fixed'), 'page');
    walk([...d.querySelectorAll('.leaflet-control, .jcm-lb')], 'map');
  }
  return out;
}"""


def _problems(page, where: str, min_font: float = 0) -> dict[str, list[str]]:
    """Every break of the room's rules on page's map, each prefixed by where."""
    frame = page.query_selector(MAP_IFRAME).content_frame()
    found = {"line ends": frame.evaluate(LINE_ENDS), **page.evaluate(ROOM, [MAP_IFRAME, min_font])}
    return {kind: [f"{where}: {p}" for p in found[kind]] for kind in found}


@pytest.fixture
def tabs(browser) -> Iterator[list[tuple[Tab, tuple[int, int], str]]]:
    """One page per projector size and language, each in its own context (no shared session),
    each failing the test on a request that leaves localhost."""
    out, contexts = [], []
    for size in SIZES:
        for lang in LANGS:
            context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="ja-JP",
                                          service_workers="block")
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(60_000)
            tab = Tab(page)
            context.on("request", lambda request, tab=tab: tab.requests.append(request.url))
            page.on("pageerror", lambda error, tab=tab: tab.page_errors.append(str(error)))
            out.append((tab, size, lang))
    try:
        yield out
    finally:
        for context in contexts:
            context.close()
    for tab, _, _ in out:
        tab.assert_only_local_requests()


def _walk(base: str, tabs, artifacts, name: str) -> dict[str, list[str]]:
    """The normal view's opening map, then the presenter view's overview and every step, on every
    tab; the problems found, by kind. The presenter's least text size is checked at 1280x720."""
    problems: dict[str, list[str]] = {}

    def check(where: str) -> None:
        _all_ready(tabs, where)
        for tab, size, lang in tabs:
            small = PRESENTER_FONT_PX if where != "normal" and size == (1280, 720) else 0
            for kind, found in _problems(tab.page, f"{name} {where} {size[0]}x{size[1]} {lang}", small).items():
                problems.setdefault(kind, []).extend(found)

    for tab, _, lang in tabs:
        tab.page.goto(url(base, lang=lang))
    check("normal")
    for tab, _, lang in tabs:
        tab.page.goto(url(base, lang=lang, present="1"))
    check("overview")
    for step in range(1, STEPS + 1):
        for tab, _, _ in tabs:
            tab.page.keyboard.press("PageDown")
        for tab, _, _ in tabs:
            _wait_step(tab.page, step)
        check(f"step {step}")
        for tab, size, lang in tabs:
            if step in SHOTS and size == (1280, 720) and lang in ("ja", "zh"):
                tab.page.screenshot(path=str(artifacts / f"room-{name}-{lang}-step{step}.png"))
    for tab, _, _ in tabs:
        assert not tab.page_errors, tab.page_errors
    return problems


def _assert_read(problems: dict[str, list[str]]) -> None:
    for kind, found in problems.items():
        assert found == [], f"{kind}: {len(found)}, {found[:20]}"


# The walk over the 25,917-pair reference overlay takes as long again and once showed every line and the
# basemap shifted ~40-70 px from the markers at step 3 under load (not explained yet): `make test-room`
# runs it; `make test` walks the programme alone.
WALKS = {"plain": "app_url", "overlay": "reference_overlay_app_url"}
WALKED = os.environ.get("JCM_ROOM_WALKS", "plain").split(",")


@pytest.mark.parametrize("walk", WALKED)
def test_the_room_reads_every_step(request, walk, tabs, artifacts):
    _assert_read(_walk(request.getfixturevalue(WALKS[walk]), tabs, artifacts, walk))
