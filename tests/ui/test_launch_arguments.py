"""Wrong start-up options stop the launcher with one line and exit code 2 before the server
starts, and show that line on the page under plain `streamlit run app.py -- …`: never a blank page."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from common.i18n import t
from ui import arguments, launch

REPO = Path(__file__).resolve().parents[2]
OPTIONS = "--data-dir, --allow-edit, --overlay, --share"


def _launch(app_args: list[str], lang: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = {"ja": "ja_JP.UTF-8", "en": "en_US.UTF-8"}[lang]
    return subprocess.run([sys.executable, "-m", "ui.launch", "--server.port", "8597", "--server.headless", "true",
                           "--", *app_args], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(("app_args", "code", "option", "value"), [
    (["--overlay"], "missing_value", "--overlay", ""),
    (["--data-dir", "data", "--overlay"], "missing_value", "--overlay", ""),
    (["--overlay", ""], "missing_value", "--overlay", ""),
    (["--allow-edit=yes"], "flag_value", "--allow-edit", "yes"),
    (["--bad"], "unknown_option", "--bad", ""),
    (["--allow"], "unknown_option", "--allow", ""),  # never taken for --allow-edit
    (["--overlay", "no-such-pairs.csv"], "overlay_missing", "--overlay", "no-such-pairs.csv"),
])
def test_a_wrong_option_stops_the_launcher_with_one_line(lang: str, app_args: list[str], code: str, option: str,
                                                         value: str) -> None:
    run = _launch(app_args, lang)
    said = t(f"startup.{code}", lang, option=option, value=value, options=OPTIONS)
    assert (run.returncode, run.stderr, run.stdout) == (2, said + "\n", "")  # no "You can now view…": no server


def test_an_overlay_file_that_cannot_be_opened_is_said(tmp_path: Path, monkeypatch) -> None:
    """Tests run as root, who may read anything: the refusal to open is simulated where it happens."""
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b\n")
    os.chmod(pairs, 0)

    def refused(path, flags, *args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(arguments.os, "open", refused)
    problem = launch.argument_problem(["--server.port", "1", "--", "--overlay", str(pairs)])
    assert problem is not None
    assert problem.message("en") == (f"The overlay file {pairs} cannot be read (Permission denied): check its "
                                     "permissions, or give another file to --overlay.")


def test_good_options_are_no_problem(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b\n")
    assert launch.argument_problem(["--", "--data-dir", "data", "--allow-edit", "--overlay", str(pairs)]) is None
    assert launch.argument_problem(["--server.port", "8501"]) is None
