"""Map benchmark: an imported overlay of 1,000 / 5,000 / 25,917 links, side by side.

Run: `python -m bench.map_bench` (from the repo root). Input: the reference set
(../shared/datasets/twin_cities_wikipedia.csv, read-only) through the app's own import, drawn with
"all countries" over the bundled programme (what a coordinator who imports it sees). Three ways
to put N links in a page, each built and rendered in this process:
- project: build_map(MapRequest(..., overlay=...)) + render (endpoints payload, core/map/overlay.py), cold
  (caches cleared) and warm (what a rerun that changes only a filter costs);
- naive folium: one PolyLine and one CircleMarker, each with a tooltip, per link and place;
- floor: the endpoints only, as compact JSON ([lat1, lon1, lat2, lon2] per link, no names).
Bytes per link are the page's growth over the same page without the links. Peak memory is
tracemalloc's over one cold project build + render (a second run: tracing slows Python 2-5x).
Then Chromium (Debian's, via Playwright) opens the 25,917-link page from a local server: first
paint (navigation start -> the overlay drawn and painted), a pan and a zoom redraw (in the page,
performance.now around the redraw and to the next paint), and one hover hit-test, at the opening
view (East Asia) and at a world view where every link is in sight.
"""

from __future__ import annotations

import gc
import json
import time
import tracemalloc
from collections.abc import Callable

import folium

from bench.browser import SERVED, browser_missing, map_pages
from bench.readme import Table
from bench.reference import REFERENCE_LINKS, TWIN_CITIES, bundled, first_links, reference_overlay
from core.geography.outlines import offline_geojson
from core.map.build import build_map
from core.map.overlay import OverlayMap
from core.map.request import MapRequest
from core.overlay.model import Overlay

SIZES = (1_000, 5_000, REFERENCE_LINKS)
VIEWPORT = {"width": 1920, "height": 1080}
ROUNDS = 7

# In the map page: pan and zoom redraws (the layer's own draw time and call -> next paint), and
# hover hit-tests over a grid of points, at the opening view and at a world view.
_REDRAWS = """async (rounds) => {
  const key = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);
  const map = window[key], layer = map.jcmOverlay;
  const paint = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const median = a => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const measure = async () => {
    const out = {pan: [], panDraw: [], zoom: [], zoomDraw: [], hit: []};
    for (let i = 0; i < rounds; i++) {
      let t0 = performance.now();
      map.panBy([i % 2 ? -300 : 300, 0], {animate: false});
      out.panDraw.push(layer ? layer.drawMs : 0);
      await paint();
      out.pan.push(performance.now() - t0);
      t0 = performance.now();
      map.setZoom(map.getZoom() + (i % 2 ? -1 : 1), {animate: false});
      out.zoomDraw.push(layer ? layer.drawMs : 0);
      await paint();
      out.zoom.push(performance.now() - t0);
    }
    const size = map.getSize();
    for (let x = 0.1; x < 1; x += 0.2) {
      for (let y = 0.1; y < 1; y += 0.2) {
        const t0 = performance.now();
        if (layer) { layer._hit(L.point(size.x * x, size.y * y)); }
        out.hit.push(performance.now() - t0);
      }
    }
    const res = {shown: +map.getContainer().getAttribute('data-overlay-shown'), level: map.getZoom()};
    for (const k in out) { res[k] = median(out[k]); }
    return res;
  };
  const opening = await measure();
  map.setView([30, 40], 2, {animate: false});
  await paint();
  const world = await measure();
  return {opening, world};
}"""


def _timed(make: Callable[..., str], *args: object) -> tuple[float, str]:
    gc.collect()
    t0 = time.perf_counter()
    text = make(*args)
    return time.perf_counter() - t0, text


def project_page(programme, overlay: Overlay | None) -> str:
    places, links, coords, stage_of = programme
    view = OverlayMap(overlay, scope="all") if overlay else None
    request = MapRequest(places, links, coords, lang="ja", stage_of=stage_of, overlay=view)
    return build_map(request, SERVED).get_root().render()


def naive_page(overlay: Overlay) -> str:
    """What folium's own objects make of the same links: a PolyLine and a CircleMarker per item."""
    m = folium.Map(location=[35, 120], zoom_start=4, tiles=None)
    used = sorted({end for link in overlay.links for end in (link.a, link.b)})
    for link in overlay.links:
        a, b = overlay.places[link.a], overlay.places[link.b]
        folium.PolyLine([[a.lat, a.lon], [b.lat, b.lon]], weight=1, tooltip=f"{a.name} – {b.name}").add_to(m)
    for i in used:
        p = overlay.places[i]
        folium.CircleMarker([p.lat, p.lon], radius=3, tooltip=p.name).add_to(m)
    return m.get_root().render()


def floor_text(overlay: Overlay) -> str:
    ends = [[round(v, 4) for end in (overlay.places[link.a], overlay.places[link.b]) for v in (end.lat, end.lon)]
            for link in overlay.links]
    return json.dumps(ends, separators=(",", ":"))


