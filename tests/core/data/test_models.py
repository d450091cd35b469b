"""core.data.models: the one `is_region` (what the region filter treats as a region), and `Names`, a
mapping by language, immutable, hashable, with the Japanese fallback."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.data.models import Names, PlaceKind


@pytest.mark.parametrize(
    ("kind", "region"),
    [
        (PlaceKind.PREFECTURE, True),
        (PlaceKind.PROVINCE, True),
        (PlaceKind.MUNICIPALITY, True),  # 直轄市 (北京, 天津, 上海) contain their districts and bodies
        (PlaceKind.CITY, False),
        (PlaceKind.NATIONAL_BODY, False),
    ],
)
def test_is_region(kind: PlaceKind, region: bool) -> None:
    assert kind.is_region is region


def test_every_kind_is_decided() -> None:
    assert {k.value for k in PlaceKind} == {"prefecture", "province", "municipality", "city", "national_body"}


LANG_CODES = st.sampled_from(["ja", "en", "zh", "ko", "fr"])
BY_LANG = st.dictionaries(LANG_CODES, st.text(max_size=8))


@given(BY_LANG, LANG_CODES)
def test_get_is_the_language_or_else_the_japanese(by_lang, lang):
    names = Names(by_lang)
    assert names.get(lang) == (by_lang.get(lang) or by_lang.get("ja", ""))
    assert names.ja == by_lang.get("ja", "")
    assert dict(names) == by_lang and names.all() == tuple(by_lang.values())


@given(BY_LANG)
def test_equal_names_hash_alike_whatever_the_order(by_lang):
    reordered = dict(reversed(list(by_lang.items())))
    assert Names(by_lang) == Names(reordered) and hash(Names(by_lang)) == hash(Names(reordered))
    assert len({Names(by_lang), Names(reordered)}) == 1


def test_names_cannot_be_changed():
    source = {"ja": "神戸市", "en": "Kobe"}
    names = Names(source)
    source["en"] = "changed"
    assert names["en"] == "Kobe"  # a copy, not a view of the caller's dict
    with pytest.raises(AttributeError):
        names._by_lang = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        names["en"] = "x"  # type: ignore[index]
