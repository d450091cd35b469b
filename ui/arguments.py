"""The app's own start-up options (after `--`): `--data-dir DIR`, `--allow-edit`, `--overlay FILE`, `--share`.

Kept apart from ui/session.py so that the launcher (ui/launch.py) checks them in a fraction of a
second, before the server starts: a wrong option is one line and exit code 2 there, and the same
line on the page when the app is started with plain `streamlit run app.py -- …`. Never argparse's
own exit, which inside a Streamlit script left a blank page and the reason only in the console.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from common.i18n import DEFAULT_LANG, LANGS, t

OPTIONS = ("--data-dir", "--allow-edit", "--overlay", "--share")
FLAGS = ("--allow-edit", "--share")
PROBLEMS = ("unknown_option", "missing_value", "flag_value", "overlay_missing", "overlay_unreadable")


@dataclass(frozen=True)
class ArgumentProblem:
    """What is wrong with one option: `code` is a catalogue key (`startup.<code>`)."""

    code: str
    option: str
    value: str = ""
    detail: str = ""

    def message(self, lang: str) -> str:
        return t(f"startup.{self.code}", lang, option=self.option, value=self.value, detail=self.detail,
                 options=", ".join(OPTIONS))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: ANN201 - argparse's own exit, never taken
        raise argparse.ArgumentError(None, message)


@cache
def parse(argv: tuple[str, ...]) -> tuple[argparse.Namespace, ArgumentProblem | None]:
    """The options, and the first problem with them (None when there is none). Parsed once per
    argument list: a rerun asks for them over a hundred times (0.5 ms each)."""
    parser = _Parser(add_help=False, allow_abbrev=False, exit_on_error=False)  # "--allow" must not mean --allow-edit
    parser.add_argument("--data-dir")
    parser.add_argument("--allow-edit", action="store_true")
    parser.add_argument("--overlay")
    parser.add_argument("--share", action="store_true")
    defaults = parser.parse_args([])
    try:
        args, extra = parser.parse_known_args(argv)
    except argparse.ArgumentError as exc:
        option = exc.argument_name or ""
        if option in FLAGS:
            value = next((a.partition("=")[2] for a in argv if a.startswith(f"{option}=")), "")
            return defaults, ArgumentProblem("flag_value", option, value)
        return defaults, ArgumentProblem("missing_value", option)
    if extra:
        return defaults, ArgumentProblem("unknown_option", extra[0])
    for option in ("--data-dir", "--overlay"):
        if getattr(args, option[2:].replace("-", "_")) == "":
            return defaults, ArgumentProblem("missing_value", option)
    return args, None


def overlay_problem(path: Path) -> ArgumentProblem | None:
    """A start-up overlay file that does not exist or cannot be opened (tried without blocking,
    so a FIFO does not hang the start); what is wrong inside it is the overlay reader's to say."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return ArgumentProblem("overlay_missing", "--overlay", str(path))
    except OSError as exc:
        return ArgumentProblem("overlay_unreadable", "--overlay", str(path), exc.strerror or str(exc))
    os.close(fd)
    return None


def console_lang() -> str:
    """The language of the terminal the launcher runs in (LANGUAGE, LC_ALL, LC_MESSAGES, LANG,
    e.g. ja_JP.UTF-8), else Japanese: the app's default."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        lang = os.environ.get(name, "")[:2]
        if lang in LANGS:
            return lang
    return DEFAULT_LANG
