"""The CJK font the figures are drawn with.

We rely on Debian's `fonts-noto-cjk` (installed by `.ci/run`, see README "Exports") rather than a
font package: matplotlib finds it through its font manager, offline. Without a CJK font matplotlib
would draw every Japanese/Chinese name as a tofu box, so a missing font is an error, not a fallback.
"""

from __future__ import annotations

import atexit
import hashlib
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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


# PDF viewers and the font's outlines: Noto Sans CJK is OpenType with CFF (cubic) outlines, but
# matplotlib's PDF backend (pdf.fonttype 42) always declares a font as CIDFontType2, which means
# TrueType outlines. poppler then warns "Mismatch between font type and embedded font file" and
# MuPDF (SumatraPDF and other MuPDF viewers) draws no text at all. Debian ships no TrueType-outline
# build of Noto Sans CJK, so a PDF is drawn with a TrueType copy made with fontTools: the font
# reduced to the characters the document uses (which is fast: ~1 s), then its outlines converted
# to quadratic curves (cu2qu, the converter fontTools itself uses for TrueType builds). Widths and
# metrics are kept, so the layout measured with the original font stays exact.

_CU2QU_MAX_ERR = 1.0  # font units (of 1000 per em): far below a printed dot


def _quadratic(font) -> None:
    """Replace `font`'s CFF outlines by TrueType ones (glyf/loca), in place."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, _CU2QU_MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    glyf.compile(font)  # computes each glyph's bounding box
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: a PDF addresses glyphs by index
    font.sfntVersion = "\x00\x01\x00\x00"


@cache
def _truetype_dir() -> Path:
    """This process's folder of TrueType copies (removed when the process ends)."""
    folder = tempfile.TemporaryDirectory(prefix="jcm-fonts-")
    atexit.register(folder.cleanup)
    return Path(folder.name)


@cache
def truetype_copy(path: str, face: int, chars: frozenset[str]) -> str:
    """A TrueType-outline file of face `face` of font file `path`, holding `chars` (a path)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=face, lazy=True)
    options = subset.Options(hinting=False, notdef_outline=True, name_IDs=["*"], name_languages=["*"])
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    if "CFF " in font:
        _quadratic(font)
    digest = hashlib.sha256(f"{path}\0{face}\0{''.join(sorted(chars))}".encode()).hexdigest()[:16]
    out = _truetype_dir() / f"{digest}.ttf"
    font.save(str(out))
    return str(out)


def use_truetype(figures: Iterable[Figure]) -> None:
    """Point every text of `figures` at a TrueType-outline copy of its font, made for the characters
    all of them use (one copy per font for a whole document), before they are saved as PDF."""
    from matplotlib import font_manager
    from matplotlib.text import Text

    texts = [a for fig in figures for a in fig.findobj(Text) if a.get_text()]
    by_font: dict[tuple[str, int], list[Text]] = {}
    for text in texts:
        found = font_manager.findfont(text.get_fontproperties())
        by_font.setdefault((str(found), getattr(found, "face_index", 0)), []).append(text)
    for (path, face), group in by_font.items():
        # "lp": matplotlib measures every line's descent on these two letters
        copy = truetype_copy(path, face, frozenset("lp" + "".join(t.get_text() for t in group)))
        for text in group:
            props = text.get_fontproperties().copy()
            props.set_file(copy)
            text.set_fontproperties(props)
