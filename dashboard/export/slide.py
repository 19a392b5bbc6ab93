"""A chart laid out for a 16:9 conference slide: big type for a projector, the title and what
it shows at the top, the caveats in words and the source at the bottom, nothing cut at an edge.

Pure: a figure in, a new figure out (no Dash, no database, no browser).

Plotly places annotations only relative to the plot area ("paper"), so the margins are
computed here from estimated text widths and the bottom lines are positioned from those
margins. Axis automargin stays on as a safety net; it only ever widens a margin.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import KW_ONLY, dataclass
from html import escape
from typing import Any

import plotly.graph_objects as go

from dashboard.figures.common import FONT, GREY, separators

WIDTH, HEIGHT = 1920, 1080
PAD = 48  # px of white at every edge: projectors crop, and text must not touch the border
BASE_SIZE = 26
TITLE_SIZE = 44
SUBTITLE_SIZE = 30
AXIS_TITLE_SIZE = 28
LEGEND_SIZE = 24
NOTE_SIZE = 22
SOURCE_SIZE = 20
MIN_TICK_SIZE = 14  # the floor when many categories share the height
# A generous average glyph width in em (real sans-serif text averages ~0.5): lines wrapped and
# margins reserved with it never overflow.
CHAR_EM = 0.6
LINE_HEIGHT = 1.3  # plotly's line spacing in multi-line text
BASELINE_EM = 0.7  # a top-anchored line's baseline sits this far below its top
DESCENT_EM = 0.22  # below the baseline: descenders
SUBTITLE_GAP = 1.6  # em of the subtitle's size from the title's box to the subtitle's y
LINE_SCALE = 1.4  # thicker lines and bigger markers: a projector washes thin ones out
TEXT_COLOUR = "#1a1a1a"
SIDE_NOTES = 0.34  # a map's notes: this share of the usable width, right of the map
COLOURBAR_ROOM = 150  # px for a map's colour bar and its title, right of the map


@dataclass(frozen=True)
class SlideFrame:
    """What a slide says around its chart.

    `subtitle`: region, comparison group, year or edition, or mandate period. `notes`: the
    caveats in words ("† Flat över tiden: …"). `source`: "Källa: … (hämtad 2026-11-30)"; every
    slide names its source. Plain text: `<`, `>` and `&` are shown as written.
    """

    title: str
    subtitle: str
    _: KW_ONLY
    source: str
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.source.strip():
            raise ValueError(f"slide {self.title!r}: the source is missing")


def text_width(text: str, size: float) -> float:
    """A generous estimate of a line's width in px."""
    return len(text) * size * CHAR_EM


def wrap(text: str, size: float, width: float) -> list[str]:
    """Lines no wider than `width` px at font `size` (estimated); keeps the text's own breaks."""
    columns = max(10, int(width / (size * CHAR_EM)))
    lines: list[str] = []
    for part in text.replace("<br>", "\n").split("\n"):
        lines.extend(textwrap.wrap(part, columns, break_on_hyphens=False) or [""])
    return lines


def _block_height(lines: int, size: float) -> float:
    return lines * size * LINE_HEIGHT if lines else 0.0


def _anchor_shift(lines: int, size: float) -> float:
    """How far plotly moves the first baseline of a top-anchored title below its y: 0.7 em for a
    single line (dy on the <text>), nothing for several (each line's <tspan dy="0em"> overrides
    it). Measured on kaleido's SVG."""
    return BASELINE_EM * size if lines == 1 else 0.0


def _markup(lines: list[str]) -> str:
    return "<br>".join(escape(line, quote=False) for line in lines)


def _plain(text: str | None) -> str:
    """A figure's own title as text (it may hold plotly's <br>)."""
    return (text or "").replace("<br>", "\n")


def _legend_items(figure: go.Figure) -> list[str]:
    shown = [
        trace.name or ""
        for trace in figure.data
        if trace.showlegend is not False and trace.visible is not False
    ]
    if figure.layout.showlegend is False:
        return []
    # plotly shows a legend for a single trace only when asked to
    return shown if len(shown) > 1 or figure.layout.showlegend else []


def _legend_rows(items: list[str], width: float) -> int:
    """Rows a horizontal legend takes: plotly wraps items onto new rows at the width."""
    rows, used = 0, math.inf
    for name in items:
        item = 40 + 30 + text_width(name, LEGEND_SIZE)  # symbol, gap, text
        if used + item > width:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def _values(figure: go.Figure, axis: str) -> list[Any]:
    values: list[Any] = []
    for trace in figure.data:
        column = getattr(trace, axis, None)
        if column is not None:
            values.extend(column)
    return values


