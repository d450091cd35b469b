"""common/i18n.browser_lang: the language a participant's browser asks for (ui/session.device_lang)."""

from __future__ import annotations

import pytest

from common.i18n import browser_lang


@pytest.mark.parametrize(("locale", "accept", "expected"), [
    ("zh-CN", "ja,en;q=0.8", "zh"),  # navigator.language first
    (None, "zh-CN,zh;q=0.9,en;q=0.8", "zh"),
    (None, "fr-FR,fr;q=0.9,en-US;q=0.8,ja;q=0.7", "en"),  # the first one the app speaks
    (None, "ja;q=0.2, zh-TW;q=0.9", "zh"),  # by weight, not by order
    (None, "zh;q=0, en", "en"),  # q=0: not acceptable
    (None, "zh;q=x, en;q=0.5", "en"),  # a weight that is no number counts as none
    ("fr-FR", "de,fr", None),  # none the app speaks
    (None, None, None),
    ("", "", None),
    ("EN-gb", None, "en"),
])
def test_the_browser_s_language(locale: str | None, accept: str | None, expected: str | None) -> None:
    assert browser_lang(locale, accept) == expected
