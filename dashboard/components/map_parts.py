"""The maps' parts as Dash components: the "Diagram | Karta" tabs, each page's map section and
what is said under a map (attribution, source, notes, table). Renders
`dashboard.views.maps`; what is shown is decided there."""

from __future__ import annotations

import math
from typing import Any

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.components.controls import dropdown, labelled
from dashboard.components.download_menu import GRAPH_CONFIG, download_menu
from dashboard.components.table import simple_table
from dashboard.data_access import geo
from dashboard.figures.maps import graph_config
from dashboard.i18n import t
from dashboard.views import maps as views
from dashboard.views.maps import COLOURS, VIEWS, MapView, locator_view

RADIO = {"className": "radio", "inputClassName": "radio-input", "labelClassName": "radio-label"}
GEOMETRY_ROUTE = "/kartor/"  # where the app serves the maps' GeoJSON (callbacks/maps.py)


def map_config() -> dict[str, Any]:
    """dcc.Graph's config for a map: plotly's base-map topojson comes from the app's assets."""
    return graph_config(GRAPH_CONFIG, dash.get_asset_url("topojson/"))


def geometry_url(version: str):
    """The URL of a geometry set in this app (behind any path prefix), tagged with the
    warehouse version so the browser may keep it until the next load."""

    def url(key: str) -> str:
        return dash.get_relative_path(f"{GEOMETRY_ROUTE}{key}.geojson") + f"?v={version}"

    return url


def chosen_view(value: str | None) -> str:
    return value if value in VIEWS else "chart"


def view_tabs(component_id: str, value: str | None, lang: str) -> html.Div:
    """ "Visa som: Diagram | Karta", kept in the URL (`view=map`)."""
    return html.Div(
        dcc.RadioItems(
            id=component_id,
            options=[{"label": t(f"maps.tab.{v}", lang), "value": v} for v in VIEWS],
            value=chosen_view(value),
            className="view-tabs",
            inputClassName="view-tab-input",
            labelClassName="view-tab",
        ),
        className="view-tabs-bar",
        role="group",
        **{"aria-label": t("maps.tabs", lang)},
    )


def europe_content(
    reader,
    catalogue,
    region: str,
    edition,
    year,
    benchmark: str | None,
    peers,
    indicator: str | None,
    colour: str | None,
    lang: str,
) -> MapView:
    """Jämför's map for these choices, once per warehouse version: drawn with the page when it
    opens on the map, and by the map's callback when a choice changes."""
    benchmark = benchmark or "leaders"
    # the peers only matter for the own peer group
    chosen_peers = tuple(peers or ()) if benchmark == "custom" else ()
    args = (region, int(edition), int(year), lang, benchmark, chosen_peers)
    args = (*args, indicator or "RII", colour or "ratio")
    url = geometry_url(geo.version_tag(reader))
    return reader.memo(
        ("map-europe", *args),
        lambda: views.europe_map_view(reader, catalogue, *args, geometry_url=url),
    )


def sweden_content(
    reader, catalogue, indicator_id: str, period: str | None, sex_mode, regions, lang: str
):
    """Indikatorer's map for these choices, once per warehouse version (page and callback)."""
    args = (indicator_id, period, sex_mode or "T", tuple(regions or ()), lang)
    url = geometry_url(geo.version_tag(reader))
    return reader.memo(
        ("map-sweden", *args),
        lambda: views.sweden_map_view(reader, catalogue, *args, geometry_url=url),
    )


def _graph(
    graph_id: str,
    lang: str,
    chart: str,
    click_key: str,
    extra: tuple = (),
    content: MapView | None = None,
    with_table: bool = True,
) -> list:
    """A map's graph with its heading and what is said under it; `content` draws it with the
    page (no callback round before the first map), else the page's callback fills it."""
    figure = {} if content is None else content.figure
    return [
        html.Div([] if content is None else heading(content), id=f"{graph_id}-heading"),
        dcc.Graph(id=graph_id, figure=figure, config=map_config(), className="map-graph"),
        html.P(t(click_key, lang), className="map-hint"),
        html.Div(
            [] if content is None else info(content, lang, with_table=with_table),
            id=f"{graph_id}-info",
        ),
        *extra,
        html.Div(download_menu(chart, graph_id, lang), className="export-bar"),
    ]


