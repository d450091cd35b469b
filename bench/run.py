"""`make bench`: every benchmark of the project, one after the other; each prints its figures.

`python -m bench.run --readme` also rewrites README.md's table of figures (bench/readme.py) from
this run: a module whose `main()` returns `Table`s contributes them, in the order run here.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from bench import (
    export_bench,
    follow_bench,
    latency_bench,
    map_bench,
    overlay_import_bench,
    pack_bench,
    read_limits_bench,
    readme,
    rerun_bench,
    timeline_bench,
    tour_bench,
)

SECTIONS = [
    ("filter change on the bundled data (whole Streamlit rerun, AppTest)", rerun_bench),
    ("an imported overlay of 1,000 / 5,000 / 25,917 links: project vs naive folium vs floor, and Chromium", map_bench),
    ("exports of the bundled data, per format", export_bench),
    ("the meeting pack: the 14-step tour as a deck (<= 20 s) and as a handout", pack_bench),
    ("timeline: browser time of one frame; the basemap fallback's payload", timeline_bench),
    ("one guided-tour step in the browser (presenter view, Chromium)", tour_bench),
    ("overlay import: the 25,917-pair reference set as an upload", overlay_import_bench),
    ("read limits: peak memory of the worst files the overlay's limits allow, and of the bombs they refuse",
     read_limits_bench),
    ("what the presenter feels: start, click, year step, filter (Chromium 1920x1080)", latency_bench),
    ("many seats: 20 followers of the presenter on the shared server (Chromium + protocol clients)", follow_bench),
]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--readme", action="store_true", help="rewrite README.md's table of figures from this run")
    args = parser.parse_args(argv)
    # The benchmarks run app.py in this process (AppTest), and the app reads its own options from
    # sys.argv (ui/session.py): `--readme` would reach it as an unknown option of the app's.
    sys.argv[1:] = []
    tables: list[readme.Table] = []
    for i, (title, module) in enumerate(SECTIONS):
        print(f"{'' if i == 0 else chr(10)}== {title} ==")
        tables += module.main() or []
    if args.readme:
        readme.rewrite(tables, f"Measured by `python -m bench.run --readme` on {date.today().isoformat()}, "
                               f"{os.cpu_count()} CPU cores, Debian's Chromium headless (software rendering).")
        print(f"\n{readme.README.name}: {len(tables)} tables of figures rewritten")


if __name__ == "__main__":
    main()
