"""Helpers shared by the browser tests: finding the st_folium map and reading what it draws.

st_folium runs the map script in a same-origin iframe and names the Leaflet map `map_div`;
every drawn feature carries `properties.id` ("place:<key>" or "link:<japan>–<china>", see
core/map/features.py), which is what the tests read instead of display text.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from urllib.parse import quote

from common.i18n import LANGS, t

REPO_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_DATA = REPO_ROOT / "data"
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
MAP_TIMEOUT = 60_000  # the first run of a fresh server imports folium & co.

# The map page's notice that the filters leave nothing to draw (pages/map.py), in every language.
_EMPTY = [t("map.empty", lang) for lang in LANGS]
# JS run in the main page: the map window once Leaflet has drawn it (its features, or nothing when
# the page says that the filters leave nothing), else null.
_MAP_WINDOW = """() => {
  const f = document.querySelector(%s);
  const w = f && f.contentWindow;
  if (!w || !w.map_div || !w.document.querySelector('.leaflet-container')) return null;
  if (w.document.querySelector('.leaflet-marker-pane .jcm-s')
      || w.document.querySelector('.leaflet-overlay-pane path.leaflet-interactive')) return w;
  const empty = %s, main = document.querySelector('[data-testid="stMain"]');
  return w.map_div._loaded && main && empty.some(text => main.innerText.includes(text)) ? w : null;
}""" % (json.dumps(MAP_IFRAME), json.dumps(_EMPTY, ensure_ascii=False))

# JS run in the map frame: ids of the features Leaflet has on the map, by kind.
FEATURE_IDS = """() => {
  const out = {link: [], place: []};
  map_div.eachLayer(l => {
    const id = l.feature && l.feature.properties && l.feature.properties.id;
    if (typeof id === 'string' && l._map && (l._path || l._icon)) {
      const kind = id.split(':')[0];
      if (kind in out && !out[kind].includes(id)) out[kind].push(id);
    }
  });
  return out;
}"""


# JS in the main page: what is wrong with the presenter view's layout, as text (none: nothing to
# say): two of its floating panels or of the map's controls whose boxes meet, or one not wholly in
# the window. The panels are the page's (Streamlit containers keyed jcm_*, position fixed), the
# controls Leaflet's (zoom, scale, attribution, legend, key, timeline), in the same pixels: the
# presenter's map fills the window from its top left.
LAYOUT_PROBLEMS = """() => {
  const boxes = [], out = [];
  const shown = (el, view) => { const s = view.getComputedStyle(el), r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
  document.querySelectorAll('[class*="st-key-jcm_"]').forEach(el => {
    if (getComputedStyle(el).position === 'fixed' && shown(el, window)) {
      boxes.push([[...el.classList].find(c => c.startsWith('st-key-')), el.getBoundingClientRect()]);
    }
  });
  const f = document.querySelector(%s), w = f && f.contentWindow;
  if (w) {
    w.document.querySelectorAll('.leaflet-control').forEach(el => {
      if (shown(el, w)) boxes.push([el.className.split(' ').filter(c => c !== 'leaflet-control').join('.'),
                                    el.getBoundingClientRect()]);
    });
  }
  const px = r => [r.left, r.top, r.right, r.bottom].map(Math.round).join(',');
  boxes.forEach(([name, r], i) => {
    if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
      out.push(name + ' [' + px(r) + '] is cut by the window');
    }
    boxes.slice(i + 1).forEach(([other, q]) => {
      if (r.left < q.right - 0.5 && q.left < r.right - 0.5 && r.top < q.bottom - 0.5 && q.top < r.bottom - 0.5) {
        out.push(name + ' [' + px(r) + '] meets ' + other + ' [' + px(q) + ']');
      }
    });
  });
  return out;
}""" % json.dumps(MAP_IFRAME)


def assert_laid_out(page, timeout_ms: float = 10_000) -> None:
    """Wait until no panel or map control of the presenter view meets another or leaves the window
    (they settle after a rerun or a turn of the phone), else fail with what is wrong."""
    from playwright.sync_api import TimeoutError as NeverSettled

    try:
        page.wait_for_function(f"() => ({LAYOUT_PROBLEMS})().length === 0", timeout=timeout_ms)
    except NeverSettled:
        problems = page.evaluate(LAYOUT_PROBLEMS)
        assert not problems, f"at {page.viewport_size}: " + "; ".join(problems)


# JS in the map frame: frame-viewport pixels of points along a link's clickable path, at
# fractions 0.5, 0.5 ± 1/80, 0.5 ± 2/80, ... of its length, within the middle `share` of it.
LINK_FROM_MIDDLE = """([id, share]) => {
  let path = null;
  map_div.eachLayer(l => {
    const takesClicks = l._path && l.feature && l.options.interactive !== false;
    if (!path && takesClicks && l.feature.properties.id === id) path = l._path;
  });
  if (!path) return null;
  const n = path.getTotalLength(), ctm = path.getScreenCTM(), out = [];
  for (let k = 0; k <= 40 * share; k++) {
    for (const f of k ? [0.5 + k / 80, 0.5 - k / 80] : [0.5]) {
      const p = path.getPointAtLength(f * n), q = new DOMPoint(p.x, p.y).matrixTransform(ctm);
      out.push([q.x, q.y]);
    }
  }
  return out;
}"""

# JS in the map frame: the feature id (or the element's class) of what takes a click at a point.
TOP_AT = """([x, y]) => {
  const el = document.elementFromPoint(x, y);
  let id = null;
  map_div.eachLayer(l => {
    if (!id && l.feature && (l._path === el || (l._icon && l._icon.contains(el)))) id = l.feature.properties.id;
  });
  return id || (el ? el.tagName + '.' + el.getAttribute('class') : null);
}"""


def url(base: str, **params: str) -> str:
    query = "&".join(f"{quote(k)}={quote(v)}" for k, v in params.items())
    return f"{base}/?{query}" if query else f"{base}/"


def wait_for_map(page, condition: str = "true", timeout: int = MAP_TIMEOUT):
    """Wait until the map iframe exists (it stays hidden until the map initialises, hence
    state="attached") and Leaflet has drawn into it, and `condition` (JS expression over `w`, the
    frame's window) holds; return (iframe ElementHandle, Frame)."""
    page.wait_for_selector(MAP_IFRAME, state="attached", timeout=timeout)
    page.wait_for_function(
        "() => { const w = (%s)(); if (!w) return false; try { return !!(%s); } catch (e) { return false; } }"
        % (_MAP_WINDOW, condition),
        timeout=timeout,
    )
    handle = page.query_selector(MAP_IFRAME)
    frame = handle.content_frame()
    frame.wait_for_selector(".leaflet-container", timeout=timeout)
    # Labels are re-laid (their elements replaced) on every zoom: let fitBounds & co. finish.
    frame.evaluate(_SETTLE)
    return handle, frame


# Resolves once the map has had no zoom/move event for 400 ms (at most 5 s).
_SETTLE = """() => new Promise(resolve => {
  const events = 'zoomstart zoomend movestart moveend';
  let timer = null;
  const done = () => { map_div.off(events, reset); resolve(true); };
  const reset = () => { clearTimeout(timer); timer = setTimeout(done, 400); };
  map_div.on(events, reset);
  reset();
  setTimeout(done, 5000);
})"""

# In the map frame: true once the web fonts are in and the label layout has run since the map last
# moved, with no pass pending (jcm-labels.js sets data-labels-settled; a pass is never run while a
# zoom or pan animation is under way).
_LAYOUT_SETTLED = """() => document.fonts.status === 'loaded'
  && map_div.getContainer().getAttribute('data-labels-settled') === 'true'"""


def settled(frame) -> None:
    """Wait until the map stands still and its labels are laid out for good."""
    frame.evaluate(_SETTLE)
    frame.wait_for_function(_LAYOUT_SETTLED)


def place_marker(frame, name: str):
    """A Locator for a place's marker, by its data-place (its label may be a numbered badge, or
    hidden where there is no room beside the marker)."""
    return frame.locator(".leaflet-marker-pane .jcm-s[data-place=%s]" % json.dumps(name, ensure_ascii=False))


def link_paths(frame) -> int:
    """SVG paths of the clickable (link) layer; the offline basemap is drawn non-interactive."""
    return frame.evaluate("() => document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length")


def place_markers(frame) -> int:
    return frame.evaluate("() => document.querySelectorAll('.leaflet-marker-pane .jcm-s').length")


def feature_ids(frame) -> dict[str, list[str]]:
    return frame.evaluate(FEATURE_IDS)


def bundled_link_ids(data_dir: Path) -> set[str]:
    with open(data_dir / "partnerships.csv", encoding="utf-8-sig", newline="") as f:
        return {f"link:{row['japan']}–{row['china']}" for row in csv.DictReader(f)}


def bundled_place_ids(data_dir: Path) -> set[str]:
    with open(data_dir / "places.csv", encoding="utf-8-sig", newline="") as f:
        return {f"place:{row['name_ja']}" for row in csv.DictReader(f)}


def place_element(frame, key: str, layer: str = "marker"):
    """The DOM element of a place's marker (`.jcm-s`) or label (`.jcm-lb`), found through Leaflet
    by its feature id, not by its position."""
    cls = "jcm-s" if layer == "marker" else "jcm-lb"
    handle = frame.evaluate_handle(
        """([id, cls]) => {
          let found = null;
          map_div.eachLayer(l => {
            if (!found && l._icon && l.feature && l.feature.properties.id === id) {
              const el = l._icon.querySelector('.' + cls);
              if (el) found = el;
            }
          });
          return found;
        }""",
        [f"place:{key}", cls],
    )
    element = handle.as_element()
    assert element is not None, f"no {layer} for place {key} on the map"
    return element


def empty_map_point(frame) -> tuple[float, float]:
    """A point (frame pixels) where the map itself, not a marker, line or control, takes the mouse:
    a drag starting there pans the map."""
    point = frame.evaluate("""() => {
      const box = map_div.getContainer().getBoundingClientRect();
      for (let fy = 0.2; fy < 0.9; fy += 0.05) {
        for (let fx = 0.1; fx < 0.6; fx += 0.05) {
          const x = box.left + box.width * fx, y = box.top + box.height * fy;
          const el = document.elementFromPoint(x, y);
          if (el && !el.closest('.leaflet-marker-pane, .leaflet-control-container, .leaflet-tooltip-pane')
              && !(el.classList && el.classList.contains('leaflet-interactive'))) return [x, y];
        }
      }
      return null;
    }""")
    assert point, "no empty spot on the map to drag from"
    return point[0], point[1]


def wait_until(page, predicate, message: str, timeout: float = 15.0) -> None:
    """Poll a Python-side condition (e.g. on recorded events), letting Playwright deliver events."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, message
        page.wait_for_timeout(50)


def main_text(page) -> str:
    """Visible text of the main area (the dataframes are canvases: their cells are not in it)."""
    return page.locator('[data-testid="stMain"]').inner_text()


def wait_main_text(page, text: str, present: bool = True, timeout: int = 30_000) -> None:
    page.wait_for_function(
        "([t, want]) => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return !!m && m.innerText.includes(t) === want; }",
        arg=[text, present],
        timeout=timeout,
    )


IDLE = """() => new Promise(resolve => {
  let calm = 0;
  const busy = () => document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]');
  const tick = () => { calm = busy() ? 0 : calm + 1; if (calm >= 5) resolve(true); else setTimeout(tick, 100); };
  tick();
})"""


def idle(page) -> None:
    """Wait until Streamlit has finished its reruns (nothing running, nothing stale for 0.5 s)."""
    page.evaluate(IDLE)


# The view the last finished run drew (ui/controls.expose): its query, selection and tour step.
VIEW_ATTRS = """() => { const el = document.querySelector('[data-jcm-view]');
  return el ? Object.fromEntries([...el.attributes].filter(a => a.name.startsWith('data-'))
                                  .map(a => [a.name.slice(5), a.value])) : null; }"""


def address(page) -> str:
    """The address bar as the page itself has it (`location.href`), not Playwright's record of it."""
    return page.evaluate("() => location.href")


