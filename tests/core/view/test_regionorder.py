"""The region filter's list in the reader's order: ja by JIS code then GB/T 2260 code, zh by pinyin
then JIS code, en alphabetically — not by English name in every language."""

from __future__ import annotations

import pytest

from core.data.models import Dataset, Names
from core.view.params import Allowed
from core.view.regionorder import GB_T_2260, JIS_X_0401, region_order

ORDER = {  # JIS 13 14 16 20 24 28 40, then GB/T 2260 11 12 13 21 31 32 42 44
    "ja": ["東京都", "神奈川県", "富山県", "長野県", "三重県", "兵庫県", "福岡県",
           "北京市", "天津市", "河北省", "遼寧省", "上海市", "江蘇省", "湖北省", "広東省"],
    "zh": ["北京市", "广东省", "河北省", "湖北省", "江苏省", "辽宁省", "上海市", "天津市",  # Beijing … Tianjin
           "东京都", "神奈川县", "富山县", "长野县", "三重县", "兵库县", "福冈县"],
    "en": ["Beijing", "Fukuoka", "Guangdong", "Hebei", "Hubei", "Hyogo", "Jiangsu", "Kanagawa", "Liaoning", "Mie",
           "Nagano", "Shanghai", "Tianjin", "Tokyo", "Toyama"],
}


@pytest.mark.parametrize("lang", sorted(ORDER))
def test_bundled_regions_in_the_readers_order(bundled_dataset: Dataset, lang: str) -> None:
    allowed = Allowed(bundled_dataset)
    assert [allowed.regions[k].get(lang) for k in allowed.region_order(lang)] == ORDER[lang]


def test_the_code_tables_are_complete_and_unique() -> None:
    assert len(JIS_X_0401) == len(set(JIS_X_0401)) == 47
    assert len(GB_T_2260) == len(set(GB_T_2260)) == 34


def test_a_region_missing_from_the_tables_goes_last_in_its_country() -> None:
    regions = {k: Names({"ja": k, "en": e, "zh": k}) for k, e in
               [("沖縄県", "Okinawa"), ("架空県", "Fictive"), ("北海道", "Hokkaido"), ("架空省", "Fictive P"),
                ("上海市", "Shanghai")]}
    ordered = region_order(regions, {"沖縄県", "架空県", "北海道"}, "ja")
    assert ordered == ["北海道", "沖縄県", "架空県", "上海市", "架空省"]
