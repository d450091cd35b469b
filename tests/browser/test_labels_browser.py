"""Labels and keyboard access in a real browser, at the projector sizes, in ja/en/zh.

The rules (core/map/style.py): every visible label's nearest edge within LABEL_REACH_PX of its own
marker's centre (found by `data-place`) and no other marker as near, no two labels overlapping, no label
covering a marker (but a badge on its own marker, the last resort, covers that one and may touch a
neighbour's edge, never its centre), every place in view and not under a control
named, text at least FONT_PX (FONT_LARGE_PX on a full-window map); they hold after zooming in and out
and after a resize. Checked on the app's page (the map in its column) and on the map alone filling
the window (the size a presenter view gives it). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from browser_kit import BUNDLED_DATA, settled, url, wait_for_map

from core.map.build import build_map
from core.map.request import MapRequest
from core.map.style import FONT_LARGE_PX, FONT_PX, LABEL_REACH_PX
from core.map.vendor import Delivery
from geocode.places import coordinates, load_folder
from ui.staticfiles import ensure_static_assets, served_url

SERVED = Delivery(url=served_url)  # the files as the app serves them, from the frame's folder

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
LANGS = ["ja", "en", "zh"]
TIANJIN = "天津市"

# Run in the map frame: every rule, measured on what the browser drew.
CHECK_RULES = """reach => {
  const box = el => el.getBoundingClientRect();
  const shown = el => el.style.visibility !== 'hidden' && el.style.display !== 'none' && box(el).width > 0;
  const view = map_div.getContainer().getBoundingClientRect();
  const labels = [...document.querySelectorAll('[data-role="label"]')].filter(shown);
  const markers = [...document.querySelectorAll('.jcm-s[data-place]')];
  const centre = el => { const r = box(el); return [(r.left + r.right) / 2, (r.top + r.bottom) / 2]; };
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
                         && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  const out = {far: [], overlaps: [], covers: [], fonts: [], unnamed: [], labels: labels.length,
               badges: 0, keyRows: document.querySelectorAll('.jcm-key-row').length, markers: markers.length};
  const named = new Set();
  labels.forEach((el, i) => {
    const name = el.getAttribute('data-place'), r = box(el);
    const on = el.classList.contains('jcm-on');  // a badge on its own marker: over it (and a ring sharing its centre)
    named.add(name);
    if (el.classList.contains('jcm-badge')) out.badges += 1;
    const own = markers.find(m => m.getAttribute('data-place') === name);
    if (!own) { out.far.push(name + ': no marker'); return; }
    const [x, y] = centre(own);
    const d = Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    if (d > reach + 0.5) out.far.push(name + ': ' + d.toFixed(1));
    markers.forEach(m => {  // no other marker is as near to the label as its own (a region's ring
      // around its capital city shares the city's centre: the pair reads as one place)
      const [mx, my] = centre(m);
      const dm = Math.hypot(Math.max(r.left - mx, 0, mx - r.right), Math.max(r.top - my, 0, my - r.bottom));
      if (m !== own && dm <= d && Math.hypot(mx - x, my - y) > 1) {
        out.far.push(name + ': nearer to ' + m.getAttribute('data-place'));
      }
    });
    labels.slice(i + 1).forEach(o => {  // but a ring and its city sharing one number on the pair
      const n = e => e.querySelector('.jcm-n').textContent;
      const shared = on && o.classList.contains('jcm-on') && n(o) === n(el);
      if (overlap(r, box(o)) && !shared) out.overlaps.push(name + ' / ' + o.getAttribute('data-place'));
    });
    if (on && !overlap(r, box(own))) out.far.push(name + ': badge off its own marker');
    markers.forEach(m => {  // a badge on its marker may touch a neighbour's edge in a crowd, never its centre
      const [mx, my] = centre(m), atCentre = mx > r.left && mx < r.right && my > r.top && my < r.bottom;
      if (overlap(r, box(m)) && !(on && (Math.hypot(mx - x, my - y) <= 1 || !atCentre)))
        out.covers.push(name + ' over ' + m.getAttribute('data-place'));
    });
    out.fonts.push(parseFloat(getComputedStyle(el).fontSize));
  });
  markers.forEach(m => {  // a marker under a control is the framing's to avoid (and the room walk's to find)
    const [x, y] = centre(m), top = document.elementFromPoint(x, y);
    const inView = x >= view.left && x <= view.right && y >= view.top && y <= view.bottom;
    if (inView && !named.has(m.getAttribute('data-place')) && !(top && top.closest('.leaflet-control')))
      out.unnamed.push(m.getAttribute('data-place'));
  });
  return out;
}"""


def check_rules(frame, min_font: float, where: str) -> dict:
    """Assert every label rule on the frame's map; return the measurements."""
    m = frame.evaluate(CHECK_RULES, LABEL_REACH_PX)
    assert m["labels"] > 0, where
    assert not m["far"], f"{where}: labels farther than {LABEL_REACH_PX} px from their marker: {m['far']}"
    assert not m["overlaps"], f"{where}: overlapping labels: {m['overlaps']}"
    assert not m["covers"], f"{where}: labels covering markers: {m['covers']}"
    assert min(m["fonts"]) >= min_font, f"{where}: label text {min(m['fonts'])} px < {min_font} px"
    assert m["keyRows"] == m["badges"], f"{where}: {m['badges']} badges but {m['keyRows']} rows in the key"
    assert not m["unnamed"], f"{where}: places without label or badge: {m['unnamed']}"
    return m