def _categories(figure: go.Figure, axis: str) -> list[str]:
    return list(dict.fromkeys(v for v in _values(figure, axis) if isinstance(v, str)))


def _tick_label_chars(figure: go.Figure, axis: str) -> int:
    """The longest tick label expected on an axis, in characters."""
    layout_axis = getattr(figure.layout, f"{axis}axis")
    if layout_axis.ticktext:
        return max(len(str(text)) for text in layout_axis.ticktext)
    categories = _categories(figure, axis)
    if categories:
        return max(len(c) for c in categories)
    numbers = [abs(v) for v in _values(figure, axis) if isinstance(v, int | float) and v == v]
    biggest = max(numbers, default=0.0)
    return len(f"{biggest:,.1f}") + 1  # thousands groups, a decimal and a minus sign


def _scale_fonts(figure: go.Figure, factor: float) -> None:
    for annotation in figure.layout.annotations:
        if annotation.font.size:
            annotation.font.size = round(annotation.font.size * factor)


def _thicken(figure: go.Figure) -> None:
    for trace in figure.data:
        line = getattr(trace, "line", None)
        if line is not None and isinstance(line.width, int | float):
            line.width = line.width * LINE_SCALE
        marker = getattr(trace, "marker", None)
        if marker is not None and trace.type == "scatter" and isinstance(marker.size, int | float):
            marker.size = marker.size * LINE_SCALE


def _fit_x_ticks(figure: go.Figure, plot_width: float) -> None:
    """Shrink the labels of x axes with fixed ticks (years) until they fit side by side:
    small multiples share the width, and plotly would turn crowded labels on end."""
    for name in dir(figure.layout):
        if not re.fullmatch(r"xaxis\d*", name):
            continue
        axis = getattr(figure.layout, name)
        labels = [str(text) for text in axis.ticktext or axis.tickvals or ()]
        if not labels:
            continue
        start, end = axis.domain or (0, 1)
        room = (end - start) * plot_width / len(labels) * 0.8  # a fifth for the gaps
        fits = room / (max(len(label) for label in labels) * CHAR_EM)
        axis.tickfont.size = max(MIN_TICK_SIZE, min(BASE_SIZE, int(fits)))


