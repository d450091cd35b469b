"""Start the map on any laptop: `python run.py` (Windows: `py run.py`, or double-click run.cmd).

The one way to start the app (`make run` calls it too), written with Python's standard library only
so that it runs before anything is installed, the same on Windows, macOS and Linux:

1. creates the virtual environment `.venv` beside this file (once),
2. installs the locked requirements into it, each package checked against its hash (again only
   when the lock changed),
3. compiles the translation catalogues (a .po newer than its .mo),
4. starts the app's server (`python -m ui.launch`) with the options given here.

Paths may hold spaces and any characters (`C:\\Users\\山田\\Desktop\\日中 マップ`): nothing here goes
through a shell. `--venv DIR` uses another environment (one that already has the packages, e.g. a
test's); `--prepare-only` stops before the start.
"""

import sys

if sys.version_info < (3, 11):  # before any newer syntax is read: a clear message, not a traceback
    sys.exit("Python 3.11 or newer is needed (this is %d.%d). Install it and start again." % sys.version_info[:2])

import argparse  # noqa: E402 (after the version check, on purpose)
import os  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import venv  # noqa: E402
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath  # noqa: E402

ROOT = Path(__file__).resolve().parent
LOCK = "requirements.lock"  # requirements.txt's pins and all they need, with hashes (`make lock` writes it)
STAMP = ".installed-app"  # "installed after the lock last changed"
PIP = ("-m", "pip", "--disable-pip-version-check")  # the version check would ask the internet on every run
# --share: every interface of the laptop (without it Streamlit listens on localhost, .streamlit/config.toml).
# The app prints the addresses itself (ui/share.py): Streamlit's own welcome lines would ask a service
# on the internet for this laptop's public address.
SHARE_OPTIONS = ("--server.address", "0.0.0.0", "--logger.hideWelcomeMessage", "true")


def venv_python(venv_dir: PurePath, platform: str = sys.platform) -> PurePath:
    """The environment's interpreter: Scripts\\python.exe on Windows, bin/python elsewhere."""
    if platform.startswith("win"):
        return PureWindowsPath(venv_dir) / "Scripts" / "python.exe"
    return PurePosixPath(venv_dir) / "bin" / "python"


def stale(target: Path, sources: list[Path]) -> bool:
    """Make's rule: `target` is missing or older than one of `sources`."""
    if not target.exists():
        return True
    built = target.stat().st_mtime_ns
    return any(source.stat().st_mtime_ns > built for source in sources)


def run(command: list[str]) -> None:
    """Run one step; on failure stop with what failed (the step printed its own reason above)."""
    print("> " + " ".join(command), flush=True)
    if subprocess.call(command, cwd=ROOT) != 0:
        sys.exit("This step failed: %s\n(On Windows: close every window of the map first; a running app "
                 "keeps its files open.)" % " ".join(command))


def create(venv_dir: Path) -> Path:
    """The environment with pip, created when missing; its interpreter."""
    python = Path(venv_python(venv_dir))
    if not python.exists():
        print("Creating the environment in %s ..." % venv_dir, flush=True)
        venv.EnvBuilder(with_pip=True).create(venv_dir)
        run([str(python), *PIP, "install", "--quiet", "--upgrade", "pip"])
    return python


def install(python: Path, venv_dir: Path) -> None:
    """Exactly the locked packages, each checked against its hash, when the lock changed."""
    stamp = venv_dir / STAMP
    if not stale(stamp, [ROOT / LOCK]):
        return
    run([str(python), *PIP, "install", "--quiet", "--require-hashes", "--no-deps", "-r", LOCK])
    stamp.touch()


def compile_catalogues(python: Path) -> None:
    """locale/<lang>/LC_MESSAGES/messages.po → .mo where the .po is newer (pybabel, from the environment)."""
    for po in sorted((ROOT / "locale").glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if stale(mo, [po]):
            lang = po.parent.parent.name
            run([str(python), "-m", "babel.messages.frontend", "--quiet", "compile", "--domain", "messages",
                 "--locale", lang, "--input-file", str(po), "--output-file", str(mo)])


def server_command(python: PurePath, options: argparse.Namespace) -> list[str]:
    """`python -m ui.launch [streamlit options] -- [app options]` for these options."""
    command = [str(python), "-m", "ui.launch", "--server.port", str(options.port)]
    if options.share:
        command += SHARE_OPTIONS
    command.append("--")
    if options.data_dir:
        command += ["--data-dir", options.data_dir]
    if options.allow_edit:
        command.append("--allow-edit")
    if options.overlay:
        command += ["--overlay", options.overlay]
    if options.share:
        command.append("--share")
    return command


def parser() -> argparse.ArgumentParser:
    ask = argparse.ArgumentParser(description="Start the Japan-China air-quality cooperation map.")
    ask.add_argument("--port", type=int, default=8501, help="the server's port (default 8501)")
    ask.add_argument("--share", action="store_true",
                     help="let other devices on this network open the map, read-only (off by default)")
    ask.add_argument("--data-dir", help="show another data folder (the bundled data/ stays untouched)")
    ask.add_argument("--allow-edit", action="store_true",
                     help="add the password-protected page that records a meeting (this laptop only)")
    ask.add_argument("--overlay", help="a file of other partnerships every session shows")
    ask.add_argument("--venv", default=str(ROOT / ".venv"), help="the environment to use or create (default .venv)")
    ask.add_argument("--prepare-only", action="store_true", help="create and install, do not start")
    return ask


def main(argv: list[str] | None = None) -> int:
    options = parser().parse_args(argv)
    venv_dir = Path(options.venv).absolute()
    python = create(venv_dir)
    install(python, venv_dir)
    compile_catalogues(python)
    if options.prepare_only:
        return 0
    command = server_command(python, options)
    print("> " + " ".join(command), flush=True)
    # UTF-8 for the server's files and console whatever the system's code page (CP932 on Japanese Windows).
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONUTF8": "1"})
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())  # stopping this launcher stops the server
    try:
        return server.wait()
    except KeyboardInterrupt:  # Ctrl+C reached the server too: let it finish its own shutdown
        return server.wait()


if __name__ == "__main__":
    sys.exit(main())