def view_attrs(page) -> dict[str, str]:
    """The page's view attributes (`query`, `place`, `link`, `step`, `present`, `lang`, `run`)."""
    return page.evaluate(VIEW_ATTRS) or {}


def wait_view(page, timeout: int = 30_000, **expected: str) -> dict[str, str]:
    """Wait until a finished run shows `expected` (e.g. place="天津市") and Streamlit is idle."""
    page.wait_for_function("(want) => { const v = (%s)(); return !!v && Object.entries(want)"
                           ".every(([k, x]) => v[k] === x); }" % VIEW_ATTRS, arg=expected, timeout=timeout)
    idle(page)
    return view_attrs(page)


def link_point(frame, handle, link_id: str) -> tuple[float, float]:
    """A page point on a link's line where the link itself takes the click (nothing above it)."""
    box = handle.bounding_box()
    for x, y in frame.evaluate(LINK_FROM_MIDDLE, [link_id, 0.6]):
        if frame.evaluate(TOP_AT, [x, y]) == link_id:
            return box["x"] + x, box["y"] + y
    raise AssertionError(f"no point of {link_id} takes a click")


def click_at(page, element) -> None:
    """A person's click: the mouse at the centre of the element's box (frame elements' boxes are in
    page pixels), no scrolling into view, no retry. A centre outside the window fails: no one can
    click there, and the click would land nowhere."""
    box = element.bounding_box()
    assert box, "the element has no box"
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    size = page.viewport_size
    assert 0 <= x < size["width"] and 0 <= y < size["height"], f"the element's centre ({x:.0f}, {y:.0f}) is off screen"
    page.mouse.click(x, y)


def scroll_to(page, element) -> None:
    """Scroll the element into view as a person scrolls to it, and wait until it stays put (the
    sidebar may still be moving) before a click is aimed at it."""
    page.wait_for_function("""el => new Promise(resolve => {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight) el.scrollIntoView({block: 'center', behavior: 'instant'});
      let last = '', same = 0;
      const look = () => { const b = el.getBoundingClientRect(), now = `${b.left},${b.top}`;
        same = now === last ? same + 1 : 0; last = now;
        if (same >= 3) resolve(true); else requestAnimationFrame(look); };
      look();
    })""", arg=element.element_handle())
