"""The reference set's 25,917 other partnerships as an overlay, in Chromium (one server, one page).

The app starts with `--overlay ../shared/datasets/twin_cities_wikipedia.csv`. The page paints the
overlay (its paint time is printed), Japan–China pairs only at first, then every pair once the
sidebar's scope is switched (the map is not re-created); the programme's own pairs in the file are
not shipped. Hovering an overlay link names its pair, clicking it shows its row; a click on a
programme link still selects that link. No request leaves localhost (the `tab` fixture).
Screenshots: test-artifacts/overlay-*.png.
"""

from __future__ import annotations

import json
import time

from browser_kit import (
    LINK_FROM_MIDDLE,
    MAP_IFRAME,
    TOP_AT,
    address,
    main_text,
    settled,
    url,
    wait_for_map,
    wait_main_text,
)

from bench.reference import REFERENCE_LINKS, TWIN_CITIES, reference_overlay
from common.i18n import t
from core.map.overlay import OverlayMap, country_name, overlay_options, overlay_payload
from core.overlay.model import Overlay, OverlayLink, OverlayPlace

PROGRAMME_LINK = "link:神戸市–天津市"

# JS in the map frame: a point (frame pixels) in the middle of a Japan–China overlay link that the
# overlay's hit-test gives to that link and where no programme feature or control takes the
# pointer; and that link's index in the file.
_OVERLAY_POINT = """() => {
  const layer = map_div.jcmOverlay, g = layer._geo, box = map_div.getContainer().getBoundingClientRect();
  const cx = layer._centreX(), size = map_div.getSize();
  for (const i of layer._shown[1]) {
    const mid = g.start[i] + Math.floor((g.start[i + 1] - g.start[i]) / 2);
    const ll = map_div.unproject([g.pts[2 * mid] + Math.round((cx - (g.box[4 * i] + g.box[4 * i + 2]) / 2) / 256) * 256,
                                  g.pts[2 * mid + 1]], 0);
    const p = map_div.latLngToContainerPoint(ll);
    if (p.x < 60 || p.y < 60 || p.x > size.x * 0.6 || p.y > size.y - 60 || layer._hit(p) !== i) continue;
    const el = document.elementFromPoint(box.left + p.x, box.top + p.y);
    if (layer._overProgramme({originalEvent: {target: el}})) continue;
    return [box.left + p.x, box.top + p.y, layer._ids[i]];
  }
  return null;
}"""
_SHOWN = "+map_div.getContainer().getAttribute('data-overlay-shown')"
# In the map frame, for each zoom 0..10: how far (px) the drawn chords stray from the arcs' points
# they skip (jcm.overlayKept), and the share of the arcs' points drawn.
_ARC_FIDELITY = """() => {
  const g = map_div.jcmOverlay._geo, out = [], idx = new Uint32Array(65);
  for (let z = 0; z <= 10; z++) {
    const k = 2 ** z;
    let worst = 0, all = 0, drawn = 0;
    for (let i = 0; i + 1 < g.start.length; i++) {
      const a = g.start[i], b = g.start[i + 1], n = jcm.overlayKept(g.pts, a, b, k, idx);
      if (idx[0] !== a || idx[n - 1] !== b - 1) return 'link ' + i + ' lost an end';
      all += b - a; drawn += n;
      for (let j = 0; j + 1 < n; j++) {
        const p = idx[j], q = idx[j + 1], ax = g.pts[2 * p], ay = g.pts[2 * p + 1];
        const dx = g.pts[2 * q] - ax, dy = g.pts[2 * q + 1] - ay, len2 = dx * dx + dy * dy;
        for (let m = p + 1; m < q; m++) {
          const px = g.pts[2 * m] - ax, py = g.pts[2 * m + 1] - ay;
          const t = len2 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
          worst = Math.max(worst, Math.hypot(px - t * dx, py - t * dy) * k);
        }
      }
    }
    out.push([worst, drawn / all]);
  }
  return out;
}"""

# The browser's filter (jcm-overlay.js), on a FICTIONAL overlay: scope, region (either end in a
# selected region), the programme's pairs not shipped, the switch. (links as (a, b): 0 and 1 are
# Japan–China, 2 is China–US, 3 Japan–US)
_PLACES = (OverlayPlace("Kobe", "JP", 34.69, 135.19, "兵庫県"), OverlayPlace("Tianjin", "CN", 39.13, 117.2, "天津市"),
           OverlayPlace("Foshan", "CN", 23.02, 113.12, "広東省"), OverlayPlace("Boston", "US", 42.36, -71.06))
_SMALL = Overlay("fictional.csv", _PLACES, tuple(OverlayLink(a, b, i + 2) for i, (a, b) in
                                                   enumerate([(0, 1), (0, 2), (1, 3), (0, 3)])))
