"""Browser time of one guided-tour step in the presenter view: from PageDown to the URL carrying the
new step, and to the map having flown to the step's extent (the step's dynamic part drawn, settled).

Run: `python -m bench.tour_bench`. Needs Debian's chromium and Playwright (`make install-test`);
starts the app on a free local port and stops it. Prints the median and the slowest of the steps.
"""

from __future__ import annotations

import statistics
import time

from bench.latency_bench import start_app

CHROMIUM = "/usr/bin/chromium"
STEPS = 6
# The map with a dynamic part other than the one marked in window.__seen (none marked: any).
MAP_READY = """() => { const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const w = f && f.contentWindow; return !!(w && w.map_div && w.document.querySelector('.jcm-s')
    && w.map_div.getContainer().getAttribute('data-jcm-drawn') !== w.__seen); }"""
SETTLED = """() => new Promise(resolve => { let timer = null; const m = map_div;
  const done = () => { m.off('moveend zoomend', moved); resolve(performance.now()); };
  const moved = () => { clearTimeout(timer); timer = setTimeout(done, 300); };
  m.on('moveend zoomend', moved); timer = setTimeout(done, 300); })"""


def main() -> None:
    try:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("tour step: skipped here, Playwright is not installed (make install-test)")
        return
    proc, base, _ = start_app()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(f"{base}/?present=1")
            page.wait_for_function(MAP_READY, timeout=60_000)
            to_url, to_map = [], []
            for n in range(1, STEPS + 1):
                page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator("body").evaluate(
                    "() => { window.__seen = map_div.getContainer().getAttribute('data-jcm-drawn'); }")
                page.wait_for_timeout(500)
                t0 = time.perf_counter()
                page.keyboard.press("PageDown")
                page.wait_for_function(f"() => new URLSearchParams(location.search).get('step') === '{n}'")
                to_url.append(time.perf_counter() - t0)
                try:
                    page.wait_for_function(MAP_READY, timeout=5_000)
                except PlaywrightTimeout:
                    continue  # the step shows the same map as the one before: nothing to draw
                frame = page.query_selector('iframe[title="streamlit_folium.st_folium"]').content_frame()
                frame.evaluate(SETTLED)
                to_map.append(time.perf_counter() - t0 - 0.3)  # minus the 300 ms of calm that ends the wait
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    for what, times in (("PageDown → step in the URL", to_url), ("PageDown → map flown to the step", to_map)):
        print(f"{what:34s} median {statistics.median(times):.2f} s   slowest {max(times):.2f} s   "
              f"({len(times)} steps, 1280x720)")


if __name__ == "__main__":
    main()
