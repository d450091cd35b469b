"""What each sidebar filter selects on the bundled data."""

from __future__ import annotations

import pytest

from core.data.models import Dataset, RelationType, Stage
from core.view.filters import ActiveFilters, apply_filter, year_bounds
from core.view.state import ViewState

TOKYO_BEIJING = "東京都–北京市"
TOYAMA_LIAONING = "富山県–遼寧省"
NAGANO_HEBEI = "長野県–河北省"
HYOGO_GUANGDONG = "兵庫県–広東省"
FUKUOKA_JIANGSU = "福岡県–江蘇省"
KAWASAKI_SHENYANG = "川崎市–瀋陽市"
YOKKAICHI_TIANJIN = "四日市市–天津市"
KOBE_TIANJIN = "神戸市–天津市"
KITAKYUSHU_SHANGHAI = "北九州市–上海市"
KITAKYUSHU_TIANJIN = "北九州市–天津市"
KITAKYUSHU_WUHAN = "北九州市–武漢市"
KITAKYUSHU_TANGSHAN = "北九州市–唐山市"
KITAKYUSHU = {KITAKYUSHU_SHANGHAI, KITAKYUSHU_TIANJIN, KITAKYUSHU_WUHAN, KITAKYUSHU_TANGSHAN}
ALL_LINKS = {
    TOKYO_BEIJING, TOYAMA_LIAONING, NAGANO_HEBEI, HYOGO_GUANGDONG, FUKUOKA_JIANGSU, KAWASAKI_SHENYANG,
    YOKKAICHI_TIANJIN, KOBE_TIANJIN, *KITAKYUSHU,
}
BODIES = {"環境保護部", "日中友好環境保全センター"}
DATED_1980_1983 = {NAGANO_HEBEI, HYOGO_GUANGDONG, KAWASAKI_SHENYANG, YOKKAICHI_TIANJIN}


def view_filter(values: dict | None = None) -> ActiveFilters:
    """The active filters of a view with these parameter values (names as in the URL)."""
    return ViewState.of(**(values or {})).filter


def ends(*links: str) -> set[str]:
    return {name for link in links for name in link.split("–")}


