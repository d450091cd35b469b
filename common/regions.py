"""The one table of regions of both countries (`geodata/regions.csv`): Japan's 47 prefectures in JIS X 0401
order and China's 34 province-level divisions in GB/T 2260 order, each with its basemap code, its names
and its seat of government (a GeoNames id; none for a municipality, which is placed as a city).

Read by the region filter's order (core/view/regionorder.py), the basemap (which Chinese outlines it
draws), the overlay (the region a point lies in) and the gazetteer (geo/capitals.py). Plain text, no
geometry: reading an address must not load shapely.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from common.csvtable import read_table

TABLE = Path(__file__).resolve().parent / "geodata" / "regions.csv"
COLUMNS = ("code", "country", "name_ja", "name_zh", "capital_geonames_id", "capital_geonames_name")
JAPAN, CHINA = "JP", "CN"
# How a region's name ends in Japanese (and, for China, in Chinese): 都道府県; 省, 市, 自治区, 特別行政区.
ENDINGS = {JAPAN: ("都", "道", "府", "県"), CHINA: ("省", "市", "自治区", "特別行政区", "特别行政区")}
MUNICIPALITY = "市"  # 北京市, 天津市, 上海市, 重慶市: a region and a city at once


@dataclass(frozen=True)
class Region:
    code: str  # the basemap's: JP28 (JIS X 0401 number), CN12 (GB/T 2260 number)
    country: str
    ja: str
    zh: str
    capital: tuple[int, str] | None  # (GeoNames id, GeoNames name) of its seat of government

    @property
    def number(self) -> int:
        return int(self.code[2:])


@cache
def regions() -> tuple[Region, ...]:
    """Every region, Japan's first, each country in its standard's code order."""
    rows, problems = read_table(TABLE, COLUMNS)
    if rows is None or problems:
        raise RuntimeError(f"{TABLE} cannot be read: {problems}")  # shipped with the code; a test reads it
    return tuple(
        Region(r["code"], r["country"], r["name_ja"], r["name_zh"],
               (int(r["capital_geonames_id"]), r["capital_geonames_name"]) if r["capital_geonames_id"] else None)
        for r in rows
    )


def of_country(country: str) -> tuple[Region, ...]:
    return tuple(r for r in regions() if r.country == country)


@cache
def by_code(code: str) -> Region | None:
    return next((r for r in regions() if r.code == code), None)


def region_endings(country: str, municipalities: bool = True) -> tuple[str, ...]:
    """How a region's name may end; with `municipalities`, 市 too (the data files name 天津市 a region;
    a name in an imported file that ends in 市 is placed as a city)."""
    endings = ENDINGS.get(country, ())
    return endings if municipalities else tuple(e for e in endings if e != MUNICIPALITY)
