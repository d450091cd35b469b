"""Where `make run` → map painted goes: one fresh server, one fresh tab, every step on one clock.

Run: `python -m bench.latency_bench`'s start (`start_app`) and its map probes (`_MAP`, `_FIRST_PAINT`), with
Chrome DevTools Protocol events of the page: its requests (the main page, Streamlit's bundle, the map's
frame, Leaflet and the map's own files), the WebSocket and Streamlit's messages on it (decoded: the
session's start, each script run's first element and its end, the map's element), and, with
`--trace`, Chromium's trace of the map frame's scripts (what each of its files costs to evaluate and run).
The server's own side (its script runs, each kind of message queued for the browser: bench/server_probe.py)
comes from a `sitecustomize` put on the server's PYTHONPATH: nothing in the product is changed for it.

`python -m bench.paint_timeline [--trace] [--rounds N]` prints one table per round: seconds since the
server process was started. CDP's timestamps and `time.perf_counter` are both CLOCK_MONOTONIC on Linux.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.latency_bench import _FIRST_PAINT, _MAP, ARGS, CHROMIUM, IFRAME, ROOT, VIEWPORT, start_app

_FRAME = "streamlit_folium.st_folium/index.html"
# The map frame's own times, as epoch ms: its first marker's appearance is not observable after the fact,
# so the time of the probe itself, and of the paint after it (two frames later).
_PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
_STAMPS = """async () => { const now = () => performance.timeOrigin + performance.now();
  const asked = now(); await (%s)(); return {'probe asked': asked, 'painted (two frames later)': now()}; }"""
_TRACED = ["devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline"]


@dataclass
class Timeline:
    """What happened, in seconds since the server process was started."""

    t0: float
    events: list[tuple[float, str]] = field(default_factory=list)
    requests: dict[str, dict] = field(default_factory=dict)

    def at(self, monotonic: float, what: str) -> None:
        self.events.append((monotonic - self.t0, what))

    def first(self, prefix: str) -> float | None:
        return next((s for s, what in sorted(self.events) if what.startswith(prefix)), None)


def _message_kind(payload: bytes) -> str:
    """What one of Streamlit's messages is: its type, and for an element its kind (a component: its name)."""
    msg = ForwardMsg()
    msg.ParseFromString(payload)
    kind = msg.WhichOneof("type")
    if kind == "delta":
        delta = msg.delta
        sub = delta.WhichOneof("type")
        if sub == "new_element":
            element = delta.new_element.WhichOneof("type")
            if element == "component_instance":
                element += ":" + delta.new_element.component_instance.component_name
            return f"delta {element}"
        return f"delta {sub}"
    if kind == "script_finished":
        return f"script_finished {msg.script_finished}"
    if kind == "session_status_changed":
        return f"status running={msg.session_status_changed.script_is_running}"
    return kind or "?"


def _listen(page, timeline: Timeline):
    """CDP events of the page (its in-process frames included) into `timeline`; the CDP session."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Page.enable")
    reqs = timeline.requests

    def sent(e: dict) -> None:
        reqs[e["requestId"]] = {"url": e["request"]["url"], "sent": e["timestamp"] - timeline.t0,
                                "type": e.get("type", "")}

    def response(e: dict) -> None:
        if (r := reqs.get(e["requestId"])) is not None:
            headers = {k.lower(): v for k, v in e["response"]["headers"].items()}
            r["status"] = e["response"]["status"]
            r["cache"] = headers.get("cache-control", "-")
            r["from_cache"] = e["response"].get("fromDiskCache") or e["response"].get("fromMemoryCache")

    def finished(e: dict) -> None:
        if (r := reqs.get(e["requestId"])) is not None:
            r["done"] = e["timestamp"] - timeline.t0
            r["bytes"] = e.get("encodedDataLength", 0)

    def frame(e: dict) -> None:
        data = e["response"]["payloadData"]
        kind = _message_kind(base64.b64decode(data)) if e["response"]["opcode"] == 2 else "text"
        timeline.at(e["timestamp"], f"ws< {kind}")

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.responseReceived", response)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.webSocketCreated", lambda e: timeline.at(time.perf_counter(), "ws created"))
    cdp.on("Network.webSocketHandshakeResponseReceived", lambda e: timeline.at(e["timestamp"], "ws open"))
    cdp.on("Network.webSocketFrameReceived", frame)
    cdp.on("Network.webSocketFrameSent", lambda e: timeline.at(e["timestamp"], "ws> sent"))
    cdp.on("Page.domContentEventFired", lambda e: timeline.at(e["timestamp"], "main DOMContentLoaded"))
    cdp.on("Page.loadEventFired", lambda e: timeline.at(e["timestamp"], "main load"))
    return cdp


def _profile_summary(profile: dict) -> None:
    """The page's JavaScript (the map's frame included: one thread), self time by script and by function."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    gaps = [t / 1000 for t in profile["timeDeltas"]]
    per_url: dict[str, float] = {}
    per_fn: dict[str, float] = {}
    for sample, ms in zip(profile["samples"], gaps[1:] + [0.0]):
        frame = nodes[sample]["callFrame"]
        url = _short(frame["url"]) or frame["functionName"] or "(program)"
        per_url[url] = per_url.get(url, 0.0) + ms
        fn = f"{frame['functionName'] or '(anonymous)'} {url}:{frame['lineNumber']}"
        per_fn[fn] = per_fn.get(fn, 0.0) + ms
    for title, table in (("script", per_url), ("function", per_fn)):
        print(f"\nms     self time by {title} (CPU profile, goto -> painted)")
        for key, ms in sorted(table.items(), key=lambda kv: -kv[1])[:15]:
            print(f"{ms:6.1f} {key}")


