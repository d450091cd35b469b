"""README.md lists every URL parameter of the registry, and nothing else, in its parameter table."""

from __future__ import annotations

import re
from pathlib import Path

from core.view.params import PARAMS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_url_parameter() -> None:
    section = README.split("## URL parameters", 1)[1].split("\n## ", 1)[0]
    listed = {name for cell in re.findall(r"^\| (`[^|]+`) \|", section, re.M) for name in re.findall(r"`(\w+)`", cell)}
    assert listed == {p.name for p in PARAMS}
