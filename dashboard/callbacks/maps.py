"""The maps' wiring: the "Diagram | Karta" tabs, each map's view, clicks on a region, and the
route that serves the maps' GeoJSON from the warehouse. What is shown is decided in
`dashboard.views.maps`.

A map is drawn only while its tab is open. Each view is kept per warehouse version
(`reader.memo`), and so is its geometry, which the browser fetches once per load from
`/kartor/<set>.geojson?v=<version>` (never from outside the app).
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate
from flask import Flask, Response, abort, request

from dashboard import ids
from dashboard.components.map_parts import (
    GEOMETRY_ROUTE,
    europe_content,
    heading,
    info,
    locator_content,
    period_marks,
    sweden_content,
    table,
)
from dashboard.data_access import geo
from dashboard.data_access import indicators as indicator_data
from dashboard.figures.common import empty_figure
from dashboard.i18n import t
from dashboard.views import maps as views

_SHOW_PANES = """
function(view) {
    const map = view === "map";
    return [!map, map];  // hidden: the map pane unless chosen, the chart pane when it is
}
"""


# The maps' own permalink keys, written like dashboard.permalink's, but a key at its default
# is left out, so the links of pages whose map was never opened stay as they were.
_WRITE = """
function(...values) {{
    const keys = {keys};
    const defaults = {defaults};
    const params = new URLSearchParams(window.location.search);
    keys.forEach((key, i) => {{
        const value = values[i];
        if (value === null || value === undefined || value === "" || value === defaults[key]) {{
            params.delete(key);
        }} else {{
            params.set(key, String(value));
        }}
    }});
    const query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    return query;
}}
"""


def _permalink(app: Dash, output_id: str, fields: dict, defaults: dict[str, str]) -> None:
    app.clientside_callback(
        _WRITE.format(keys=json.dumps(list(fields)), defaults=json.dumps(defaults)),
        Output(output_id, "data"),
        [Input(component, prop) for component, prop in fields.values()],
    )


def register_geometry_route(server: Flask, reader_of) -> None:
    """GET /kartor/<set>.geojson: a geometry set as GeoJSON, from the warehouse. Registered
    once, whichever page's callbacks come first."""
    endpoint = "rusmon_map_geometry"
    if endpoint in server.view_functions:
        return

    def serve(key: str) -> Response:
        if not views.known_set(key):
            abort(404)
        reader = reader_of()
        content = views.geometry_bytes(reader, key)
        if content is None:
            abort(404)
        response = Response(content, mimetype="application/geo+json")
        if request.args.get("v") == geo.version_tag(reader):
            # the URL names the warehouse version: the answer never changes for it
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        else:
            response.headers["Cache-Control"] = "no-cache"
        return response

    server.add_url_rule(f"{GEOMETRY_ROUTE}<key>.geojson", endpoint, serve, methods=["GET"])


def _tabs(app: Dash, tabs: str, map_pane: str, chart_pane: str) -> None:
    app.clientside_callback(
        _SHOW_PANES,
        Output(map_pane, "hidden"),
        Output(chart_pane, "hidden"),
        Input(tabs, "value"),
    )


