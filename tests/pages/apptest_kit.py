"""AppTest helpers for the page tests (tests/pages); the fixtures are in conftest.py.

Every test drives the real `app.py` (sidebar, URL seeding, st.navigation) through Streamlit's
AppTest:

* AppTest can only switch to a st.navigation page after a run has registered the pages (before
  it, `switch_page` hashes the file name and the pages/-folder router would run the page script
  alone), so `open_app` runs the default page first, then switches.
* st_folium's map is an `UnknownElement` whose args hold the static map `script` and its dynamic
  part (`feature_group`); its `key` is st_folium's 64-hex session key. A click is simulated as the
  browser makes it: the value in `session_state[key]`, copied by st_folium's on_change into
  `session_state[MAP_KEY]` before the rerun (AppTest runs no widget callbacks).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import UnknownElement

from ui.mapclick import MAP_KEY
from ui.streamlit_private import MemoryMediaFileStorage

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"
PAGES = {
    "map": "pages/map.py",
    "status": "pages/status.py",
    "partnerships": "pages/partnerships.py",
    "about": "pages/about.py",
}
LANGS = ("ja", "en", "zh")


class _RecordingMediaStorage(MemoryMediaFileStorage):
    """AppTest's in-memory media storage, remembered so tests can read download data."""

    instances: list[MemoryMediaFileStorage] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _RecordingMediaStorage.instances.append(self)


def open_app(page: str = "map", query: Mapping[str, str | list[str]] | None = None,
             state: Mapping[str, object] | None = None) -> AppTest:
    """Run the app once on `page` with URL `query` (and session `state`) seeded before the first run."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    if page != "map":
        at.switch_page(PAGES[page]).run()
    return at


def assert_no_exception(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]


def texts(elements: Iterable) -> list[str]:
    return [str(e.value) for e in elements]


def shown_text(at: AppTest) -> str:
    """Every text-bearing element's text (titles, markdown, alerts, captions, code, expander labels)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error",
                 "success", "text", "code"):
        parts += texts(getattr(at, kind))
    parts += [e.label for e in at.expander]
    return "\n".join(parts)


def markdown_bodies(at: AppTest) -> list[str]:
    """Bodies of every element Streamlit renders as Markdown."""
    bodies: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        bodies += texts(getattr(at, kind))
    bodies += [e.label for e in at.expander]
    return bodies


@dataclass
class HtmlTable(HTMLParser):
    """One of the map page's HTML tables (ui/tables.small_table) as the browser reads it: headers and
    cells as text, markup in the data unescaped back to what the data says."""

    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)
    _cells: list[str] = field(default_factory=list)
    _text: list[str] | None = None

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("th", "td"):
            self._text = []
        assert tag in ("div", "table", "thead", "tbody", "tr", "th", "td"), f"markup in a table: <{tag}>"

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td"):
            (self.columns if tag == "th" else self._cells).append("".join(self._text or []))
            self._text = None
        elif tag == "tr" and self._cells:
            self.rows.append(dict(zip(self.columns, self._cells)))
            self._cells = []

    def column(self, name: str) -> list[str]:
        return [row[name] for row in self.rows]


def html_tables(at: AppTest) -> list[HtmlTable]:
    """The page's HTML tables (ui/tables.small_table), in page order."""
    tables = []
    for element in at.get("html"):
        if 'class="jcm-table"' in element.value:
            table = HtmlTable()
            table.feed(element.value)
            tables.append(table)
    return tables


# --- the map (st_folium) -------------------------------------------------------------------------

def map_element(at: AppTest) -> UnknownElement:
    maps = [e for e in at.main
            if isinstance(e, UnknownElement) and getattr(e.proto, "component_name", "").endswith("st_folium")]
    assert len(maps) == 1, f"expected one st_folium map, found {len(maps)}"
    return maps[0]


def map_args(at: AppTest) -> dict:
    return json.loads(map_element(at).proto.json_args)


def map_js(at: AppTest) -> str:
    """The map's whole script: the static map, then its dynamic part."""
    args = map_args(at)
    return args["script"] + "\n" + (args["feature_group"] or "")


def map_ids(at: AppTest, kind: str) -> set[str]:
    """The distinct feature ids of one kind ("place" or "link") inside the map script."""
    return set(re.findall(r'"id":"%s:([^"]+)"' % kind, map_js(at)))


def click(at: AppTest, feature_id: str, lat: float = 35.0, lng: float = 135.0) -> AppTest:
    """Simulate a click on a map feature: st_folium's return value as the browser would send it."""
    kind = feature_id.partition(":")[0]
    geometry = ({"type": "Point", "coordinates": [lng, lat]} if kind == "place"
                else {"type": "LineString", "coordinates": [[lng, lat], [lng + 1, lat + 1]]})
    _clicks.append(feature_id)
    value = {"last_active_drawing": {"type": "Feature", "geometry": geometry,
                                     "properties": {"id": feature_id, "click": f"test-{len(_clicks)}"}}}
    at.session_state[map_element(at).key] = value
    at.session_state[MAP_KEY] = value
    return at.run()


_clicks: list[str] = []  # every simulated click gets its own token, as in the browser


def caption_counts(at: AppTest) -> list[tuple[int, int]]:
    """(links, places) of every "shown" caption, whatever the language."""
    found = []
    for caption in texts(at.caption):
        numbers = re.findall(r"\d+", caption)
        if len(numbers) == 2 and any(w in caption for w in ("件", "Shown", "显示")):
            found.append((int(numbers[0]), int(numbers[1])))
    return found


# --- downloads -----------------------------------------------------------------------------------

def download_data(at: AppTest, index: int = 0) -> bytes:
    """The bytes behind a st.download_button, read from AppTest's media storage."""
    url = at.download_button[index].proto.url
    file_id = url.rsplit("/", 1)[-1].split(".")[0]
    for storage in reversed(_RecordingMediaStorage.instances):
        try:
            return storage.get_file(file_id).content
        except Exception:  # noqa: BLE001 - not in this storage, try the previous one
            continue
    raise AssertionError(f"download data for {url} not found")


# --- data folders --------------------------------------------------------------------------------

def edit_csv(folder: Path, name: str, where: Mapping[str, str], changes: Mapping[str, str]) -> int:
    """Set `changes` on every row of folder/name matching `where`; returns the 1-based file line of
    the first matching row (header = line 1). Fails when nothing matches."""
    path = folder / name
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    hits = [i for i, row in enumerate(rows) if all(row[k] == v for k, v in where.items())]
    assert hits, f"no row of {name} matches {where}"
    for i in hits:
        rows[i].update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    before = io.StringIO()
    csv.writer(before, lineterminator="\n").writerows([fields] + [list(r.values()) for r in rows[: hits[0]]])
    return before.getvalue().count("\n") + 1


def keep_rows(folder: Path, name: str, keep: Callable[[dict[str, str]], bool]) -> None:
    """Rewrite folder/name with only the rows `keep` accepts (the header always stays)."""
    path = folder / name
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, [row for row in reader if keep(row)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
