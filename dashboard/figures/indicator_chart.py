"""Any follow-up indicator for chosen regions: lines over time (one chart or small multiples)
or bars for one period. Pure: data in, go.Figure out.

`data` columns: name (region), sex (T/K/M), time, period, value.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures.common import (
    SERIES_COLOURS,
    base_layout,
    empty_figure,
    trace_values,
    value_axis,
)
from dashboard.i18n import t
from indicators.formatting import format_number

SEX_DASH = {"T": "solid", "K": "dash", "M": "dot"}
SEX_SYMBOL = {"T": "circle", "K": "triangle-up", "M": "square"}
SMALL_TICKS = 5  # on a small multiple's value axis (260 px high)


def _name(region: str, sex: str, split: bool, lang: str) -> str:
    return f"{region}, {t(f'sex.{sex}', lang).lower()}" if split else region


def _years_axis(figure: go.Figure, data: pd.DataFrame, **where) -> None:
    years = sorted({math.floor(x) for x in data["time"]})
    step = max(1, math.ceil(len(years) / 12))
    figure.update_xaxes(
        tickmode="array", tickvals=years[::step], ticktext=[str(y) for y in years[::step]], **where
    )


def _trace(group: pd.DataFrame, name: str, colour: str, sex: str, decimals: int, unit: str, lang):
    group = group.sort_values("time")
    text = [
        f"{p}: {format_number(v, decimals, lang)} {unit}"
        for p, v in zip(group["period"], group["value"], strict=True)
    ]
    return go.Scatter(
        x=group["time"].tolist(),
        y=group["value"].tolist(),
        name=name,
        mode="lines+markers",
        line={"color": colour, "dash": SEX_DASH[sex], "width": 3 if sex == "T" else 2},
        marker={"symbol": SEX_SYMBOL[sex], "size": 6},
        customdata=text,
        hovertemplate=f"{name}<br>%{{customdata}}<extra></extra>",
    )


def indicator_lines(
    data: pd.DataFrame,
    *,
    title: str,
    unit: str,
    decimals: int,
    lang: str = "sv",
    small_multiples: bool = False,
) -> go.Figure:
    if data.empty:
        return empty_figure(lang=lang)
    regions = list(dict.fromkeys(data["name"]))
    colours = {r: SERIES_COLOURS[i % len(SERIES_COLOURS)] for i, r in enumerate(regions)}
    split = data["sex"].nunique() > 1
    if not small_multiples or len(regions) == 1:
        figure = go.Figure()
        for (region, sex), group in data.groupby(["name", "sex"], sort=False):
            name = _name(region, sex, split, lang)
            figure.add_trace(_trace(group, name, colours[region], sex, decimals, unit, lang))
        figure.update_layout(**base_layout(lang, height=460, title=title))
        _years_axis(figure, data)
        figure.update_yaxes(title_text=unit, **value_axis(trace_values(figure), decimals))
        return figure
    columns = 3 if len(regions) > 4 else 2
    rows = math.ceil(len(regions) / columns)
    figure = make_subplots(
        rows=rows, cols=columns, subplot_titles=regions, shared_yaxes=True, vertical_spacing=0.12
    )
    for index, region in enumerate(regions):
        row, col = index // columns + 1, index % columns + 1
        for sex, group in data[data["name"] == region].groupby("sex", sort=False):
            name = _name(region, sex, split, lang)
            trace = _trace(group, name, colours[region], sex, decimals, unit, lang)
            trace.showlegend = False
            figure.add_trace(trace, row=row, col=col)
    figure.update_layout(**base_layout(lang, height=260 * rows + 80, title=title))
    _years_axis(figure, data)
    # One axis format for every panel (the y axes are shared); fewer ticks on the low panels.
    figure.update_yaxes(**value_axis(trace_values(figure), decimals, ticks=SMALL_TICKS))
    return figure


def indicator_bars(
    data: pd.DataFrame, *, title: str, unit: str, decimals: int, lang: str = "sv"
) -> go.Figure:
    """One bar per region (and sex) for one period, sorted by value."""
    if data.empty:
        return empty_figure(lang=lang)
    figure = go.Figure()
    split = data["sex"].nunique() > 1
    order = data[data["sex"] == data["sex"].iloc[0]].sort_values("value")["name"].tolist()
    for index, (sex, group) in enumerate(data.groupby("sex", sort=False)):
        group = group.set_index("name").reindex(order).dropna(subset=["value"]).reset_index()
        text = [format_number(v, decimals, lang) for v in group["value"]]
        figure.add_trace(
            go.Bar(
                x=group["value"].tolist(),
                y=group["name"].tolist(),
                orientation="h",
                name=t(f"sex.{sex}", lang) if split else unit,
                marker={"color": SERIES_COLOURS[index % len(SERIES_COLOURS)]},
                text=text,
                textposition="outside",
                customdata=text,
                hovertemplate=f"%{{y}}: %{{customdata}} {unit}<extra></extra>",
            )
        )
    figure.update_layout(
        **base_layout(
            lang, height=max(320, 34 * len(order) * (2 if split else 1) + 140), title=title
        ),
        barmode="group",
        showlegend=split,
    )
    figure.update_xaxes(
        title_text=unit, **value_axis(trace_values(figure, "x"), decimals, zero=True)
    )
    return figure