def register_compare(app: Dash, reader_of, catalogue_of) -> None:
    """Jämför's map: all RIS regions; a click chooses the region for the page."""
    register_geometry_route(app.server, reader_of)
    _tabs(app, ids.COMPARE_VIEW, ids.COMPARE_MAP_PANE, ids.COMPARE_CHART_PANE)
    _permalink(
        app,
        ids.COMPARE_MAP_URL,
        {
            "view": (ids.COMPARE_VIEW, "value"),
            "mapind": (ids.COMPARE_MAP_INDICATOR, "value"),
            "mapcolour": (ids.COMPARE_MAP_COLOUR, "value"),
        },
        {"view": "chart", "mapind": "RII", "mapcolour": "ratio"},
    )

    @app.callback(
        Output(ids.COMPARE_MAP_INDICATOR, "options"),
        Input(ids.COMPARE_EDITION, "value"),
        Input(ids.COMPARE_YEAR, "value"),
        State(ids.COMPARE_LANG, "data"),
        prevent_initial_call=True,
    )
    def _indicators(edition, year, lang):
        if not (edition and year):
            raise PreventUpdate
        reader = reader_of()
        key = ("map-indicators", int(edition), int(year), lang)
        return reader.memo(
            key,
            lambda: views.indicator_options(reader, catalogue_of(), int(edition), int(year), lang),
        )

    @app.callback(
        Output(ids.COMPARE_MAP, "figure"),
        Output(ids.COMPARE_MAP_HEADING, "children"),
        Output(ids.COMPARE_MAP_INFO, "children"),
        Input(ids.COMPARE_VIEW, "value"),
        Input(ids.COMPARE_REGION, "value"),
        Input(ids.COMPARE_EDITION, "value"),
        Input(ids.COMPARE_YEAR, "value"),
        Input(ids.COMPARE_BENCHMARK, "value"),
        Input(ids.COMPARE_PEERS, "value"),
        Input(ids.COMPARE_MAP_INDICATOR, "value"),
        Input(ids.COMPARE_MAP_COLOUR, "value"),
        State(ids.COMPARE_LANG, "data"),
        prevent_initial_call=True,  # a page opened on the map draws it with the page
    )
    def _map(view, region, edition, year, benchmark, peers, indicator, colour, lang):
        if view != "map":
            raise PreventUpdate  # drawn when its tab is opened
        lang = lang or "sv"
        if not (region and edition and year):
            return empty_figure(lang=lang), [], []
        result = europe(region, edition, year, benchmark, peers, indicator, colour, lang)
        return result.figure, heading(result), info(result, lang, with_table=False)

    def europe(*choices):
        return europe_content(reader_of(), catalogue_of(), *choices)

    @app.callback(
        Output(ids.COMPARE_MAP_TABLE, "children"),
        Input(ids.COMPARE_MAP_TABLE_SUMMARY, "n_clicks"),
        Input(ids.COMPARE_REGION, "value"),
        Input(ids.COMPARE_EDITION, "value"),
        Input(ids.COMPARE_YEAR, "value"),
        Input(ids.COMPARE_BENCHMARK, "value"),
        Input(ids.COMPARE_PEERS, "value"),
        Input(ids.COMPARE_MAP_INDICATOR, "value"),
        Input(ids.COMPARE_MAP_COLOUR, "value"),
        State(ids.COMPARE_LANG, "data"),
        prevent_initial_call=True,
    )
    def _table(clicks, region, edition, year, benchmark, peers, indicator, colour, lang):
        if not clicks or not (region and edition and year):
            raise PreventUpdate  # 245 rows are built only once a reader has opened them
        lang = lang or "sv"
        choices = (region, edition, year, benchmark, tuple(peers or ()), indicator, colour, lang)
        return reader_of().memo(("map-europe-table", *choices), lambda: table(europe(*choices)))

    @app.callback(
        Output(ids.COMPARE_REGION, "value", allow_duplicate=True),
        Output(ids.COMPARE_MAP, "clickData"),
        Input(ids.COMPARE_MAP, "clickData"),
        State(ids.COMPARE_REGION, "options"),
        State(ids.COMPARE_REGION, "value"),
        prevent_initial_call=True,
    )
    def _choose(click, options, current):
        code = _clicked(click)
        known = {o["value"] for o in options or ()}
        if code is None or code not in known or code == current:
            return no_update, None
        return code, None


