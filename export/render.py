"""One entry point for every export format: `render(view, fmt, size)` -> the file's bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date

from core.view.tour import TourStep
from export.drawing import Drawing, make_view
from export.fonts import cjk_family, use_truetype
from export.html import standalone_html

FIGURE_FORMATS = ("png", "svg", "pdf")
FORMATS = (*FIGURE_FORMATS, "html", "pptx")  # pptx: the view as a one-slide deck
PACK_FORMATS = ("pptx", "pdf")  # the tour as a deck or as a handout
SIZES = ((1920, 1080), (1600, 1200))  # a 16:9 slide and a 4:3 page or slide
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "html": "text/html",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}

# SVG keeps names as text (searchable, selectable, smaller); PDF embeds the font as TrueType
# outlines (export.fonts.use_truetype: what every viewer draws); file metadata carry no date so that
# one view always gives the same bytes.
RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "lines.scale_dashes": False, "svg.hashsalt": "jcm"}
_METADATA: dict[str, dict] = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}


def figure_bytes(view: Drawing, fmt: str, size: tuple[int, int] = SIZES[0], today: date | None = None,
                 heading: bool = True) -> bytes:
    """The view drawn as PNG, SVG or PDF at `size` (pixels; for SVG/PDF the page's size at 100 dpi),
    without the title and count above the map when not `heading` (a slide has its own title).

    Raises export.fonts.NoCjkFont when no CJK font is installed.
    matplotlib is imported here (see export.fonts.cjk_family)."""
    import matplotlib

    from export.figure import draw

    family = cjk_family()
    with matplotlib.rc_context({**RC, "font.family": family}):
        fig, _ = draw(view, size[0], size[1], family, today, heading)
        if fmt == "pdf":
            use_truetype([fig])
        out = io.BytesIO()
        fig.savefig(out, format=fmt, dpi=fig.dpi, metadata=_METADATA[fmt])
    return out.getvalue()


_JOBS: list[tuple[Drawing, tuple[int, int], date | None]] = []  # what map_pictures' workers draw


def _draw_job(index: int) -> bytes:
    view, size, today = _JOBS[index]
    return figure_bytes(view, "png", size, today, heading=False)


def map_pictures(views: Sequence[Drawing], size: tuple[int, int], today: date | None = None,
                 workers: int = 1) -> list[bytes]:
    """Each view's map as a PNG without its heading (a slide or page has its own title). With
    `workers` > 1 in that many forked processes, which inherit the views (a Dataset does not pickle)
    and send back bytes: only where forking is safe, a command line, never the server's threads."""
    global _JOBS
    _JOBS = [(view, size, today) for view in views]
    try:
        if workers > 1 and len(views) > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                return list(pool.map(_draw_job, range(len(views))))
        return [_draw_job(i) for i in range(len(views))]
    finally:
        _JOBS = []


def render_tour(base: Drawing, fmt: str, tour: Sequence[TourStep], langs: Sequence[str] = (),
                today: date | None = None, workers: int = 1) -> bytes:
    """The tour as a deck (pptx) or an A4 handout (pdf): in each of `langs` (default: `base`'s) one
    after the other, with `base`'s colouring and basemap; its maps drawn by `workers` processes
    (see map_pictures). Raises export.fonts.NoCjkFont."""
    from export.deck import deck_bytes  # python-pptx, pandas and matplotlib: only when a pack is made
    from export.handout import handout_bytes
    from export.pack import tour_pack

    day = today or date.today()
    packs = [tour_pack(make_view(base.dataset, base.coords, base.state.replace(lang=lang)), tour, day)
             for lang in langs or [base.lang]]
    makers = {"pptx": deck_bytes, "pdf": handout_bytes}
    if fmt not in makers:
        raise ValueError(f"unknown format {fmt!r}, expected one of {PACK_FORMATS}")
    return makers[fmt](packs, day, workers)


def render(view: Drawing, fmt: str, size: tuple[int, int] = SIZES[0], today: date | None = None) -> bytes:
    """The export of `view` in `fmt` (one of FORMATS); `size` applies to the figure formats."""
    from export.deck import deck_bytes
    from export.pack import view_pack

    makers: dict[str, Callable[[], bytes]] = {
        "html": lambda: standalone_html(view).encode("utf-8"),
        "pptx": lambda: deck_bytes([view_pack(view)], today),
        **{f: (lambda f=f: figure_bytes(view, f, size, today)) for f in FIGURE_FORMATS},
    }
    if fmt not in makers:
        raise ValueError(f"unknown format {fmt!r}, expected one of {FORMATS}")
    return makers[fmt]()
