"""The body of the leader comparison, built from the URL query (used by / and /jamfor)."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.compare_heading import compare_heading
from dashboard.components.controls import dropdown, labelled
from dashboard.components.download_menu import (
    GRAPH_CONFIG,
    WAITING_FIGURE,
    deck_link,
    download_menu,
)
from dashboard.components.map_parts import chosen_view, europe_content, europe_section, view_tabs
from dashboard.components.shell import shell
from dashboard.context import catalogue, reader
from dashboard.data_access import ris
from dashboard.i18n import language, t
from dashboard.views.compare import (
    DEFAULT_REGION,
    heading_text,
    region_options,
    remembered_compare_view,
    year_options,
)
from dashboard.views.maps import COLOURS
from dashboard.views.maps import indicator_options as map_indicators


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def compare_page(
    region: str | None = None,
    edition: str | None = None,
    year: str | None = None,
    lang: str | None = None,
    benchmark: str | None = None,
    also: str | None = None,
    peers: str | None = None,
    **_query,
) -> html.Div:
    lang = language(lang)
    view = chosen_view(_query.get("view"))  # maps: "Diagram | Karta" and the map's own choices
    editions = ris.editions(reader())
    if editions.empty:
        return shell(
            lang,
            "/jamfor",
            html.H1(t("nav.compare", lang)),
            html.P(t("empty.no_warehouse", lang), className="empty-state"),
        )
    known = editions["edition"].astype(int).tolist()
    chosen_edition = _int(edition) if _int(edition) in known else known[0]
    regions = region_options(reader(), chosen_edition, lang)
    codes = [o["value"] for o in regions]
    chosen_region = region if region in codes else DEFAULT_REGION
    years = year_options(reader(), chosen_edition)
    chosen_year = _int(year) if _int(year) in years else years[0]
    chosen_also = [c for c in (also or "").split(",") if c in codes]
    chosen_peers = [c for c in (peers or "").split(",") if c in codes]
    chosen_benchmark = benchmark if benchmark in ris.BENCHMARKS else "leaders"
    benchmarks = html.Div(
        [
            labelled(
                t("control.benchmark", lang),
                dropdown(
                    ids.COMPARE_BENCHMARK,
                    [{"label": t(f"bench.option.{b}", lang), "value": b} for b in ris.BENCHMARKS],
                    chosen_benchmark,
                    lang,
                ),
            ),
            labelled(
                t("control.also", lang),
                dropdown(ids.COMPARE_ALSO, regions, chosen_also, lang, multi=True, clearable=True),
                "control wide",
            ),
            labelled(
                t("control.peers", lang),
                dropdown(
                    ids.COMPARE_PEERS, regions, chosen_peers, lang, multi=True, clearable=True
                ),
                "control wide",
            ),
        ],
        className="controls",
    )
    controls = html.Div(
        [
            labelled(
                t("control.region", lang),
                dropdown(ids.COMPARE_REGION, regions, chosen_region, lang),
                "control wide",
            ),
            labelled(
                t("control.edition", lang),
                dropdown(
                    ids.COMPARE_EDITION,
                    [{"label": f"RIS {e}", "value": e} for e in known],
                    chosen_edition,
                    lang,
                ),
            ),
            labelled(
                t("control.year", lang),
                dropdown(
                    ids.COMPARE_YEAR,
                    [{"label": str(y), "value": y} for y in years],
                    chosen_year,
                    lang,
                ),
            ),
        ],
        className="controls",
    )
    graph_config = GRAPH_CONFIG
    map_indicator_options = map_indicators(reader(), catalogue(), chosen_edition, chosen_year, lang)
    map_values = [o["value"] for o in map_indicator_options]
    map_indicator = _query.get("mapind")
    map_indicator = map_indicator if map_indicator in map_values else (map_values or [None])[0]
    map_colour = _query.get("mapcolour")
    map_colour = map_colour if map_colour in COLOURS else "ratio"
    bars = (
        WAITING_FIGURE  # drawn when its tab opens (callbacks/compare.py)
        if view == "map"
        else remembered_compare_view(
            reader(),
            catalogue(),
            chosen_region,
            chosen_edition,
            chosen_year,
            lang,
            chosen_benchmark,
            tuple(chosen_also),
            tuple(chosen_peers),
        ).bars
    )
    # a page opened on the map draws it at once: no callback round before the first map
    map_content = (
        europe_content(
            reader(),
            catalogue(),
            chosen_region,
            chosen_edition,
            chosen_year,
            chosen_benchmark,
            chosen_peers,
            map_indicator,
            map_colour,
            lang,
        )
        if view == "map"
        else None
    )
    return shell(
        lang,
        "/jamfor",
        dcc.Store(id=ids.COMPARE_LANG, data=lang),
        dcc.Store(id=ids.COMPARE_URL),
        dcc.Store(id=ids.COMPARE_PEERS_MEMORY),
        dcc.Store(id=ids.COMPARE_PEERS_FROM_URL, data=bool(chosen_peers)),
        html.Div(
            compare_heading(
                *heading_text(
                    catalogue(), chosen_region, chosen_edition, chosen_year, lang, benchmark or ""
                )
            ),
            id=ids.COMPARE_HEADING,
        ),
        controls,
        benchmarks,
        view_tabs(ids.COMPARE_VIEW, view, lang),
        # the map pane first: the two panes take turns, and plotly draws in document order,
        # so a page opened on the map draws the map before the hidden charts
        europe_section(
            lang,
            map_indicator_options,
            map_indicator,
            map_colour,
            hidden=view != "map",
            content=map_content,
        ),
        html.Div(
            [
                html.Section(
                    [
                        # a page opened on its chart draws the bars at once, like a map
                        dcc.Graph(id=ids.COMPARE_BARS, config=graph_config, figure=bars),
                        html.P(id=ids.COMPARE_SOURCE, className="source"),
                        html.Div(
                            [
                                download_menu("bars", ids.COMPARE_BARS, lang),
                                deck_link(lang, "compare-deck"),
                            ],
                            className="export-bar",
                        ),
                        html.Div(id=ids.COMPARE_TABLE),
                    ],
                    className="main-chart",
                ),
                html.Aside(
                    [html.Div(id=ids.COMPARE_CARD), html.Div(id=ids.COMPARE_CAVEATS)],
                    className="side",
                ),
            ],
            className="compare-grid chart-pane",
            id=ids.COMPARE_CHART_PANE,
            hidden=view == "map",
        ),
        html.Section(
            [
                dcc.Graph(id=ids.COMPARE_TREND, config=graph_config, figure=WAITING_FIGURE),
                html.P(id=ids.COMPARE_TREND_SOURCE, className="source"),
                html.Div(download_menu("trend", ids.COMPARE_TREND, lang), className="export-bar"),
            ],
            className="trend",
        ),
        html.Section(id=ids.COMPARE_GAP, className="trend"),
    )