def register_explorer(app: Dash, reader_of, catalogue_of) -> None:
    """Indikatorer's map: the län (or riksområden) for one period; a click adds or removes the
    area from the comparison."""
    register_geometry_route(app.server, reader_of)
    _tabs(app, ids.EXPLORER_VIEW, ids.EXPLORER_MAP_PANE, ids.EXPLORER_CHART_PANE)
    _permalink(
        app,
        ids.EXPLORER_MAP_URL,
        {"view": (ids.EXPLORER_VIEW, "value"), "mapyear": (ids.EXPLORER_MAP_SHOWN, "data")},
        {"view": "chart"},
    )

    def periods_of(indicator_id: str) -> list[str]:
        reader = reader_of()
        return reader.memo(
            ("map-periods", indicator_id),
            lambda: views.map_periods(indicator_data.values(reader, indicator_id), catalogue_of()),
        )

    @app.callback(
        Output(ids.EXPLORER_MAP_PERIOD, "max"),
        Output(ids.EXPLORER_MAP_PERIOD, "marks"),
        Output(ids.EXPLORER_MAP_PERIOD, "value"),
        Input(ids.EXPLORER_INDICATOR, "value"),
        State(ids.EXPLORER_MAP_SHOWN, "data"),
        prevent_initial_call=True,
    )
    def _periods(indicator_id, shown):
        if indicator_id not in catalogue_of().indicators:
            raise PreventUpdate
        periods = periods_of(indicator_id)
        value = periods.index(shown) if shown in periods else max(len(periods) - 1, 0)
        return max(len(periods) - 1, 0), period_marks(periods), value

    @app.callback(
        Output(ids.EXPLORER_MAP, "figure"),
        Output(ids.EXPLORER_MAP_HEADING, "children"),
        Output(ids.EXPLORER_MAP_INFO, "children"),
        Output(ids.EXPLORER_MAP_SHOWN, "data"),
        Input(ids.EXPLORER_VIEW, "value"),
        Input(ids.EXPLORER_INDICATOR, "value"),
        Input(ids.EXPLORER_MAP_PERIOD, "value"),
        Input(ids.EXPLORER_SEX, "value"),
        Input(ids.EXPLORER_REGIONS, "value"),
        State(ids.EXPLORER_LANG, "data"),
        prevent_initial_call=True,  # a page opened on the map draws it with the page
    )
    def _map(view, indicator_id, step, sex_mode, regions, lang):
        if view != "map":
            raise PreventUpdate
        lang = lang or "sv"
        if indicator_id not in catalogue_of().indicators:
            return empty_figure(t("explorer.pick", lang), lang), [], [], no_update
        periods = periods_of(indicator_id)
        period = periods[min(int(step), len(periods) - 1)] if periods and step is not None else None
        result = sweden_content(
            reader_of(), catalogue_of(), indicator_id, period, sex_mode, regions, lang
        )
        return result.figure, heading(result), info(result, lang), result.period

    @app.callback(
        Output(ids.EXPLORER_REGIONS, "value", allow_duplicate=True),
        Output(ids.EXPLORER_MAP, "clickData"),
        Input(ids.EXPLORER_MAP, "clickData"),
        State(ids.EXPLORER_REGIONS, "options"),
        State(ids.EXPLORER_REGIONS, "value"),
        prevent_initial_call=True,
    )
    def _toggle(click, options, current):
        code = _clicked(click)
        known = {o["value"] for o in options or ()}
        if code is None or code not in known:
            return no_update, None
        chosen = list(current or [])
        if code in chosen:
            if len(chosen) == 1:
                return no_update, None  # the comparison keeps at least one region
            chosen.remove(code)
        else:
            chosen.append(code)
        return chosen, None


def register_overview(app: Dash, reader_of, catalogue_of) -> None:
    """Översikt's locator map: where the chosen region lies."""
    register_geometry_route(app.server, reader_of)

    @app.callback(
        Output(ids.OVERVIEW_MAP, "figure"),
        Output(ids.OVERVIEW_MAP_CAPTION, "children"),
        Input(ids.OVERVIEW_REGION, "value"),
        State(ids.OVERVIEW_LANG, "data"),
        prevent_initial_call=True,  # the page draws it for the region it opens with
    )
    def _locator(code, lang):
        catalogue = catalogue_of()
        if catalogue.regions.get(code or "") is None:
            raise PreventUpdate
        return locator_content(reader_of(), catalogue, code, lang or "sv")


def _clicked(click) -> str | None:
    """The NUTS code of the region clicked on a map (plotly's `location`)."""
    try:
        location = click["points"][0]["location"]
    except (TypeError, KeyError, IndexError):
        return None
    return location if isinstance(location, str) else None
