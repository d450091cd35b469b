"""The model's one `is_region`: what the region filter treats as a region (data/README.md)."""

from __future__ import annotations

import pytest

from core.models import PlaceKind


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
