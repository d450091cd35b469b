"""The CJK font the figures are drawn with.

We rely on Debian's `fonts-noto-cjk` (installed by `.ci/run`, see README "Exports") rather than a
font package: matplotlib finds it through its font manager, offline. Without a CJK font matplotlib
would draw every Japanese/Chinese name as a tofu box, so a missing font is an error, not a fallback.
"""

from __future__ import annotations

from functools import cache

# In order of preference: one family covers ja, en and zh place names.
CJK_FAMILIES = ("Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK TC")


class NoCjkFont(RuntimeError):
    """No font able to draw Japanese and Chinese names is installed."""


@cache
def cjk_family() -> str:
    """The family name of an installed CJK font (raises NoCjkFont when there is none).

    matplotlib is imported here, not with the module: the map page imports this module, and its
    first run must not wait for matplotlib (about 0.3 s) before the map is sent."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    raise NoCjkFont(", ".join(CJK_FAMILIES))