FILTER_CASES = [  # OverlayMap -> link indices shown
    (OverlayMap(_SMALL, scope="all"), [0, 1, 2, 3]),
    (OverlayMap(_SMALL), [0, 1]),
    (OverlayMap(_SMALL, exclude=frozenset({0})), [1]),
    (OverlayMap(_SMALL, scope="all", regions=("天津市",)), [0, 2]),
    (OverlayMap(_SMALL, scope="all", regions=("広東省", "天津市")), [0, 1, 2]),
    (OverlayMap(_SMALL, regions=("北海道",)), []),
    (OverlayMap(_SMALL, scope="all", show=False), []),
]
_FILTERED = """([data, options]) => {
  const div = document.createElement('div');
  div.style.cssText = 'width:400px;height:300px';
  document.body.appendChild(div);
  const m = L.map(div, {center: [35, 120], zoom: 2});
  const layer = jcm.overlayLayer(m, data, map_div.jcmOverlay._style, {show: false}).setOptions(options);
  const shown = [...layer._shown[0], ...layer._shown[1]].map(s => layer._ids[s]).sort((a, b) => a - b);
  m.remove(); div.remove();
  return shown;
}"""


def _offset(page) -> tuple[float, float]:
    box = page.query_selector(MAP_IFRAME).bounding_box()
    return box["x"], box["y"]


def test_the_reference_set_draws_beneath_the_programme_and_answers_hover_and_click(reference_overlay_app_url, tab,
                                                                                    artifacts, capsys):
    page, lang = tab.page, "ja"
    overlay = reference_overlay()
    page.set_viewport_size({"width": 1920, "height": 1080})
    start = time.monotonic()
    page.goto(url(reference_overlay_app_url, lang=lang))
    _, frame = wait_for_map(page, "w.map_div.getContainer().getAttribute('data-overlay') === 'drawn'")
    painted = time.monotonic() - start
    skipped = frame.evaluate("() => map_div.jcmOverlay._data.skip")
    japan_china = sum(overlay.is_japan_china(link) for link in overlay.links)
    assert skipped and all(overlay.is_japan_china(overlay.links[i]) for i in skipped)  # the programme's own pairs
    assert frame.evaluate(_SHOWN) == japan_china - len(skipped)  # the default scope: Japan–China only
    # Its data came as one of the session's media files (the map's script, re-sent with every rerun,
    # only names it): fetched once, from this server.
    fetched = frame.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)"
                             ".filter(n => n.includes('/media/'))")
    assert len(fetched) == 1 and fetched[0].startswith(reference_overlay_app_url) and fetched[0].endswith(".json")
    # At a world view most of an arc's points are not drawn (rasterising them was most of a redraw),
    # and the drawn chords stay within 1.5 px of every arc at every zoom.
    fidelity = frame.evaluate(_ARC_FIDELITY)
    assert isinstance(fidelity, list), fidelity
    assert max(worst for worst, _ in fidelity) <= 1.5, fidelity
    assert fidelity[3][1] < 0.6 and fidelity[10][1] > 0.95, fidelity
    page.screenshot(path=str(artifacts / "overlay-japan-china-1920x1080.png"))

    # Every pair: the sidebar's scope switch reruns the app, which re-sends only the map's dynamic
    # part (the overlay's options, not its data); the map is not re-created.
    frame.evaluate("() => { window.jcmSentinel = 1; }")
    page.get_by_text(t("overlay.title", lang)).first.click()
    switched = time.monotonic()
    page.get_by_text(t("overlay.scope.all", lang), exact=True).click()
    frame.wait_for_function("() => map_div.getContainer().getAttribute('data-overlay-scope') === 'all'")
    switched = time.monotonic() - switched
    assert frame.evaluate(_SHOWN) == REFERENCE_LINKS - len(skipped)
    assert frame.evaluate("() => window.jcmSentinel") == 1, "the scope switch re-created the map"
    with capsys.disabled():
        print(f"\noverlay paint: page request -> {japan_china - len(skipped)} Japan–China links drawn {painted:.2f} s; "
              f"scope 'all' clicked -> {REFERENCE_LINKS - len(skipped):,} links drawn {switched * 1000:.0f} ms later")
    page.screenshot(path=str(artifacts / "overlay-all-1920x1080.png"))

    x, y, index = frame.evaluate(_OVERLAY_POINT)
    link = overlay.links[index]
    ends = [overlay.places[link.a], overlay.places[link.b]]
    pair = " – ".join(f"{p.name} ({country_name(p.country, lang)})" for p in ends)
    left, top = _offset(page)
    page.mouse.move(left + x, top + y)
    tip = frame.wait_for_selector(".jcm-overlay-tip", state="visible")
    assert tip.inner_text().strip() == pair
    page.mouse.click(left + x, top + y)
    row = t("details.overlay_source", lang, file=TWIN_CITIES.name, row=link.row)
    wait_main_text(page, row)
    assert pair in main_text(page)  # the panel's title: the pair, then its row's cells (a table)
    _, frame = wait_for_map(page)  # redrawn with that link darkened
    page.screenshot(path=str(artifacts / "overlay-clicked-1920x1080.png"))

    page.set_viewport_size({"width": 1280, "height": 720})
    _, frame = wait_for_map(page)
    page.evaluate("s => document.querySelector(s).scrollIntoView({block: 'center'})", MAP_IFRAME)
    points = frame.evaluate(LINK_FROM_MIDDLE, [PROGRAMME_LINK, 0.5])
    on_link = [p for p in points if frame.evaluate(TOP_AT, p) == PROGRAMME_LINK]
    assert on_link, "the programme's link takes no click anywhere near its middle"
    page.screenshot(path=str(artifacts / "overlay-clicked-1280x720.png"))
    left, top = _offset(page)
    page.mouse.click(left + on_link[0][0], top + on_link[0][1])  # over the overlay: the programme's link wins
    wait_main_text(page, "神戸市 – 天津市")
    wait_main_text(page, row, present=False)
    assert "link=" in address(page) and not tab.page_errors, tab.page_errors

    _, frame = wait_for_map(page)
    for view, expected in FILTER_CASES:
        data = json.loads(overlay_payload(view.overlay, view.exclude, lang))
        assert frame.evaluate(_FILTERED, [data, overlay_options(view)]) == expected, view


