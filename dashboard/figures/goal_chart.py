"""One goal indicator over time: the series (with women and men where split), baseline, latest
value, target line, the trend at the achieved pace, mandate periods shaded and series breaks.

Pure: data in, go.Figure out; usable outside Dash (exports).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import (
    BLACK,
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    base_layout,
    empty_figure,
    trace_values,
    value_axis,
)
from dashboard.i18n import t
from indicators.formatting import format_number
from indicators.goals.status import Point

SEX_STYLE = {"T": (BLUE, "solid", 4), "K": (ORANGE, "dash", 2), "M": (GREEN, "dot", 2)}


@dataclass(frozen=True)
class PeriodBand:
    first_year: int
    last_year: int
    label: str
    current: bool = False


@dataclass(frozen=True)
class GoalChart:
    title: str
    unit: str
    decimals: int
    series: pd.DataFrame  # time, period, value, sex ("T" = the judged series; K/M beside it)
    peers: pd.DataFrame = field(default_factory=pd.DataFrame)  # name, time, period, value
    baseline: Point | None = None
    latest: Point | None = None
    target_value: float | None = None
    target_year: int | None = None
    bands: tuple[PeriodBand, ...] = ()
    breaks: tuple[tuple[float, str], ...] = ()  # (time of the first value after, note)


def _broken(frame: pd.DataFrame, breaks: tuple[tuple[float, str], ...]) -> pd.DataFrame:
    """A gap (NaN) before each break, so no line is drawn across it."""
    if not breaks or frame.empty:
        return frame
    gaps = pd.DataFrame({"time": [b - 0.01 for b, _ in breaks], "period": "", "value": math.nan})
    return pd.concat([frame, gaps], ignore_index=True).sort_values("time")


def _hover(name: str, frame: pd.DataFrame, spec: GoalChart, lang: str) -> dict:
    text = [
        f"{p}: {format_number(v, spec.decimals, lang)} {spec.unit}".strip()
        for p, v in zip(frame["period"], frame["value"], strict=True)
    ]
    return {"customdata": text, "hovertemplate": f"{name}<br>%{{customdata}}<extra></extra>"}


def _line(
    figure: go.Figure, name: str, frame: pd.DataFrame, spec: GoalChart, style, lang: str, meta=None
):
    colour, dash, width = style
    frame = _broken(frame.sort_values("time"), spec.breaks)
    figure.add_trace(
        go.Scatter(
            x=frame["time"].tolist(),
            y=frame["value"].tolist(),
            name=name,
            mode="lines+markers",
            connectgaps=False,
            line={"color": colour, "dash": dash, "width": width},
            marker={"size": 7 if width > 2 else 5},
            meta=meta,
            **_hover(name, frame, spec, lang),
        )
    )


def _point(figure: go.Figure, name: str, mark: Point, symbol: str, spec: GoalChart, lang: str):
    value = format_number(mark.value, spec.decimals, lang)
    figure.add_trace(
        go.Scatter(
            x=[mark.time],
            y=[mark.value],
            name=f"{name} {mark.period}: {value}",
            mode="markers",
            marker={"size": 14, "symbol": symbol, "color": BLACK, "line": {"width": 2}},
            hovertemplate=f"{name} {mark.period}: {value} {spec.unit}<extra></extra>",
        )
    )


def _bands(figure: go.Figure, spec: GoalChart) -> None:
    for band in spec.bands:
        figure.add_vrect(
            x0=band.first_year - 0.5,
            x1=band.last_year + 0.5,
            fillcolor="#56B4E9" if band.current else "#E5E5E5",
            opacity=0.25 if band.current else 0.35,
            line_width=0,
            layer="below",
            annotation_text=band.label,
            annotation_position="top left",
            annotation_font={"size": 12, "color": GREY},
        )


def _trend_and_target(figure: go.Figure, spec: GoalChart, lang: str, x_end: float) -> None:
    if spec.baseline and spec.latest and spec.latest.time > spec.baseline.time:
        slope = (spec.latest.value - spec.baseline.value) / (spec.latest.time - spec.baseline.time)
        end = max(x_end, spec.latest.time)
        figure.add_trace(
            go.Scatter(
                x=[spec.baseline.time, end],
                y=[spec.baseline.value, spec.baseline.value + slope * (end - spec.baseline.time)],
                name=t("goalchart.trend", lang),
                mode="lines",
                line={"color": GREY, "dash": "dashdot", "width": 2},
                hoverinfo="skip",
            )
        )
    if spec.target_value is not None:
        start = float(spec.series["time"].min()) if not spec.series.empty else x_end
        value = format_number(spec.target_value, spec.decimals, lang)
        name = t("goalchart.target", lang, value=value)
        figure.add_trace(
            go.Scatter(
                x=[start, x_end],
                y=[spec.target_value, spec.target_value],
                name=name,
                mode="lines",
                line={"color": BLACK, "dash": "dash", "width": 3},
                hovertemplate=f"{name} {spec.unit}<extra></extra>",
            )
        )


def goal_chart(spec: GoalChart, lang: str = "sv") -> go.Figure:
    if spec.series.empty:
        return empty_figure(t("goalchart.empty", lang), lang)
    figure = go.Figure()
    _bands(figure, spec)
    for name, frame in spec.peers.groupby("name", sort=True) if not spec.peers.empty else ():
        _line(figure, name, frame, spec, (GREY, "solid", 1), lang)
    sexes = [s for s in ("T", "K", "M") if s in set(spec.series["sex"])]
    for sex in sexes:
        name = t(f"sex.{sex}", lang) if len(sexes) > 1 else spec.title
        part = spec.series[spec.series["sex"] == sex]
        # "T" is the judged series (goal_series); meta marks it for exports and tests.
        _line(figure, name, part, spec, SEX_STYLE[sex], lang, "judged" if sex == "T" else None)
    if spec.baseline:
        _point(figure, t("goalchart.baseline", lang), spec.baseline, "circle-open", spec, lang)
    if spec.latest:
        _point(figure, t("goalchart.latest", lang), spec.latest, "diamond-open", spec, lang)
    last_time = float(spec.series["time"].max())
    x_end = float(spec.target_year) if spec.target_year else last_time
    _trend_and_target(figure, spec, lang, max(x_end, last_time))
    for time, note in spec.breaks:
        figure.add_vline(
            x=time - 0.5,
            line={"color": GREY, "dash": "dot", "width": 2},
            annotation_text=t("goalchart.break", lang),
            annotation_hovertext=note,
            annotation_position="bottom right",
        )
    figure.update_layout(**base_layout(lang, height=460, title=spec.title))
    first = math.floor(min([float(spec.series["time"].min())] + [b.first_year for b in spec.bands]))
    last = math.ceil(max(x_end, last_time))
    years = list(range(first, last + 1))
    step = 1 if len(years) <= 14 else 2
    figure.update_xaxes(
        tickmode="array",
        tickvals=years[::step],
        ticktext=[str(y) for y in years[::step]],
        range=[first - 0.6, last + 0.6],
    )
    # The target, the trend and women and men are on the axis too: ticks fit all of them.
    figure.update_yaxes(title_text=spec.unit, **value_axis(trace_values(figure), spec.decimals))
    return figure
