"""The README's table of figures, regenerated from a benchmark run (`python -m bench.run --readme`).

Any bench module contributes: its `main()` returns `Table`s (a title, a header, rows of text),
bench/run.py collects them in order and `rewrite` puts them between README.md's markers, so the
numbers a reader sees are the last run's, never typed by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass(frozen=True)
class Table:
    """One table of figures: `title` says what was measured, on what, and how."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(tables: Sequence[Table], note: str = "") -> str:
    """The tables as Markdown (each its title in bold, then the table); `note` under them."""
    out: list[str] = []
    for table in tables:
        out += [f"**{table.title}**", "", "| " + " | ".join(map(_cell, table.header)) + " |",
                "|" + "---|" * len(table.header)]
        out += ["| " + " | ".join(map(_cell, row)) + " |" for row in table.rows]
        out.append("")
    if note:
        out.append(note)
    return "\n".join(out).strip() + "\n"


def rewrite(tables: Sequence[Table], note: str = "", readme: Path = README) -> None:
    """Replace what lies between the README's markers with `tables`; the markers must exist once."""
    text = readme.read_text(encoding="utf-8")
    if text.count(START) != 1 or text.count(END) != 1 or text.index(START) > text.index(END):
        raise SystemExit(f"{readme}: needs one {START} line before one {END} line")
    head, rest = text.split(START)
    _, tail = rest.split(END)
    readme.write_text(f"{head}{START}\n{markdown(tables, note)}{END}{tail}", encoding="utf-8")
