"""The guided tour (data/tour.csv): numbered steps, each a title and speaker notes per language and
a view written as the app's own URL parameters, optionally framed by a map extent.

A step's view is read by the parameter registry itself (`core.view.state.parse_query`), so any
parameter the app understands (a filter, a selection, later a timeline year) is a tour step's
parameter too, checked the same way. The file is checked like every other data file: every problem
with file, line, column and value, raised together; a missing file means no tour.

A fact the data holds is not written out in a step's words but named as a field, filled in the
reader's language at the date shown: `{stage}` (the stage of the step's place, link or stage
filter, worded as in the details and the legend), `{stages}` (every Chinese place under its stage)
and `{as_of}` (the date shown). The rest of the words are checked against data/ by
tests/core/view/test_tour_facts.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from common.csvtable import read_table
from common.i18n import LANGS, format_date, format_list, label, t
from common.numbers import LATITUDE, LONGITUDE
from core.data.errors import DataError, DataLoadError
from core.data.models import Country, Dataset, LatLon, Names, Stage
from core.data.rows import Cells  # the one cell checker of the data files
from core.view.params import NOT_IN_A_STEP
from core.view.state import ViewState, parse_query

TOUR = "tour.csv"
MAX_STEPS = 999  # the `step` URL parameter's range (core.view.params)
EXTENT = ("south", "west", "north", "east")
REQUIRED = ("step", *(f"title_{lang}" for lang in LANGS), "view", "source")
FIELDS = ("stage", "stages", "as_of")  # what a step's words may name from the data (see above)
_FIELD = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True)
class TourStep:
    number: int
    title: Names
    notes: Names  # may be empty in a language
    query: Mapping[str, list[str]]  # the step's view as URL parameters (written as in the file)
    extent: tuple[LatLon, LatLon] | None  # ((south, west), (north, east)); None: the shown places

    def view(self, base: ViewState, dataset: Dataset) -> ViewState:
        """The step's view in the reader's language: every filter and selection from the step (unset
        ones at their defaults); colouring, basemap and snapshot date from the step when it sets them
        (a summary of stages colours by stage; notes that tell a report's facts show that report's
        date), else from `base`, as the language is."""
        state, _ = parse_query(self.query, dataset)
        kept = {k: base[k] for k in ("lang", "color", "basemap", "asof", "since", "present") if k not in self.query}
        return state.replace(**kept, step=self.number)

    def words(self, dataset: Dataset, lang: str) -> tuple[str, str]:
        """The step's title and notes in `lang`, their fields filled from `dataset` at its date shown."""
        stage = subject_stage(self.query, dataset)
        values = {
            "stage": label(stage, lang) if stage else "",
            "stages": stages_text(dataset, lang),
            "as_of": format_date(dataset.viewed, lang) if dataset.viewed else "",
        }
        return tuple(_FIELD.sub(lambda m: values[m.group(1)], text)
                     for text in (self.title.get(lang), self.notes.get(lang)))


def subject_stage(query: Mapping[str, list[str]], dataset: Dataset) -> Stage | None:
    """The stage a step speaks of: its place's, its link's Chinese end's, or its one stage filter."""
    state, _ = parse_query(query, dataset)
    if state.place:
        return dataset.stage_of(state.place)
    if state.link:
        return dataset.stage_of(state.link.split("–")[-1])
    return state["stage"][0] if len(state["stage"]) == 1 else None


def stages_text(dataset: Dataset, lang: str) -> str:
    """Every Chinese place under its stage, most advanced first, one line per stage: a summary."""
    chinese = [p.key for p in dataset.places.values() if p.country is Country.CN]
    lines = []
    for stage in Stage:
        names = [dataset.places[k].names.get(lang) for k in chinese if dataset.stage_of(k) is stage]
        if names:
            lines.append(t("tour.stage_line", lang, stage=label(stage, lang), places=format_list(names, lang)))
    return "\n".join(lines)


def _view(c: Cells, dataset: Dataset) -> dict[str, list[str]]:
    raw = c.row["view"]
    query = parse_qs(raw, keep_blank_values=True)
    for name in NOT_IN_A_STEP:
        if name in query:
            c.fail("tour_param", "view", f"{name}={','.join(query[name])}")
    query = {k: v for k, v in query.items() if k not in NOT_IN_A_STEP}
    _, ignored = parse_query(query, dataset)
    for item in ignored:
        c.fail("tour_view", "view", f"{item.param}={item.value}")
    return query


def _fields(c: Cells, query: Mapping[str, list[str]], dataset: Dataset) -> None:
    """Every field named in the step's words is one the tour fills; {stage} needs a subject."""
    has_subject = subject_stage(query, dataset) is not None
    for column in (*(f"title_{lang}" for lang in LANGS), *(f"notes_{lang}" for lang in LANGS)):
        for name in _FIELD.findall(c.row[column]):
            if name not in FIELDS or (name == "stage" and not has_subject):
                c.fail("tour_field", column, f"{{{name}}}", expected=", ".join(f"{{{f}}}" for f in FIELDS))


def _extent(c: Cells) -> tuple[LatLon, LatLon] | None:
    cells = [c.row[col] for col in EXTENT]
    if not any(cells):
        return None
    if not all(cells):
        missing = next(col for col, v in zip(EXTENT, cells) if not v)
        c.fail("half_extent", missing, expected=", ".join(EXTENT))
        return None
    south, west, north, east = (c.number(col, LATITUDE if col in ("south", "north") else LONGITUDE) for col in EXTENT)
    if None in (south, west, north, east):
        return None
    if not (south < north and west < east):
        c.fail("extent_order", "north" if south >= north else "east",
               f"{south:g} / {north:g}" if south >= north else f"{west:g} / {east:g}")
        return None
    return (south, west), (north, east)


def load_tour(folder: str | os.PathLike[str], dataset: Dataset) -> tuple[TourStep, ...]:
    """The tour of a data folder, in step order; () without tour.csv; DataLoadError when it is wrong."""
    path = Path(folder) / TOUR
    if not path.exists():
        return ()
    errors: list[DataError] = []
    rows, problems = read_table(path, REQUIRED)
    errors += map(DataError.of, problems)
    steps: list[TourStep] = []
    seen: dict[int, int] = {}
    for row in rows or ():
        c = Cells(str(path), row, errors)
        if not row["step"]:
            c.fail("missing_value", "step", expected=f"1–{MAX_STEPS}")
        number = c.whole("step", 1, MAX_STEPS)
        if number is not None and number in seen:
            c.fail("duplicate", "step", row["step"], other_line=str(seen[number]))
        title = Names({lang: c.text(f"title_{lang}") for lang in LANGS})
        notes = Names({lang: row[f"notes_{lang}"] for lang in LANGS})
        query, extent = _view(c, dataset), _extent(c)
        _fields(c, query, dataset)
        c.text("source", "missing_source")
        if number is not None:
            seen.setdefault(number, row.line)
            steps.append(TourStep(number, title, notes, query, extent))
    if rows is not None and not rows:
        errors.append(DataError(str(path), "no_rows", 1))
    if errors:
        raise DataLoadError(errors)
    return tuple(sorted(steps, key=lambda s: s.number))
