"""The typed model of the programme's data: places, partnerships (Table 1) and statuses (Table 2).

Everything here is plain data: no I/O, no Streamlit. The loader builds a `Dataset`; filters, pages
and the map builder read it. Enum values are the codes written in the CSV files (see data/README.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property

# A point as (latitude, longitude) in degrees: what the map, the arcs and the tour's extents use.
LatLon = tuple[float, float]


class Country(StrEnum):
    JP = "JP"
    CN = "CN"


class PlaceKind(StrEnum):
    """Administrative kind. `prefecture` covers all of 都道府県 (Tokyo Metropolis included);
    `municipality` is a 直辖市 (municipality under the central government)."""

    PREFECTURE = "prefecture"
    PROVINCE = "province"
    MUNICIPALITY = "municipality"
    CITY = "city"
    NATIONAL_BODY = "national_body"

    @property
    def is_region(self) -> bool:
        """A region (prefecture, province, municipality) contains itself and other places."""
        return self in (PlaceKind.PREFECTURE, PlaceKind.PROVINCE, PlaceKind.MUNICIPALITY)


class RelationType(StrEnum):
    """Normalised relation between the two ends of a Table 1 pair."""

    FRIENDSHIP = "friendship"  # 友好都市 (with an agreement year)
    LOCAL_OFFICE = "local_office"  # 北九州市が現地事務所設置
    ENVIRONMENTAL_EXCHANGE = "environmental_exchange"  # 環境交流都市 (覚書あり)
    COOPERATION_REQUEST = "cooperation_request"  # …から協力要請あり


class Stage(StrEnum):
    """Coordination stage of a Table 2 entry, from most to least advanced."""

    NEARLY_AGREED = "nearly_agreed"  # ほぼ合意
    PLATFORM_AGREED = "platform_agreed"  # プラットフォーム機関について了解・確定
    IN_COORDINATION = "in_coordination"  # 調整中 / 詳細は今後調整
    CONSULTATION_PLANNED = "consultation_planned"  # 協議予定
    MISSION_PLANNED = "mission_planned"  # ミッション派遣計画
    NO_STATUS = "no_status"  # no Table 2 entry: derived, never written in statuses.csv


class Theme(StrEnum):
    """Cooperation themes named in Table 2."""

    FORECASTING = "forecasting"  # 予報
    SOURCE_APPORTIONMENT = "source_apportionment"  # 発生源解析
    PM25_COMPONENT_ANALYSIS = "pm25_component_analysis"  # PM2.5成分分析
    ADMINISTRATIVE_MANAGEMENT = "administrative_management"  # 行政管理
    MONITORING = "monitoring"  # モニタリング
    AIR_POLLUTION_CONTROL = "air_pollution_control"  # 大気汚染対策
    CONTROL_TECHNOLOGY = "control_technology"  # 対策技術の紹介
    EXPERIENCE_EXCHANGE = "experience_exchange"  # 経験交流


class ActivityKind(StrEnum):
    EXPERT_DISPATCH = "expert_dispatch"  # 専門家派遣 (Japan → China)
    TRAINING_IN_JAPAN = "training_in_japan"  # 訪日研修 (China → Japan)
    MISSION_TO_JAPAN = "mission_to_japan"  # ミッション派遣 (China → Japan)
    CONSULTATION_VISIT = "consultation_visit"  # 協議のための訪問 (Japan → China)
    SEMINAR = "seminar"  # セミナー／合同研修
    PROJECT_LINK = "project_link"  # 他の協力プロジェクトとの連携


class CountQualifier(StrEnum):
    EXACTLY = "exactly"
    AT_LEAST = "at_least"
    UNSPECIFIED = "unspecified"  # the text states no count


class EventStatus(StrEnum):
    DONE = "done"
    PLANNED = "planned"


class Timing(StrEnum):
    """Where in its month an event falls, as precisely as the document says."""

    MONTH = "month"  # 2014年4月
    EARLY = "early"  # 上旬
    MID = "mid"  # 中旬
    LATE = "late"  # 下旬
    AROUND = "around"  # 7月頃


class Names(Mapping[str, str]):
    """A name (or text) by UI language: `Names({"ja": "神戸市", "en": "Kobe", "zh": "神户市"})`.

    A mapping so that adding a language adds a key, not a field. Immutable and hashable, because
    places (which hold their names) are.
    """

    __slots__ = ("_by_lang",)

    def __init__(self, by_lang: Mapping[str, str]) -> None:
        object.__setattr__(self, "_by_lang", dict(by_lang))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Names is immutable")

    def __getitem__(self, lang: str) -> str:
        return self._by_lang[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_lang)

    def __len__(self) -> int:
        return len(self._by_lang)

    def __hash__(self) -> int:
        return hash(frozenset(self._by_lang.items()))

    def __repr__(self) -> str:
        return f"Names({self._by_lang!r})"

    @property
    def ja(self) -> str:
        """The Japanese name: the source document's, and the key every data file uses."""
        return self._by_lang.get("ja", "")

    def get(self, lang: str) -> str:  # type: ignore[override]
        """The name in `lang`; the Japanese original when that language is missing or empty."""
        return self._by_lang.get(lang) or self.ja

    def all(self) -> tuple[str, ...]:
        """Every language's name (for search and lookup by any name)."""
        return tuple(self._by_lang.values())