def slide_figure(
    figure: go.Figure,
    frame: SlideFrame,
    lang: str,
    *,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> go.Figure:
    """A copy of `figure` laid out for a `width`×`height` slide (16:9 by default).

    The frame's title replaces the chart's own (which is kept when the frame's is empty); the
    subtitle goes under it; notes and source at the bottom, wrapped to the width.
    """
    slide = go.Figure(figure)
    layout = slide.layout
    usable = width - 2 * PAD
    original_size = layout.font.size or 14

    title_lines = wrap(frame.title or _plain(layout.title.text), TITLE_SIZE, usable)
    subtitle_lines = wrap(frame.subtitle, SUBTITLE_SIZE, usable) if frame.subtitle else []
    # A map is taller than a 16:9 slide is wide: it takes the whole height, and its notes
    # stand in a column beside it instead of under it.
    is_map = any(trace.type == "choropleth" for trace in slide.data)
    note_width = usable * SIDE_NOTES if is_map else usable
    # several notes are a list, as on screen: each starts with a bullet
    notes = [f"• {n}" for n in frame.notes] if len(frame.notes) > 1 else list(frame.notes)
    note_lines = [line for note in notes for line in wrap(note, NOTE_SIZE, note_width)]
    source_lines = wrap(frame.source, SOURCE_SIZE, usable)
    legend = _legend_items(slide)

    # Heights from the top: title, subtitle, legend, then the plot. plotly draws the subtitle
    # 1.6 em (of its own size) below the title's box, whatever its lines.
    title_top = PAD * 0.75
    first_baseline = title_top + BASELINE_EM * TITLE_SIZE
    title_y = first_baseline - _anchor_shift(len(title_lines), TITLE_SIZE)
    header = first_baseline + TITLE_SIZE * (LINE_HEIGHT * (len(title_lines) - 1) + DESCENT_EM)
    if subtitle_lines:
        subtitle_baseline = (
            header
            + SUBTITLE_GAP * SUBTITLE_SIZE
            + _anchor_shift(len(subtitle_lines), SUBTITLE_SIZE)
        )
        header = subtitle_baseline + SUBTITLE_SIZE * (
            LINE_HEIGHT * (len(subtitle_lines) - 1) + DESCENT_EM
        )
    legend_top = header + 20
    legend_height = _legend_rows(legend, usable) * LEGEND_SIZE * 1.7
    top = legend_top + legend_height + 24

    # From the bottom: source, notes, the x axis's tick labels and title.
    source_height = _block_height(len(source_lines), SOURCE_SIZE)
    notes_height = _block_height(len(note_lines), NOTE_SIZE)
    footer = PAD / 2 + source_height + (notes_height + 10 if note_lines and not is_map else 0)
    x_title = bool(layout.xaxis.title.text)
    x_axis = BASE_SIZE * 1.6 + (AXIS_TITLE_SIZE * 2 if x_title else 0) + 28
    bottom = footer + (SOURCE_SIZE * 2.2 if is_map else x_axis)  # a map: its attribution

    y_title = bool(layout.yaxis.title.text)
    y_labels = text_width("0" * _tick_label_chars(slide, "y"), BASE_SIZE)
    left = PAD + min(y_labels, width / 3) + (AXIS_TITLE_SIZE * 1.6 if y_title else 0) + 12
    # The last x tick label is centred on the plot's right edge: half of it sticks out.
    x_labels = text_width("0" * _tick_label_chars(slide, "x"), BASE_SIZE)
    right = PAD + min(x_labels / 2, width / 6) + 8
    if is_map:  # the colour bar, then the notes' column
        left = PAD
        right = PAD + (note_width + COLOURBAR_ROOM if note_lines else COLOURBAR_ROOM)
    plot_height = height - top - bottom
    plot_width = width - left - right

    # Many categories share the plot's height: shrink their labels so they do not overlap.
    tick_size = BASE_SIZE
    categories = len(_categories(slide, "y"))
    if categories:
        tick_size = max(MIN_TICK_SIZE, min(BASE_SIZE, int(plot_height / categories * 0.7)))

    _scale_fonts(slide, BASE_SIZE / original_size)
    _thicken(slide)
    for trace in slide.data:
        if trace.type == "bar":
            trace.textfont.size = tick_size
    slide.update_layout(
        width=width,
        height=height,
        autosize=False,
        separators=separators(lang),
        font={"family": FONT, "size": BASE_SIZE, "color": TEXT_COLOUR},
        margin={"l": left, "r": right, "t": top, "b": bottom, "pad": 4, "autoexpand": True},
        title={
            "text": _markup(title_lines),
            "font": {"size": TITLE_SIZE, "color": TEXT_COLOUR},
            "subtitle": {
                "text": _markup(subtitle_lines),
                "font": {"size": SUBTITLE_SIZE, "color": GREY},
            },
            "x": PAD / width,
            "xref": "container",
            "xanchor": "left",
            "y": 1 - title_y / height,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 0, "b": 0, "l": 0, "r": 0},
            "automargin": False,
        },
        legend={
            "orientation": "h",
            "x": PAD / width,
            "xref": "container",
            "xanchor": "left",
            "y": 1 - legend_top / height,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": LEGEND_SIZE},
        },
    )
    # Interactive-only parts mean nothing on a slide (update_layout would merge, not clear).
    layout.updatemenus = ()
    layout.sliders = ()
    slide.update_xaxes(automargin=True, title_font_size=AXIS_TITLE_SIZE, tickfont_size=BASE_SIZE)
    slide.update_yaxes(automargin=True, title_font_size=AXIS_TITLE_SIZE, tickfont_size=tick_size)
    _fit_x_ticks(slide, plot_width)

    def paper_x(px: float) -> float:
        return (px - left) / plot_width

    def paper_y(px_from_top: float) -> float:
        return (height - bottom - px_from_top) / plot_height

    if is_map and note_lines:
        slide.add_annotation(
            text=_markup(note_lines),
            xref="paper",
            yref="paper",
            x=paper_x(width - PAD - note_width),
            y=paper_y(top),
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": NOTE_SIZE, "color": TEXT_COLOUR},
        )
        note_lines = []
    lines_bottom = height - PAD / 2
    for lines, size, colour, block_height in (
        (source_lines, SOURCE_SIZE, GREY, source_height),
        (note_lines, NOTE_SIZE, TEXT_COLOUR, notes_height),
    ):
        if not lines:
            continue
        slide.add_annotation(
            text=_markup(lines),
            xref="paper",
            yref="paper",
            x=paper_x(PAD),
            y=paper_y(lines_bottom),
            xanchor="left",
            yanchor="bottom",
            align="left",
            showarrow=False,
            font={"size": size, "color": colour},
        )
        lines_bottom -= block_height + 10
    return slide
