"""Bars of a region's RIS scores relative to the innovation leaders' mean, centred on 1.0."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import BLUE, GREY, VERMILLION, base_layout, empty_figure
from dashboard.i18n import t
from indicators.formatting import format_number

ROW_HEIGHT = 30


def leader_ratio_bars(
    data: pd.DataFrame, *, year: int, lang: str = "sv", empty_message: str | None = None
) -> go.Figure:
    """Horizontal bars from 1.0 to each ratio, strongest on top.

    `data` has one row per indicator with columns `label`, `ratio`, `region_value` and
    `leader_mean`. Bars right of 1 (stronger than the leaders) are blue, left of 1
    (weaker) vermillion; the legend and the axis position say the same without colour.
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
        custom = [
            [
                format_number(r.region_value, 2, lang),
                format_number(r.leader_mean, 2, lang),
                format_number(r.ratio, 2, lang),
            ]
            for r in part.itertuples()
        ]
        figure.add_trace(
            go.Bar(
                name=t("bars.stronger" if stronger else "bars.weaker", lang),
                y=part["label"].tolist(),
                x=(part["ratio"] - 1).tolist(),
                base=1,
                orientation="h",
                marker={"color": BLUE if stronger else VERMILLION},
                text=[c[2] for c in custom],
                textposition="outside",
                cliponaxis=False,
                customdata=custom,
                hovertemplate=(
                    "<b>%{y}</b><br>"
                    f"{t('hover.region_value', lang)}: %{{customdata[0]}}<br>"
                    f"{t('hover.leader_mean', lang)}: %{{customdata[1]}}<br>"
                    f"{t('hover.ratio', lang)}: %{{customdata[2]}}<extra></extra>"
                ),
            )
        )
    low = min(0.0, float(rows["ratio"].min()) - 0.1)
    high = max(2.0, float(rows["ratio"].max()) + 0.2)
    figure.update_layout(
        **base_layout(
            lang, height=ROW_HEIGHT * len(rows) + 140, title=t("bars.title", lang, year=year)
        ),
        barmode="overlay",
        bargap=0.25,
    )
    figure.update_yaxes(
        categoryorder="array", categoryarray=rows["label"].tolist(), automargin=True
    )
    figure.update_xaxes(
        title_text=t("bars.axis", lang), range=[low, high], zeroline=False, tickformat=".1f"
    )
    figure.add_vline(x=1, line={"color": GREY, "width": 2})
    return figure
