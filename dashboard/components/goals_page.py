"""The Måluppföljning page, built from the URL query: strategy, region, period and the picked
indicator, so a permalink reproduces the view."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.controls import dropdown, labelled
from dashboard.components.download_menu import (
    GRAPH_CONFIG,
    WAITING_FIGURE,
    deck_link,
    download_menu,
)
from dashboard.components.goal_list import goal_list
from dashboard.components.shell import shell
from dashboard.context import catalogue, reader
from dashboard.i18n import language, t
from dashboard.views.goals import DEFAULT_STRATEGY, current_period, goal_page, region_options

PATH = "/maluppfoljning"


def goals_page(
    strategy: str | None = None,
    region: str | None = None,
    period: str | None = None,
    pick: str | None = None,
    lang: str | None = None,
    **_query,
) -> html.Div:
    lang = language(lang)
    cat = catalogue()
    strategies = sorted(cat.strategies.values(), key=lambda s: s.name(lang))
    chosen = strategy if strategy in cat.strategies else DEFAULT_STRATEGY
    regions = region_options(cat, cat.strategies[chosen], lang)
    codes = [o["value"] for o in regions]
    chosen_region = region if region in codes else codes[0]
    periods = [p.id for p in cat.mandate_periods]
    chosen_period = period if period in periods else current_period(cat)
    controls = html.Div(
        [
            labelled(
                t("control.strategy", lang),
                dropdown(
                    ids.GOALS_STRATEGY,
                    [{"label": s.name(lang), "value": s.id} for s in strategies],
                    chosen,
                    lang,
                ),
                "control wide",
            ),
            labelled(
                t("control.region", lang),
                dropdown(ids.GOALS_REGION, regions, chosen_region, lang),
            ),
            labelled(
                t("control.period", lang),
                dropdown(
                    ids.GOALS_PERIOD,
                    [{"label": p.replace("-", "–"), "value": p} for p in periods],
                    chosen_period,
                    lang,
                ),
            ),
        ],
        className="controls",
    )
    return shell(
        lang,
        PATH,
        dcc.Store(id=ids.GOALS_LANG, data=lang),
        dcc.Store(id=ids.GOALS_URL),
        dcc.Store(id=ids.GOALS_PICK, data=pick),
        controls,
        html.Div(deck_link(lang, "goals-deck"), className="export-bar"),
        html.Div(
            goal_list(
                goal_page(reader(), cat, chosen, chosen_region, chosen_period, lang), lang, pick
            ),
            id=ids.GOALS_LIST,
        ),
        html.Section(
            [
                html.P(id=ids.GOALS_SENTENCE, className="sentence", **{"aria-live": "polite"}),
                dcc.Graph(id=ids.GOALS_CHART, config=GRAPH_CONFIG, figure=WAITING_FIGURE),
                html.P(id=ids.GOALS_SOURCE, className="source"),
                html.Div(download_menu("goal", ids.GOALS_CHART, lang), className="export-bar"),
                html.Div(id=ids.GOALS_TABLE),
            ],
            className="trend goal-chart",
            id="goal-chart",
        ),
    )
