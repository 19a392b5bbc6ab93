"""The Regional Innovation Index over an edition's years: region, leaders' mean, EU."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import BLACK, BLUE, GREY, base_layout, empty_figure
from dashboard.i18n import t
from indicators.formatting import format_number


def rii_trend(
    data: pd.DataFrame, *, region_name: str, base_year: int, lang: str = "sv"
) -> go.Figure:
    """Lines per year. `data` has columns `year`, `region`, `leaders`, `eu`.

    Only one edition at a time: editions are rescaled and never form one series.
    """
    if data.empty:
        return empty_figure(lang=lang)
    years = data["year"].astype(int).tolist()
    figure = go.Figure()
    lines = (
        ("region", region_name, BLUE, "solid", 4),
        ("leaders", t("trend.leaders", lang), BLACK, "dash", 2),
        ("eu", t("trend.eu", lang), GREY, "dot", 2),
    )
    for column, name, colour, dash, width in lines:
        values = data[column].tolist()
        figure.add_trace(
            go.Scatter(
                x=years,
                y=values,
                name=name,
                mode="lines+markers",
                line={"color": colour, "dash": dash, "width": width},
                customdata=[format_number(v, 1, lang) for v in values],
                hovertemplate=f"{name} %{{x}}: %{{customdata}}<extra></extra>",
            )
        )
    title = t("trend.title", lang, first=min(years), last=max(years))
    figure.update_layout(**base_layout(lang, height=380, title=title))
    figure.update_xaxes(tickmode="array", tickvals=years, ticktext=[str(y) for y in years])
    figure.update_yaxes(title_text=t("trend.axis", lang, base=base_year))
    return figure
