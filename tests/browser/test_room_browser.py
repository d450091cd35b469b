"""What the room reads, asserted from the page at every projector size and language, in the normal
view's opening map, after a click on the hub and after a province filter, and in the presenter
view's overview and every tour step, with and without the reference overlay (issue 18):

- every line ends at its own place's marker, also where markers are fanned out (each end of each
  link's SVG path, by getPointAtLength and getScreenCTM, against every marker's centre);
- every place on screen is named beside its marker or by a badge the key lists; the subject of a
  step or a selection (a selected place, the ends of a selected link) is named in full;
- no page panel (caption, bar, details, tour notes), map control (legend, key, timeline, zoom,
  notices) or tooltip lies over a place's marker or label, and no page panel over a map control
  (document.elementFromPoint);
- no text of the presenter view is under PRESENTER_FONT_PX at 1280x720 (computed font sizes of the
  panels', the map controls' and the labels' texts);
- every step's notes show the words core/view/tour.py fills from the data, and the map colours its
  lines by what they speak of (the legend's heading).

Every problem found goes to test-artifacts/room-<walk>.json and the failure lists them. One server
per data set, one browser, one page per size and language, stepped together. Screenshots of the
normal view after the click, the overview and steps 1, 3, 9, 12 and 14 (JCM_ROOM_SHOTS) go to
test-artifacts/room-*.png.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from common.i18n import t
from core.data.loading import load_dataset
from core.map.style import PRESENTER_FONT_PX, label_rules
from core.view.filters import apply_filter
from core.view.state import ViewState
from core.view.tour import load_tour
from tests.browser.browser_kit import (
    BUNDLED_DATA,
    MAP_IFRAME,
    address,
    click_at,
    place_marker,
    scroll_to,
    url,
    wait_until,
    wait_view,
)
from tests.browser.conftest import Tab

# `make test` walks 1280x720 in ja and zh (the presenter's language and the followers'); `make test-room`
# every projector size and language (JCM_ROOM_SIZES, JCM_ROOM_LANGS).
SIZES = [tuple(map(int, s.split("x"))) for s in os.environ.get("JCM_ROOM_SIZES", "1280x720").split(",")]
LANGS = os.environ.get("JCM_ROOM_LANGS", "ja,zh").split(",")
DATASET = load_dataset(BUNDLED_DATA)
TOUR = load_tour(BUNDLED_DATA, DATASET)
STEPS = len(TOUR)
REGIONS = DATASET.regions()
HUB = "天津市"  # the place with the most links (3): clicked, then picked as the province filter
# where the walk takes screenshots (test-artifacts/room-<walk>-<lang>-<size>-<where>.png), on every tab:
# the normal view after the click and after Esc, the overview and the steps looked at (JCM_ROOM_SHOTS, e.g.
# "normal,normal-filter,1,2,14" when a walk fails there)
SHOTS = os.environ.get("JCM_ROOM_SHOTS", "normal-click,overview,1,3,9,12,14,normal-after-presenter").split(",")

# In the map frame: the link ends that are not at their own place's marker, as
# "<link> at <place>: <px> from it, nearer to <others>". A region's ring around its capital city
# shares the city's centre (one visible pair): a tie with it is no break.
LINE_ENDS = """() => {
  const centre = el => {
    const r = el.getBoundingClientRect();
    return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  };
  const markers = [...document.querySelectorAll('.jcm-s[data-place]')]
    .map(m => [m.getAttribute('data-place'), ...centre(m)]);
  const out = [], view = map_div.getContainer().getBoundingClientRect();
  document.querySelectorAll('path[data-link]').forEach(p => {
    const link = p.getAttribute('data-link'), ends = link.split('\\u2013');
    const n = p.getTotalLength(), ctm = p.getScreenCTM();
    [[ends[0], 0], [ends[1], n]].forEach(([key, at]) => {
      const a = p.getPointAtLength(at), q = new DOMPoint(a.x, a.y).matrixTransform(ctm);
      const own = markers.find(m => m[0] === key);
      if (!own) { out.push(link + ' at ' + key + ': no marker'); return; }
      // Leaflet clips the line
      if (own[1] < view.left || own[1] > view.right || own[2] < view.top || own[2] > view.bottom) return;
      const d = m => Math.hypot(m[1] - q.x, m[2] - q.y);
      const nearer = markers.filter(m => m !== own && d(m) <= d(own) && Math.hypot(m[1] - own[1], m[2] - own[2]) > 1);
      if (d(own) > 1.5 || nearer.length)
        out.push(link + ' at ' + key + ': ' + d(own).toFixed(1) + ' px from it, nearer to '
                 + nearer.map(m => m[0]).join(','));
    });
  });
  return out;
}"""


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(address(page)).query)


def _wait_address(page, name: str, value: str) -> None:
    wait_until(page, lambda: _query(page).get(name) == [value], f"the address never had {name}={value}", timeout=30)


def _choose_region(page, name: str) -> None:
    """name picked in the sidebar's prefecture/province filter, as a person picks it."""
    field = page.locator('[data-testid="stSidebar"] .st-key-province [role="combobox"]')
    scroll_to(page, field)
    click_at(page, field)
    page.keyboard.type(name)  # the list draws the options in view only: narrowed to it
    option = page.get_by_role("option", name=name, exact=True)
    option.wait_for()
    click_at(page, option)
    page.keyboard.press("Escape")  # the list closes, as a click elsewhere closes it


