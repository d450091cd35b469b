"""What the browser benchmarks share: Debian's Chromium through Playwright, and map pages served
from a local folder laid out like the app's static files (so the map's relative asset URLs,
core/map/vendor.py, resolve as in st_folium's iframe), on 127.0.0.1 only.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from tempfile import TemporaryDirectory

from core.map.vendor import Delivery
from ui.staticfiles import ensure_static_assets, served_url

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


SERVED = Delivery(url=served_url)  # the map's files as the app serves them (MapPages puts them there)

class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class MapPages:
    """Writes rendered map pages under `root`/component/<name>/ and gives their URL."""

    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port = root, port

    def url(self, name: str, html: str) -> str:
        folder = self.root / "component" / name
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(html, encoding="utf-8")
        return f"http://127.0.0.1:{self.port}/component/{name}/index.html"


def browser_missing() -> str | None:
    """Why no browser figures can be measured here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (make install-test): no browser figures"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium): no browser figures"
    return None


@contextmanager
def map_pages() -> Iterator[tuple[object, MapPages]]:
    """(a Chromium browser, MapPages on a local server); both stopped at exit."""
    from playwright.sync_api import sync_playwright

    with TemporaryDirectory() as tmp, sync_playwright() as pw:
        root = Path(tmp)
        ensure_static_assets(root / "app")
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield browser, MapPages(root, server.server_port)
        finally:
            browser.close()
            server.shutdown()
