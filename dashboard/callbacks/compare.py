"""Jämför's wiring: region, edition, year and benchmark in, the view's components out. What is
shown is decided in `dashboard.views.compare`."""

from __future__ import annotations

from dash import Dash, Input, Output, State, html, no_update

from dashboard import ids
from dashboard.callbacks import maps
from dashboard.callbacks.answers import cached_answer
from dashboard.components.compare_heading import compare_heading
from dashboard.components.rii_standing import card
from dashboard.components.table import simple_table, table_details
from dashboard.figures.common import empty_figure
from dashboard.i18n import t
from dashboard.views.compare import CompareView, remembered_compare_view, year_options


def _caveats(view: CompareView, lang: str) -> list:
    if not view.caveats:
        return []
    return [html.H2(t("caveats.heading", lang)), html.Ul([html.Li(c) for c in view.caveats])]


def _gap(view: CompareView) -> list:
    if view.gap is None:
        return []
    table = view.gap.table
    return [
        html.H2(view.gap.heading),
        html.P(view.gap.method, className="source"),
        simple_table(table.columns, table.rows, numeric=table.numeric, table_id="gap-table"),
    ]


def components(view: CompareView, lang: str) -> tuple:
    """The page's outputs, in the order `register` declares them."""
    return (
        compare_heading(view.title, view.intro),
        card(view.card),
        view.bars,
        _caveats(view, lang),
        view.source,
        table_details(view.table, lang),
        view.trend,
        view.source,
        _gap(view),
    )


BARS = 2  # the bars' place among the outputs


def register(app: Dash, reader_of, catalogue_of) -> None:
    """Wire the page: edition → years, and (region, edition, year) → the whole view."""
    maps.register_compare(app, reader_of, catalogue_of)  # the "Karta" tab

    @app.callback(
        Output(ids.COMPARE_YEAR, "options"),
        Output(ids.COMPARE_YEAR, "value"),
        Input(ids.COMPARE_EDITION, "value"),
        State(ids.COMPARE_YEAR, "value"),
        prevent_initial_call=True,  # the page comes with its edition's years
    )
    def _years(edition, current):
        years = year_options(reader_of(), int(edition)) if edition else []
        value = current if current in years else (years[0] if years else None)
        return [{"label": str(y), "value": y} for y in years], value

    def answer(region, edition, year, benchmark, also, peers, lang) -> list | None:
        """The page's outputs for these choices (components' order), built once per version."""
        if not (region and edition and year):
            return None
        args = (region, int(edition), int(year), lang, benchmark or "leaders")
        args += (tuple(also or ()), tuple(peers or ()))
        reader = reader_of()
        return cached_answer(
            reader,
            ("compare", *args),
            lambda: components(remembered_compare_view(reader, catalogue_of(), *args), lang),
        )

    choices = [
        Input(ids.COMPARE_REGION, "value"),
        Input(ids.COMPARE_EDITION, "value"),
        Input(ids.COMPARE_YEAR, "value"),
        Input(ids.COMPARE_BENCHMARK, "value"),
        Input(ids.COMPARE_ALSO, "value"),
        Input(ids.COMPARE_PEERS, "value"),
    ]

    @app.callback(
        Output(ids.COMPARE_HEADING, "children"),
        Output(ids.COMPARE_CARD, "children"),
        Output(ids.COMPARE_CAVEATS, "children"),
        Output(ids.COMPARE_SOURCE, "children"),
        Output(ids.COMPARE_TABLE, "children"),
        Output(ids.COMPARE_TREND, "figure"),
        Output(ids.COMPARE_TREND_SOURCE, "children"),
        Output(ids.COMPARE_GAP, "children"),
        *choices,
        State(ids.COMPARE_LANG, "data"),
    )
    def _view(region, edition, year, benchmark, also, peers, lang):
        found = answer(region, edition, year, benchmark, also, peers, lang)
        if found is None:
            empty = empty_figure(lang=lang or "sv")
            return [], [], [], "", [], empty, "", []
        return [*found[:BARS], *found[BARS + 1 :]]

    @app.callback(
        Output(ids.COMPARE_BARS, "figure"),
        *choices,
        Input(ids.COMPARE_VIEW, "value"),
        State(ids.COMPARE_LANG, "data"),
        prevent_initial_call=True,  # a page opened on its chart comes with its bars
    )
    def _bars(region, edition, year, benchmark, also, peers, view, lang):
        # The bars' pane is hidden behind the map: drawing them there delayed the map (plotly
        # draws one figure at a time). They are drawn when their tab opens, and the tabs
        # switch nothing else on the page.
        if view == "map":
            return no_update
        found = answer(region, edition, year, benchmark, also, peers, lang)
        return empty_figure(lang=lang or "sv") if found is None else found[BARS]
