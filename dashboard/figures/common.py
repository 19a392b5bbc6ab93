"""Shared look of every figure: colour-blind-safe palette, fonts, number formats."""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.i18n import t
from indicators.formatting import NBSP

# Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies.
BLUE = "#0072B2"
VERMILLION = "#D55E00"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
PURPLE = "#CC79A7"
BLACK = "#000000"
GREY = "#6B6B6B"
SERIES_COLOURS = (BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK)

FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"

# A small template of our own instead of "plotly_white": plotly validates and deep-copies the
# template into every figure, and plotly_white's per-trace defaults made that ~40 ms of each
# hot callback. Registered once; every go.Figure picks it up as the default.
_GRID = {"gridcolor": "#EBF0F8", "linecolor": "#EBF0F8", "zerolinecolor": "#EBF0F8"}
pio.templates["rusmon"] = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "colorway": list(SERIES_COLOURS),
        "xaxis": {**_GRID, "automargin": True},
        "yaxis": {**_GRID, "automargin": True},
        "hovermode": "closest",
    }
)
pio.templates.default = "rusmon"


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators, the same as format_number's: '1 234,5' in
    Swedish with a no-break space (U+00A0) between thousands, '1,234.5' in English. plotly.js
    takes any character here, and with a real minus sign (U+2212) in its formatted numbers an
    axis tick reads exactly as the same value in a hover label, a table or the CLI."""
    return ".," if lang == "en" else "," + NBSP


MOST_TICK_DECIMALS = 6
TICKS = 8  # at most this many ticks on a value axis, about what plotly draws by itself
PADDING = 0.05  # of the values' span, above and below, as plotly's autorange leaves


def number_format(decimals: int) -> str:
    """The d3 format plotly writes a number with `decimals` decimals in, grouped by thousands:
    never an SI suffix ("20k") and never a decimal that a neighbour on the same axis lacks."""
    return f",.{decimals}f"


def step_decimals(step: float) -> int:
    """The decimals a tick step needs: 20 000 → 0, 0,5 → 1, 0,02 → 2."""
    text = f"{abs(step):.{MOST_TICK_DECIMALS}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def plotly_step(span: float, ticks: int = TICKS) -> float:
    """The tick step plotly.js picks for a linear axis `span` wide with `nticks` = `ticks`
    (Axes.autoTicks): the first of 2, 5 and 10 × 10ⁿ above span / ticks."""
    rough = span / ticks
    base = 10.0 ** math.floor(math.log(rough) / math.log(10))  # as plotly.js computes it
    return base * next((m for m in (2, 5) if m > rough / base), 10)


# Once the chart is zoomed, plotly picks another step; these stops give each step its one
# format (2 000 → "2 000", 0,5 → "7,5  8,0  8,5"), so an axis never shows "8" beside "8,5".
# plotly takes the first stop whose dtickrange holds the step.
_EDGE = 1 - 1e-9  # a step of 0.1 may arrive as 0.09999999999999999
TICK_FORMAT_STOPS: tuple[dict, ...] = tuple(
    {
        "dtickrange": [
            _EDGE * 10.0**-d if d < MOST_TICK_DECIMALS else None,
            None if d == 0 else 10.0 ** (1 - d),
        ],
        "value": number_format(d),
    }
    for d in range(MOST_TICK_DECIMALS + 1)
)


def value_axis(
    values: Iterable[float | None],
    decimals: int,
    *,
    zero: bool = False,
    padding: float = PADDING,
    ticks: int = TICKS,
) -> dict:
    """Settings for an axis of an indicator's values, which are shown with `decimals` decimals.

    The range is the values' (with `zero`: from 0, for bars) and `padding` either side, at most
    `ticks` ticks, so the step plotly will pick is known here and `tickformat` gives every tick
    the decimals that step needs, the values' own or fewer ("76  78  80" for percentages with
    one decimal): one format on the axis, grouped and separated as format_number does, no
    "k"/"M". A span of only a few of the values' smallest units is ticked at every unit
    ("44  45  46" for whole numbers, never "44,5"). `hoverformat` has the values' decimals.
    """
    axis: dict = {
        "tickformat": number_format(decimals),
        "tickformatstops": [dict(stop) for stop in TICK_FORMAT_STOPS],
        "hoverformat": number_format(decimals),
        "exponentformat": "none",
    }
    shown = [float(v) for v in values if v is not None and math.isfinite(float(v))]
    if not shown:
        return axis
    low, high = min(shown), max(shown)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    unit = 10.0**-decimals
    pad = (high - low) * padding
    bottom = 0.0 if zero and low == 0 else low - pad
    top = 0.0 if zero and high == 0 else high + pad
    step = plotly_step(top - bottom, ticks) if top > bottom else 0.0
    if step >= unit * _EDGE:
        return axis | {
            "range": [bottom, top],
            "nticks": ticks,
            "tickformat": number_format(step_decimals(step)),
        }
    first, last = math.floor(low / unit + 1e-9), math.ceil(high / unit - 1e-9)
    if last - first < 2:  # at least three ticks: a unit either side
        first, last = first - 1, last + 1
    if zero and low >= 0:
        first = max(first, 0)
    elif zero and high <= 0:
        last = min(last, 0)
    return axis | {
        "range": [
            0.0 if zero and first == 0 else (first - 0.5) * unit,
            0.0 if zero and last == 0 else (last + 0.5) * unit,
        ],
        "tickmode": "linear",
        "tick0": 0,
        "dtick": unit,
    }


def trace_values(figure: go.Figure, axis: str = "y") -> list[float]:
    """Every number a figure's traces place on its x or y axis (bars from their base)."""
    values: list[float] = []
    for trace in figure.data:
        data = getattr(trace, axis, None)
        numbers = [float(v) for v in ([] if data is None else data) if _is_number(v)]
        base = getattr(trace, "base", None)
        if _is_number(base):
            numbers = [float(base) + v for v in numbers] + [float(base)]
        values += numbers
    return values


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def base_layout(lang: str, *, height: int = 420, title: str | None = None) -> dict:
    return {
        "separators": separators(lang),
        "font": {"family": FONT, "size": 14, "color": "#1a1a1a"},
        "height": height,
        "margin": {"l": 10, "r": 20, "t": 90 if title else 40, "b": 50},
        "title": {
            "text": title,
            "x": 0,
            "xanchor": "left",
            "y": 0.98,
            "yref": "container",
            "yanchor": "top",
        }
        if title
        else None,
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "xanchor": "left"},
    }


def empty_figure(message: str | None = None, lang: str = "sv", height: int = 300) -> go.Figure:
    """An explanatory empty figure: says why there is nothing, instead of blank axes."""
    figure = go.Figure()
    figure.update_layout(**base_layout(lang, height=height))
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    figure.add_annotation(
        text=message or t("figure.empty", lang),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 16, "color": GREY},
    )
    return figure