def _peak_mb(make: Callable[..., str], *args: object) -> float:
    gc.collect()
    tracemalloc.start()
    make(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def server_side(programme, reference: Overlay) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """(time rows, size rows) for each size of SIZES."""
    base = len(project_page(programme, None).encode())
    empty = len(folium.Map(tiles=None).get_root().render().encode())
    times, sizes = [], []
    for n in SIZES:
        overlay = first_links(reference, n)  # a new Overlay: nothing memoised yet (Overlay.memo), a cold build
        cold, page = _timed(project_page, programme, overlay)
        warm, _ = _timed(project_page, programme, overlay)
        naive, naive_html = _timed(naive_page, overlay)
        floor, floor_json = _timed(floor_text, overlay)
        peak = _peak_mb(project_page, programme, first_links(reference, n))
        per_link = {"project": (len(page.encode()) - base) / n, "naive": (len(naive_html.encode()) - empty) / n,
                    "floor": len(floor_json.encode()) / n}
        print(f"links={n:>6}  project cold={cold:6.2f}s warm={warm:6.2f}s  naive folium={naive:6.2f}s  "
              f"floor={floor:6.3f}s  project/naive={cold / naive:.3g}  peak={peak:6.1f} MB  |  B/link: "
              f"project={per_link['project']:5.1f} naive={per_link['naive']:6.1f} floor={per_link['floor']:5.1f} "
              f"project/naive={per_link['project'] / per_link['naive']:5.3f} "
              f"project/floor={per_link['project'] / per_link['floor']:5.2f}  page={len(page.encode()) / 1e6:5.2f} MB")
        times.append((f"{n:,}", f"{cold:.2f} s", f"{warm:.2f} s", f"{naive:.2f} s", f"{floor:.3f} s",
                      f"{cold / naive:.3g}", f"{peak:.0f} MB"))
        sizes.append((f"{n:,}", f"{per_link['project']:.0f} B", f"{per_link['naive']:,.0f} B",
                      f"{per_link['floor']:.0f} B", f"{per_link['project'] / per_link['naive']:.3f}",
                      f"{per_link['project'] / per_link['floor']:.2f}", f"{len(page.encode()) / 1e6:.2f} MB"))
    return times, sizes


def in_chromium(programme, reference: Overlay) -> list[tuple[str, ...]]:
    """First paint, pan and zoom redraws and a hit-test of the whole reference set's page, and the
    same pan and zoom on the page without the overlay (what the rest of the map costs)."""
    with map_pages() as (browser, pages):
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(pages.url("overlay", project_page(programme, reference)), wait_until="commit", timeout=120_000)
        page.wait_for_function("() => document.querySelector('.leaflet-container[data-overlay=drawn]')",
                               timeout=120_000)
        painted = page.evaluate("""() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(
            () => r([performance.getEntriesByName('jcm-overlay-drawn')[0].startTime, performance.now()]))))""")
        figures = page.evaluate(_REDRAWS, ROUNDS)
        page.goto(pages.url("programme", project_page(programme, None)), timeout=120_000)
        page.wait_for_function("() => document.querySelector('.leaflet-marker-pane .jcm-s')", timeout=120_000)
        without = page.evaluate(_REDRAWS, ROUNDS)
    drawn, paint = painted
    print(f"Chromium, {len(reference.links):,} links at {VIEWPORT['width']}x{VIEWPORT['height']}: first paint "
          f"{paint / 1000:.2f} s after navigation start (overlay drawn at {drawn / 1000:.2f} s)")
    rows = [("first paint: navigation start → overlay drawn and painted", f"{paint / 1000:.2f} s")]
    for name, f in figures.items():
        base = without[name]
        print(f"  {name:<8} zoom {f['level']}, {f['shown']:,} links shown: pan {f['pan']:.0f} ms "
              f"(draw {f['panDraw']:.1f} ms; without the overlay {base['pan']:.0f} ms), zoom {f['zoom']:.0f} ms "
              f"(draw {f['zoomDraw']:.1f} ms; without {base['zoom']:.0f} ms), hit-test {f['hit']:.2f} ms")
        where = "opening view (East Asia)" if name == "opening" else "world view (every link in sight)"
        rows += [(f"pan redraw, {where}: overlay draw / to next paint (page without overlay)",
                  f"{f['panDraw']:.0f} / {f['pan']:.0f} ms ({base['pan']:.0f} ms)"),
                 (f"zoom redraw, {where}: overlay draw / to next paint (page without overlay)",
                  f"{f['zoomDraw']:.0f} / {f['zoom']:.0f} ms ({base['zoom']:.0f} ms)"),
                 (f"hover hit-test, {where}", f"{f['hit']:.2f} ms")]
    return rows


def main() -> list[Table]:
    offline_geojson()  # build or read the basemap cache first: not what we measure
    if not TWIN_CITIES.exists():
        print(f"{TWIN_CITIES} not found: no overlay figures")
        return []
    programme = bundled()
    t0 = time.perf_counter()
    reference = reference_overlay()
    print(f"imported {TWIN_CITIES.name}: {len(reference.links):,} links, {len(reference.places):,} places, "
          f"{len(reference.problems)} problems in {time.perf_counter() - t0:.2f} s")
    times, sizes = server_side(programme, reference)
    tables = [
        Table("Overlay, server: build + render seconds (project cold / warm = a filter change) "
              "vs naive folium vs floor",
              ("links", "project cold", "project warm", "naive folium", "floor", "project/naive", "peak memory"),
              times),
        Table("Overlay, page bytes per link (names included once per place)",
              ("links", "project", "naive folium", "floor", "project/naive", "project/floor", "project page"), sizes),
    ]
    if why := browser_missing():
        print(why)
        return tables
    tables.append(Table(f"Overlay in Chromium: all {len(reference.links):,} links at 1920×1080 (medians of {ROUNDS})",
                        ("what", "time"), in_chromium(programme, reference)))
    return tables


if __name__ == "__main__":
    main()