# In the map frame: the programme's markers whose centre the legend covers.
_UNDER_LEGEND = """() => {
  const legend = document.querySelector('.jcm-legend');
  if (!legend) return [];
  const r = legend.getBoundingClientRect();
  return [...document.querySelectorAll('.jcm-s[data-place]')].filter(m => {
    const b = m.getBoundingClientRect(), x = (b.left + b.right) / 2, y = (b.top + b.bottom) / 2;
    return x > r.left && x < r.right && y > r.top && y < r.bottom;
  }).map(m => m.getAttribute('data-place'));
}"""
# In the map frame: the picked pair's ends as drawn: [name, marker centre x, y, whether a control covers
# the marker's centre or a corner of the name (elementFromPoint)].
_ENDS = """() => [...document.querySelectorAll('.jcm-ov-name')].map(n => {
  const m = n.parentElement.querySelector('.jcm-ov-end').getBoundingClientRect();
  const x = (m.left + m.right) / 2, y = (m.top + m.bottom) / 2, b = n.getBoundingClientRect();
  const points = [[x, y], [b.left + 2, b.top + 2], [b.right - 2, b.top + 2], [b.left + 2, b.bottom - 2],
                  [b.right - 2, b.bottom - 2]];
  const under = points.some(([px, py]) => {
    const top = document.elementFromPoint(px, py);
    return top && top.closest('.leaflet-control');
  });
  return [n.textContent, x, y, under ? 'control' : 'map'];
})"""


def test_a_pair_picked_in_the_finder_is_named_at_both_ends_and_the_legend_leaves_the_places_clear(
        reference_overlay_app_url, tab, artifacts):
    """With the overlay drawn (its legend block arriving after the map), the legend folds where it
    would cover a programme place; a pair picked in the finder shows a marker and its name at both ends."""
    page, lang = tab.page, "en"
    overlay = reference_overlay()
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(url(reference_overlay_app_url, lang=lang))
    _, frame = wait_for_map(page, "w.map_div.getContainer().getAttribute('data-overlay') === 'drawn'")
    settled(frame)
    assert frame.evaluate(_UNDER_LEGEND) == []

    page.get_by_text(t("overlay.title", lang)).first.click()
    finder = page.locator(".st-key-_overlay_find input")
    finder.fill("Chiba")
    finder.press("Enter")
    listed = page.locator('[data-testid="stRadio"]').filter(has_text="Chiba").get_by_role("radio")
    listed.first.wait_for(state="attached")
    listed.first.focus()
    page.keyboard.press("Space")
    frame.wait_for_function("() => document.querySelectorAll('.jcm-ov-name').length === 2")
    _, frame = wait_for_map(page, "w.document.querySelectorAll('.jcm-ov-name').length === 2")
    settled(frame)
    index = frame.evaluate("() => map_div.jcmOverlay._view.selected")
    link = overlay.links[index]
    ends = frame.evaluate(_ENDS)
    assert sorted(e[0] for e in ends) == sorted([overlay.places[link.a].name, overlay.places[link.b].name])
    assert "Chiba" in [e[0] for e in ends]
    size = frame.evaluate("() => [map_div.getSize().x, map_div.getSize().y]")
    for name, x, y, top in ends:
        assert 0 <= x <= size[0] and 0 <= y <= size[1], f"{name}'s end is off the map"
        assert top == "map", f"{name}'s end or name is under a control"
    assert frame.evaluate(_UNDER_LEGEND) == []
    page.screenshot(path=str(artifacts / "overlay-finder-ends-1920x1080-en.png"))
    assert not tab.page_errors, tab.page_errors
