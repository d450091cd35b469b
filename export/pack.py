"""The meeting pack's content in one language: a cover, one page per tour step (or the current
view alone), Table 1 and Table 2. The deck (`export/deck.py`) and the handout (`export/handout.py`)
lay out the same `Pack`, so a slide and a printed page never disagree.

Every word comes from the catalogues or the data: the steps' titles and notes from data/tour.csv,
the tables from `core.report.frames` (the rows the status and partnerships pages show).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from common.i18n import format_date, t
from core.report.frames import table1, table2
from core.view.tour import TourStep
from export.drawing import Drawing, make_view


@dataclass(frozen=True)
class Cover:
    title: str
    as_of: str  # the data's date ("" when it has no status report)
    source: str
    made: str


@dataclass(frozen=True)
class Page:
    """One map: its title, the notes said over it, and the view it shows."""

    title: str
    notes: str
    view: Drawing
    position: str  # "Step 3 / 14" ("" for a single view)


@dataclass(frozen=True)
class Table:
    title: str
    frame: pd.DataFrame


@dataclass(frozen=True)
class Pack:
    lang: str
    cover: Cover | None  # None: one view, no title slide
    pages: tuple[Page, ...]
    tables: tuple[Table, ...]


def _cover(view: Drawing, today: date) -> Cover:
    lang, viewed = view.lang, view.dataset.viewed
    return Cover(title=t("app.title", lang),
                 as_of=t("pack.as_of", lang, date=format_date(viewed, lang)) if viewed else "",
                 source=t("export.source", lang),
                 made=t("export.made", lang, date=format_date(today.isoformat(), lang)))


def _tables(view: Drawing) -> tuple[Table, ...]:
    lang = view.lang
    return (Table(t("partnerships.title", lang), table1(view.dataset, view.shown, lang)),
            Table(t("status.title", lang), table2(view.dataset, view.shown, lang)))


def tour_pack(base: Drawing, tour: Sequence[TourStep], today: date) -> Pack:
    """The tour in `base`'s language, colouring and basemap: each step's view as the presenter
    view draws it (its filters, selection, year and frame), then the whole programme's tables."""
    lang = base.lang
    return Pack(lang, _cover(base, today), tuple(_step_page(base, step, len(tour)) for step in tour), _tables(base))


def _step_page(base: Drawing, step: TourStep, count: int) -> Page:
    """One step: its view, and its words filled from the data at that view's date, as the tour panel shows them."""
    view = make_view(base.dataset, base.coords, step.view(base.state, base.dataset), step.extent)
    title, notes = step.words(view.dataset, base.lang)
    return Page(title, notes, view, t("tour.position", base.lang, step=step.number, count=count))


def view_pack(view: Drawing) -> Pack:
    """The current view alone: one map, its count of links and places as its notes."""
    lang = view.lang
    notes = t("map.shown", lang, links=len(view.shown.partnerships), places=len(view.shown.places))
    return Pack(lang, None, (Page(t("app.title", lang), notes, view, ""),), ())
