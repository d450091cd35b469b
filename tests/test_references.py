"""Every file path and dotted name that a docstring or a Markdown file quotes (`core/map/build.py`,
`core.data.rows.Cells`) exists: a module renamed or moved leaves no stale pointer for the next reader."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SKIPPED_DIRS = {".git", ".venv", "__pycache__", "node_modules", "test-artifacts", "vendor", "out", ".pytest_cache"}
PACKAGES = {"app", "bench", "common", "core", "export", "geo", "geocode", "pages", "tests", "tools", "ui"}
QUOTED = re.compile(r"``?([^`\n]+?)``?")
# Unquoted too: a path or a dotted name that starts with one of the project's folders (core/map/build.py).
NAMED = re.compile(r"(?<![\w./:-])(?:app|bench|common|core|export|geo|geocode|pages|tests|tools|ui)[./][\w./*-]*\w/?")
FENCED = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
PATH = re.compile(r"[\w.*-]+(/[\w.*-]+)*/?")
FILE_SUFFIXES = {".py", ".js", ".css", ".csv", ".md", ".txt", ".toml", ".json", ".geojson", ".lock", ".po", ".pot"}
DOTTED = re.compile(r"([a-z_]\w*)((?:\.\w+)+)(\(\))?")
# Paths that exist only while the app runs or after a command, never in a checkout (see .gitignore), and
# Streamlit's URL route of static/.
NOT_IN_A_CHECKOUT = ("static/", "history/", "data/history", "locale/*/LC_MESSAGES/*.mo", ".streamlit/secrets.toml",
                     "test-artifacts/", "bench/out/", "app/static/")
# Named on purpose as files that do not exist: file -> why.
ABSENT_ON_PURPOSE: dict[str, str] = {}
MESSAGE_IDS = set(re.findall(r'^msgid "(.+)"$', (REPO / "locale" / "messages.pot").read_text(encoding="utf-8"),
                             re.MULTILINE))


TREE = sorted(p for p in REPO.rglob("*") if not SKIPPED_DIRS & set(p.relative_to(REPO).parts))
ALL_FILES = [p.relative_to(REPO).as_posix() for p in TREE]


def _quoted(path: Path) -> Iterator[tuple[str, str]]:
    """(where, quoted text) of a Markdown file outside its code blocks, or of a Python file's docstrings."""
    text = path.read_text(encoding="utf-8")
    where = str(path.relative_to(REPO))
    if path.suffix == ".md":
        yield from ((where, token) for token in _tokens(FENCED.sub("", text)))
        return
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            yield from ((f"{where}:{getattr(node, 'lineno', 1)}", token) for token in _tokens(ast.get_docstring(node)))


def _tokens(text: str | None) -> set[str]:
    quoted = {token.strip() for token in QUOTED.findall(text or "")}
    return quoted | {token for token in NAMED.findall(QUOTED.sub("", text or ""))}


def _is_path(token: str) -> bool:
    return (bool(PATH.fullmatch(token)) and ("/" in token or Path(token).suffix in FILE_SUFFIXES)
            and re.search("[A-Za-z]", token) is not None and "/-" not in token and not _module_and_name(token))


def _module_and_name(token: str) -> str | None:
    """`core/view/params.PARAMS` (a module's file and a name in it) as the dotted `core.view.params.PARAMS`."""
    folder, _, last = token.rpartition("/")
    module, dot, name = last.partition(".")
    if not folder or not dot or "/" in name or "." + name in FILE_SUFFIXES:
        return None
    return f"{folder.replace('/', '.')}.{module}.{name}"


