"""Problems found in a data file, with everything a coordinator needs to fix them.

A `DataError` is structured (file, line, column, value, problem code, parameters) so that the UI can
show it in the user's language: `message(lang)` renders it from the catalogue, where `problem.<code>`
says what is wrong and `fix.<code>` how to fix it (placeholders: {value}, {column}, {expected} and the
params). The loader collects every problem it finds and raises them together as `DataLoadError`, so
one fix-and-reload round shows them all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from common.i18n import Message, label, t
from common.problems import Problem

VALUE_SHOWN = 80  # characters of a value that a message quotes: a 2 MB cell must not fill the screen


@dataclass(frozen=True)
class DataError(Problem):
    """A `Problem` the core can word: in the reader's language, from the catalogue."""

    @classmethod
    def of(cls, problem: Problem) -> DataError:
        return problem if isinstance(problem, cls) else cls(**vars(problem))

    def message(self, lang: str = "en") -> str:
        """One line a coordinator can act on: where, what is wrong, how to fix it."""
        params = {k: _shown(v, lang) for k, v in self.params.items()}
        fmt = {"value": _clipped(self.value), "column": self.column or "", "expected": _shown(self.expected, lang),
               **params}
        where = [t("error.where.file", lang, file=Path(self.file).name)]
        if self.line is not None:
            where.append(t("error.where.line", lang, line=self.line))
        if self.column:
            where.append(t("error.where.column", lang, column=self.column))
        return t(
            "error.message", lang, where=t("error.where.separator", lang).join(where),
            what=t(f"problem.{self.problem}", lang, **fmt), fix=t(f"fix.{self.fix or self.problem}", lang, **fmt),
        )

    def __str__(self) -> str:
        return self.message("en")


def _clipped(value: str) -> str:
    """A value as a message quotes it: its first VALUE_SHOWN characters, then "…" if there is more."""
    return value if len(value) <= VALUE_SHOWN else value[:VALUE_SHOWN] + "…"


def _shown(value: str | StrEnum | Message, lang: str) -> str:
    """A parameter in the reader's language: a message translated, an enum member by its label."""
    if isinstance(value, Message):
        return value.text(lang)
    return label(value, lang) if isinstance(value, StrEnum) else value


class DataLoadError(Exception):
    """Every problem found while loading a data folder; nothing is loaded while any remains."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def messages(self, lang: str = "en") -> list[str]:
        return [e.message(lang) for e in self.errors]

    def shown(self, limit: int = 50) -> list[tuple[DataError, int]]:
        """At most `limit` problems, in order, each with how many later ones of its kind are left out.

        50,000 bad rows must not bury the one problem of another kind: every problem code keeps
        at least its first occurrence, the rest of the budget goes to the earliest problems, and the
        last shown problem of a code carries the count of those left out (shown as "and N more")."""
        first_of_code: dict[str, int] = {}
        for i, error in enumerate(self.errors):
            first_of_code.setdefault(error.problem, i)
        keep = set(first_of_code.values())
        for i in range(len(self.errors)):
            if len(keep) >= limit:
                break
            keep.add(i)
        kept = sorted(keep)
        hidden = Counter(e.problem for i, e in enumerate(self.errors) if i not in keep)
        last_kept = {self.errors[i].problem: i for i in kept}
        return [(self.errors[i], hidden[self.errors[i].problem] if last_kept[self.errors[i].problem] == i else 0)
                for i in kept]
