"""run.py, the one start on every laptop: its Windows and POSIX paths (table-driven, the platform as a
parameter), the server command it builds, its make-like freshness rule, and run.cmd's content.

The start from a fresh clone in a path with spaces and Japanese characters is
tests/browser/test_run_browser.py (it ends with the map drawn in Chromium).
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

import run

ROOT = Path(__file__).resolve().parents[1]
RUN_CMD = (ROOT / "run.cmd").read_bytes()


@pytest.mark.parametrize(("platform", "venv_dir", "python"), [
    ("win32", r"C:\Users\山田\Desktop\日中 マップ\.venv",
     r"C:\Users\山田\Desktop\日中 マップ\.venv\Scripts\python.exe"),
    ("win32", r"D:\Program Files (x86)\map\.venv", r"D:\Program Files (x86)\map\.venv\Scripts\python.exe"),
    ("linux", "/home/yamada/日中 マップ/.venv", "/home/yamada/日中 マップ/.venv/bin/python"),
    ("darwin", "/Users/yamada/Desktop/日中 マップ/.venv", "/Users/yamada/Desktop/日中 マップ/.venv/bin/python"),
    ("cygwin", "/cygdrive/c/map/.venv", "/cygdrive/c/map/.venv/bin/python"),
])
def test_the_environment_s_interpreter_per_platform(platform: str, venv_dir: str, python: str) -> None:
    found = run.venv_python(PureWindowsPath(venv_dir) if platform == "win32" else PurePosixPath(venv_dir), platform)
    assert str(found) == python


@pytest.mark.parametrize(("argv", "streamlit", "app"), [
    ([], ["--server.port", "8501"], []),
    (["--port", "8600"], ["--server.port", "8600"], []),
    (["--share"], ["--server.port", "8501", "--server.address", "0.0.0.0", "--logger.hideWelcomeMessage", "true"],
     ["--share"]),
    (["--data-dir", r"C:\Users\山田\日中 データ", "--allow-edit", "--overlay", "/a b/ペア.csv"],
     ["--server.port", "8501"],
     ["--data-dir", r"C:\Users\山田\日中 データ", "--allow-edit", "--overlay", "/a b/ペア.csv"]),
])
def test_the_server_command_keeps_each_path_one_argument(argv: list[str], streamlit: list[str], app: list[str]) -> None:
    python = PureWindowsPath(r"C:\Users\山田\Desktop\日中 マップ\.venv\Scripts\python.exe")
    command = run.server_command(python, run.parser().parse_args(argv))
    assert command == [str(python), "-m", "ui.launch", *streamlit, "--", *app]


def test_sharing_is_off_unless_asked() -> None:
    assert "--server.address" not in run.server_command(PurePosixPath("/v/bin/python"), run.parser().parse_args([]))


@pytest.mark.parametrize(("target_age", "source_ages", "stale"), [
    (None, [10], True),  # never built
    (5, [10, 10], False),  # built after every source
    (5, [10, 3], True),  # one source changed since
])
def test_stale_is_make_s_rule(tmp_path: Path, target_age: int | None, source_ages: list[int], stale: bool) -> None:
    now = 1_700_000_000
    sources = []
    for n, age in enumerate(source_ages):
        source = tmp_path / f"requirements {n}.txt"
        source.write_text("x")
        os.utime(source, (now - age, now - age))
        sources.append(source)
    target = tmp_path / "日中 .installed-app"
    if target_age is not None:
        target.write_text("")
        os.utime(target, (now - target_age, now - target_age))
    assert run.stale(target, sources) is stale


def test_run_cmd_lines_end_with_crlf() -> None:
    """cmd.exe reads labels and `goto` wrongly in a file with bare LF line ends (.gitattributes keeps CRLF)."""
    assert RUN_CMD.count(b"\n") == RUN_CMD.count(b"\r\n") > 0


def test_run_cmd_is_ascii() -> None:
    """cmd.exe reads a batch file in the console's code page (CP932 on Japanese Windows): only ASCII
    means the same everywhere; the folder's own name comes from %~dp0 at run time."""
    RUN_CMD.decode("ascii")


def test_run_cmd_starts_run_py_from_its_own_folder_quoted() -> None:
    text = RUN_CMD.decode("ascii").replace("\r\n", "\n")
    assert 'cd /d "%~dp0"' in text
    starts = re.findall(r"^(py -3|python) (.*)$", text, re.M)
    assert [command for command, _ in starts] == ["py -3", "python"]
    assert all(rest == '"%~dp0run.py" %*' for _, rest in starts)  # quoted: spaces; %*: options pass through


def test_run_cmd_has_no_parenthesised_block() -> None:
    """In `if ... ( ... )`, a `)` in the expanded folder name (Program Files (x86)) ends the block early."""
    for line in RUN_CMD.decode("ascii").splitlines():
        if not line.startswith(("rem", "echo")):
            assert "(" not in line and ")" not in line, line


def test_run_cmd_keeps_the_window_open_after_a_failure() -> None:
    """A double-clicked window closes when its script ends: the reason must stay readable."""
    assert RUN_CMD.decode("ascii").splitlines()[-2:] == ["if errorlevel 1 pause", "endlocal"]


def test_gitattributes_keeps_run_cmd_crlf() -> None:
    assert "run.cmd text eol=crlf" in (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
