"""A standalone map page (`get_root().render()`) served like the app serves it: the map's own
script and stylesheet load from the static folder, and the sizes style.py defines are the ones
the browser draws with."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from browser_kit import BUNDLED_DATA

from core.map.build import build_map
from core.map.request import MapRequest
from core.map.style import CN_COLOR, FONT_LARGE_PX, LEGEND_MAX_PX, MARKER_SIZES, PAD_X, PAD_Y
from core.map.vendor import Delivery
from core.palette import BASEMAP_STYLES
from geocode.places import coordinates, load_folder
from ui.staticfiles import ensure_static_assets, served_url

SERVED = Delivery(url=served_url)  # the files as the app serves them, from the frame's folder


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest's output clean
        pass


@pytest.fixture
def standalone_url(tmp_path):
    """The bundled data's map page at <root>/component/map/index.html: its relative asset URLs
    (../../app/static/...) resolve into <root>/app/static/, as inside st_folium's iframe."""
    ds, cache = load_folder(BUNDLED_DATA)
    coords = coordinates(ds.places, cache)
    page = build_map(MapRequest(list(ds.places.values()), ds.partnerships, coords, lang="en", stage_of=ds.stage_of,
                     selected="天津市", width=1000, height=700), SERVED)
    (tmp_path / "component" / "map").mkdir(parents=True)
    (tmp_path / "component" / "map" / "index.html").write_text(page.get_root().render(), encoding="utf-8")
    ensure_static_assets(tmp_path / "app")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/component/map/index.html"
    finally:
        server.shutdown()
        server.server_close()


def _style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, "(e, p) => getComputedStyle(e).getPropertyValue(p)", prop)


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_standalone_page_draws_with_the_sizes_of_style_py(standalone_url, tab):
    page = tab.page
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(standalone_url)
    page.wait_for_selector(".leaflet-marker-pane .jcm-lb", state="attached")
    assert page.evaluate("() => typeof window.jcm.iconLayer") == "function"
    assert page.eval_on_selector_all(".leaflet-marker-pane .jcm-s", "els => els.length") == 21
    assert page.eval_on_selector_all(".leaflet-marker-pane .jcm-lb", "els => els.length") == 21
    assert _style(page, ".jcm-lb", "font-size") == f"{FONT_LARGE_PX}px"  # a 1000 px wide map is large
    assert _style(page, ".jcm-lb", "padding") == f"{PAD_Y}px {PAD_X}px"
    for kind, size in MARKER_SIZES.items():
        selector = f".leaflet-marker-pane .jcm-s[class*='_{kind}']"
        assert _style(page, selector, "width") == f"{size}px", kind
        assert _style(page, selector, "margin-top") == f"{-size / 2:g}px", kind
    assert _style(page, ".leaflet-marker-pane .jcm-cn_city", "background-color") == _rgb(CN_COLOR)
    assert _style(page, ".jcm-legend", "max-width") == f"{LEGEND_MAX_PX}px"
    assert _style(page, ".leaflet-container", "background-color") == _rgb(BASEMAP_STYLES["sea"])
    assert page.eval_on_selector_all(".leaflet-marker-pane .jcm-sel", "els => els.length") == 2  # marker + label
    assert not tab.page_errors
