"""Many seats, one laptop: the presenter steps through the tour while followers on other devices
follow it (ui/follow.py), measured in Chromium on the shared server (`run.py --share`).

Run: `python -m bench.follow_bench [--followers N]` (Debian's chromium and Playwright). The presenter
is a page on the laptop (127.0.0.1, ja, 1366x768, presenter view); each follower a Chromium context
of its own (390x844, zh) that connects as another device (from 127.0.0.2, bench/devices.py) and
switched following on. For each tour step: the presenter's next button clicked with the mouse; the
presenter's latency is that click to the step's title on the presenter's screen, a follower's to
the step's Chinese title on its screen (each page records the time it saw the title, on this
machine's clock: no polling from here). Printed: the medians and 95th percentiles, the server's CPU
(share of one core over the steps) and memory (resident after the steps, and its peak), and the
whole machine's CPU.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from urllib.parse import urlsplit

import psutil

import run
from bench.devices import other_device
from bench.latency_bench import start_app
from bench.protocol_follower import ProtocolFollower
from bench.readme import Table
from core.data.loading import load_dataset
from core.view.tour import load_tour

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
FOLLOWERS = 20  # seats in all
BROWSERS = 4  # of them real Chromium contexts (what 2 cores drive beside the server; the rest: ProtocolFollower)
STEPS = 8  # measured, after a first step that is not (a fresh server's first click imports what clicks need)
PAUSE_S = 1.0  # the presenter speaks between two steps
TOUR_TEXT = ".st-key-jcm_tour_text"
MAP = """() => { const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const w = f && f.contentWindow; return !!(w && w.map_div && w.document.querySelector('.jcm-s')); }"""
# Records in the page the clock time (ms) at which `text` first appears in `sel`'s element.
WATCH = """([sel, text]) => {
  window.__shown = null;
  const check = () => {
    const e = document.querySelector(sel);
    if (!window.__shown && e && e.innerText.includes(text)) { window.__shown = Date.now(); seen.disconnect(); }
  };
  const seen = new MutationObserver(check);
  seen.observe(document.body, {subtree: true, childList: true, characterData: true});
  check();
}"""


def watch(page, selector: str, text: str) -> None:
    """From now on, note in `page` when `text` first shows in `selector`'s element (see shown_at)."""
    page.evaluate(WATCH, [selector, text])


def shown_at(page, timeout_ms: float = 30_000) -> float:
    """When the watched text showed, in ms of this machine's clock (waits for it)."""
    return page.wait_for_function("() => window.__shown", timeout=timeout_ms).json_value()


def _shown_or_none(page) -> float | None:
    from playwright.sync_api import TimeoutError as NotShown

    try:
        return shown_at(page)
    except NotShown:
        return None


