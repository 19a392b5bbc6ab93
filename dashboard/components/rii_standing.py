"""A view's card (`dashboard.views.model.Card`) as a Dash component."""

from __future__ import annotations

from dash import html

from dashboard.views.model import Card


def _line(text: str, strong: str | None) -> html.Div:
    if strong and text.endswith(strong):  # "Prestationsgrupp: **Starka innovatörer**"
        return html.Div(
            [html.Span(text[: -len(strong)]), html.Strong(strong)], className="card-line"
        )
    return html.Div(text, className="card-line")


def card_lines(card: Card) -> list:
    return [
        html.Div(card.label, className="card-label"),
        html.Div(card.value, className="card-value"),
        *[_line(text, card.strong.get(i)) for i, text in enumerate(card.lines)],
    ]


def card(card: Card | None) -> list:
    return [] if card is None else [html.Div(card_lines(card), className="card")]
