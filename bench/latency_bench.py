"""What the presenter feels, measured in Chromium at 1920x1080 on the bundled data.

Run: `python -m bench.latency_bench` (Debian's chromium and Playwright, as the browser tests). It
starts the app like `make run` does (packages installed, .mo compiled) on a free local port and
measures, each from the user's action to what the room sees:
- start: the server process started -> the map painted in a fresh browser tab (the paint noted by the
  map's frame itself, on its clock);
- click on 天津市 -> its details ("段階: ほぼ合意") on screen (selection cleared between rounds);
- one step of the year slider (arrow key on its first thumb) -> the map redrawn without the links
  of the year left out;
- a province filter change (河北省 picked, then removed) -> the map redrawn;
- the server's memory: resident after those rounds, and its peak once the 25,917-pair reference set
  (../shared/datasets/, read in place) was uploaded through the sidebar, as a coordinator would;
- the server's own time of a whole rerun (AppTest: a click, a filter change), without the browser.
"Redrawn" means the map frame's links changed and a frame was painted after it. The times run from
the key or mouse press's own event time to that paint, both on the page's clock, and the page is
watched, not polled (see _ARM).
`main()` prints the figures and returns them as rows [(what, figure_text)] for the README table.
"""

from __future__ import annotations

import gc
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from functools import partial
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.readme import Table
from bench.reference import TWIN_CITIES
from common.i18n import t

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
VIEWPORT = {"width": 1920, "height": 1080}
IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
ROUNDS = 8  # this machine moves 20-30% between runs: more samples steady the medians
START_ROUNDS = 5
TIANJIN, DETAILS, CLEAR = "天津市", "段階: ほぼ合意", "選択を解除"

# The map frame's window once Leaflet has drawn places into it (whichever iframe is current).
_MAP = """() => { const f = document.querySelector('%s'); const w = f && f.contentWindow;
  return w && w.map_div && w.document.querySelector('.leaflet-marker-pane .jcm-s') ? w : null; }""" % IFRAME
# The ids of the links drawn now, sorted and joined: what a redraw changes.
_LINKS = """(() => { const w = (%s)(); if (!w) return null; const ids = [];
  w.map_div.eachLayer(l => { const id = l.feature && l.feature.properties.id;
    if (typeof id === 'string' && id.startsWith('link:') && l._path && !ids.includes(id)) ids.push(id); });
  return ids.sort().join('|'); })()""" % _MAP
# Put into the page before its own scripts (an init script; Chromium reuses the map frame's first,
# blank window for its page, so a script of the frame's own would never run there): every frame, a
# look for the first place in the map's marker pane; the frame after the one that showed it sets
# `__jcmFirstPaint` (epoch ms), once it was painted. The start is watched on the page's clock like the
# actions below: waiting for the map from Python, then asking for the paint, added Playwright's round
# trips to the figure (0.17-0.3 s after the map was drawn, bench/paint_timeline.py).
_FIRST_PAINT = """(() => { if (window !== window.top) { return; }
  const look = () => {
    const f = document.querySelector('%s'), d = f && f.contentDocument;
    if (!d || !d.querySelector('.leaflet-marker-pane .jcm-s')) { requestAnimationFrame(look); return; }
    requestAnimationFrame(() => { window.__jcmFirstPaint = performance.timeOrigin + performance.now(); });
  };
  requestAnimationFrame(look); })()""" % IFRAME
# Armed before an action: its time (the first keydown or mousedown, in the page or in the map frame)
# and `window.__jcmPainted`, a promise of the paint after `done` became true, resolved with the
# seconds from the action to that paint, on the page's clock. `done` is checked in the frame after a
# change of `target` (a MutationObserver), not polled: a check Playwright runs in every frame is work
# in the very thread measured (polling the links took ~60 ms of a province change's 280). The time is
# read in the next frame, once the frame that showed the change was painted.
_ARM = """arg => { const w = (%s)(), top = window;
  if (top.__jcmProbe) { top.__jcmProbe.abort(); }
  const probe = top.__jcmProbe = new AbortController(); let start = null;
  const began = e => {
    if (start === null) { start = e.view.performance.timeOrigin + e.timeStamp - performance.timeOrigin; }
  };
  for (const win of [top, w]) { for (const type of ['keydown', 'mousedown']) {
    win.addEventListener(type, began, {capture: true, signal: probe.signal}); } }
  top.__jcmPainted = new Promise(resolve => {
    const seen = new w.MutationObserver(() => w.requestAnimationFrame(() => {
      if (!(%%(done)s)) { return; }
      seen.disconnect(); probe.abort();
      w.requestAnimationFrame(() => resolve((performance.now() - start) / 1000));  /* this frame was painted */
    }));
    seen.observe(%%(target)s, %%(changes)s); }); }""" % _MAP