def relaid(frame, action, arg=None) -> None:
    """Run `action` (JS over map_div, or a Python callable) and wait until the labels have been
    laid out again."""
    runs = frame.evaluate("() => +map_div.getContainer().getAttribute('data-labels-laid-out')")
    if callable(action):
        action()
    else:
        frame.evaluate(action, arg)
    frame.wait_for_function("n => +map_div.getContainer().getAttribute('data-labels-laid-out') > n", arg=runs)
    settled(frame)


# In the page: every size in Japanese (the room's language), the other languages at one size; the
# full-window test below covers every size x language.
PAGE_CASES = [(size, "ja") for size in SIZES] + [((1366, 768), "en"), ((1366, 768), "zh")]


@pytest.mark.parametrize(("size", "lang"), PAGE_CASES, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else v)
def test_labels_keep_the_rules_in_the_page_after_zoom_and_resize(app_url, tab, artifacts, size, lang):
    page = tab.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(url(app_url, lang=lang))
    handle, frame = wait_for_map(page, "w.map_div.getContainer().getAttribute('data-labels-laid-out')")
    where = f"{size[0]}x{size[1]} {lang}"
    # The map is the hero: under the title and counts, in the window's top 30% (app.css).
    assert handle.bounding_box()["y"] <= 0.3 * size[1], (where, handle.bounding_box())
    settled(frame)
    first = check_rules(frame, FONT_PX, where)
    assert first["markers"] == 21
    page.screenshot(path=str(artifacts / f"labels-{lang}-{size[0]}x{size[1]}.png"))
    relaid(frame, "() => map_div.zoomIn()")
    check_rules(frame, FONT_PX, where + " zoomed in")
    relaid(frame, "() => map_div.zoomOut()")
    relaid(frame, "() => map_div.setZoom(map_div.getZoom() - 2)")
    check_rules(frame, FONT_PX, where + " zoomed out")
    relaid(frame, lambda: page.set_viewport_size({"width": size[0] - 300, "height": size[1]}))
    check_rules(frame, FONT_PX, where + " narrower")
    assert not tab.page_errors, tab.page_errors
    tab.assert_only_local_requests()


def test_labels_are_laid_out_again_when_their_stylesheet_arrives_late(app_url, tab):
    """st_folium adds the map's stylesheets without waiting for them; on a busy laptop the first
    layouts run before they arrive and measure unstyled labels. Holding jcm-labels.css back for a
    second reproduces that on any machine: the labels must be laid out again when it loads."""
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})

    def late(route) -> None:
        time.sleep(1.0)
        route.continue_()

    page.route("**/static/map/jcm-labels.css", late)
    page.goto(url(app_url))
    _, frame = wait_for_map(page, "w.map_div.getContainer().getAttribute('data-labels-laid-out')")
    frame.wait_for_function("() => [...document.styleSheets].some(s => (s.href || '').endsWith('/jcm-labels.css'))")
    settled(frame)
    first = check_rules(frame, FONT_PX, "jcm-labels.css held back")
    assert first["markers"] == 21
    tab.assert_only_local_requests()


# In the map frame: how far apart the markers of the places seated in Beijing stand (fanned out).
BEIJING_SPREAD = """() => {
  const at = [...document.querySelectorAll('.jcm-s[data-place]')]
    .filter(m => ['北京市', '環境保護部', '日中友好環境保全センター'].includes(m.getAttribute('data-place')))
    .map(m => { const r = m.getBoundingClientRect(); return [(r.left + r.right) / 2, (r.top + r.bottom) / 2]; });
  return Math.max(...at.flatMap(a => at.map(b => Math.hypot(a[0] - b[0], a[1] - b[1]))));
}"""


