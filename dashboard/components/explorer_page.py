"""The Indikatorer page (explorer), built from the URL query so a permalink reproduces it."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components.controls import dropdown, labelled
from dashboard.components.download_menu import GRAPH_CONFIG, WAITING_FIGURE, download_menu
from dashboard.components.map_parts import chosen_view, sweden_content, sweden_section, view_tabs
from dashboard.components.shell import shell
from dashboard.context import catalogue, reader
from dashboard.data_access import indicators as data
from dashboard.i18n import language, t
from dashboard.views.explorer import (
    default_regions,
    indicator_options,
    period_options,
    region_options,
    sex_options,
)
from dashboard.views.maps import map_periods

PATH = "/indikatorer"


def explorer_page(
    indicator: str | None = None,
    regions: str | None = None,
    mode: str | None = None,
    year: str | None = None,
    sex: str | None = None,
    base: str | None = None,
    small: str | None = None,
    lang: str | None = None,
    **_query,
) -> html.Div:
    lang = language(lang)
    cat = catalogue()
    options = indicator_options(reader(), cat, lang)
    codes = [o["value"] for o in options]
    chosen = indicator if indicator in codes else (codes[0] if codes else None)
    values = data.values(reader(), chosen) if chosen else None
    region_opts = region_options(values, cat, lang) if values is not None else []
    available = [o["value"] for o in region_opts]
    asked = [c for c in (regions or "").split(",") if c in available]
    bases, periods = period_options(values, lang) if values is not None else ([], [])
    view = chosen_view(_query.get("view"))  # maps: "Diagram | Karta" and the year on the map
    map_steps = map_periods(values, cat) if values is not None else []
    map_year = _query.get("mapyear")
    map_year = map_year if map_year in map_steps else None
    chosen_regions = asked or default_regions(available)
    # a page opened on the map draws it at once: no callback round before the first map
    map_content = (
        sweden_content(
            reader(), cat, chosen, map_year, "KM" if sex == "KM" else "T", chosen_regions, lang
        )
        if view == "map" and chosen
        else None
    )
    radio = {"className": "radio", "inputClassName": "radio-input", "labelClassName": "radio-label"}
    controls = html.Div(
        [
            labelled(
                t("explorer.indicator", lang),
                dropdown(ids.EXPLORER_INDICATOR, options, chosen, lang),
                "control wide",
            ),
            labelled(
                t("explorer.regions", lang),
                dropdown(
                    ids.EXPLORER_REGIONS,
                    region_opts,
                    chosen_regions,
                    lang,
                    multi=True,
                ),
                "control wide",
            ),
            html.Fieldset(
                [
                    html.Legend(t("explorer.mode", lang)),
                    dcc.RadioItems(
                        id=ids.EXPLORER_MODE,
                        options=[
                            {"label": t("explorer.mode.series", lang), "value": "series"},
                            {"label": t("explorer.mode.bar", lang), "value": "bar"},
                        ],
                        value=mode if mode in ("series", "bar") else "series",
                        **radio,
                    ),
                ],
                className="control",
            ),
            labelled(
                t("explorer.period", lang),
                dropdown(
                    ids.EXPLORER_PERIOD,
                    periods,
                    year,
                    lang,
                    clearable=True,
                    placeholder=t("explorer.period.latest", lang),  # what an empty choice draws
                ),
            ),
            html.Fieldset(
                [
                    html.Legend(t("explorer.sex", lang)),
                    dcc.RadioItems(
                        id=ids.EXPLORER_SEX,
                        options=sex_options(cat, chosen or "", lang),
                        value="KM" if sex == "KM" else "T",
                        **radio,
                    ),
                ],
                className="control",
            ),
            labelled(
                t("explorer.base", lang), dropdown(ids.EXPLORER_BASE, bases, base or "", lang)
            ),
            dcc.Checklist(
                id=ids.EXPLORER_SMALL,
                options=[{"label": t("explorer.small", lang), "value": "1"}],
                value=["1"] if small == "1" else [],
                className="control checklist",
            ),
        ],
        className="controls",
    )
    return shell(
        lang,
        PATH,
        dcc.Store(id=ids.EXPLORER_LANG, data=lang),
        dcc.Store(id=ids.EXPLORER_URL),
        html.H1(t("explorer.heading", lang)),
        html.P(t("explorer.intro", lang), className="lead"),
        controls,
        view_tabs(ids.EXPLORER_VIEW, view, lang),
        html.Div(
            [
                html.Section(
                    [
                        # the map first: plotly draws in document order (see compare_page)
                        sweden_section(
                            lang,
                            map_steps,
                            map_content.period if map_content else map_year,
                            hidden=view != "map",
                            content=map_content,
                        ),
                        html.Div(
                            [
                                dcc.Graph(
                                    id=ids.EXPLORER_CHART,
                                    config=GRAPH_CONFIG,
                                    figure=WAITING_FIGURE,
                                ),
                                # the source line ("Källa: …") right under the chart, then the table
                                html.Div(id=ids.EXPLORER_TABLE),
                                html.Div(
                                    [
                                        html.Button(
                                            t("explorer.csv", lang),
                                            id=ids.EXPLORER_CSV,
                                            className="button",
                                        ),
                                        html.Button(
                                            t("explorer.xlsx", lang),
                                            id=ids.EXPLORER_XLSX,
                                            className="button",
                                        ),
                                        dcc.Download(id=ids.EXPLORER_CSV_DOWNLOAD),
                                        dcc.Download(id=ids.EXPLORER_XLSX_DOWNLOAD),
                                        download_menu("lines", ids.EXPLORER_CHART, lang),
                                    ],
                                    className="downloads export-bar",
                                ),
                            ],
                            id=ids.EXPLORER_CHART_PANE,
                            className="chart-pane",
                            hidden=view == "map",
                        ),
                    ],
                    className="main-chart",
                ),
                html.Aside(html.Div(id=ids.EXPLORER_META), className="side"),
            ],
            className="compare-grid",
        ),
    )