def _path_exists(token: str, where: str) -> bool:
    """Relative to the repository, to the quoting file's folder or one above it, or the end of a path in the
    repository (`map/build.py`, `assets/jcm-map.js`); a bare file name anywhere; a glob matching a file."""
    if token.startswith(NOT_IN_A_CHECKOUT) or token in ABSENT_ON_PURPOSE:
        return True
    token = token.rstrip("/")
    if "*" in token:
        return any(Path(name).match(token) for name in ALL_FILES)
    if "/" not in token:
        return any(name == token or name.endswith("/" + token) for name in ALL_FILES)
    folder = (REPO / where.split(":")[0]).parent
    bases = [REPO, folder, *folder.parents]
    return any((base / token).exists() for base in bases if REPO in (base, *base.parents)) or any(
        name.endswith("/" + token) for name in ALL_FILES)


def _module_file(parts: list[str]) -> tuple[Path | None, list[str]]:
    """The longest module prefix of a dotted name as a file, and the names that follow it."""
    for size in range(len(parts), 0, -1):
        base = REPO.joinpath(*parts[:size])
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate, parts[size:]
    return None, parts


def _defined(body: list[ast.stmt]) -> dict[str, ast.AST]:
    names: dict[str, ast.AST] = {}
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] = node
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        names[name.id] = node
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update({(alias.asname or alias.name).split(".")[0]: node for alias in node.names})
        elif isinstance(node, ast.If | ast.Try):
            names.update(_defined(node.body + getattr(node, "orelse", []) + getattr(node, "finalbody", [])))
    return names


def _dotted_exists(token: str) -> bool:
    """`core.data.rows.Cells`: a module of the project, then names defined in it (a class's own names too)."""
    module, rest = _module_file(token.removesuffix("()").split("."))
    if module is None:
        return False
    scope: ast.AST = ast.parse(module.read_text(encoding="utf-8"))
    for name in rest:
        found = _defined(scope.body).get(name) if isinstance(scope, ast.Module | ast.ClassDef) else None
        if found is None:
            return False
        if not isinstance(found, ast.ClassDef):  # a function's or a value's attributes are not checked
            return True
        scope = found
    return True


def _references() -> list[tuple[str, str]]:
    found = []
    for path in [p for p in TREE if p.suffix == ".md"] + [p for p in TREE if p.suffix == ".py"]:
        for where, token in _quoted(path):
            dotted = DOTTED.fullmatch(_module_and_name(token) or token)
            if dotted and dotted.group(1) in PACKAGES and not _is_path(token) and token not in MESSAGE_IDS:
                found.append((where, _module_and_name(token) or token))
            elif _is_path(token) and not token.startswith(("/", "..", "~")):
                found.append((where, token))
    return found


REFERENCES = _references()


def test_the_references_are_found() -> None:
    """The collector itself: the two kinds are there in numbers (a broken pattern would find none)."""
    assert sum(1 for _, token in REFERENCES if "/" in token) > 50
    assert sum(1 for _, token in REFERENCES if DOTTED.fullmatch(token) and "/" not in token) > 20


def test_every_quoted_path_exists() -> None:
    stale = [f"{where}: `{token}`" for where, token in REFERENCES if _is_path(token) and not _path_exists(token, where)]
    assert stale == []


def test_every_quoted_dotted_name_exists() -> None:
    stale = [f"{where}: `{token}`" for where, token in REFERENCES
             if not _is_path(token) and not _dotted_exists(token)]
    assert stale == []


@pytest.mark.parametrize(("token", "exists"), [
    ("core.data.rows.Cells", True), ("core.data.cells.Cells", False), ("core.view.params.PARAMS", True),
    ("ui.mapclick.publish_overlay", True), ("core.data.loading.DATA_FILES", True), ("core.nothing", False),
])
def test_a_dotted_name_is_looked_up_in_the_source(token: str, exists: bool) -> None:
    assert _dotted_exists(token) is exists


@pytest.mark.parametrize(("token", "exists"), [
    ("core/map/build.py", True), ("core/map/layout.py", False), ("map/build.py", True),
    ("tests/core/data/test_loading_*.py", True), ("static/map/", True), ("session.py", True), ("nothing.py", False),
])
def test_a_path_is_looked_up_in_the_tree(token: str, exists: bool) -> None:
    assert _path_exists(token, "ARCHITECTURE.md") is exists