def _short(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[-1] or url


def _report(timeline: Timeline) -> None:
    """The table: the milestones, then the map frame's requests."""
    rows = sorted(timeline.events)
    seen: set[str] = set()
    print(f"{'s':>7}  event")
    for s, what in rows:
        key = what if not what.startswith("ws< delta") else what.split(":")[0]
        if what.startswith(("ws< delta", "ws< status", "ws< ref_hash")) and key in seen:
            continue  # the first of each kind of message says when it came
        seen.add(key)
        print(f"{s:7.3f}  {what}")
    print(f"\n{'sent':>7} {'done':>7} {'KB':>6}  {'cache-control':<24} request")
    for r in sorted(timeline.requests.values(), key=lambda r: r["sent"]):
        if r["url"].startswith("data:"):
            continue
        done = f"{r['done']:7.3f}" if "done" in r else "      -"
        kb = f"{r.get('bytes', 0) / 1024:6.1f}"
        print(f"{r['sent']:7.3f} {done} {kb}  {str(r.get('cache', '-'))[:24]:<24} {_short(r['url'])}")


def _trace_summary(path: Path, t0: float) -> None:
    """Per script URL of the map's frame: evaluation (compile + top level) and function calls (ms)."""
    events = json.loads(path.read_text())["traceEvents"]
    per_url: dict[str, float] = {}
    for e in events:
        if e.get("ph") != "X" or e.get("name") not in ("EvaluateScript", "v8.evaluateModule", "FunctionCall"):
            continue
        data = e.get("args", {}).get("data", {})
        url = data.get("url") or data.get("scriptName") or ""
        if "app/static" in url or _FRAME in url or "streamlit_folium" in url:
            key = f"{e['name']:<15} {_short(url)}"
            per_url[key] = per_url.get(key, 0.0) + e.get("dur", 0) / 1000
    print("\nms     script of the map's frame (trace)")
    for key, ms in sorted(per_url.items(), key=lambda kv: -kv[1])[:25]:
        print(f"{ms:6.1f} {key}")
    del t0


def _probed(tmp: Path) -> Path:
    """The server started by `start_app` (which passes this environment on) writes bench/server_probe.py's
    lines into the file returned."""
    (tmp / "sitecustomize.py").write_text("import bench.server_probe\nbench.server_probe.install()\n")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(tmp), str(ROOT)])
    os.environ["JCM_PROBE"] = str(tmp / "probe.txt")
    return tmp / "probe.txt"


def _server_lines(probe: Path, timeline: Timeline) -> None:
    if probe.exists():
        for line in probe.read_text().splitlines():
            at, what = line.split(" ", 1)
            timeline.at(float(at), what)
        probe.unlink()


def _rounds(n: int, trace: bool, keep: Path | None = None, profile: bool = False) -> Iterator[tuple[Timeline, float]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, TemporaryDirectory() as tmp:
        probe = _probed(Path(tmp))
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for i in range(n):
                page = browser.new_page(viewport=VIEWPORT)
                page.add_init_script(_FIRST_PAINT)  # the first paint noted as bench.latency_bench notes it
                timeline = Timeline(t0=0.0)
                cdp = _listen(page, timeline)
                if profile:
                    cdp.send("Profiler.enable")
                    cdp.send("Profiler.setSamplingInterval", {"interval": 200})
                if trace:
                    browser.start_tracing(page=page, path=str(Path(tmp) / f"trace{i}.json"), categories=_TRACED)
                proc, base, started = start_app()
                timeline.t0 = started
                if profile:
                    cdp.send("Profiler.start")
                timeline.at(time.perf_counter(), "server health OK")
                page.goto(f"{base}/", wait_until="commit")
                page.wait_for_function(f"() => !!({_MAP})()", timeout=120_000, polling="raf")
                timeline.at(time.perf_counter(), "map drawn (places in the marker pane)")
                frame = page.query_selector(IFRAME).content_frame()
                # In the frame, on its clock (epoch ms): when its places were drawn (the first marker's
                # entry in the page), when this probe began, and when the frame after it was painted.
                stamps = frame.evaluate(_STAMPS % _PAINTED)
                offset = time.perf_counter() - time.time()
                for what, epoch_ms in stamps.items():
                    timeline.at(epoch_ms / 1000 + offset, f"in the frame: {what}")
                first = page.wait_for_function("() => window.__jcmFirstPaint").json_value() / 1000 + offset
                timeline.at(first, "map painted (noted by the page, as the benchmark's row)")
                painted = first - started
                if profile:
                    _profile_summary(cdp.send("Profiler.stop")["profile"])
                if trace:
                    browser.stop_tracing()
                    _trace_summary(Path(tmp) / f"trace{i}.json", started)
                    if keep:
                        (keep / f"trace{i}.json").write_bytes((Path(tmp) / f"trace{i}.json").read_bytes())
                proc.terminate()
                proc.wait(timeout=10)
                page.close()
                _server_lines(probe, timeline)
                yield timeline, painted
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--trace", action="store_true", help="Chromium's trace of the map frame's scripts")
    parser.add_argument("--profile", action="store_true", help="the page's JavaScript CPU profile, by script")
    parser.add_argument("--keep", type=Path, help="a folder to keep the traces in (chrome://tracing opens them)")
    args = parser.parse_args()
    totals = []
    for timeline, painted in _rounds(args.rounds, args.trace, args.keep, args.profile):
        _report(timeline)
        totals.append(painted)
        print(f"\nmake run → map painted: {painted:.2f} s\n")
    if len(totals) > 1:
        print(f"median {statistics.median(totals):.2f} s over {len(totals)} rounds: "
              + ", ".join(f"{s:.2f}" for s in totals))


if __name__ == "__main__":
    main()
