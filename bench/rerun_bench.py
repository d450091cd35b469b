"""How long a filter change takes on the bundled data: the whole Streamlit rerun of the map page
(filter, build the map, st_folium's JS generation, details panel, tables), through AppTest.

Run: `python -m bench.rerun_bench`. Prints the median and the slowest of N reruns per change,
and the peak RSS of the process. Browser drawing time is not included.
"""

from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
RUNS = 10


def _timed(at: AppTest) -> float:
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return elapsed


def main() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    first = _timed(at)
    print(f"first run (loads data, geocodes from cache, builds the basemap): {first:.2f}s")
    changes = {
        "province 河北省 ↔ all": lambda i: at.multiselect(key="province").set_value(["河北省"] if i % 2 == 0 else []),
        "years 1980–1985 ↔ all":
            lambda i: at.slider(key="years").set_value((1980, 1985) if i % 2 == 0 else (1973, 1992)),
        "colour by stage ↔ relation": lambda i: at.radio(key="color").set_value("stage" if i % 2 == 0 else "relation"),
        "language en ↔ ja": lambda i: at.selectbox(key="lang").set_value("en" if i % 2 == 0 else "ja"),
    }
    for name, change in changes.items():
        times = []
        for i in range(RUNS):
            change(i)
            times.append(_timed(at))
        median, slowest = statistics.median(times) * 1000, max(times) * 1000
        print(f"{name:<28} median={median:7.1f} ms  max={slowest:7.1f} ms  (n={RUNS})")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
