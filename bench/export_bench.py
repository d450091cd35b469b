"""Export times per format on the bundled data (what a download button or `python -m export` costs).

The first render of a process also reads the offline basemap and loads the font; it is shown
apart from the median of the next runs.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from core.view.state import ViewState
from export.drawing import load_view, make_view
from export.render import FORMATS, SIZES, render

DATA = Path(__file__).resolve().parents[1] / "data"
RUNS = 3


def main() -> None:
    base, _ = load_view(DATA, {})
    view = make_view(base.dataset, base.coords, ViewState.of(lang="ja"))
    for fmt in FORMATS:
        for size in SIZES if fmt == "png" else SIZES[:1]:
            times, data = [], b""
            for _ in range(RUNS + 1):
                start = time.perf_counter()
                data = render(view, fmt, size)
                times.append(time.perf_counter() - start)
            label = f"{fmt} {size[0]}x{size[1]}" if fmt != "html" else fmt
            print(f"{label:<14} first {times[0]:6.2f} s   median of next {RUNS} {statistics.median(times[1:]):6.2f} s"
                  f"   {len(data) / 1024:7.0f} KB")


if __name__ == "__main__":
    main()
