"""What a spreadsheet cell may hide: full-width forms typed with a Japanese IME, and invisible
characters (zero-width spaces, a BOM pasted mid-text, no-break or full-width spaces) that make two
names look equal while they differ. The loader points these out instead of failing mysteriously.
"""

from __future__ import annotations

import unicodedata

# Full-width ASCII (！ … ～) and the ideographic space, as a Japanese IME types them.
_HALFWIDTH = {0xFF01 + i: 0x21 + i for i in range(94)} | {0x3000: 0x20}
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Co", "Cs", "Zl", "Zp")


def to_halfwidth(text: str) -> str:
    """Fold full-width ASCII to ASCII (and nothing else: unlike NFKC, '①' or '²' stay as they are)."""
    return text.translate(_HALFWIDTH)


def is_hidden(char: str) -> bool:
    """A character one cannot see in a cell: control/format characters and every space but ' '."""
    category = unicodedata.category(char)
    return category in _INVISIBLE_CATEGORIES or (category == "Zs" and char != " ")


def first_hidden(text: str) -> int | None:
    """The index of the first hidden character in `text`, or None."""
    return next((i for i, char in enumerate(text) if is_hidden(char)), None)


def without_hidden(text: str) -> str:
    return "".join(char for char in text if not is_hidden(char))


def describe(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE': the code point and its Unicode name, which every editor can search for."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()