# The map's links differ from `arg` (what they were) once a new dynamic part was drawn.
_ARM_REDRAW = _ARM % {"target": "w.map_div.getContainer()",
                      "changes": "{attributes: true, attributeFilter: ['data-jcm-drawn']}",
                      "done": "(n => n !== null && n !== arg)(%s)" % _LINKS}
# The page's main area says `arg` (a place's details).
_ARM_DETAILS = _ARM % {"target": "document.querySelector('[data-testid=\"stMain\"]')",
                       "changes": "{childList: true, subtree: true, characterData: true}",
                       "done": "document.querySelector('[data-testid=\"stMain\"]').textContent.includes(arg)"}
_DETAILS_SHOWN = """t => { const m = document.querySelector('[data-testid="stMain"]');
  return !!m && m.innerText.includes(t); }"""
# In the page: the map's frame scrolled so that the place's marker is in the window (instantly, so the
# box read next is where it stays).
_MARKER_IN_VIEW = """key => { const f = document.querySelector('%s');
  const m = f.contentDocument.querySelector(`.leaflet-marker-pane .jcm-s[data-place="${key}"]`);
  const r = m.getBoundingClientRect(), top = f.getBoundingClientRect().top + r.top;
  if (top < 0 || top + r.height > innerHeight) {
    f.scrollIntoView({block: 'center', behavior: 'instant'});
  } }""" % IFRAME
# Resolves once the map has had no zoom/move event for 400 ms: markers are where a click lands.
_SETTLED = """() => new Promise(resolve => { let timer = null; const events = 'zoomstart zoomend movestart moveend';
  const done = () => { map_div.off(events, reset); resolve(true); };
  const reset = () => { clearTimeout(timer); timer = setTimeout(done, 400); };
  map_div.on(events, reset); reset(); })"""
