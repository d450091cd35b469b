"""Real-browser fixtures: the app in a Streamlit subprocess, Debian's Chromium driven by Playwright.

Never `playwright install` (it downloads a browser): the tests use /usr/bin/chromium (apt) and FAIL,
saying what to install, where it is missing (tests/needs.py: a test never skips). Every test gets a
fresh browser context that records each request URL; a request to any host other than the local
server fails the test.
"""

from __future__ import annotations

import csv
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import run
from bench.devices import other_device
from tests.needs import missing

REPO_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_DATA = REPO_ROOT / "data"
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}  # with any scheme (http, ws) on LOCAL_HOSTS
STARTUP_TIMEOUT = 60.0

# The place note and link note of the XSS data folder: HTML, a template literal, a backtick, a
# script end tag, a backslash (it once broke the whole map), Streamlit Markdown with a remote image,
# and a Jinja expression (branca re-renders element output as a template).
XSS_PAYLOAD = (
    '<img src=x onerror="window.__xss=1"> ${window.__xss=2} ` '
    "</script><script>window.__xss=3</script> C:\\users\\x "
    ":red[red] **bold** ![i](http://example.invalid/i.png) {{7*7}}"
)
XSS_PLACE = "天津市"
XSS_LINK = ("神戸市", "天津市")

try:  # Playwright is a test requirement; without it the module still imports and its tests fail.
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None


def _require_browser() -> None:
    """Fail (never skip) when Chromium or Playwright is not installed, saying how to install it."""
    if not CHROMIUM.exists():
        missing(f"Debian's Chromium ({CHROMIUM})", "apt-get install chromium fonts-noto-cjk (bash .ci/run does it)")
    if sync_playwright is None:
        missing("the playwright Python package", "make test (installs requirements-test.txt)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: real-browser test (Chromium + a Streamlit server)")


# --- the app as a subprocess ---------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def run_app(data_dir: Path, log_path: Path, streamlit_options: tuple[str, ...] = (),
            app_options: tuple[str, ...] = (), plain: bool = False) -> Iterator[str]:
    """Start `python -m ui.launch [streamlit_options] -- --data-dir DATA_DIR [app_options]` on a free
    port (`plain`: `streamlit run app.py …`, as a Streamlit user starts it by habit); yield its base URL."""
    port = free_port()
    launcher = ["streamlit", "run", "app.py"] if plain else ["ui.launch"]
    cmd = [sys.executable, "-m", *launcher, "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false", *streamlit_options,
           "--", "--data-dir", str(data_dir), *app_options]
    with serve(cmd, REPO_ROOT, port, log_path) as base:
        yield base


@contextmanager
def serve(cmd: list[str], cwd: Path, port: int, log_path: Path) -> Iterator[str]:
    """Run `cmd` (a server on `port`) in `cwd` until it answers /_stcore/health; yield its base URL;
    stop it afterwards."""
    env = dict(os.environ)
    env.pop("JCAIR_DATA_DIR", None)
    env.pop("JCAIR_ALLOW_EDIT", None)
    base = f"http://localhost:{port}"
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"streamlit exited with {proc.returncode}:\n{log_path.read_text(errors='replace')}")
                try:
                    with no_proxy.open(f"{base}/_stcore/health", timeout=2) as resp:
                        if resp.status == 200:
                            break
                except (urllib.error.URLError, OSError):
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"streamlit not healthy after {STARTUP_TIMEOUT:.0f} s:\n"
                                f"{log_path.read_text(errors='replace')[-3000:]}")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on the bundled data/ folder."""
    _require_browser()
    log = tmp_path_factory.mktemp("streamlit") / "app.log"
    with run_app(BUNDLED_DATA, log) as base:
        yield base


@pytest.fixture(scope="module", params=["launch", "plain"])
def launched_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on the bundled data, started by `make run`'s launcher and by plain `streamlit run app.py`."""
    _require_browser()
    log = tmp_path_factory.mktemp(request.param) / "app.log"
    with run_app(BUNDLED_DATA, log, plain=request.param == "plain") as base:
        yield base


