"""`python -m export`: the current view as PNG, SVG, PDF, HTML or a one-slide deck, or with
`--tour` the guided tour as a deck (pptx) or an A4 handout (pdf), for report writers.

The view options are the app's URL parameters, generated from the registry (`core.view.params.PARAMS`):
`--province 河北省 --from 1980 --to 1985` means what `?province=河北省&from=1980&to=1985` means.
Every error is one message in the reader's language (`--lang`, else Japanese) and an exit code,
never a traceback: 2 for a bad option (like argparse), 1 when the data, the font or the output
file fail. The data folder is only read; the one file written is `--out`, and an existing `--out`
its owner protected (read-only) is refused and left as it was.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from common.atomicwrite import protected, write_atomic
from common.i18n import DEFAULT_LANG, LANGS, t
from core.data.errors import DataLoadError
from core.data.loading import data_dir_from_env
from core.edit.save import RecoveryFailed, recover
from core.view.basemaps import BASEMAPS
from core.view.params import PARAMS, Allowed, LinkRef, Param, PlaceRef, Year
from core.view.state import Ignored
from core.view.tour import load_tour
from export.drawing import Drawing, load_view
from export.fonts import NoCjkFont
from export.render import FORMATS, PACK_FORMATS, SIZES, render, render_tour

SIZE_LIMITS = ((640, 480), (7680, 4320))  # from a small e-mail picture to an 8K screen
_SIZE = re.compile(r"(\d{2,5})[x×X](\d{2,5})")
BAD_OPTION, FAILED = 2, 1
_FATAL = ("unknown", "repeated")  # what a URL only warns about, an option may not do


class _Parser(argparse.ArgumentParser):
    """argparse with its errors introduced in the reader's language and exit code 2."""

    lang = DEFAULT_LANG

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(BAD_OPTION, t("export.cli.usage", self.lang, detail=message) + "\n")


