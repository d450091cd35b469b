"""Start the app's server: `python -m ui.launch [streamlit options] [-- app options]`.

What `make run` and the browser tests use instead of `streamlit run app.py`. Why: the pages live in
`pages/` (each file named by its URL path, registered by app.py's `st.navigation`), and until a server process has
seen its first `st.navigation` call Streamlit takes a `pages/` folder for its legacy multipage
layout: the first session of a fresh server resolves a deep link against the folder's file names
(each page then runs app.py in its place, ui.pagepath.through_app, and a path no file has gets
Streamlit's English "Page not found" dialog). Saying up front that the app does not use that
layout leaves the first run to app.py alone, and keeps the overlay uploader's
file chip (under the legacy routing Streamlit 1.67 dropped it after the upload's rerun).

It also starts the warm-up (ui/warmup.py) in a background thread: the first session's imports and
static files are ready by the time the browser has loaded Streamlit's page (they slow the serving of
that page, but the browser reads it meanwhile: waiting until it was served made the first map later,
bench/paint_timeline.py). The garbage collector waits until the warm-up is done (its full scans of
the start's objects cost 60-110 ms each). And it spares the first map what Streamlit would do for
nothing here (ui/streamlit_private.py): a 40 ms wait per request on a kept-alive connection (Nagle's
algorithm left on), a scan of every installed package for components, a walk of the stack on the
first element.

The app's own options (after `--`) are checked first (ui/arguments.py): a wrong one, or an
`--overlay` file that is missing or cannot be opened, stops the launcher with one line in the
terminal's language and exit code 2, before the server starts.

Example: `.venv/bin/python -m ui.launch --server.port 8502 -- --data-dir /path/to/folder`
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from pathlib import Path

from ui.arguments import ArgumentProblem, console_lang, overlay_problem, parse
from ui.streamlit_private import (
    PagesManager,
    Runtime,
    cli,
    no_component_scan,
    no_delayed_responses,
    no_direct_run_warning,
)

APP = Path(__file__).resolve().parent.parent / "app.py"


def warm_when_ready() -> None:
    """Run the warm-up once Streamlit's runtime exists: a component declared before it would be
    registered where the server never looks for it (ui/warmup.py never imports one, and this
    keeps it so if it ever did). Then let the garbage collector run again, with what is alive by
    now (modules, data, basemap, caches: ~245,000 objects, alive as long as the server) frozen
    out of its scans: a full scan of them took 60-110 ms holding the GIL, five times during the
    start and then now and then in the middle of a click. The few cycles the first runs left
    behind stay frozen too (well under a megabyte)."""
    try:
        while not Runtime.exists():
            time.sleep(0.05)
        from ui import session, share  # imported here: the server starts without waiting for them
        from ui.warmup import warm

        if session.sharing():  # the runtime knows its port now
            share.announce()

        warm()
    finally:
        gc.freeze()
        gc.enable()


def argument_problem(argv: list[str]) -> ArgumentProblem | None:
    """What is wrong with the app's own options in `argv` (those after `--`), or None."""
    args, problem = parse(tuple(argv[argv.index("--") + 1:] if "--" in argv else ()))
    if problem is None and args.overlay is not None:
        problem = overlay_problem(Path(args.overlay).expanduser())
    return problem


def main(argv: list[str] | None = None) -> None:
    """Run `streamlit run app.py` with `argv` (default: this process's arguments), in this process,
    with the warm-up in a background thread; exit 2 with one line when the app's options are wrong."""
    argv = sys.argv[1:] if argv is None else argv
    if (problem := argument_problem(argv)) is not None:
        print(problem.message(console_lang()), file=sys.stderr)
        raise SystemExit(2)
    PagesManager.uses_pages_directory = False  # app.py registers its pages with st.navigation
    no_delayed_responses()  # no 40 ms wait per request on a kept-alive connection
    no_direct_run_warning()  # `streamlit run` it is: not asked again in the first session's run
    no_component_scan()  # no installed package's metadata read before the server listens
    gc.disable()  # until the warm-up is done: see warm_when_ready
    threading.Thread(target=warm_when_ready, name="warm-up", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main()
