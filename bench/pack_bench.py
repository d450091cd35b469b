"""The meeting pack at the venue: the 14-step tour as a deck and as a handout, each made by a fresh
`python -m export --tour` (imports, fonts and every map included: what a coordinator waits for).

Wall-clock time against the 20 s the deck may take on a 2-core laptop, with the CPU time beside it:
on a shared, busy machine the wall clock grows while the CPU time says what the work costs.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.readme import Table

REPO = Path(__file__).resolve().parents[1]
DECK_LIMIT_S = 20.0
RUNS = (("pptx", "ja"), ("pptx", "zh"), ("pdf", "ja,zh"))


def _run(fmt: str, langs: str, out: Path) -> tuple[float, float, int]:
    """(wall s, CPU s, bytes) of one `python -m export --tour`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "export", "--format", fmt, "--tour", "--lang", langs, "--out", str(out)],
                   cwd=REPO, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out.stat().st_size


def main() -> list[Table]:
    table = Table("The 14-step tour as a deck / handout (`python -m export --tour`, a fresh process each)",
                  ("file", "wall s", "CPU s", "size"))
    with tempfile.TemporaryDirectory() as folder:
        for fmt, langs in RUNS:
            wall, cpu, size = _run(fmt, langs, Path(folder) / f"tour.{fmt}")
            within = "ok" if wall <= DECK_LIMIT_S else "OVER"
            verdict = f" (limit {DECK_LIMIT_S:.0f} s: {within})" if fmt == "pptx" else ""
            print(f"{fmt} {langs:<6} wall {wall:6.1f} s   CPU {cpu:6.1f} s   {size / 1e6:5.1f} MB{verdict}")
            table.rows.append((f"{fmt} {langs}", f"{wall:.1f}", f"{cpu:.1f}", f"{size / 1e6:.1f} MB"))
    return [table]


if __name__ == "__main__":
    main()
