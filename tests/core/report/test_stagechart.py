"""core.report.stagechart: one entity's stage at each snapshot as an SVG picture, escaped, in the
map's colours and the reader's language."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET

import pytest

from common.i18n import format_date, label, t
from core.data.models import Stage
from core.palette import LINK_STYLES
from core.report.stagechart import entity_stage_svg, picture

OLD, NEW = "2014-05-31", "2015-03-31"
SVG = "{http://www.w3.org/2000/svg}"


def _tree(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML: nothing in it was left unescaped


@pytest.mark.parametrize("lang", ["ja", "en", "zh"])
def test_a_point_per_snapshot_in_the_stage_colour_on_its_row(two_snapshots, lang) -> None:
    root = _tree(entity_stage_svg(two_snapshots, "河北省", lang))
    assert root.find(f"{SVG}title").text == t("chart.entity_stages", lang)
    texts = [e.text for e in root.iter(f"{SVG}text")]
    assert texts[0] == t("chart.entity_stages", lang)
    assert [label(s, lang) for s in Stage] == texts[1:1 + len(Stage)]  # the most advanced at the top
    assert texts[-2:] == [format_date(OLD, lang), format_date(NEW, lang)]
    points = list(root.iter(f"{SVG}circle"))
    assert [p.get("fill") for p in points] == [LINK_STYLES["stage"][Stage.NO_STATUS]["color"],
                                              LINK_STYLES["stage"][Stage.CONSULTATION_PLANNED]["color"]]
    rows = {e.text: float(e.get("y")) for e in root.iter(f"{SVG}text") if e.get("text-anchor") == "end" and e.get("y")}
    assert float(points[1].get("cy")) == rows[label(Stage.CONSULTATION_PLANNED, lang)]
    assert float(points[0].get("cy")) == rows[label(Stage.NO_STATUS, lang)]
    assert len(list(root.iter(f"{SVG}polyline"))) == 1  # the points joined


def test_it_fits_its_words_and_its_picture_says_each_dates_stage(two_snapshots) -> None:
    svg = entity_stage_svg(two_snapshots, "北京市", "en")
    width = int(_tree(svg).get("width"))
    longest = max(len(label(s, "en")) for s in Stage)
    assert width > longest * 14 * 0.56 + 2 * 56  # the stage names and a column per date
    html = picture(two_snapshots, "北京市", "en")
    assert "max-width: 100%" in html and not re.search(r'width="100%"', html)
    assert base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", html).group(1)).decode() == svg
    said = re.search(r'alt="([^"]*)"', html).group(1)
    assert said.startswith(t("chart.entity_stages", "en")) and format_date(NEW, "en") in said


def test_one_snapshot_is_one_point_and_no_line(bundled_dataset) -> None:
    root = _tree(entity_stage_svg(bundled_dataset, "天津市", "ja"))
    assert len(list(root.iter(f"{SVG}circle"))) == 1 and not list(root.iter(f"{SVG}polyline"))
