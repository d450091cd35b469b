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
    "pages": {"geo", "geocode", "export"},
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


# Inside core: each concern imports only the concerns above it (core/__init__.py tells the story), and
# the concerns a URL, a save or a follower touches load no drawing or table library (what keeps
# ui/warmup.py's plan of lazy imports true: reading an address never pays for shapely or pandas).
CORE_MAY_IMPORT = {
    "data": set(),
    "palette": {"data"},
    "view": {"data"},
    "geography": {"data"},
    "edit": {"data"},
    "room": set(),
    "report": {"data", "view", "palette"},
    "overlay": {"data", "view", "geography"},
    "map": {"data", "view", "geography", "palette", "overlay"},
}
HEAVY = {"folium", "branca", "jinja2", "shapely", "pandas", "openpyxl", "altair", "matplotlib", "geographiclib"}
LIGHT_CONCERNS = {"data", "palette", "view", "edit", "room"}


def _core_problems(root: Path) -> list[str]:
    problems = []
    for path in sorted((root / "core").rglob("*.py")):
        if path.name == "__init__.py" and path.parent == root / "core":
            continue
        parts = path.relative_to(root / "core").parts
        concern = parts[0] if len(parts) > 1 else path.stem
        assert concern in CORE_MAY_IMPORT, f"core/{concern} is not in CORE_MAY_IMPORT: say what it may import"
        for module, _, line in _imports(path):
            top, _, rest = module.partition(".")
            other = rest.split(".")[0]
            if top == "core" and other and other != concern and other not in CORE_MAY_IMPORT[concern]:
                problems.append(f"{path.relative_to(root)}:{line} imports {module}")
            if concern in LIGHT_CONCERNS and top in HEAVY:
                problems.append(f"{path.relative_to(root)}:{line} imports {module} (heavy)")
    return problems


def test_core_concerns_import_only_the_concerns_above_them() -> None:
    assert _core_problems(REPO) == []


def test_every_core_package_has_its_module_map() -> None:
    """Each package's __init__.py names each of its modules (one line each), so the tree reads as a map."""
    missing = [
        f"{init.relative_to(REPO)} does not name {module.stem}"
        for init in sorted((REPO / "core").glob("*/__init__.py"))
        for module in sorted(init.parent.glob("*.py"))
        if module.name != "__init__.py" and f"`{module.stem}`" not in init.read_text(encoding="utf-8")
    ]
    assert missing == []


def test_the_core_rules_catch_a_crossing(tmp_path: Path, monkeypatch) -> None:
    """The checker itself: view importing report, and data importing pandas, are both found."""
    (tmp_path / "core" / "view").mkdir(parents=True)
    (tmp_path / "core" / "data").mkdir()
    (tmp_path / "core" / "view" / "bad.py").write_text("from core.report.frames import x\n", encoding="utf-8")
    (tmp_path / "core" / "data" / "heavy.py").write_text("def f():\n    import pandas\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "REPO", tmp_path)
    assert _core_problems(tmp_path) == ["core/data/heavy.py:2 imports pandas (heavy)",
                                        "core/view/bad.py:1 imports core.report.frames"]
