"""`make lock`: compile requirements*.txt into hash-pinned lock files with uv, from pip's own package sources.

uv reads no pip configuration, so the index, extra indexes and find-links pip is set up with (pip.conf files,
PIP_* variables: `pip config list`) are passed to it: the lock resolves against what `make install` reaches.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# lock file -> the requirement files it pins (the test lock holds the app's pins too, at the same versions)
LOCKS = {
    "requirements.lock": ("requirements.txt",),
    "requirements-test.lock": ("requirements.txt", "requirements-test.txt"),
}
# pip option -> uv option (each takes a value, several values separated by spaces as pip reads them)
SOURCE_OPTIONS = {"index-url": "--index-url", "extra-index-url": "--extra-index-url", "find-links": "--find-links"}
# later sections override earlier ones, as in pip: [global] < [install] < PIP_* variables
SECTIONS = ("global", "install", ":env:")


def pip_settings(config_list: str) -> dict[str, str]:
    """The effective install settings from `pip config list` lines (`section.key='value'`)."""
    found: dict[str, dict[str, str]] = {}
    for line in config_list.splitlines():
        name, _, value = line.partition("=")
        section, _, key = name.rpartition(".")
        found.setdefault(section, {})[key] = shlex.split(value)[0] if value else ""
    settings: dict[str, str] = {}
    for section in SECTIONS:
        settings.update(found.get(section, {}))
    return settings


def uv_sources(settings: dict[str, str]) -> list[str]:
    """uv's options naming the same package sources as pip's settings."""
    options = ["--no-index"] if settings.get("no-index", "").lower() in ("1", "true", "yes", "on") else []
    for pip_key, uv_option in SOURCE_OPTIONS.items():
        for value in settings.get(pip_key, "").split():
            options += [uv_option, value]
    # pip may reach several indexes and picks the best version among them: uv's default stops at the first
    return options + ["--index-strategy", "unsafe-best-match"]


def main() -> None:
    config = subprocess.run([sys.executable, "-m", "pip", "config", "list"], check=True, capture_output=True, text=True)
    settings = pip_settings(config.stdout)
    env = dict(os.environ, SSL_CERT_FILE=settings["cert"]) if settings.get("cert") else None
    uv = [sys.executable, "-m", "uv", "pip", "compile", "--quiet", "--generate-hashes", "--universal",
          "--python-version", "3.11", "--custom-compile-command", "make lock", *uv_sources(settings)]
    for lock, requirements in LOCKS.items():
        subprocess.run([*uv, *requirements, "--output-file", lock], check=True, cwd=ROOT, env=env)


if __name__ == "__main__":
    main()