_IDLE = """() => new Promise(resolve => { let calm = 0;
  const busy = () => document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]');
  const tick = () => { calm = busy() ? 0 : calm + 1; if (calm >= 5) resolve(true); else setTimeout(tick, 100); };
  tick(); })"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(*options: str) -> tuple[subprocess.Popen, str, float]:
    """`make run`'s command on a free port (with more of `ui.launch`'s `options`); returns the
    process, its URL and when it was started (the other browser benchmarks start the app this way too)."""
    port = _free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "ui.launch", "--server.port", str(port),
                             "--server.headless", "true", *options], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://localhost:{port}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for _ in range(600):
        try:
            opener.open(f"{base}/_stcore/health", timeout=1)
            return proc, base, t0
        except OSError:
            time.sleep(0.05)
    proc.terminate()
    raise RuntimeError("the app did not start")


def _links(page) -> str | None:
    return page.evaluate(_LINKS)


def _timed(page, probe: str, arg: object, action: Callable[[], None]) -> float:
    """Seconds from `action`'s first key or mouse press to the paint after the change `probe`
    (_ARM_REDRAW, _ARM_DETAILS) waits for, measured in the page."""
    page.evaluate(probe, arg)
    action()
    return page.evaluate("() => window.__jcmPainted")


def _click_times(page) -> list[float]:
    out = []
    for _ in range(ROUNDS):
        page.evaluate(_IDLE)
        frame = page.query_selector(IFRAME).content_frame()
        frame.evaluate(_SETTLED)
        marker = frame.locator(".leaflet-marker-pane .jcm-s[data-place='%s']" % TIANJIN)
        # The "clear" button below the map was scrolled to: back to the map, as a person scrolls.
        page.evaluate(_MARKER_IN_VIEW, TIANJIN)
        box = marker.bounding_box()
        middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        if not (0 <= middle[0] < VIEWPORT["width"] and 0 <= middle[1] < VIEWPORT["height"]):
            raise RuntimeError(f"{TIANJIN}'s marker is off screen at {middle}: a click there lands nowhere")
        out.append(_timed(page, _ARM_DETAILS, DETAILS, partial(page.mouse.click, *middle)))
        page.evaluate(_IDLE)
        page.get_by_role("button", name=CLEAR).click()
        page.wait_for_function(f"t => !({_DETAILS_SHOWN})(t)", arg=DETAILS, timeout=30_000)
    return out


def _year_times(page) -> list[float]:
    thumb = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]').first
    out = []
    for i in range(ROUNDS * 2):
        page.evaluate(_IDLE)
        thumb.focus()
        key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"  # 1973 -> 1974 drops 神戸市–天津市
        out.append(_timed(page, _ARM_REDRAW, _links(page), partial(page.keyboard.press, key)))
    return out


def _province_times(page) -> list[float]:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    out = []
    for _ in range(ROUNDS):
        page.evaluate(_IDLE)
        box.locator("input").click()
        page.keyboard.type("河北省")
        page.get_by_role("option", name="河北省").first.wait_for()
        out.append(_timed(page, _ARM_REDRAW, _links(page), partial(page.keyboard.press, "Enter")))
        page.keyboard.press("Escape")
        page.evaluate(_IDLE)
        box.locator("input").focus()
        out.append(_timed(page, _ARM_REDRAW, _links(page), partial(page.keyboard.press, "Backspace")))  # removes it
    return out


def _memory_mb(pid: int) -> dict[str, int]:
    """The process's resident memory now (VmRSS) and at its peak (VmHWM), in MB."""
    with open(f"/proc/{pid}/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return {name: int(fields[name].split()[0]) // 1024 for name in ("VmRSS", "VmHWM")}


def _upload_reference(page) -> None:
    """The reference set uploaded in the sidebar's overlay section; returns once its counts show."""
    title = t("overlay.title", "ja")
    page.locator('[data-testid="stSidebar"] summary', has_text=title).click()
    section = page.locator('[data-testid="stSidebar"] details', has_text=title)
    section.locator('input[type="file"]').set_input_files(str(TWIN_CITIES))
    section.get_by_text("25,917").first.wait_for(timeout=120_000)
    page.evaluate(_IDLE)


def _server_reruns() -> tuple[list[float], list[float]]:
    """Whole reruns of the map page in this process (AppTest): a click on 天津市, a province change."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    clicks, filters = [], []
    for i in range(ROUNDS * 2):
        key = next(e for e in at.main if getattr(e.proto, "component_name", "").endswith("st_folium")).key
        value = {"last_active_drawing": {"type": "Feature", "geometry": None,
                                         "properties": {"id": f"place:{TIANJIN}", "click": f"bench-{i}"}}}
        at.session_state[key] = value
        at.session_state["jcm_map"] = value  # what st_folium's on_change copies before the rerun
        t0 = time.perf_counter()
        at.run()
        clicks.append(time.perf_counter() - t0)
        at.multiselect(key="province").set_value(["河北省"] if i % 2 == 0 else [])
        t0 = time.perf_counter()
        at.run()
        filters.append(time.perf_counter() - t0)
    return clicks, filters


def _figure(times: list[float]) -> str:
    return f"median {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms (n={len(times)})"


def main() -> list[Table]:
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, str]] = []
    # The times are taken in this process: a full collection of what the benchmarks before this one
    # left alive (bench.run runs them all in one process) took 148 ms in the middle of a round.
    gc.collect()
    gc.freeze()
    with sync_playwright() as pw:
        # The browser is open before the server starts, as on the presenter's laptop.
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        starts, proc = [], None
        for _ in range(START_ROUNDS):  # each a fresh server; the last one stays for the rest
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=10)
            page = browser.new_page(viewport=VIEWPORT)
            page.add_init_script(_FIRST_PAINT)
            proc, base, started = start_app()
            started_epoch = time.time() - (time.perf_counter() - started)  # the page's clock is the epoch's
            page.goto(f"{base}/")
            painted = page.wait_for_function("() => window.__jcmFirstPaint", timeout=120_000, polling=100)
            starts.append(painted.json_value() / 1000 - started_epoch)
        try:
            rows.append(("make run → map painted (server start, first session)",
                         f"median {statistics.median(starts):.1f} s, slowest {max(starts):.1f} s (n={len(starts)})"))
            rows.append(("click on 天津市 → its details on screen", _figure(_click_times(page))))
            rows.append(("year slider step → map redrawn", _figure(_year_times(page))))
            rows.append(("province filter change → map redrawn", _figure(_province_times(page))))
            rows.append(("server memory after these rounds (resident)", f"{_memory_mb(proc.pid)['VmRSS']} MB"))
            if TWIN_CITIES.exists():
                _upload_reference(page)
                rows.append(("server peak memory, the 25,917-pair reference set uploaded",
                             f"{_memory_mb(proc.pid)['VmHWM']} MB"))
            else:
                print(f"{TWIN_CITIES} not found: no memory figure with the reference set")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            browser.close()
    clicks, filters = _server_reruns()
    rows.append(("server rerun of a click (AppTest)", _figure(clicks)))
    rows.append(("server rerun of a filter change (AppTest)", _figure(filters)))
    for what, figure in rows:
        print(f"{what:<56} {figure}")
    return [Table("What the presenter feels, on the bundled data (Chromium at 1920×1080)", ("from … to …", "time"),
                  rows)]


if __name__ == "__main__":
    main()