# (filter, expected partnership keys, expected place keys — None where only the links matter)
CASES = [
    pytest.param(view_filter(), ALL_LINKS, ends(*ALL_LINKS) | BODIES, id="no-filter"),
    pytest.param(view_filter({"province": ("河北省",)}), {NAGANO_HEBEI, KITAKYUSHU_TANGSHAN},
                 ends(NAGANO_HEBEI, KITAKYUSHU_TANGSHAN), id="province-hebei-includes-tangshan"),
    pytest.param(view_filter({"province": ("福岡県",)}), {FUKUOKA_JIANGSU, *KITAKYUSHU},
                 ends(FUKUOKA_JIANGSU, *KITAKYUSHU), id="prefecture-fukuoka-includes-kitakyushu"),
    pytest.param(view_filter({"province": ("兵庫県",)}), {HYOGO_GUANGDONG, KOBE_TIANJIN},
                 ends(HYOGO_GUANGDONG, KOBE_TIANJIN), id="prefecture-hyogo-includes-kobe"),
    pytest.param(view_filter({"province": ("北京市",)}), {TOKYO_BEIJING}, ends(TOKYO_BEIJING) | BODIES,
                 id="beijing-includes-national-bodies"),
    pytest.param(view_filter({"province": ("遼寧省",)}), {TOYAMA_LIAONING, KAWASAKI_SHENYANG},
                 ends(TOYAMA_LIAONING, KAWASAKI_SHENYANG), id="province-liaoning-includes-shenyang"),
    pytest.param(view_filter({"province": ("湖北省",)}), {KITAKYUSHU_WUHAN}, ends(KITAKYUSHU_WUHAN),
                 id="region-known-only-as-a-container"),
    pytest.param(view_filter({"province": ("河北省", "兵庫県")}), {NAGANO_HEBEI, KITAKYUSHU_TANGSHAN, HYOGO_GUANGDONG,
                 KOBE_TIANJIN}, None, id="two-regions-union"),
    pytest.param(view_filter({"from": 1980, "to": 1983, "undated": False}), DATED_1980_1983,
                 ends(*DATED_1980_1983), id="years-1980-1983-without-undated"),
    pytest.param(view_filter({"from": 1980, "to": 1983}), DATED_1980_1983 | KITAKYUSHU, None,
                 id="years-1980-1983-with-undated"),
    pytest.param(view_filter({"from": 1973, "to": 1973, "undated": False}), {KOBE_TIANJIN}, None,
                 id="single-year-lower-bound-inclusive"),
    pytest.param(view_filter({"from": 1992, "undated": False}), {FUKUOKA_JIANGSU}, None,
                 id="open-upper-bound"),
    pytest.param(view_filter({"undated": False}), ALL_LINKS - KITAKYUSHU, ends(*(ALL_LINKS - KITAKYUSHU)),
                 id="undated-excluded-drops-unlinked-places"),
    pytest.param(view_filter({"relation": (RelationType.COOPERATION_REQUEST,)}),
                 {KITAKYUSHU_WUHAN, KITAKYUSHU_TANGSHAN},
                 ends(KITAKYUSHU_WUHAN, KITAKYUSHU_TANGSHAN), id="relation-cooperation-request"),
    pytest.param(view_filter({"relation": (RelationType.LOCAL_OFFICE, RelationType.ENVIRONMENTAL_EXCHANGE)}),
                 {KITAKYUSHU_SHANGHAI, KITAKYUSHU_TIANJIN}, None, id="two-relations"),
    pytest.param(view_filter({"stage": (Stage.NEARLY_AGREED,)}),
                 {YOKKAICHI_TIANJIN, KOBE_TIANJIN, KITAKYUSHU_TIANJIN, KITAKYUSHU_SHANGHAI},
                 ends(YOKKAICHI_TIANJIN, KOBE_TIANJIN, KITAKYUSHU_TIANJIN, KITAKYUSHU_SHANGHAI),
                 id="stage-nearly-agreed"),
    pytest.param(view_filter({"stage": (Stage.NO_STATUS,)}), {TOYAMA_LIAONING, NAGANO_HEBEI, KITAKYUSHU_TANGSHAN},
                 ends(TOYAMA_LIAONING, NAGANO_HEBEI, KITAKYUSHU_TANGSHAN), id="stage-no-status"),
    pytest.param(view_filter({"stage": (Stage.PLATFORM_AGREED,)}), set(), BODIES,
                 id="stage-platform-agreed-only-unlinked-bodies"),
    pytest.param(view_filter({"stage": (Stage.IN_COORDINATION,)}), {TOKYO_BEIJING, KAWASAKI_SHENYANG, FUKUOKA_JIANGSU},
                 None, id="stage-in-coordination"),
    pytest.param(view_filter({"q": "tianjin"}), {YOKKAICHI_TIANJIN, KOBE_TIANJIN, KITAKYUSHU_TIANJIN},
                 ends(YOKKAICHI_TIANJIN, KOBE_TIANJIN, KITAKYUSHU_TIANJIN), id="search-english-lower"),
    pytest.param(view_filter({"q": "天津"}), {YOKKAICHI_TIANJIN, KOBE_TIANJIN, KITAKYUSHU_TIANJIN}, None,
                 id="search-japanese-partial"),
    pytest.param(view_filter({"q": "ＴＩＡＮＪＩＮ"}), {YOKKAICHI_TIANJIN, KOBE_TIANJIN, KITAKYUSHU_TIANJIN}, None,
                 id="search-full-width-upper"),
    pytest.param(view_filter({"q": "沈阳"}), {KAWASAKI_SHENYANG}, None, id="search-chinese-name"),
    pytest.param(view_filter({"q": "環境"}), set(), BODIES, id="search-matches-unlinked-places-only"),
    pytest.param(view_filter({"q": "kitakyushu", "relation": (RelationType.COOPERATION_REQUEST,)}),
                 {KITAKYUSHU_WUHAN, KITAKYUSHU_TANGSHAN}, None, id="search-and-relation"),
    pytest.param(view_filter({"province": ("兵庫県",), "stage": (Stage.NEARLY_AGREED,)}), {KOBE_TIANJIN}, None,
                 id="region-and-stage"),
    pytest.param(view_filter({"q": "zzz"}), set(), set(), id="search-matching-nothing"),
    pytest.param(view_filter({"province": ("大阪府",)}), set(), set(), id="unknown-region"),
    pytest.param(view_filter({"from": 1990, "to": 1980, "undated": False}), set(), set(),
                 id="inverted-year-range"),
    pytest.param(view_filter({"province": ("河北省",), "relation": (RelationType.LOCAL_OFFICE,)}), set(), set(),
                 id="contradictory-filters"),
]


@pytest.mark.parametrize(("active", "links", "places"), CASES)
def test_apply_filter(bundled_dataset: Dataset, active, links, places):
    view = apply_filter(bundled_dataset, active)
    assert {p.key for p in view.partnerships} == links
    if places is not None:
        assert {p.key for p in view.places} == places
    # every shown link has both ends shown
    assert ends(*(p.key for p in view.partnerships)) <= {p.key for p in view.places}


def test_view_keeps_the_datas_order(bundled_dataset: Dataset):
    view = apply_filter(bundled_dataset, view_filter())
    assert view.partnerships == bundled_dataset.partnerships
    assert view.places == tuple(bundled_dataset.places.values())
    assert (len(view.partnerships), len(view.places)) == (12, 21)


def test_year_bounds(bundled_dataset: Dataset):
    assert year_bounds(bundled_dataset) == (1973, 1992)


def test_year_bounds_without_any_year(bundled_dataset: Dataset):
    undated = Dataset(bundled_dataset.places, tuple(p for p in bundled_dataset.partnerships if p.year is None), {})
    assert year_bounds(undated) is None
