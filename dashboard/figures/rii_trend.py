"""The Regional Innovation Index over an edition's years: region, the benchmark's mean, EU."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import (
    BLACK,
    BLUE,
    GREY,
    base_layout,
    empty_figure,
    trace_values,
    value_axis,
)
from dashboard.i18n import t
from indicators.formatting import format_number

DECIMALS = 1  # RIS scores, relative to the EU (= 100)


def rii_trend(
    data: pd.DataFrame,
    *,
    region_name: str,
    base_year: int,
    lang: str = "sv",
    benchmark: str | None = None,
) -> go.Figure:
    """Lines per year. `data` has columns `year`, `region`, `benchmark` (the comparison group's
    mean RII; `leaders` is read as the same) and `eu`. `benchmark` names that line (default:
    the innovation leaders' mean); a line without any value (the EU as benchmark, an empty own
    group) is left out.

    Only one edition at a time: editions are rescaled and never form one series.
    """
    if data.empty:
        return empty_figure(lang=lang)
    if "benchmark" not in data and "leaders" in data:
        data = data.rename(columns={"leaders": "benchmark"})
    years = data["year"].astype(int).tolist()
    figure = go.Figure()
    lines = (
        ("region", region_name, BLUE, "solid", 4),
        ("benchmark", benchmark or t("trend.leaders", lang), BLACK, "dash", 2),
        ("eu", t("trend.eu", lang), GREY, "dot", 2),
    )
    for column, name, colour, dash, width in lines:
        if column not in data or data[column].isna().all():
            continue
        values = [None if pd.isna(v) else float(v) for v in data[column]]
        figure.add_trace(
            go.Scatter(
                x=years,
                y=values,
                name=name,
                mode="lines+markers",
                line={"color": colour, "dash": dash, "width": width},
                customdata=[format_number(v, DECIMALS, lang) for v in values],
                hovertemplate=f"{name} %{{x}}: %{{customdata}}<extra></extra>",
            )
        )
    title = t("trend.title", lang, first=min(years), last=max(years))
    figure.update_layout(**base_layout(lang, height=380, title=title))
    figure.update_xaxes(tickmode="array", tickvals=years, ticktext=[str(y) for y in years])
    figure.update_yaxes(
        title_text=t("trend.axis", lang, base=base_year),
        **value_axis(trace_values(figure), DECIMALS),
    )
    return figure