def _click(page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _figure(seconds: list[float]) -> str:
    if not seconds:
        return "none"
    return (f"median {statistics.median(seconds) * 1000:.0f} ms, p95 {_percentile(seconds, 0.95) * 1000:.0f} ms, "
            f"slowest {max(seconds) * 1000:.0f} ms (n={len(seconds)})")


def _memory_mb(pid: int) -> dict[str, int]:
    with open(f"/proc/{pid}/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return {name: int(fields[name].split()[0]) // 1024 for name in ("VmRSS", "VmHWM")}


def _follower(browser, base: str):
    """A phone in zh that opened the shared address and switched following on; its page."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True,
                                  has_touch=True, service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/?lang=zh")
    page.wait_for_function(MAP, timeout=180_000)
    page.locator(".st-key-jcm_follow label").first.wait_for(timeout=60_000)
    _click(page, ".st-key-jcm_follow label")
    page.locator(".st-key-jcm_bar").wait_for(timeout=120_000)  # the presenter view, followed
    return page


def measure(followers: int, browsers: int) -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    dataset = load_dataset(run.ROOT / "data")
    tour = load_tour(run.ROOT / "data", dataset)
    proc, base, _ = start_app(*run.SHARE_OPTIONS, "--", "--share")
    server = psutil.Process(proc.pid)
    port = urlsplit(base).port
    protocol: list[ProtocolFollower] = []
    try:
        with sync_playwright() as pw, other_device(port) as device:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            presenter = browser.new_page(viewport={"width": 1366, "height": 768}, locale="ja-JP")
            presenter.goto(f"{base}/?present=1")
            presenter.wait_for_function(MAP, timeout=120_000)
            phones = [_follower(browser, device) for _ in range(browsers)]
            protocol = [ProtocolFollower(port) for _ in range(followers - browsers)]
            for seat in protocol:
                seat.follow()
            joined_mb = _memory_mb(proc.pid)["VmRSS"]
            mine, in_chromium, in_protocol, missed, slowest = [], [], [], 0, []
            for step in tour[:STEPS + 1]:
                if step is tour[1]:  # the first step was the warm-up: from here on, measured
                    del mine[:], in_chromium[:], in_protocol[:], slowest[:]
                    missed = 0
                    psutil.cpu_percent()
                    cpu0, wall0 = server.cpu_times(), time.perf_counter()
                time.sleep(PAUSE_S)
                watch(presenter, TOUR_TEXT, step.words(dataset, "ja")[0])
                for phone in phones:
                    watch(phone, TOUR_TEXT, step.words(dataset, "zh")[0])
                for seat in protocol:
                    seat.watch(step.words(dataset, "zh")[0])
                clicked = time.time() * 1000
                _click(presenter, ".st-key-jcm_next button")
                mine.append((shown_at(presenter) - clicked) / 1000)
                on_phones = [_shown_or_none(phone) for phone in phones]
                in_chromium += [(at - clicked) / 1000 for at in on_phones if at is not None]
                arrived = [seat.shown_at() for seat in protocol]
                in_protocol += [(at - clicked) / 1000 for at in arrived if at is not None]
                missed += on_phones.count(None) + arrived.count(None)
                slowest.append(max([at - clicked for at in [*on_phones, *arrived] if at is not None], default=0) / 1000)
            cpu1, wall = server.cpu_times(), time.perf_counter() - wall0
            machine = psutil.cpu_percent()
            memory = _memory_mb(proc.pid)
            browser.close()
    finally:
        for seat in protocol:
            seat.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a server still closing its followers' connections
            proc.kill()
            proc.wait(timeout=10)
    busy = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / wall
    rows = [(f"presenter: tour step → on the presenter's screen ({followers} following)", _figure(mine)),
            ("presenter, per step (ms)", " ".join(f"{m * 1000:.0f}" for m in mine)),
            ("the slowest follower, per step (ms)", " ".join(f"{m * 1000:.0f}" for m in slowest))]
    if browsers:
        rows.append((f"followers in Chromium ({browsers}): presenter's click → the step on screen",
                     _figure(in_chromium)))
    if followers > browsers:
        rows.append((f"followers over the protocol ({followers - browsers}): presenter's click → the step received",
                     _figure(in_protocol)))
    return [*rows,
            ("all followers", f"{_figure(in_chromium + in_protocol)}; a step not shown within 30 s: {missed} times"),
            ("server CPU during the steps (share of one core)", f"{busy * 100:.0f} %"),
            ("whole machine CPU during the steps (2 cores, the browsers and other work included)", f"{machine:.0f} %"),
            (f"server memory: resident with {followers} following / after the steps / peak",
             f"{joined_mb} MB / {memory['VmRSS']} MB / {memory['VmHWM']} MB")]


def main(followers: int = FOLLOWERS, browsers: int = BROWSERS) -> list[Table]:
    rows = measure(followers, min(browsers, followers))
    for what, figure in rows:
        print(f"{what}: {figure}")
    return [Table(f"Following the presenter (tour steps in ja): {followers} followers in zh, {browsers} of them "
                  "Chromium phones, the rest protocol-level clients", ("what", "figure"), rows)]


if __name__ == "__main__":
    cli = argparse.ArgumentParser(prog="python -m bench.follow_bench", description=__doc__.splitlines()[0])
    cli.add_argument("--followers", type=int, default=FOLLOWERS, help=f"seats in all (default {FOLLOWERS})")
    cli.add_argument("--browsers", type=int, default=BROWSERS, help=f"of them in Chromium (default {BROWSERS})")
    options = cli.parse_args()
    main(options.followers, options.browsers)
