"""Bars of a region's RIS scores relative to the innovation leaders' mean, centred on 1.0."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import (
    BLUE,
    GREY,
    SERIES_COLOURS,
    VERMILLION,
    base_layout,
    empty_figure,
    value_axis,
)
from dashboard.i18n import t
from indicators.formatting import format_number

ROW_HEIGHT = 30
DECIMALS = 2  # ratios, and the scores they are made of


def _hover_values(part: pd.DataFrame, mean_column: str, lang: str) -> list[list[str]]:
    """Region value, benchmark mean and ratio per bar, as the hover and the bar text show them."""
    return [
        [
            format_number(region_value, DECIMALS, lang),
            format_number(mean, DECIMALS, lang),
            format_number(ratio, DECIMALS, lang),
        ]
        for region_value, mean, ratio in zip(
            part["region_value"], part[mean_column], part["ratio"], strict=True
        )
    ]


def _hover_lines(mean_label: str, lang: str) -> str:
    return (
        f"{t('hover.region_value', lang)}: %{{customdata[0]}}<br>"
        f"{mean_label}: %{{customdata[1]}}<br>"
        f"{t('hover.ratio', lang)}: %{{customdata[2]}}<extra></extra>"
    )


def leader_ratio_bars(
    data: pd.DataFrame,
    *,
    year: int,
    lang: str = "sv",
    empty_message: str | None = None,
    benchmark: str | None = None,
) -> go.Figure:
    """Horizontal bars from 1.0 to each ratio, strongest on top.

    `data` has one row per indicator with columns `label`, `ratio`, `region_value` and
    `leader_mean`. Bars right of 1 (stronger than the leaders) are blue, left of 1
    (weaker) vermillion; the legend and the axis position say the same without colour.
    `benchmark` names another comparison group (default: the innovation leaders).
    """
    rows = data.dropna(subset=["ratio"]) if not data.empty else data
    if rows.empty:
        return empty_figure(empty_message, lang)
    rows = rows.sort_values("ratio", kind="stable")
    figure = go.Figure()
    for stronger in (False, True):
        part = rows[(rows["ratio"] >= 1) == stronger]
        if part.empty:
            continue
        custom = _hover_values(part, "leader_mean", lang)
        figure.add_trace(
            go.Bar(
                name=t("bars.stronger" if stronger else "bars.weaker", lang)
                if benchmark is None
                else t(
                    "bars.stronger_than" if stronger else "bars.weaker_than", lang, group=benchmark
                ),
                y=part["label"].tolist(),
                x=(part["ratio"] - 1).tolist(),
                base=1,
                orientation="h",
                marker={"color": BLUE if stronger else VERMILLION},
                text=[c[2] for c in custom],
                textposition="outside",
                cliponaxis=False,
                customdata=custom,
                hovertemplate="<b>%{y}</b><br>"
                + _hover_lines(
                    t("hover.leader_mean", lang) if benchmark is None else benchmark, lang
                ),
            )
        )
    low = min(0.0, float(rows["ratio"].min()) - 0.1)
    high = max(2.0, float(rows["ratio"].max()) + 0.2)
    figure.update_layout(
        **base_layout(
            lang,
            height=ROW_HEIGHT * len(rows) + 140,
            title=t("bars.title", lang, year=year)
            if benchmark is None
            else t("bars.title_vs", lang, group=benchmark, year=year),
        ),
        barmode="overlay",
        bargap=0.25,
    )
    figure.update_yaxes(
        categoryorder="array", categoryarray=rows["label"].tolist(), automargin=True
    )
    figure.update_xaxes(
        title_text=t("bars.axis", lang) if benchmark is None else t("bars.axis_vs", lang),
        zeroline=False,
        **value_axis([low, high], DECIMALS, padding=0),
    )
    figure.add_vline(x=1, line={"color": GREY, "width": 2})
    return figure


def regions_ratio_bars(
    data: pd.DataFrame, *, year: int, benchmark: str, lang: str = "sv"
) -> go.Figure:
    """Several regions side by side: grouped bars from 1.0, one colour (and legend entry) per
    region. `data`: label, region_name, ratio, region_value, benchmark; order of first region."""
    rows = data.dropna(subset=["ratio"]) if not data.empty else data
    if rows.empty:
        return empty_figure(None, lang)
    names = list(dict.fromkeys(rows["region_name"]))
    order = rows[rows["region_name"] == names[0]].sort_values("ratio")["label"].tolist()
    figure = go.Figure()
    for index, name in enumerate(names):
        part = rows[rows["region_name"] == name]
        figure.add_trace(
            go.Bar(
                name=name,
                y=part["label"].tolist(),
                x=(part["ratio"] - 1).tolist(),
                base=1,
                orientation="h",
                marker={"color": SERIES_COLOURS[index % len(SERIES_COLOURS)]},
                customdata=_hover_values(part, "benchmark", lang),
                hovertemplate=f"<b>{name}</b> – %{{y}}<br>" + _hover_lines(benchmark, lang),
            )
        )
    high = max(2.0, float(rows["ratio"].max()) + 0.2)
    figure.update_layout(
        **base_layout(
            lang,
            height=(ROW_HEIGHT * 0.6 * len(names) + 14) * len(order) + 160,
            title=t("bars.title_vs", lang, group=benchmark, year=year),
        ),
        barmode="group",
        bargap=0.2,
    )
    figure.update_yaxes(categoryorder="array", categoryarray=order, automargin=True)
    figure.update_xaxes(
        title_text=t("bars.axis_vs", lang),
        zeroline=False,
        **value_axis([0, high], DECIMALS, padding=0),
    )
    figure.add_vline(x=1, line={"color": GREY, "width": 2})
    return figure