@dataclass(frozen=True)
class Place:
    """A Japanese or Chinese local government or a national body. `key` is its Japanese name as
    the source document writes it; every other file refers to places by that key."""

    names: Names
    kind: PlaceKind
    country: Country
    region: Names  # the prefecture/province it lies in; a region lies in itself
    source: str
    lat: float | None = None  # a manual override of the coordinates; wins over any geocoder
    lon: float | None = None
    note: str = ""

    @property
    def key(self) -> str:
        return self.names.ja


@dataclass(frozen=True)
class Partnership:
    """One Japanese–Chinese pair of Table 1."""

    japan: str  # Place key
    china: str  # Place key
    relation: RelationType
    wording_ja: str  # the document's own words for the relation
    year: int | None  # year of the friendship agreement; None when the document gives none
    source: str
    note: str = ""

    @property
    def key(self) -> str:
        return f"{self.japan}–{self.china}"


@dataclass(frozen=True)
class Activity:
    """A planned or agreed activity stated in a Table 2 entry, with the count the text gives."""

    entity: str  # Place key
    kind: ActivityKind
    count: int | None
    qualifier: CountQualifier
    fiscal_year: int | None
    counterparts: tuple[str, ...]  # Japanese Place keys named for this activity
    themes: tuple[Theme, ...]
    text: Names  # short description; ja is the document's wording
    source: str
    as_of: str  # the snapshot (statuses.csv entry) it belongs to


@dataclass(frozen=True)
class Event:
    """A dated event in a Table 2 entry (a visit, a consultation, an agreement)."""

    entity: str  # Place key
    year: int
    month: int
    timing: Timing
    status: EventStatus
    text: Names
    source: str
    as_of: str  # the snapshot (statuses.csv entry) it belongs to

    @property
    def sort_key(self) -> tuple[int, int, int]:
        order = [Timing.EARLY, Timing.MONTH, Timing.MID, Timing.AROUND, Timing.LATE]
        return (self.year, self.month, order.index(self.timing))


@dataclass(frozen=True)
class Status:
    """One Table 2 entry: a Chinese city's (or national body's) coordination status."""

    entity: str  # Place key
    as_of: str  # ISO date of the report, "2014-05-31"
    stage: Stage
    counterparts: tuple[str, ...]  # Japanese Place keys named in the text
    themes: tuple[Theme, ...]
    text: Names  # ja: the document's text, cleaned of HTML list markup; en/zh: translations
    source: str
    activities: tuple[Activity, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """Everything the app shows, validated and cross-referenced by the loader.

    `history` keeps every snapshot (one `Status` per entity and `as_of` date, oldest first); the
    dataset is *viewed* at one date (`as_of`, None = the latest), and `statuses` is what that date
    shows: each entity's latest entry on or before it. `at(date)` gives the same data viewed at
    another date, so every page, panel, map and export follows one choice.
    """

    places: dict[str, Place]
    partnerships: tuple[Partnership, ...]
    history: dict[str, tuple[Status, ...]]
    as_of: str | None = None

    @cached_property
    def dates(self) -> tuple[str, ...]:
        """Every snapshot date, oldest first."""
        return tuple(sorted({s.as_of for entries in self.history.values() for s in entries}))

    @property
    def viewed(self) -> str | None:
        """The date the dataset is viewed at: the chosen one, else the latest snapshot."""
        return self.as_of or (self.dates[-1] if self.dates else None)

    def at(self, as_of: str | None) -> Dataset:
        """The same data viewed at another snapshot date (None: the latest)."""
        return replace(self, as_of=as_of)

    @cached_property
    def statuses(self) -> dict[str, Status]:
        """Each entity's status at the viewed date (its latest entry on or before it)."""
        found = {key: latest_on(entries, self.viewed) for key, entries in self.history.items()}
        return {key: status for key, status in found.items() if status}

    def status_of(self, key: str, as_of: str | None = None) -> Status | None:
        """The Table 2 entry of a place at `as_of` (default: the viewed date), or None: "no status
        reported" is not an error. An older entry is returned as is: its own `as_of` says when."""
        if as_of is None:
            return self.statuses.get(key)
        return latest_on(self.history.get(key, ()), as_of)

    def stage_of(self, key: str, as_of: str | None = None) -> Stage:
        status = self.status_of(key, as_of)
        return status.stage if status else Stage.NO_STATUS

    def partnerships_of(self, key: str) -> tuple[Partnership, ...]:
        return tuple(p for p in self.partnerships if key in (p.japan, p.china))

    @cached_property
    def _by_any_name(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for key, place in self.places.items():
            for name in place.names.all():
                index.setdefault(normalise_name(name), key)
        return index

    def find_place(self, name: str) -> Place | None:
        """Look a place up by any of its names (ja, en, zh), ignoring case and width."""
        key = self._by_any_name.get(normalise_name(name))
        return self.places.get(key) if key else None

    def regions(self) -> dict[str, Names]:
        """Every prefecture/province that holds a place, keyed by its Japanese name."""
        return {p.region.ja: p.region for p in self.places.values()}


def latest_on(entries: tuple[Status, ...], as_of: str | None) -> Status | None:
    """The latest of an entity's entries (oldest first) dated on or before `as_of` (ISO dates
    compare as text)."""
    earlier = [s for s in entries if as_of is None or s.as_of <= as_of]
    return earlier[-1] if earlier else None


def normalise_name(name: str) -> str:
    """Fold width and case so that 'ＴＯＫＹＯ', 'tokyo' and 'Tokyo' compare equal."""
    return unicodedata.normalize("NFKC", name).strip().casefold()
