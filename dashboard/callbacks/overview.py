"""Översikt's wiring: the region in, the four cards out, and the region remembered in the
browser (localStorage), so the start page opens where the analyst left it. What is shown is
decided in `dashboard.views.overview`."""

from __future__ import annotations

from dash import Dash, Input, Output, State

from dashboard import ids
from dashboard.callbacks import maps
from dashboard.callbacks.answers import cached_answer
from dashboard.components.overview_cards import overview_cards
from dashboard.permalink import register_memory
from dashboard.views.overview import overview_view


def register(app: Dash, reader_of, catalogue_of) -> None:
    maps.register_overview(app, reader_of, catalogue_of)  # the locator map
    register_memory(
        app, (ids.OVERVIEW_REGION, "value"), "region", ids.OVERVIEW_FROM_URL, ids.OVERVIEW_MEMORY
    )

    @app.callback(
        Output(ids.OVERVIEW_BODY, "children"),
        Input(ids.OVERVIEW_REGION, "value"),
        State(ids.OVERVIEW_LANG, "data"),
    )
    def _view(code, lang):
        if not code:
            return []
        reader = reader_of()
        return cached_answer(
            reader,
            ("overview", code, lang),
            lambda: overview_cards(overview_view(reader, catalogue_of(), code, lang), lang),
        )
