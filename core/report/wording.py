"""Display strings built from the data in the chosen language: pure, shared by pages and exports.

Everything returned here is plain text; callers that render Markdown pass it through
`markdown_text()` so that data can never become markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from common.i18n import format_date, format_list, format_year_month, label, t
from core.data.models import Activity, Dataset, Event, Names, Partnership, Place, Status

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:~$&=^\"'%@/])")


def markdown_text(text: str) -> str:
    """Escape every Markdown/HTML-significant character so that data shows as literal text.

    CommonMark lets any ASCII punctuation be backslash-escaped; Streamlit's extras (`:red[]`,
    `$math$`, emoji shortcodes) are built from the same characters. Line breaks are kept.
    """
    return "  \n".join(_MD_SPECIAL.sub(r"\\\1", line) for line in text.split("\n"))


def name_of(dataset: Dataset, key: str, lang: str) -> str:
    """A place's name in `lang`, or its key when the data has no such place (a stale address)."""
    place = dataset.places.get(key)
    return place.names.get(lang) if place else key


def translation(names: Names, lang: str) -> str:
    """The text in the UI language; Japanese is the original, so it has no separate translation."""
    return "" if lang == "ja" else dict(names).get(lang, "")


def activity_text(activity: Activity, dataset: Dataset, lang: str) -> str:
    """The activity in the document's words (or their translation), which say its kind and count,
    then only the facts read from them that the words do not already say: its fiscal year, its
    counterparts and themes ("専門家派遣1回以上 — 2014年度 · 四日市市")."""
    words = activity.text.get(lang)
    facts = [t("details.fiscal_year", lang, year=activity.fiscal_year)] if activity.fiscal_year else []
    facts += [name_of(dataset, k, lang) for k in activity.counterparts]
    facts += [label(th, lang) for th in activity.themes]
    new = [f for f in dict.fromkeys(facts) if f.casefold() not in words.casefold()]
    return f"{words} — {' · '.join(new)}" if new else words


def place_list(dataset: Dataset, keys: Iterable[str], lang: str) -> str:
    """Places as a list of the language: 'Kawasaki and Kobe', '川崎市、神戸市'."""
    return format_list((name_of(dataset, k, lang) for k in keys), lang)


def event_date(event: Event, lang: str) -> str:
    """'2014年7月上旬', 'early July 2014': the timing's label wraps the month as the language writes it."""
    return label(event.timing, lang).format(month=format_year_month(event.year, event.month, lang))


def as_of_text(status: Status, lang: str, viewed: str | None = None) -> str:
    """The report's date as the language writes it: '2014年5月31日', 'May 31, 2014'; marked as
    not reported at the date `viewed` when the status is an older one carried forward."""
    date = format_date(status.as_of, lang)
    return t("snapshot.older", lang, date=date) if viewed and status.as_of != viewed else date


def as_of_line(dataset: Dataset, lang: str) -> str:
    """'時点: 2015年3月31日': the date the view shows, for every caption, title block and print."""
    return t("workbook.as_of", lang, date=format_date(dataset.viewed, lang)) if dataset.viewed else ""


def source_line(dataset: Dataset, lang: str) -> str:
    """The source under an export: the report alone at its own date; the report and the meetings
    recorded since at a later snapshot (whose rows name their own sources)."""
    later = dataset.viewed is not None and dataset.dates and dataset.viewed != dataset.dates[0]
    return t("workbook.source", lang) if later else t("export.source", lang)


def subtitle(dataset: Dataset, lang: str) -> str:
    """The source and the date shown, under the app's title (page, presenter's caption)."""
    return " · ".join(filter(None, (t("app.subtitle", lang), as_of_line(dataset, lang))))


def event_text(event: Event, lang: str) -> str:
    return f"{event_date(event, lang)} ({t(f'event.{event.status}', lang)}): {event.text.get(lang)}"


# The data's sources are its authors' words (the bundled ones in English). Their usual parts are
# shown in the reader's language; any other part as written.
SOURCE_PARTS = ("translation", "names_wikipedia", "official_names", "seat_beijing")  # messages source.<part>
_CELL = re.compile(r"\((?P<place>[^()]+)'s cell: (?P<n>\d+)(?:st|nd|rd|th) partner ↔ (?P=n)(?:st|nd|rd|th) note\)")
_REPORT_YEAR = re.compile(r"\(year: the report's date, (?P<date>\d{4}-\d{2}-\d{2})\)")
_TABLE = re.compile(r"表(?P<n>\d+)")


def source_text(source: str, lang: str) -> str:
    """A row's source in the reader's language: 'IGES 2014-05 表1; names en/zh and region: Wikipedia
    (en, zh)' is '…表1; 英語名・中国語名と地域: Wikipedia（英語版・中国語版）' in Japanese."""
    known = {t(f"source.{name}", "en"): name for name in SOURCE_PARTS}
    parts = [t(f"source.{known[part]}", lang) if part in known else part for part in source.split("; ")]
    text = "; ".join(parts)
    text = _CELL.sub(lambda m: t("source.cell", lang, place=m["place"], n=m["n"]), text)
    text = _REPORT_YEAR.sub(lambda m: t("source.report_year", lang, date=m["date"]), text)
    return _TABLE.sub(lambda m: t("source.table", lang, n=m["n"]), text)


def status_sources(status: Status) -> list[str]:
    """Where a Table 2 entry and its activities and events come from, each source named once."""
    found = [status.source, *(a.source for a in status.activities), *(e.source for e in status.events)]
    return list(dict.fromkeys(s for s in found if s))


def bullets(texts: Iterable[str]) -> str:
    """Several items in one table cell: a table cell shows no line breaks (a workbook cell would wrap
    them), so each gets a bullet."""
    return "  ".join(f"• {text}" for text in texts)


def status_summary(status: Status, dataset: Dataset, lang: str) -> dict[str, str]:
    """A Table 2 entry flattened to one text per field (the Status page's table, the CSV export)."""
    return {
        "stage": label(status.stage, lang),
        "counterparts": place_list(dataset, status.counterparts, lang),
        "themes": " / ".join(label(th, lang) for th in status.themes),
        "activities": bullets(activity_text(a, dataset, lang) for a in status.activities),
        "events": bullets(event_text(e, lang) for e in status.events),
        "text": status.text.ja,
        "translation": translation(status.text, lang),
        "source": bullets(source_text(s, lang) for s in status_sources(status)),
    }


def partnership_columns(lang: str) -> list[str]:
    """Headers of a partnership table in `lang`, in the order of partnership_row's values."""
    return [t("col.japan", lang), t("col.china", lang), t("col.relation", lang), t("col.wording", lang),
            t("col.year", lang), t("col.stage", lang)]


def partnership_row(p: Partnership, dataset: Dataset, lang: str) -> dict[str, str]:
    """One Table 1 pair as a table row (map page, partnerships page and its CSV download)."""
    values = (
        name_of(dataset, p.japan, lang),
        name_of(dataset, p.china, lang),
        label(p.relation, lang),
        p.wording_ja,
        year_text(p.year, lang),
        label(dataset.stage_of(p.china), lang),
    )
    return dict(zip(partnership_columns(lang), values))


def year_text(year: int | None, lang: str) -> str:
    """An agreement year for tables and panels; undated relations show a dash, not "None"."""
    return str(year) if year else t("details.no_year", lang)


def region_label(place: Place, lang: str) -> str:
    return place.region.get(lang)
