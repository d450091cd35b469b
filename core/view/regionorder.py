"""The order of prefectures and provinces in the reader's language (the region filter's list).

Babel's collation is not available here, so the orders are explicit, language-independent rules:
Japanese prefectures in JIS X 0401 code order (北海道 … 沖縄県, the order every Japanese list uses),
Chinese province-level divisions in GB/T 2260 code order for a Japanese reader, and by their pinyin
for a Chinese reader (a Chinese region's English name is its pinyin: Beijing, Guangdong, Hebei…).
ja: Japan first; zh: China first; other languages: alphabetical by the name shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from common.regions import CHINA, JAPAN, of_country
from core.data.models import Names

JIS_X_0401 = tuple(r.ja for r in of_country(JAPAN))  # 北海道 … 沖縄県 (common/geodata/regions.csv)
GB_T_2260 = tuple(r.ja for r in of_country(CHINA))  # 北京市 … マカオ特別行政区
_RANK = {name: i for i, name in enumerate(JIS_X_0401)} | {name: 100 + i for i, name in enumerate(GB_T_2260)}


def region_order(regions: Mapping[str, Names], japanese: Iterable[str], lang: str) -> list[str]:
    """The region keys (`name_ja`) of `regions` in the order a reader of `lang` looks for them.
    `japanese`: the keys of Japan's regions. A name missing from the tables goes last in its country."""
    japan = set(japanese)

    def code(key: str) -> tuple[int, str]:
        return _RANK.get(key, 999), key

    if lang == "ja":
        return sorted(regions, key=lambda k: (k not in japan, code(k)))
    if lang == "zh":
        return sorted(regions, key=lambda k: (k in japan, code(k) if k in japan else (0, regions[k]["en"].casefold())))
    return sorted(regions, key=lambda k: regions[k].get(lang).casefold())
