"""The import rules of the layers, read from the source with `ast` so that the picture stays true.

    pages ──▶ ui ──▶ geocode ──▶ core ──▶ common
                 ╲           ╲─▶ geo  ──▶ common

- `common`, `core`, `geo` (and `geocode`) are pure: no Streamlit;
- `core` and `geo` never import each other (what both need is in `common`);
- `common` imports none of the project's other packages;
- `pages` use `ui` and `core` only, through their public names (no `_private` import).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("common", "core", "geo", "geocode", "export", "ui", "pages")
# package -> the project's packages it must not import
FORBIDDEN = {
    "common": {"core", "geo", "geocode", "export", "ui", "pages", "streamlit"},
    "core": {"geo", "geocode", "export", "ui", "pages", "streamlit"},
    "geo": {"core", "geocode", "export", "ui", "pages", "streamlit"},
    "geocode": {"export", "ui", "pages", "streamlit"},
    "export": {"ui", "pages", "streamlit"},
    "ui": {"pages"},
    "pages": {"common", "geo", "geocode", "export"},
}


def _imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module, imported names, line) of every import in a file; a relative import stays in its package."""
    package = path.relative_to(REPO).parts[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = package if node.level else (node.module or "")
            found.append((module, [alias.name for alias in node.names], node.lineno))
    return found


def _files(package: str) -> list[Path]:
    files = sorted((REPO / package).rglob("*.py"))
    assert files, f"{package}/ has no Python file: the rule below would pass without testing"
    return files


@pytest.mark.parametrize("package", PACKAGES)
def test_layers_import_only_what_they_may(package: str) -> None:
    broken = [
        f"{path.relative_to(REPO)}:{line} imports {module}"
        for path in _files(package)
        for module, _, line in _imports(path)
        if module.split(".")[0] in FORBIDDEN[package]
    ]
    assert broken == []


def test_pages_use_only_public_names_of_ui_and_core() -> None:
    private = [
        f"{path.relative_to(REPO)}:{line} imports {module}.{name}"
        for path in _files("pages")
        for module, names, line in _imports(path)
        if module.split(".")[0] in ("ui", "core")
        for name in names or [module]
        if any(part.startswith("_") for part in (*module.split("."), name))
    ]
    assert private == []


def test_the_rules_catch_a_violation(tmp_path: Path, monkeypatch) -> None:
    """The checker itself: a `core` module importing `geo` is found, with its line."""
    module = tmp_path / "core" / "bad.py"
    module.parent.mkdir()
    module.write_text("import os\nfrom geo.cache import read_cache\nfrom . import models\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    assert [(m, line) for m, _, line in _imports(module)] == [("os", 1), ("geo.cache", 2), ("core", 3)]
