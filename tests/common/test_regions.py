"""common/regions.py: the one table of regions of both countries, its order, codes and endings."""

from __future__ import annotations

import pytest

from common.regions import CHINA, JAPAN, by_code, of_country, region_endings, regions


def test_the_table_holds_every_region_once_in_its_standards_order() -> None:
    japan, china = of_country(JAPAN), of_country(CHINA)
    assert len(japan) == 47 and len(china) == 34 and len(regions()) == 81
    assert [r.number for r in japan] == list(range(1, 48))  # JIS X 0401
    assert [r.number for r in china] == sorted(r.number for r in china)  # GB/T 2260
    assert len({r.ja for r in regions()}) == len({r.code for r in regions()}) == 81
    assert all(r.zh for r in china) and not any(r.zh for r in japan)


@pytest.mark.parametrize(("code", "country", "ja", "zh", "capital"), [
    ("JP28", JAPAN, "兵庫県", "", (1859171, "Kobe")),
    ("JP13", JAPAN, "東京都", "", (1850147, "Tokyo")),
    ("CN12", CHINA, "天津市", "天津市", None),  # a municipality: placed as a city
    ("CN32", CHINA, "江蘇省", "江苏省", (1799962, "Nanjing")),
    ("CN44", CHINA, "広東省", "广东省", (1809858, "Guangzhou")),
    ("CN82", CHINA, "マカオ特別行政区", "澳门特别行政区", None),
])
def test_a_region_by_its_basemap_code(code, country, ja, zh, capital) -> None:
    region = by_code(code)
    assert (region.country, region.ja, region.zh, region.capital) == (country, ja, zh, capital)


def test_every_name_ends_as_its_country_names_a_region() -> None:
    for region in regions():
        assert region.ja.endswith(region_endings(region.country)), region
        if region.zh:
            assert region.zh.endswith(region_endings(region.country)), region


@pytest.mark.parametrize(("country", "municipalities", "name", "is_region"), [
    (JAPAN, True, "兵庫県", True), (JAPAN, True, "神戸市", False), (CHINA, True, "天津市", True),
    (CHINA, False, "天津市", False), (CHINA, False, "广西壮族自治区", True), ("KR", True, "서울특별시", False),
])
def test_region_endings(country, municipalities, name, is_region) -> None:
    assert name.endswith(region_endings(country, municipalities)) is is_region
