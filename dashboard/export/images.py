"""Chart images (PNG, SVG, PDF) through kaleido, the chart's data as CSV, and their file names."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import plotly.graph_objects as go

from dashboard.export.browser import calc_image
from dashboard.export.slide import HEIGHT, WIDTH, SlideFrame, slide_figure

FORMATS = ("png", "svg", "pdf")
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
BOM = "\ufeff"

# Letters NFKD does not split into a base letter and an accent.
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "ß": "ss", "ð": "d", "þ": "th"}
)
# NUTS codes (SE125, SE33, FI1D) keep their capitals; every other word is lower-cased.
_NUTS = re.compile(r"[A-Z]{2}[0-9][0-9A-Z]{0,2}")
_MAX_STEM = 120  # characters; well inside every file system's limit


def render(figure: go.Figure, fmt: str, *, width: int, height: int, scale: float = 1) -> bytes:
    """The figure as `fmt` (png, svg or pdf) at `width`×`height` layout px; a PNG has
    `scale` × that many pixels. Starts kaleido on first use (~3 s), then ~0.2 s an image."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; one of {', '.join(FORMATS)}")
    return calc_image(figure, fmt=fmt, width=width, height=height, scale=scale)


def slide_image(figure: go.Figure, frame: SlideFrame, fmt: str, lang: str) -> bytes:
    """The chart on a 16:9 slide: a PNG of exactly 1920×1080 pixels, or the same canvas as
    SVG or a one-page PDF."""
    slide = slide_figure(figure, frame, lang, width=WIDTH, height=HEIGHT)
    return render(slide, fmt, width=WIDTH, height=HEIGHT, scale=1)


def current_size_png(figure: go.Figure, width: int, height: int) -> bytes:
    """The chart as shown on screen, at twice the pixels (sharp on high-density screens)."""
    return render(figure, "png", width=width, height=height, scale=2)


def _slug_word(word: str) -> str:
    return word if _NUTS.fullmatch(word) else word.lower()


def file_name(*parts: str, ext: str) -> str:
    """A readable, ASCII-only file name: accents dropped (å/ä → a, ö → o, é → e), dashes,
    spaces and slashes → "-", lower case except NUTS codes.

    file_name("Arbetslöshet 20–64 år", "SE125", "2019–2022", ext="png")
    == "arbetsloshet-20-64-ar-SE125-2019-2022.png"
    """
    decomposed = unicodedata.normalize(
        "NFKD", " ".join(str(part) for part in parts).translate(_LETTERS)
    )
    text = "".join(c for c in decomposed if not unicodedata.combining(c))  # ö -> o, é -> e
    # Split on anything but letters and digits first: an en dash must separate, not vanish.
    words = [w.encode("ascii", "ignore").decode() for w in re.findall(r"[^\W_]+", text)]
    words = [word for word in words if word]
    stem = "-".join(_slug_word(word) for word in words)[:_MAX_STEM].strip("-") or "rusmon"
    return f"{stem}.{ext.lstrip('.').lower()}"


def chart_csv(frame: pd.DataFrame, lang: str) -> str:
    """A chart's data for Excel. Swedish: `;` between fields and a decimal comma, as Swedish
    Excel reads them; English: commas and decimal points. Both start with a UTF-8 byte order
    mark: without it Excel reads the file as Latin-1 and garbles å, ä and ö."""
    if lang == "sv":
        text = frame.to_csv(index=False, sep=";", decimal=",", lineterminator="\n")
    else:
        text = frame.to_csv(index=False, sep=",", decimal=".", lineterminator="\n")
    return BOM + text
