"""The programme's 21 places as GeocodeQuery, plus reference centres for the tests."""

from geographiclib.geodesic import Geodesic

from geo.query import GeocodeQuery


def _q(key: str, en: str, zh: str, kind: str, country: str,
       region: tuple[str, str, str] | None = None) -> GeocodeQuery:
    rj, re, rz = region or (key, en, zh)  # a region lies in itself
    return GeocodeQuery(key, key, en, zh, kind, country, rj, re, rz)


KANAGAWA = ("神奈川県", "Kanagawa", "神奈川县")
MIE = ("三重県", "Mie", "三重县")
HYOGO = ("兵庫県", "Hyogo", "兵库县")
FUKUOKA = ("福岡県", "Fukuoka", "福冈县")
LIAONING = ("遼寧省", "Liaoning", "辽宁省")
HUBEI = ("湖北省", "Hubei", "湖北省")
HEBEI = ("河北省", "Hebei", "河北省")
BEIJING = ("北京市", "Beijing", "北京市")

PLACES: list[GeocodeQuery] = [
    _q("東京都", "Tokyo", "东京都", "prefecture", "JP"),
    _q("富山県", "Toyama", "富山县", "prefecture", "JP"),
    _q("長野県", "Nagano", "长野县", "prefecture", "JP"),
    _q("兵庫県", "Hyogo", "兵库县", "prefecture", "JP"),
    _q("福岡県", "Fukuoka", "福冈县", "prefecture", "JP"),
    _q("川崎市", "Kawasaki", "川崎市", "city", "JP", KANAGAWA),
    _q("四日市市", "Yokkaichi", "四日市市", "city", "JP", MIE),
    _q("神戸市", "Kobe", "神户市", "city", "JP", HYOGO),
    _q("北九州市", "Kitakyushu", "北九州市", "city", "JP", FUKUOKA),
    _q("北京市", "Beijing", "北京市", "municipality", "CN"),
    _q("天津市", "Tianjin", "天津市", "municipality", "CN"),
    _q("上海市", "Shanghai", "上海市", "municipality", "CN"),
    _q("遼寧省", "Liaoning", "辽宁省", "province", "CN"),
    _q("河北省", "Hebei", "河北省", "province", "CN"),
    _q("広東省", "Guangdong", "广东省", "province", "CN"),
    _q("江蘇省", "Jiangsu", "江苏省", "province", "CN"),
    _q("瀋陽市", "Shenyang", "沈阳市", "city", "CN", LIAONING),
    _q("武漢市", "Wuhan", "武汉市", "city", "CN", HUBEI),
    _q("唐山市", "Tangshan", "唐山市", "city", "CN", HEBEI),
    _q("環境保護部", "Ministry of Environmental Protection", "环境保护部", "national_body", "CN",
       BEIJING),
    _q("日中友好環境保全センター", "Sino-Japan Friendship Centre for Environmental Protection",
       "中日友好环境保护中心", "national_body", "CN", BEIJING),
]
BY_KEY = {q.key: q for q in PLACES}

# City centres (city hall / commonly cited centre), WGS84, written from general knowledge.
CITY_CENTRES: dict[str, tuple[float, float]] = {
    "川崎市": (35.531, 139.703),
    "四日市市": (34.965, 136.624),
    "神戸市": (34.690, 135.196),
    "北九州市": (33.883, 130.875),
    "瀋陽市": (41.806, 123.432),
    "武漢市": (30.593, 114.305),
    "唐山市": (39.630, 118.180),
    "北京市": (39.904, 116.407),
    "天津市": (39.125, 117.190),  # the city centre, not the municipality's middle
    "上海市": (31.230, 121.474),
}


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance on WGS84, in km."""
    return Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"] / 1000