def write_xss_data(folder: Path) -> Path:
    """A copy of data/*.csv (geocache included) with XSS_PAYLOAD in a place note and a link note."""
    folder.mkdir(parents=True, exist_ok=True)
    for src in BUNDLED_DATA.glob("*.csv"):
        shutil.copyfile(src, folder / src.name)

    def rewrite(name: str, change) -> None:
        path = folder / name
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            fields, rows = reader.fieldnames, list(reader)
        hits = sum(change(row) for row in rows)
        assert hits == 1, f"{name}: expected to change one row, changed {hits}"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)

    def place(row: dict) -> bool:
        if row["name_ja"] == XSS_PLACE:
            row["note"] = XSS_PAYLOAD
            return True
        return False

    def link(row: dict) -> bool:
        if (row["japan"], row["china"]) == XSS_LINK:
            row["note"] = XSS_PAYLOAD
            return True
        return False

    rewrite("places.csv", place)
    rewrite("partnerships.csv", link)
    return folder


@pytest.fixture(scope="module")
def xss_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second app whose data carries XSS_PAYLOAD (module-scoped: only the safety tests use it)."""
    _require_browser()
    root = tmp_path_factory.mktemp("xss")
    with run_app(write_xss_data(root / "data"), root / "app.log") as base:
        yield base


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app as `python run.py --share --allow-edit` starts it (0.0.0.0), on the bundled data; its
    base URL (the laptop's) and its console's log."""
    _require_browser()
    log = tmp_path_factory.mktemp("shared") / "app.log"
    with run_app(BUNDLED_DATA, log, run.SHARE_OPTIONS, ("--share", "--allow-edit")) as base:
        yield base, log


@pytest.fixture
def device_url(shared_app: tuple[str, Path]) -> Iterator[str]:
    """The shared app's address as another device on the room's network opens it (bench/devices.py)."""
    with other_device(urlsplit(shared_app[0]).port) as base:
        yield base


@pytest.fixture(scope="module")
def reference_overlay_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on the bundled data with the 25,917-pair reference set as its start-up overlay
    (`--overlay`); fails (never skips) where ../shared/datasets/ is missing."""
    from bench.reference import TWIN_CITIES

    _require_browser()
    if not TWIN_CITIES.exists():
        missing(f"the reference data set {TWIN_CITIES}", "it comes with the project's checkout in ../shared/datasets/")
    log = tmp_path_factory.mktemp("overlay") / "app.log"
    with run_app(BUNDLED_DATA, log, app_options=("--overlay", str(TWIN_CITIES))) as base:
        yield base


# --- the browser ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    _require_browser()
    with sync_playwright() as pw:
        # `launch` runs Chromium with a fresh temporary profile (user-data dir) every time.
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def is_local(url: str) -> bool:
    """On this machine: localhost or a loopback address (127.0.0.2 plays another device on the room's network)."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(parts.hostname or "").is_loopback
    except ValueError:
        return False


@dataclass
class Tab:
    """A page plus what it did: every request URL and every WebSocket frame it sent."""

    page: object
    requests: list[str] = field(default_factory=list)
    ws_sent: list[int] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return sorted({u for u in self.requests if not is_local(u)})

    def assert_only_local_requests(self) -> None:
        foreign = self.foreign_requests()
        assert not foreign, f"requests left localhost: {foreign}"


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    """A fresh context and page (no cookies, no storage); fails the test on any non-local request."""
    context = browser.new_context(viewport={"width": 1400, "height": 1500}, locale="ja-JP",
                                  service_workers="block")
    page = context.new_page()
    page.set_default_timeout(30_000)
    t = Tab(page)
    # Both listeners: the context one also sees requests of pages or workers the app might open.
    context.on("request", lambda request: t.requests.append(request.url))
    page.on("request", lambda request: t.requests.append(request.url))

    def websocket(ws) -> None:
        t.requests.append(ws.url)  # WebSockets are not "request" events
        ws.on("framesent", lambda payload: t.ws_sent.append(len(payload)))

    page.on("websocket", websocket)
    page.on("pageerror", lambda error: t.page_errors.append(str(error)))
    try:
        yield t
    finally:
        context.close()
    # Also checked here, so that a test that forgets to call it is still covered.
    t.assert_only_local_requests()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
