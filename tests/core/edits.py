"""Edits that corrupt a copy of a data file the way a coordinator's spreadsheet might (shared by
the loader's table-driven tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Mutation = Callable[[Path], None]


def sub(old: str, new: str) -> Mutation:
    """Replace the first occurrence of `old` (which must be there) in a UTF-8 file."""

    def mutate(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {path.name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")

    return mutate


def append(line: str) -> Mutation:
    def mutate(path: Path) -> None:
        with path.open("a", encoding="utf-8", newline="") as f:
            f.write(line)

    return mutate


def write_bytes(data: bytes | Callable[[bytes], bytes]) -> Mutation:
    def mutate(path: Path) -> None:
        path.write_bytes(data(path.read_bytes()) if callable(data) else data)

    return mutate


def insert_bytes_on_line(line: int, junk: bytes, encoding: str = "utf-8") -> Mutation:
    """Re-encode the file (unencodable characters become ?) and put `junk` at the start of physical line `line`."""

    def mutate(path: Path) -> None:
        lines = path.read_text(encoding="utf-8").encode(encoding, errors="replace").split(b"\n")
        lines[line - 1] = junk + lines[line - 1]
        path.write_bytes(b"\n".join(lines))

    return mutate


def delete(path: Path) -> None:
    path.unlink()