def test_a_wrapped_label_does_not_spread_the_fanned_markers(app_url, tab):
    """Markers at one point are fanned out as far as a numbered badge is wide, measured on a label.
    The label measured kept the width the last pass had wrapped its long English name to (266 px):
    the Ministry and the Centre stood 333 px apart at tour step 9 at 1280x720 in English, the
    Ministry under the tour's notes, in one run of three. Laid out again and again, the places
    seated in Beijing stay fanned out as far as a badge is wide."""
    page = tab.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url(app_url, lang="en", present="1", step="9"))
    _, frame = wait_for_map(page, "w.map_div.getContainer().getAttribute('data-labels-laid-out')")
    settled(frame)
    spreads = [frame.evaluate(BEIJING_SPREAD)]
    for _ in range(3):
        relaid(frame, "() => map_div.fire('jcmcontrolsmoved')")
        spreads.append(frame.evaluate(BEIJING_SPREAD))
    assert all(10 < s < 80 for s in spreads), f"the places seated in Beijing fanned out {spreads} px apart"


def test_tab_reaches_tianjin_and_enter_selects_it(app_url, tab, artifacts):
    page = tab.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(url(app_url))
    iframe, frame = wait_for_map(page, "w.map_div.getContainer().getAttribute('data-labels-laid-out')")
    links = frame.evaluate(
        "() => [...document.querySelectorAll('path[data-link]')].map(p => p.getAttribute('data-link'))")
    assert len(links) == 12 and "神戸市–天津市" in links
    names = frame.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-jcm-focus]')]
        .map(e => [e.getAttribute('data-place') || e.getAttribute('data-link'), e.getAttribute('aria-label')]))""")
    assert len(names) == 33
    assert names[TIANJIN] == "天津市 — 直轄市 — ほぼ合意"
    iframe.focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if frame.evaluate("() => document.activeElement.getAttribute('data-place')") == TIANJIN:
            break
    else:
        pytest.fail("Tab never reached 天津市's marker")
    ring = frame.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"  # the focus ring is visible
    frame.wait_for_selector(".leaflet-tooltip")  # focus shows the place's tooltip too
    page.screenshot(path=str(artifacts / "labels-focus-tianjin.png"))
    # The arrow keys move between features without panning the map.
    centre = frame.evaluate("() => map_div.getCenter()")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert frame.evaluate("() => document.activeElement.getAttribute('data-place')") == TIANJIN
    assert frame.evaluate("() => map_div.getCenter()") == centre
    page.keyboard.press("Enter")
    page.wait_for_function("q => location.search.includes(q)", arg="place=" + quote(TIANJIN))
    tab.assert_only_local_requests()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def full_window_maps(tmp_path_factory):
    """The bundled data's map alone, one page per size and language, served like st_folium's
    iframe (relative asset URLs into app/static/): the map fills the window, as in a presenter view."""
    root = tmp_path_factory.mktemp("fullmap")
    ds, cache = load_folder(BUNDLED_DATA)
    coords = coordinates(ds.places, cache)
    (root / "component" / "map").mkdir(parents=True)
    for w, h in SIZES:
        for lang in LANGS:
            m = build_map(MapRequest(list(ds.places.values()), ds.partnerships, coords, lang=lang, stage_of=ds.stage_of,
                          width=w, height=h), SERVED)
            html = m.get_root().render().replace(m.get_name(), "map_div")  # as st_folium names it
            (root / "component" / "map" / f"{lang}-{w}.html").write_text(html, encoding="utf-8")
    ensure_static_assets(root / "app")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/component/map/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_full_window_map_labels_are_large_and_keep_the_rules(full_window_maps, tab, artifacts, size, lang):
    page = tab.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{full_window_maps}{lang}-{size[0]}.html")
    page.wait_for_selector("[data-labels-laid-out]", state="attached")
    settled(page)
    where = f"full window {size[0]}x{size[1]} {lang}"
    if size == (1280, 720):
        page.screenshot(path=str(artifacts / f"labels-full-{lang}-{size[0]}x{size[1]}.png"))
    check_rules(page, FONT_LARGE_PX, where)
    relaid(page, "() => map_div.setZoom(map_div.getZoom() - 1)")  # more crowded still: every place named
    check_rules(page, FONT_LARGE_PX, where + " zoomed out")
    assert not tab.page_errors, tab.page_errors
