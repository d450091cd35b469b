"""A PDF drawn by the two viewer families people use: poppler (`pdftoppm`, `pdftotext`, `pdffonts`:
Evince, Okular, many browsers' print previews) and MuPDF (`mutool`: SumatraPDF, many Windows
laptops). What one draws the other must draw too, with no warning on the way."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
from PIL import Image

from tests.needs import command

MUPDF_BUILD_NOTICE = "warning: ICC support is not available"  # how Debian built mutool, not the file


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)


def fonts(pdf: Path) -> str:
    """`pdffonts`' table of the file's fonts."""
    return _run([command("pdffonts", "poppler-utils"), str(pdf)]).stdout


def text(pdf: Path, page: int | None = None) -> str:
    """The file's text as poppler extracts it (one page, or all)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _run([command("pdftotext", "poppler-utils"), "-layout", *pages, str(pdf), "-"]).stdout


def draw_both(pdf: Path, out: Path, page: int = 1, dpi: int = 72) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Page `page` as grey pixels by poppler and by MuPDF, and every warning either printed."""
    poppler = _run([command("pdftoppm", "poppler-utils"), "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-png", "-singlefile", str(pdf), str(out / "poppler")])
    mupdf = _run([command("mutool", "mupdf-tools"), "draw", "-r", str(dpi), "-o", str(out / "mupdf.png"),
                  str(pdf), str(page)])
    warnings = [line for proc in (poppler, mupdf) for line in (proc.stderr + proc.stdout).splitlines()
                if line.strip() and line.strip() != MUPDF_BUILD_NOTICE and not line.startswith("page ")]
    grey = [np.asarray(Image.open(out / name).convert("L"), dtype=int) for name in ("poppler.png", "mupdf.png")]
    return grey[0], grey[1], warnings


def ink(pixels: np.ndarray, box: tuple[float, float, float, float]) -> int:
    """How many dark pixels (text, lines) are in `box` (fractions of the page: left, top, right, bottom)."""
    h, w = pixels.shape
    left, top, right, bottom = box
    return int((pixels[int(top * h):int(bottom * h), int(left * w):int(right * w)] < 110).sum())
