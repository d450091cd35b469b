"""Read limits benchmark: the server's peak memory for the worst files the overlay's limits allow, and
for the bombs they refuse (core/overlay/reading.py, core/overlay/workbook_limits.py).

Run: `python -m bench.read_limits_bench`. Each file is written to a temporary folder, then imported
(`import_overlay`, as an upload is) in a fresh Python process that reports its peak resident memory
(VmHWM: calamine's Rust side and pandas' C side included, unlike tracemalloc) and what it had
before the import (the interpreter and the imported libraries). The budget is 300 MB of peak.
Every name in these files is FICTIONAL.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.workbooks import blank_cells, shared_strings, sheet_rows, xlsx
from common.readlimit import MAX_BYTES
from core.overlay.reading import MAX_CSV_CELLS, MAX_ROWS
from core.overlay.workbook_limits import MAX_CELL_CHARS, MAX_CELLS, MAX_UNPACKED

BUDGET_MB = 300
HEADER = ["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"]
_MEASURE = """
import re, sys, time
from core.overlay.importing import import_overlay
def peak():  # VmHWM starts afresh at exec (ru_maxrss would carry the parent's over)
    return int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read())[1]) // 1024
data = open(sys.argv[1], "rb").read()
before = peak()
start = time.perf_counter()
imported = import_overlay(sys.argv[1], data)
took = time.perf_counter() - start
codes = sorted({p.problem for p in imported.overlay.problems})
print(before, peak(), f"{took:.1f}", len(imported.overlay.links), ",".join(codes) or "-")
"""


def _pairs(count: int, width: int) -> Iterator[list[str]]:
    """`count` rows of unique fictional places whose names are `width` characters long."""
    for i in range(count):
        a, b = f"Kobe{i:06d}".ljust(width, "x"), f"Tianjin{i:06d}".ljust(width, "y")
        yield [a, "Japan", "34.69", "135.19", b, "China", "39.13", "117.2"]


def _csv(path: Path, rows: Iterator[list[str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(",".join(HEADER) + "\n")
        for row in rows:
            out.write(",".join(row) + "\n")


def _cases() -> list[tuple[str, str, Callable[[Path], None]]]:
    """(what, file name, how to write it): the worst files allowed, then the bombs refused."""
    wide = (MAX_BYTES - 2**20) // MAX_ROWS // 2 - 20  # two names filling the 50 MB with the row limit
    pairs = MAX_CELLS // len(HEADER) - 1
    cell_xml = 60  # an inline string cell's XML around its text
    long_name = (MAX_UNPACKED - 2**20) // (pairs * len(HEADER)) * len(HEADER) // 2 - cell_xml * 4
    return [
        (f"CSV, {MAX_ROWS:,} rows × 8 columns ({MAX_CSV_CELLS:,} cells), unique names, ~50 MB", "rows.csv",
         lambda p: _csv(p, _pairs(MAX_ROWS, wide))),
        (f"CSV, names of {MAX_CELL_CHARS:,} characters (CJK), ~50 MB", "long-cells.csv",
         lambda p: _csv(p, ([f"{i}" + "神" * (MAX_CELL_CHARS - 6), "Japan", "", "",
                             f"{i}" + "津" * (MAX_CELL_CHARS - 6), "China", "", ""]
                            for i in range(MAX_BYTES // (MAX_CELL_CHARS * 6) - 1)))),
        (f".xlsx, {pairs:,} pairs × 8 columns ({MAX_CELLS:,} cells), names filling {MAX_UNPACKED // 2**20} MB unpacked",
         "rows.xlsx", lambda p: p.write_bytes(xlsx(sheet_rows([HEADER, *_pairs(pairs, max(long_name, 12))])))),
        (".xlsx bomb: 2 MB zipped, 1 GiB of blank cells unpacked (refused)", "bomb.xlsx",
         lambda p: p.write_bytes(xlsx(blank_cells(100_000, 1_000), shared_strings(b"city1", b"city2")))),
        (".xlsx: 61 KB zipped, one shared string of 60 MiB (refused)", "string.xlsx",
         lambda p: p.write_bytes(xlsx(sheet_rows([["city1", "city2"]]),
                                      shared_strings(b"city1", b"city2", b"x" * (60 * 2**20))))),
    ]


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as folder:
        for what, name, write in _cases():
            path = Path(folder) / name
            write(path)
            run = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], cwd=root, capture_output=True, text=True,
                                 check=True)
            before, peak, took, links, codes = run.stdout.split()
            verdict = "within" if int(peak) < BUDGET_MB else "OVER"
            print(f"{what}: {path.stat().st_size / 2**20:.1f} MB file, peak {peak} MB ({before} MB before the import; "
                  f"{verdict} the {BUDGET_MB} MB budget), {took} s, {int(links):,} links, problems: {codes}")
            path.unlink()


if __name__ == "__main__":
    main()
