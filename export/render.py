"""One entry point for every export format: `render(view, fmt, size)` -> the file's bytes."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

from export.fonts import cjk_family, use_truetype
from export.html import standalone_html
from export.view import ExportView

FIGURE_FORMATS = ("png", "svg", "pdf")
FORMATS = (*FIGURE_FORMATS, "html")
SIZES = ((1920, 1080), (1600, 1200))  # a 16:9 slide and a 4:3 page or slide
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "html": "text/html"}

# SVG keeps names as text (searchable, selectable, smaller); PDF embeds the font as TrueType
# outlines (export.fonts.use_truetype: what every viewer draws); file metadata carry no date so that one view always gives the same bytes.
_RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "lines.scale_dashes": False, "svg.hashsalt": "jcm"}
_METADATA: dict[str, dict] = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}


def figure_bytes(view: ExportView, fmt: str, size: tuple[int, int] = SIZES[0], today: date | None = None) -> bytes:
    """The view drawn as PNG, SVG or PDF at `size` (pixels; for SVG/PDF the page's size at 100 dpi).

    Raises export.fonts.NoCjkFont when no CJK font is installed.
    matplotlib is imported here (see export.fonts.cjk_family)."""
    import matplotlib

    from export.figure import draw

    family = cjk_family()
    with matplotlib.rc_context({**_RC, "font.family": family}):
        fig, _ = draw(view, size[0], size[1], family, today)
        if fmt == "pdf":
            use_truetype([fig])
        out = io.BytesIO()
        fig.savefig(out, format=fmt, dpi=fig.dpi, metadata=_METADATA[fmt])
    return out.getvalue()


def render(view: ExportView, fmt: str, size: tuple[int, int] = SIZES[0], today: date | None = None) -> bytes:
    """The export of `view` in `fmt` (one of FORMATS); `size` applies to the figure formats."""
    makers: dict[str, Callable[[], bytes]] = {
        "html": lambda: standalone_html(view).encode("utf-8"),
        **{f: (lambda f=f: figure_bytes(view, f, size, today)) for f in FIGURE_FORMATS},
    }
    if fmt not in makers:
        raise ValueError(f"unknown format {fmt!r}, expected one of {FORMATS}")
    return makers[fmt]()
