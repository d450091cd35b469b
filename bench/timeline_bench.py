"""Timeline benchmark: the browser time of one timeline frame, and what the basemap fallback costs.

Run: `python -m bench.timeline_bench` (from the repo root; needs Debian's Chromium and Playwright,
as the browser tests do). The map page is built like the app builds it and served from a local
folder laid out like the app's static files; Chromium steps the timeline through every frame
(jcm.timelineState.show) and waits for the next paint, so a figure is script + layout + paint.
Inputs: the bundled data, and the first 1,000 / 5,000 links of the twin-cities reference set
with made-up years (1950 + i mod 50: that set has none), to show how a frame grows with links.
"""

from __future__ import annotations

import dataclasses
import statistics

from bench.browser import SERVED, MapPages, browser_missing, map_pages
from bench.reference import TWIN_CITIES, bundled, twin_cities, used_places
from core.data.models import Stage
from core.map.build import build_map
from core.map.request import MapRequest

VIEWPORT = {"width": 1920, "height": 1080}
ROUNDS = 3

# Every frame once per round, each timed from the call to the next animation frame (painted).
_FRAMES = """async (rounds) => {
  const tl = jcm.timelineState, out = [];
  const paint = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (let r = 0; r < rounds; r++) {
    for (let f = 0; ; f++) {
      const t0 = performance.now();
      tl.show(f);
      await paint();
      out.push(performance.now() - t0);
      if (document.querySelector('.leaflet-container').getAttribute('data-timeline') === 'all') break;
    }
  }
  tl.show(null);
  return out;
}"""


def frame_times(page, pages: MapPages, name: str, places, links, coords, stage_of) -> None:
    html = build_map(MapRequest(places, links, coords, lang="ja", stage_of=stage_of, width=1280, height=900), SERVED)
    page.goto(pages.url(name, html.get_root().render()), timeout=120_000)
    page.wait_for_function("() => window.jcm && jcm.timelineState", timeout=120_000)
    times = page.evaluate(_FRAMES, ROUNDS)
    print(f"{name:<24} links={len(links):>6} frames={len(times) // ROUNDS:>3} per frame: "
          f"median={statistics.median(times):7.1f} ms  max={max(times):7.1f} ms")


def payload() -> None:
    """What an online basemap's page carries for its fallback (a URL) against the offline page."""
    places, links, coords, stage_of = bundled()
    sizes = {key: len(build_map(MapRequest(places, links, coords, stage_of=stage_of, basemap=key), SERVED)
                      .get_root().render().encode())
             for key in ("offline", "osm")}
    print(f"page with the offline basemap {sizes['offline'] / 1e3:6.0f} KB; with osm (fallback lazy, "
          f"fetched only when tiles fail) {sizes['osm'] / 1e3:6.0f} KB")


def main() -> None:
    payload()
    if why := browser_missing():
        print(why)
        return
    inputs = [("bundled data", *bundled())]
    if TWIN_CITIES.exists():
        places, links, coords = twin_cities()
        no_status = lambda _key: Stage.NO_STATUS  # noqa: E731
        for n in (1_000, 5_000):
            dated = [dataclasses.replace(p, year=1950 + i % 50) for i, p in enumerate(links[:n])]
            inputs.append((f"twin cities first {n}", used_places(places, dated), dated, coords, no_status))
    with map_pages() as (browser, pages):
        page = browser.new_page(viewport=VIEWPORT)
        for i, (name, *data) in enumerate(inputs):
            frame_times(page, pages, f"{i}-{name.replace(' ', '-')}"[:24], *data)


if __name__ == "__main__":
    main()
