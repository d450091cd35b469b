"""Colour math for the link-colour tests: colour-vision deficiency simulation, CIEDE2000, WCAG contrast.

- Simulation: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation
  of Color Vision Deficiency", IEEE TVCG 15(6); the severity-1.0 matrices of their table, applied
  to linear RGB.
- Distance: CIEDE2000 (Sharma, Wu & Dalal 2005, "The CIEDE2000 Color-Difference Formula:
  Implementation Notes..."), on CIELAB under D65.
- Contrast: WCAG 2.x relative luminance and contrast ratio.
"""

from __future__ import annotations

import numpy as np

MACHADO = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
_SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                         [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_D65 = np.array([0.95047, 1.0, 1.08883])


def srgb(hex_colour: str) -> np.ndarray:
    """'#RRGGBB' -> sRGB in 0..1."""
    h = hex_colour.lstrip("#")
    return np.array([int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)])


def to_linear(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def simulate(linear: np.ndarray, deficiency: str | None) -> np.ndarray:
    """Linear RGB as seen with the deficiency (None: normal vision), clipped to the gamut."""
    if deficiency is None:
        return linear
    return np.clip(MACHADO[deficiency] @ linear, 0.0, 1.0)


def lab(linear: np.ndarray) -> np.ndarray:
    """Linear sRGB -> CIELAB (D65)."""
    xyz = _SRGB_TO_XYZ @ linear / _D65
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> float:
    """ΔE00 between two CIELAB colours (kL = kC = kH = 1)."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_bar**7 / (c_bar**7 + 25.0**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360 if c2p else 0.0
    dLp, dCp = L2 - L1, c2p - c1p
    dh = h2p - h1p
    if c1p * c2p == 0:
        dh = 0.0
    elif dh > 180:
        dh -= 360
    elif dh < -180:
        dh += 360
    dHp = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    Lbp, Cbp = (L1 + L2) / 2, (c1p + c2p) / 2
    hsum = h1p + h2p
    if c1p * c2p == 0:
        hbp = hsum
    elif abs(h1p - h2p) <= 180:
        hbp = hsum / 2
    else:
        hbp = (hsum + 360) / 2 if hsum < 360 else (hsum - 360) / 2
    t = (1 - 0.17 * np.cos(np.radians(hbp - 30)) + 0.24 * np.cos(np.radians(2 * hbp))
         + 0.32 * np.cos(np.radians(3 * hbp + 6)) - 0.20 * np.cos(np.radians(4 * hbp - 63)))
    d_theta = 30 * np.exp(-(((hbp - 275) / 25) ** 2))
    rc = 2 * np.sqrt(Cbp**7 / (Cbp**7 + 25.0**7))
    sl = 1 + 0.015 * (Lbp - 50) ** 2 / np.sqrt(20 + (Lbp - 50) ** 2)
    sc = 1 + 0.045 * Cbp
    sh = 1 + 0.015 * Cbp * t
    rt = -np.sin(np.radians(2 * d_theta)) * rc
    return float(np.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh)))


def distance(hex1: str, hex2: str, deficiency: str | None) -> float:
    """ΔE00 between two sRGB colours as a viewer with `deficiency` sees them."""
    return ciede2000(*(lab(simulate(to_linear(srgb(h)), deficiency)) for h in (hex1, hex2)))


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance."""
    return float(np.array([0.2126, 0.7152, 0.0722]) @ to_linear(srgb(hex_colour)))


def contrast(hex1: str, hex2: str) -> float:
    """WCAG contrast ratio, 1..21."""
    hi, lo = sorted((luminance(hex1), luminance(hex2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