# In the page: starts waiting, without blocking the test, until Streamlit is idle (nothing running
# or stale for 0.5 s), the map is drawn and has not moved for 400 ms, its fonts are in and its
# labels are laid out for where it stands (data-labels-settled); then sets window.__roomReady to the token. Nine
# pages wait at once: the walk costs the slowest page's time per step, not the sum.
READY = """token => {
  window.__roomReady = null;
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const quiet = async (changed, ms) => {
    let still = 0;
    while (still < ms) { await sleep(50); still = changed() ? 0 : still + 50; }
  };
  (async () => {
    let busy = () => !!document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]');
    await quiet(busy, 500);
    let w = null;
    while (!(w = (document.querySelector(%r) || {}).contentWindow) || !w.map_div
           || !w.document.querySelector('.jcm-s[data-place]')
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


# In the page: what the room cannot read, by kind, from what the page shows at every place on screen
# (its marker's centre within the map and the window):
# - "unnamed": no label beside the marker (its nearest edge within the label rules' reach) and no
#   badge whose number the key lists with the place's name;
# - "subject not named": a selected place or an end of a selected link shown only as a number;
# - "covered": a page panel (document.elementFromPoint is not the map's frame), a map control
#   (legend, key, timeline, zoom, notices), a tooltip or a link's year tag over a marker's centre or a label's centre
#   and corners; a map control's centre under a page panel; a selected link's line under the name of a
#   place that is not a subject;
# - "small text" (when minFont is given): texts under it on the page's panels over the map and on
#   the map's controls and labels.
ROOM = """([iframeSel, minFont, reach]) => {
  const f = document.querySelector(iframeSel), w = f.contentWindow, d = w.document, fr = f.getBoundingClientRect();
  const out = {'unnamed': [], 'subject not named': [], 'covered': [], 'small text': []};
  const map = w.map_div.getContainer().getBoundingClientRect();
  const shown = el => {
    const cs = w.getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none' && el.getBoundingClientRect().width > 0;
  };
  const onScreen = (x, y) => x >= map.left && x <= map.right && y >= map.top && y <= map.bottom
    && x + fr.left >= 0 && y + fr.top >= 0 && x + fr.left <= innerWidth && y + fr.top <= innerHeight;
  const centre = r => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  const page = (x, y) => {  // a page panel over frame point (x, y), or null
    const top = document.elementFromPoint(x + fr.left, y + fr.top);
    if (top === f) return null;
    const k = top && top.closest('[class*="st-key-jcm_"]');
    return 'page ' + (k ? [...k.classList].find(c => c.startsWith('st-key-')) : top ? top.tagName : 'nothing');
  };
  // what covers frame point (x, y) of own: a page panel, a map control, a tooltip, or null
  const over = (x, y, own) => {
    const p = page(x, y);
    if (p) return p;
    const el = d.elementFromPoint(x, y);
    const c = el && !own.contains(el) && el.closest('.leaflet-control, .leaflet-tooltip, .jcm-yr');
    if (!c) return null;
    if (c.classList.contains('jcm-yr')) return 'a year tag';
    if (c.classList.contains('leaflet-tooltip')) return 'a tooltip';
    return 'control ' + [...c.classList].filter(n => n !== 'leaflet-control').join('.');
  };
  const subjects = new Set();
  w.map_div.eachLayer(l => {
    const p = l.feature && l.feature.properties, id = p && p.sel && p.id;
    if (typeof id !== 'string') return;
    if (id.startsWith('place:')) subjects.add(id.slice(6));
    if (id.startsWith('link:')) id.slice(5).split('\u2013').forEach(k => subjects.add(k));
  });
  const labels = new Map([...d.querySelectorAll('.jcm-lb[data-place]')].map(l => [l.getAttribute('data-place'), l]));
  const keyRows = [...d.querySelectorAll('.jcm-key .jcm-key-row')].filter(shown)
    .map(r => r.querySelector('.jcm-n').textContent + ' ' + r.querySelector('.jcm-t').textContent);
  d.querySelectorAll('.jcm-s[data-place]').forEach(m => {
    const key = m.getAttribute('data-place'), [x, y] = centre(m.getBoundingClientRect());
    if (!shown(m) || !onScreen(x, y)) return;
    const o = over(x, y, m);
    if (o) out['covered'].push(key + "'s marker under " + o);
    const lb = labels.get(key);
    if (!lb || !shown(lb)) { out['unnamed'].push(key + ': no label, no badge'); return; }
    const r = lb.getBoundingClientRect();
    const far = Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const what = lb.classList.contains('jcm-badge') ? 'badge' : 'label';
    if (far > reach + 1) out['unnamed'].push(key + "'s " + what + ' ' + far.toFixed(0) + ' px from its marker');
    if (lb.classList.contains('jcm-badge')) {
      const n = lb.querySelector('.jcm-n').textContent;
      if (!keyRows.includes(n + ' ' + lb.querySelector('.jcm-t').textContent)) {
        out['unnamed'].push(key + ': badge ' + n + ' not in the key');
      }
      if (subjects.has(key)) out['subject not named'].push(key + ': only badge ' + n);
    }
    const corners = [[r.left + 2, r.top + 2], [r.right - 2, r.top + 2], [r.left + 2, r.bottom - 2],
                     [r.right - 2, r.bottom - 2]];
    for (const [px, py] of [centre(r), ...corners]) {
      const c = over(px, py, lb);
      if (c) { out['covered'].push(key + "'s label under " + c); break; }
    }
  });
  // a selected link's line under the name of a place that is not one of the view's subjects (the line
  // reads as ending there; a subject's name is laid out first, in full, even over another selected line)
  const links = new Set();
  w.map_div.eachLayer(l => {
    const id = l.feature && l.feature.properties.sel && l.feature.properties.id;
    if (typeof id === 'string' && id.startsWith('link:')) links.add(id.slice(5));
  });
  links.forEach(link => {
    const p = d.querySelector('path[data-link="' + CSS.escape(link) + '"]');
    if (!p) return;
    const n = p.getTotalLength(), ctm = p.getScreenCTM(), named = new Set();
    for (let at = 12; at <= n - 12; at += 6) {
      const a = p.getPointAtLength(at), q = new DOMPoint(a.x, a.y).matrixTransform(ctm);
      if (!onScreen(q.x, q.y)) continue;
      labels.forEach((lb, key) => {
        const r = lb.getBoundingClientRect();
        if (!subjects.has(key) && !named.has(key) && shown(lb)
            && q.x > r.left + 1 && q.x < r.right - 1 && q.y > r.top + 1 && q.y < r.bottom - 1) {
          named.add(key);
          const what = lb.classList.contains('jcm-badge') ? 'badge' : 'label';
          out['covered'].push(link + "'s line under " + key + "'s " + what);
        }
      });
    }
  });
  subjects.forEach(key => {
    const m = d.querySelector('.jcm-s[data-place="' + CSS.escape(key) + '"]');
    const c = m && centre(m.getBoundingClientRect());
    if (!m || !onScreen(c[0], c[1])) out['subject not named'].push(key + ': not on screen');
  });
  d.querySelectorAll('.leaflet-control').forEach(c => {
    const [x, y] = centre(c.getBoundingClientRect()), p = shown(c) && onScreen(x, y) && page(x, y);
    if (p) {
      out['covered'].push('control ' + [...c.classList].filter(n => n !== 'leaflet-control').join('.') + ' under ' + p);
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
    const fixed = [...document.querySelectorAll('[class*="st-key-jcm_"]')]
      .filter(e => getComputedStyle(e).position === 'fixed');
    walk(fixed, 'page');
    walk([...d.querySelectorAll('.leaflet-control, .jcm-lb')], 'map');
  }
  return out;
}"""


def _problems(page, where: str, min_font: float = 0) -> dict[str, list[str]]:
    """Every break of the room's rules on page's map, each prefixed by where."""
    frame = page.query_selector(MAP_IFRAME).content_frame()
    found = {"line ends": frame.evaluate(LINE_ENDS),
             **page.evaluate(ROOM, [MAP_IFRAME, min_font, label_rules()["reach"]])}
    return {kind: [f"{where}: {p}" for p in found[kind]] for kind in found}


# In the page: the headings of the map's legend (its colouring: by relation or by stage).
LEGEND_HEADINGS = """s => [...document.querySelector(s).contentDocument.querySelectorAll('details h4')]
  .map(h => h.textContent)"""


def _words(page, number: int, lang: str) -> list[str]:
    """What tour step `number` shows against the words core/view/tour.py fills from the data (the
    stage as the details word it, the summary, the date shown): its notes hold the step's title and
    every line, nothing left unfilled, and the map colours its lines by what the words speak of (the
    legend's heading: stage or relation)."""
    step = TOUR[number - 1]
    title, notes = step.words(DATASET, lang)
    shown = page.locator(".st-key-jcm_tour_text").inner_text()
    out = [f"notes lack {w!r}" for w in (title, *notes.split("\n")) if w not in shown]
    if "{" in shown:
        out.append(f"a field left unfilled in {shown!r}")
    if apply_filter(DATASET, step.view(ViewState.of(lang=lang), DATASET).filter).partnerships:
        colour = step.query["color"][0]
        other = "relation" if colour == "stage" else "stage"
        headings = page.evaluate(LEGEND_HEADINGS, MAP_IFRAME)
        if t(f"map.legend.{colour}", lang) not in headings or t(f"map.legend.{other}", lang) in headings:
            out.append(f"the legend speaks of {headings}, the notes of the {colour}")
    else:
        assert number == 9, number  # the national bodies: two places, no line to colour
    return out


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
    """The normal view's opening map, after a click, after a filter and after a step of the
    presenter view left with Esc, then the presenter view's overview and every step, on every tab;
    the problems found, by kind. The presenter's least text size is checked at 1280x720."""
    problems: dict[str, list[str]] = {}

    def check(where: str, step: int = 0) -> None:
        _all_ready(tabs, where)
        for tab, size, lang in tabs:
            small = PRESENTER_FONT_PX if not where.startswith("normal") and size == (1280, 720) else 0
            at = f"{name} {where} {size[0]}x{size[1]} {lang}"
            for kind, found in _problems(tab.page, at, small).items():
                problems.setdefault(kind, []).extend(found)
            if step:
                problems.setdefault("words", []).extend(f"{at}: {w}" for w in _words(tab.page, step, lang))
            shot = where.removeprefix("step ").replace(" ", "-")
            if shot in SHOTS:
                tab.page.screenshot(path=str(artifacts / f"room-{name}-{lang}-{size[0]}x{size[1]}-{shot}.png"))

    for tab, _, lang in tabs:
        tab.page.goto(url(base, lang=lang))
    check("normal")
    # a click on the hub: its details narrow nothing, but its selection lengthens the key, which
    # pushes the timeline up the map (the room saw it over 河北省 at 1280x720)
    for tab, _, _ in tabs:
        click_at(tab.page, place_marker(tab.page.query_selector(MAP_IFRAME).content_frame(), HUB))
    for tab, _, _ in tabs:
        wait_view(tab.page, place=HUB)
    check("normal click")
    # a filter: the map flies to the hub's province and its partners
    for tab, _, lang in tabs:
        _choose_region(tab.page, REGIONS[HUB].get(lang))
    for tab, _, _ in tabs:
        _wait_address(tab.page, "province", HUB)
    check("normal filter")
    # into the presenter view by the sidebar's switch, a step, and out with Esc: the normal view's map
    # is made anew where the page kept the view of another extent (the filter's) and has its fonts
    # at the first layout (the key, laid out there, lay over every Japanese place at 1280x720 en)
    for tab, _, _ in tabs:
        _present_one_step_and_leave(tab.page)
    check("normal after presenter")
    for tab, _, lang in tabs:
        tab.page.goto(url(base, lang=lang, present="1"))
    check("overview")
    for step in range(1, STEPS + 1):
        for tab, _, _ in tabs:
            tab.page.keyboard.press("PageDown")
        for tab, _, _ in tabs:
            _wait_address(tab.page, "step", str(step))
        check(f"step {step}", step)
    for tab, _, _ in tabs:
        assert not tab.page_errors, tab.page_errors
    return problems


def _present_one_step_and_leave(page) -> None:
    """The sidebar's presenter switch, PageDown, then Esc until the presenter view is left (the first
    closes a step's details), as a clicker's Esc."""
    click_at(page, page.locator('[data-testid="stSidebar"] .st-key-_present_switch label'))
    wait_view(page, present="1")  # drawn: the switch, which had the focus, is gone
    page.keyboard.press("PageDown")
    _wait_address(page, "step", "1")
    for _ in range(3):
        if "present" not in _query(page):
            return
        before = _query(page)
        page.keyboard.press("Escape")
        wait_until(page, lambda before=before: _query(page) != before, f"Esc changed nothing at {before}", timeout=30)
    assert "present" not in _query(page), _query(page)


# The kinds asserted: every kind. `make test` walks 1280x720 in ja; `make test-room`'s plain walk found
# 182 "unnamed" and 21 "covered" in its 9 combinations before a place's number went on its own marker,
# 28 after at 1280 and 1366 (the normal view's key over places, the presenter's docked timeline over
# 東京都 and 川崎市 in English) and 2 at 1920 en (北九州市 under the legend), none since the key takes the
# corner where it covers the fewest places and the framing weighs the markers where they are fanned out.
# A selected link's line under another place's name: 11 at 1280x720 ja (step 12's purple line under
# 唐山市's label) before the label layout kept names off the selected lines, none after.
# JCM_ROOM_ASSERT picks kinds, e.g. to look at one kind alone.
ASSERTED = os.environ.get("JCM_ROOM_ASSERT", "line ends,subject not named,small text,unnamed,covered,words").split(",")


def _assert_read(problems: dict[str, list[str]], report: Path) -> None:
    """Every problem found, written to report (JSON, by kind) and printed; those of the ASSERTED kinds
    listed in the failure."""
    found = {kind: sorted(set(p)) for kind, p in problems.items() if p}
    report.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"room walk: {sum(map(len, found.values()))} problems by kind",
          {kind: len(ps) for kind, ps in found.items()}, f"(all in {report})")
    listed = [f"{kind}: {p}" for kind, ps in found.items() if kind in ASSERTED for p in ps]
    assert not listed, f"{len(listed)} problems (all in {report}):\n" + "\n".join(listed[:60])


# The walk over the 25,917-pair reference overlay takes as long again: `make test-room` runs it; `make test`
# walks the programme alone. Under load it once showed every line and the basemap ~40-590 px from the
# markers: the markers had moved, most likely fanned out by a badge size measured on a wrapped label (the
# cause of step 9's Ministry under the notes in English, fixed in jcm-labels.js onSize).
WALKS = {"plain": "app_url", "overlay": "reference_overlay_app_url"}
WALKED = os.environ.get("JCM_ROOM_WALKS", "plain").split(",")


@pytest.mark.parametrize("walk", WALKED)
def test_the_room_reads_every_step(request, walk, tabs, artifacts):
    _assert_read(_walk(request.getfixturevalue(WALKS[walk]), tabs, artifacts, walk), artifacts / f"room-{walk}.json")


def test_the_normal_view_left_by_esc_keeps_its_key_off_the_places(app_url, tab, artifacts):
    """The path `make test-random` (SEED=41) found: a filtered normal view, the sidebar's presenter switch,
    one step, Esc. The normal view's map, made anew, laid its key out at the view kept for the filter's
    extent, then was framed around that key: at 1280x720 en it lay over every Japanese place (15 "covered")."""
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/?lang=en&to=1991&stage=nearly_agreed&stage=no_status&place=" + quote("兵庫県"))
    wait_view(page, place="兵庫県")
    _present_one_step_and_leave(page)
    _all_ready([(tab, (1280, 720), "en")], "left")
    page.screenshot(path=str(artifacts / "room-esc-en-1280x720.png"))
    found = _problems(page, "after Esc, 1280x720 en")
    listed = [f"{kind}: {p}" for kind, ps in found.items() if kind in ASSERTED for p in ps]
    assert not listed, "\n".join(listed)
    assert not tab.page_errors, tab.page_errors
    tab.assert_only_local_requests()
