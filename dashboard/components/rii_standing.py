"""A region's standing in the RIS, as lines for a card: performance group, rank among the
grouped regions, and the RII's change since the edition's first year."""

from __future__ import annotations

from dash import html

from dashboard.data_access.ris import RiiSummary
from dashboard.i18n import t
from indicators.formatting import format_number


def rii_standing(summary: RiiSummary, year: int, lang: str) -> list[html.Div]:
    group = t(f"group.{summary.group}" if summary.group else "group.none", lang)
    lines = [
        html.Div(
            [html.Span(t("card.group", lang) + ": "), html.Strong(group)], className="card-line"
        )
    ]
    if summary.rank is not None:
        lines.append(
            html.Div(
                t("card.rank", lang, rank=summary.rank, n=summary.ranked), className="card-line"
            )
        )
    if summary.value is not None and summary.first_value is not None and summary.first_year != year:
        change = summary.value - summary.first_value
        signed = ("+" if change > 0 else "") + format_number(change, 1, lang)
        lines.append(
            html.Div(
                t("card.change", lang, year=summary.first_year, change=signed),
                className="card-line",
            )
        )
    return lines
