"""run.py from a fresh clone in a folder whose path has spaces and Japanese characters: it prepares
the environment, compiles the catalogues and starts the server, and Chromium draws the map.

To stay fast and offline, the clone's .venv is made beforehand with a .pth line that points at this
test run's own site-packages: run.py finds every pinned requirement installed and downloads nothing.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from tests.browser.browser_kit import wait_for_map
from tests.browser.conftest import REPO_ROOT, _require_browser, free_port, serve

FOLDER = "日中 マップ"  # as in C:\Users\山田\Desktop\日中 マップ


def _fresh_clone(where: Path) -> Path:
    """A clone of this repository's current commit (what a colleague gets from `git clone`)."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()
    clone = where / FOLDER / "地図 app"
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(REPO_ROOT), str(clone)], check=True)
    subprocess.run(["git", "checkout", "--quiet", head], cwd=clone, check=True)
    return clone


def _environment_with_our_packages(clone: Path) -> None:
    venv.EnvBuilder(with_pip=True).create(clone / ".venv")
    purelib = sysconfig.get_paths(vars={"base": str(clone / ".venv"), "platbase": str(clone / ".venv")})["purelib"]
    Path(purelib, "shared-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")


def test_run_py_starts_the_app_from_a_fresh_clone_in_a_japanese_path(tab, tmp_path: Path) -> None:
    _require_browser()
    clone = _fresh_clone(tmp_path)
    _environment_with_our_packages(clone)
    assert not list(clone.glob("locale/*/LC_MESSAGES/messages.mo"))  # git-ignored: run.py must make them
    port = free_port()
    command = [getattr(sys, "_base_executable", sys.executable), str(clone / "run.py"), "--port", str(port)]
    with serve(command, clone, port, tmp_path / "run.log") as base:
        tab.page.goto(f"{base}/")
        wait_for_map(tab.page)
        assert tab.page.get_by_text("日中都市間連携", exact=False).first.is_visible()
    assert sorted(p.parent.parent.name for p in clone.glob("locale/*/LC_MESSAGES/messages.mo")) == ["en", "ja", "zh"]
    assert (clone / ".venv" / ".installed-app").exists()
    log = (tmp_path / "run.log").read_text(encoding="utf-8", errors="replace")
    assert "--server.address" not in log  # not shared unless asked
