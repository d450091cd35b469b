"""The view to export: a data folder read like the app reads it, and the app's URL parameters.

The same registry (`core.view.params`), parser (`core.view.state.parse_query`) and filters
(`core.view.filters.apply_filter`) as the app, so an export shows exactly what the shared URL shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from core.data.models import Dataset, LatLon, Stage
from core.view.basemaps import BASEMAPS
from core.view.filters import Shown, apply_filter
from core.view.state import Ignored, ViewState, parse_query, to_query
from geocode.places import coordinates, load_folder


@dataclass(frozen=True)
class Drawing:
    """What an export draws: the filtered places and links, their coordinates, and the view."""

    dataset: Dataset
    coords: Mapping[str, LatLon]
    state: ViewState
    shown: Shown
    extent: tuple[LatLon, LatLon] | None = None  # ((south, west), (north, east)) framed; None: the shown places

    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def stage_of(self) -> Callable[[str], Stage]:
        return self.dataset.stage_of

    def key(self) -> tuple:
        """Hashable identity of the view (for caching exports by view)."""
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in to_query(self.state).items()))


def make_view(dataset: Dataset, coords: Mapping[str, LatLon], state: ViewState,
              extent: tuple[LatLon, LatLon] | None = None) -> Drawing:
    """The export of `state` shows the data at its snapshot date (`asof`), as the app does."""
    viewed = dataset.at(state.asof)
    return Drawing(viewed, coords, state, apply_filter(viewed, state.filter), extent)


def load_view(folder: Path, query: Mapping[str, str | list[str]]) -> tuple[Drawing, list[Ignored]]:
    """Read `folder` (raises core.data.errors.DataLoadError) and the view `query` selects in it."""
    dataset, cache = load_folder(folder)
    state, ignored = parse_query(query, dataset, tuple(BASEMAPS))
    return make_view(dataset, coordinates(dataset.places, cache), state), ignored
