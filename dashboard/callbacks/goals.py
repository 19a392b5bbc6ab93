"""Måluppföljning's wiring: strategy, region, mandate period and the picked indicator in, the
view's components out. What is shown is decided in `dashboard.views.goals`."""

from __future__ import annotations

from dash import ALL, Dash, Input, Output, State, ctx, no_update

from dashboard import ids
from dashboard.callbacks.answers import cached_answer
from dashboard.components.goal_list import PICK_TYPE, goal_list
from dashboard.components.table import table_details
from dashboard.components.text import rich
from dashboard.figures.common import empty_figure
from dashboard.i18n import t
from dashboard.views.goals import goal_page, indicator_view, region_options


def register(app: Dash, reader_of, catalogue_of) -> None:
    @app.callback(
        Output(ids.GOALS_REGION, "options"),
        Output(ids.GOALS_REGION, "value"),
        Input(ids.GOALS_STRATEGY, "value"),
        State(ids.GOALS_REGION, "value"),
        State(ids.GOALS_LANG, "data"),
    )
    def _regions(strategy_id, current, lang):
        strategy = catalogue_of().strategies.get(strategy_id)
        if strategy is None:
            return [], None
        options = region_options(catalogue_of(), strategy, lang)
        codes = [o["value"] for o in options]
        return options, current if current in codes else codes[0]

    @app.callback(
        Output(ids.GOALS_LIST, "children"),
        Input(ids.GOALS_STRATEGY, "value"),
        Input(ids.GOALS_REGION, "value"),
        Input(ids.GOALS_PERIOD, "value"),
        State(ids.GOALS_PICK, "data"),
        State(ids.GOALS_LANG, "data"),
    )
    def _list(strategy_id, region, period, picked, lang):
        if not (strategy_id and region and period):
            return []
        args = (strategy_id, region, period, lang)
        reader = reader_of()
        return cached_answer(
            reader,
            ("goal-page", *args, picked),
            lambda: goal_list(goal_page(reader, catalogue_of(), *args), lang, picked),
        )

    @app.callback(
        Output(ids.GOALS_PICK, "data"),
        Input({"type": PICK_TYPE, "key": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def _pick(clicks):
        trigger = ctx.triggered_id
        if not trigger or not any(clicks or []):
            return no_update  # the list was redrawn, nobody clicked
        return trigger["key"]

    @app.callback(
        Output(ids.GOALS_CHART, "figure"),
        Output(ids.GOALS_SENTENCE, "children"),
        Output(ids.GOALS_TABLE, "children"),
        Output(ids.GOALS_SOURCE, "children"),
        Input(ids.GOALS_PICK, "data"),
        Input(ids.GOALS_STRATEGY, "value"),
        Input(ids.GOALS_REGION, "value"),
        Input(ids.GOALS_PERIOD, "value"),
        State(ids.GOALS_LANG, "data"),
    )
    def _chart(picked, strategy_id, region, period, lang):
        if not (strategy_id and region and period):
            return empty_figure(t("goals.pick", lang), lang), "", [], ""
        args = (strategy_id, region, period, picked, lang)
        reader = reader_of()

        def build():
            view = indicator_view(reader, catalogue_of(), *args)
            if view is None:
                return empty_figure(t("goals.pick", lang), lang), "", [], ""
            return (
                view.figure,
                rich(view.sentence),
                table_details(view.table, lang),
                rich(view.source),
            )

        return cached_answer(reader, ("goal-chart", *args), build)
