"""Översikt's four cards as Dash components. Renders `dashboard.views.overview.OverviewView`;
what is shown is decided there."""

from __future__ import annotations

from dash import dcc, html

from dashboard.components.goal_list import status_badge
from dashboard.components.rii_standing import card_lines
from dashboard.views.overview import (
    Extremes,
    Freshness,
    GoalsSection,
    Link,
    OverviewView,
    RiiSection,
)


def _card(title: str, body: list, link: Link | None = None, card_id: str = "") -> html.Section:
    parts = [html.H2(title), *body]
    if link:
        parts.append(dcc.Link(link.text, href=link.href, className="card-link"))
    return html.Section(parts, className="card overview-card", id=card_id)


def rii_section(section: RiiSection) -> html.Section:
    if section.card is None:
        return _card(section.title, [html.P(section.message)])
    return _card(section.title, card_lines(section.card), section.link, "overview-rii")


def goals_section(section: GoalsSection, lang: str) -> html.Section:
    if section.message:
        return _card(section.title, [html.P(section.message)], None, "overview-goals")
    body = []
    for strategy in section.strategies:
        badges = [
            html.Li([status_badge(status, lang), f": {count}"]) for status, count in strategy.counts
        ]
        body += [
            html.H3(dcc.Link(strategy.name, href=strategy.href)),
            html.Ul(badges, className="badges") if badges else html.P(strategy.no_status),
        ]
    return _card(section.title, body, None, "overview-goals")


def extremes_section(section: Extremes) -> html.Section:
    if section.message:
        return _card(section.title, [html.P(section.message)])
    body = [html.P(section.intro, className="card-label")]
    if section.strongest:
        body += [
            html.H3(section.strongest_heading),
            html.Ol([html.Li(item) for item in section.strongest]),
            html.H3(section.weakest_heading),
            html.Ol([html.Li(item) for item in section.weakest]),
        ]
    if section.missing:
        body.append(html.P(section.missing, className="source"))
    body += [html.P(text, className="source") for text in section.footnotes]
    return _card(section.title, body, None, "overview-extremes")


def freshness_section(section: Freshness) -> html.Section:
    if section.message:
        return _card(section.title, [html.P(section.message)], None, "overview-freshness")
    body = [html.Div(line, className="card-line") for line in section.lines]
    if section.failed_text:
        body.append(html.Div("✖ " + section.failed_text, className="card-line"))
    return _card(section.title, body, section.link, "overview-freshness")


def overview_cards(view: OverviewView, lang: str) -> list:
    """The page's body: the heading, then the four cards."""
    profile = (
        [
            html.P(
                html.A(view.profile.text, href=view.profile.href, target="_blank"),
                className="profile-link",
            )
        ]
        if view.profile
        else []
    )
    return [
        html.H1(view.title),
        *profile,
        html.Div(
            [
                rii_section(view.rii),
                goals_section(view.goals, lang),
                extremes_section(view.extremes),
                freshness_section(view.freshness),
            ],
            className="overview-grid",
        ),
    ]
