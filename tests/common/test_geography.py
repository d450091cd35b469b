"""Japan's prefecture outlines are shipped data (common/geodata/), exactly japanmap 0.6.0's, without japanmap."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from common.geography import JAPAN_PREFECTURES, japan_prefecture_rings

# Of japanmap.pref_points(japanmap.get_data()) as shapely Polygons, taken before japanmap was dropped.
JAPANMAP_RINGS_SHA256 = "b49925e21e1fc1f3f60d1682faeed4789cde8b054202088e075ed059d36d1282"


def test_the_outlines_are_japanmaps_to_the_last_digit() -> None:
    rings = japan_prefecture_rings()
    assert (len(rings), list(rings)[0], list(rings)[-1]) == (47, "北海道", "沖縄県")  # JIS order
    assert sum(len(polygon.exterior.coords) for polygon in rings.values()) == 5667  # 5666 + 島根県 closed
    coordinates = [[name, [list(point) for point in polygon.exterior.coords]] for name, polygon in rings.items()]
    assert hashlib.sha256(json.dumps(coordinates).encode()).hexdigest() == JAPANMAP_RINGS_SHA256


def test_the_outlines_need_no_japanmap() -> None:
    """japanmap declares opencv-python, so installing it breaks `pip check`: nothing may import it."""
    blocked = "import sys; sys.modules['japanmap'] = None\nfrom common.geography import japan_prefecture_rings\n"
    run = subprocess.run([sys.executable, "-c", blocked + "print(len(japan_prefecture_rings()))"],
                         capture_output=True, text=True, cwd=JAPAN_PREFECTURES.parents[2])
    assert (run.returncode, run.stdout.strip()) == (0, "47"), run.stderr


def test_the_data_names_its_source_and_licence() -> None:
    note = (JAPAN_PREFECTURES.parent / "SOURCE.md").read_text(encoding="utf-8")
    assert "japanmap 0.6.0" in note and "Apache License 2.0" in note
    assert "Apache License" in (JAPAN_PREFECTURES.parent / "LICENSE").read_text(encoding="utf-8")
