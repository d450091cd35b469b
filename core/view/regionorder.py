"""The order of prefectures and provinces in the reader's language (the region filter's list).

Babel's collation is not available here, so the orders are explicit, language-independent rules:
Japanese prefectures in JIS X 0401 code order (北海道 … 沖縄県, the order every Japanese list uses),
Chinese province-level divisions in GB/T 2260 code order for a Japanese reader, and by their pinyin
for a Chinese reader (a Chinese region's English name is its pinyin: Beijing, Guangdong, Hebei…).
ja: Japan first; zh: China first; other languages: alphabetical by the name shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from core.data.models import Names

JIS_X_0401 = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県",
    "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",
    "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県",
    "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県",
    "宮崎県", "鹿児島県", "沖縄県",
)
GB_T_2260 = (
    "北京市", "天津市", "河北省", "山西省", "内モンゴル自治区", "遼寧省", "吉林省", "黒竜江省", "上海市", "江蘇省",
    "浙江省", "安徽省", "福建省", "江西省", "山東省", "河南省", "湖北省", "湖南省", "広東省", "広西チワン族自治区",
    "海南省", "重慶市", "四川省", "貴州省", "雲南省", "チベット自治区", "陝西省", "甘粛省", "青海省",
    "寧夏回族自治区", "新疆ウイグル自治区", "台湾省", "香港特別行政区", "マカオ特別行政区",
)
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
