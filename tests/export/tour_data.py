"""What the meeting pack must show, read straight from data/ with the csv module (not through the
loader the pack uses): the tour's steps, Table 1's pairs and Table 2's entities, by language."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import parse_qs

DATA = Path(__file__).resolve().parents[2] / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def names(lang: str) -> dict[str, str]:
    """Each place's name in `lang`, by its Japanese name (the key the other files use)."""
    return {r["name_ja"]: r[f"name_{lang}"] or r["name_ja"] for r in _rows("places.csv")}


def steps(lang: str) -> list[dict[str, str]]:
    """Each step's number, title, notes (Japanese when a language has none) and selected place."""
    out = []
    for r in sorted(_rows("tour.csv"), key=lambda r: int(r["step"])):
        place = parse_qs(r["view"]).get("place", [""])[0]
        out.append({"step": r["step"], "title": r[f"title_{lang}"], "notes": r[f"notes_{lang}"] or r["notes_ja"],
                    "place": names(lang).get(place, "") if place else ""})
    return out


def table1(lang: str) -> list[tuple[str, str, str]]:
    """Table 1's rows as (Japanese side, Chinese side, year), in the file's order."""
    n = names(lang)
    return [(n[r["japan"]], n[r["china"]], r["year"]) for r in _rows("partnerships.csv")]


def table2_entities(lang: str) -> set[str]:
    """The places Table 2 has a row for."""
    n = names(lang)
    return {n[r["entity"]] for r in _rows("statuses.csv")}


_FIELD = re.compile(r"\{(?:stage|stages|as_of)\}")  # what data/tour.csv's texts leave to the data (core/view/tour.py)


def filled(template: str, shown: str, whole: bool = False) -> bool:
    """Whether `shown` holds `template` (a title or notes as tour.csv writes them) with each field filled
    by some text of the data: the words around the fields as written, and no field left unfilled."""
    if "{" in shown:
        return False
    parts = [re.escape(part) for part in _FIELD.split(template)]
    pattern = re.compile("[^{}]+?".join(parts), re.S)
    return bool(pattern.fullmatch(shown) if whole else pattern.search(shown))