def _lang(argv: Sequence[str]) -> str:
    """The --lang given (even before the whole command line is understood), else Japanese."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if value and value.split(",")[0] in LANGS:  # the first of `--lang ja,zh`
            return value.split(",")[0]
    return DEFAULT_LANG


def parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    p = _Parser(prog="python -m export", description=t("export.cli.description", lang))
    p.lang = lang
    p.add_argument("--format", required=True, choices=FORMATS, help=t("export.cli.help.format", lang))
    p.add_argument("--out", required=True, type=Path, help=t("export.cli.help.out", lang))
    p.add_argument("--size", default="x".join(map(str, SIZES[0])), help=t("export.cli.help.size", lang))
    p.add_argument("--data-dir", help=t("export.cli.help.data_dir", lang))
    p.add_argument("--tour", action="store_true", help=t("export.cli.help.tour", lang))
    for param in PARAMS:  # the app's URL parameters, one option each
        help_text = param.label.text(lang) if param.label else None
        p.add_argument(f"--{param.name}", dest=f"p_{param.name}", action="append", metavar="VALUE", help=help_text)
    return p


def _size(text: str, lang: str) -> tuple[int, int] | str:
    """(width, height) from "1920x1080", or the message saying why not."""
    match = _SIZE.fullmatch(text.strip())
    (w0, h0), (w1, h1) = SIZE_LIMITS
    if match and w0 <= int(match[1]) <= w1 and h0 <= int(match[2]) <= h1:
        return int(match[1]), int(match[2])
    return t("export.cli.bad_size", lang, value=text, min=f"{w0}x{h0}", max=f"{w1}x{h1}")


def _choices(param: Param, allowed: Allowed, lang: str) -> str:
    """The values an option takes, as the reader can type them."""
    if isinstance(param, Year):
        lo, hi = allowed.years or ("", "")
        return f"{lo}–{hi}"
    if isinstance(param, PlaceRef):
        return ", ".join(p.names.get(lang) for p in allowed.dataset.places.values())
    if isinstance(param, LinkRef):
        return ", ".join(sorted(allowed.links))
    try:
        return ", ".join(param.show(v, lang, allowed) for v in param.options(allowed))
    except NotImplementedError:  # a flag
        return "0, 1"


def _explain(item: Ignored, allowed: Allowed, lang: str) -> str:
    param = next(p for p in PARAMS if p.name == item.param)
    if item.reason == "repeated":
        return t("export.cli.repeated", lang, option=item.param, value=item.value)
    return t("export.cli.bad_value", lang, option=item.param, value=item.value,
             choices=_choices(param, allowed, lang))


def _languages(args: argparse.Namespace, lang: str) -> tuple[list[str], str | None]:
    """The languages of `--lang ja,zh` (a list only with --tour) and the message saying why not."""
    given = args.p_lang[0] if args.p_lang and len(args.p_lang) == 1 else ""
    if "," not in given:
        return [], None
    langs = [v.strip() for v in given.split(",")]
    if not args.tour:
        return [], t("export.cli.one_lang", lang, value=given)
    bad = next((v for v in langs if v not in LANGS), None)
    if bad is not None:
        return [], t("export.cli.bad_value", lang, option="lang", value=bad, choices=", ".join(LANGS))
    return langs, None


def _tour(view: Drawing, folder: Path, fmt: str, langs: list[str], lang: str) -> bytes | int:
    """The tour's deck or handout, or the exit code after saying why not."""
    try:
        tour = load_tour(folder, view.dataset)
    except DataLoadError as exc:
        print(t("export.cli.data_error", lang, folder=str(folder)), *exc.messages(lang), sep="\n", file=sys.stderr)
        return FAILED
    if not tour:
        print(t("export.cli.no_tour", lang, folder=str(folder)), file=sys.stderr)
        return FAILED
    return render_tour(view, fmt, tour, langs, workers=os.cpu_count() or 1)  # a command line may fork


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(argv)
    args = parser(lang).parse_args(argv)
    size = _size(args.size, lang)
    if isinstance(size, str):
        print(size, file=sys.stderr)
        return BAD_OPTION
    if protected(args.out):  # a file the user made read-only is never replaced, not even by root
        print(t("export.cli.protected", lang, file=str(args.out)), file=sys.stderr)
        return FAILED
    if args.out.exists() and not args.out.is_file():  # a rename would put a picture in place of /dev/null
        print(t("export.cli.not_a_file", lang, file=str(args.out)), file=sys.stderr)
        return FAILED
    if args.tour and args.format not in PACK_FORMATS:
        print(t("export.cli.tour_format", lang, value=args.format), file=sys.stderr)
        return BAD_OPTION
    langs, refused = _languages(args, lang)
    if refused:
        print(refused, file=sys.stderr)
        return BAD_OPTION
    if langs:
        args.p_lang = langs[:1]
    query = {param.name: getattr(args, f"p_{param.name}") for param in PARAMS
             if getattr(args, f"p_{param.name}") is not None}
    folder = data_dir_from_env(args.data_dir)
    try:
        recovered = recover(folder)  # a save a kill interrupted is ended before anything is read
        view, ignored = load_view(folder, query)
    except RecoveryFailed as exc:
        print(exc.message(lang), file=sys.stderr)
        return FAILED
    except DataLoadError as exc:
        print(t("export.cli.data_error", lang, folder=str(folder)), *exc.messages(lang), sep="\n", file=sys.stderr)
        return FAILED
    if recovered:
        print(recovered.message(lang), file=sys.stderr)
    allowed = Allowed(view.dataset, tuple(BASEMAPS))
    fatal = [_explain(i, allowed, lang) for i in ignored if i.reason in _FATAL]
    if fatal:
        print(*fatal, sep="\n", file=sys.stderr)
        return BAD_OPTION
    for item in ignored:  # a year moved into the data's range, a range written backwards: said, used
        print(t(f"warn.url.{item.reason}", lang, param=item.param, value=item.value, used=item.used), file=sys.stderr)
    try:
        data = _tour(view, folder, args.format, langs, lang) if args.tour else render(view, args.format, size)
    except NoCjkFont as exc:
        print(t("export.cli.no_font", lang, families=str(exc)), file=sys.stderr)
        return FAILED
    if isinstance(data, int):
        return data
    try:
        write_atomic(args.out, data)
    except OSError as exc:
        print(t("export.cli.write_error", lang, file=str(args.out), error=exc.strerror or str(exc)), file=sys.stderr)
        return FAILED
    print(t("export.cli.written", lang, file=str(args.out), kb=max(1, round(len(data) / 1024))))
    return 0