def europe_section(
    lang: str,
    indicators: list[dict],
    indicator: str | None,
    colour: str | None,
    hidden: bool,
    content: MapView | None = None,
) -> html.Section:
    """Jämför's map: every RIS region by the chosen indicator's ratio or by group."""
    values = [o["value"] for o in indicators]
    controls = html.Div(
        [
            labelled(
                t("maps.control.indicator", lang),
                dropdown(
                    ids.COMPARE_MAP_INDICATOR,
                    indicators,
                    indicator if indicator in values else (values[0] if values else None),
                    lang,
                ),
                "control wide",
            ),
            html.Fieldset(
                [
                    html.Legend(t("maps.control.colour", lang)),
                    dcc.RadioItems(
                        id=ids.COMPARE_MAP_COLOUR,
                        options=[
                            {"label": t(f"maps.colour.{c}", lang), "value": c} for c in COLOURS
                        ],
                        value=colour if colour in COLOURS else "ratio",
                        **RADIO,
                    ),
                ],
                className="control",
            ),
        ],
        className="controls",
    )
    return html.Section(
        [
            dcc.Store(id=ids.COMPARE_MAP_URL),  # the permalink writer's output
            controls,
            *_graph(
                ids.COMPARE_MAP,
                lang,
                "map",
                "maps.click.europe",
                (
                    html.Details(
                        [
                            html.Summary(t("table.show", lang), id=ids.COMPARE_MAP_TABLE_SUMMARY),
                            html.Div(id=ids.COMPARE_MAP_TABLE),
                        ],
                        id=ids.COMPARE_MAP_TABLE_BOX,
                        open=False,
                    ),
                ),
                content,
                with_table=False,
            ),
        ],
        id=ids.COMPARE_MAP_PANE,
        className="map-pane",
        hidden=hidden,
    )


def period_marks(periods: list[str]) -> dict[int, str]:
    """The slider's labels: every period when few, else about ten evenly spaced, counted back
    from the latest so it is always labelled and no two labels crowd ("20182019")."""
    if not periods:
        return {}
    every = max(1, math.ceil(len(periods) / 10))
    last = len(periods) - 1
    return {i: periods[i] for i in range(last % every, last + 1, every)}


def period_slider(periods: list[str], period: str | None) -> dcc.Slider:
    last = max(len(periods) - 1, 0)
    value = periods.index(period) if period in periods else last
    return dcc.Slider(
        id=ids.EXPLORER_MAP_PERIOD,
        min=0,
        max=last,
        step=1,
        marks=period_marks(periods),
        value=value,
        included=False,
        allow_direct_input=False,
        className="map-slider",
    )


def sweden_section(
    lang: str,
    periods: list[str],
    period: str | None,
    hidden: bool,
    content: MapView | None = None,
):
    """Indikatorer's map: the län (or riksområden) by value, a year slider over the periods."""
    slider = html.Div(
        [
            html.Label(t("maps.control.period", lang), htmlFor=ids.EXPLORER_MAP_PERIOD),
            period_slider(periods, period),
        ],
        className="control wide map-period",
    )
    return html.Section(
        [
            dcc.Store(id=ids.EXPLORER_MAP_SHOWN, data=period),
            dcc.Store(id=ids.EXPLORER_MAP_URL),
            slider,
            *_graph(ids.EXPLORER_MAP, lang, "map", "maps.click.sweden", content=content),
        ],
        id=ids.EXPLORER_MAP_PANE,
        className="map-pane",
        hidden=hidden,
    )


def locator_content(reader, catalogue, code: str, lang: str) -> tuple[Any, str]:
    """Översikt's locator map for region `code`: (the figure, its caption)."""
    entry = catalogue.regions.get(code)
    url = geometry_url(geo.version_tag(reader))
    figure = reader.memo(
        ("map-locator", code, lang),
        lambda: locator_view(reader, catalogue, code, lang, geometry_url=url),
    )
    if entry is None:
        return figure, ""
    if entry.level in (2, 3):
        key = "maps.locator" if entry.level == 3 else "maps.locator.nuts2"
        return figure, t(key, lang, region=entry.name(lang)) + "."
    return figure, entry.name(lang) + "."


def locator(lang: str, figure: Any, caption: str) -> html.Figure:
    """Översikt's small map of where the region lies (drawn with the page, redrawn by
    dashboard.callbacks.maps when the region changes)."""
    config = {**map_config(), "staticPlot": True}
    return html.Figure(
        [
            dcc.Graph(id=ids.OVERVIEW_MAP, figure=figure, config=config, className="locator-graph"),
            html.Figcaption(
                html.Span(caption, id=ids.OVERVIEW_MAP_CAPTION),
                className="source",
            ),
        ],
        className="locator-map",
    )


def heading(view: MapView) -> list:
    return [html.H2(view.title, className="map-title")]


def table(view: MapView) -> list:
    """The map's values as a table (the Europe map's is filled when opened)."""
    if view.table is None:
        return []
    return [
        simple_table(
            view.table.columns,
            view.table.rows,
            numeric=view.table.numeric,
            caption=view.table.caption,
        )
    ]


def info(view: MapView, lang: str, with_table: bool = True) -> list:
    """Under a map: where the values come from, notes, and (unless the page fills it on demand)
    the table behind "Visa som tabell". Whose boundaries is said in the map itself, so that
    it goes with every download of the picture."""
    parts: list = []
    if view.source:
        parts.append(html.P(view.source, className="source"))
    if view.notes:
        parts.append(html.Ul([html.Li(note) for note in view.notes], className="map-notes"))
    if with_table and view.table is not None:
        parts.append(html.Details([html.Summary(t("table.show", lang)), *table(view)]))
    return parts
