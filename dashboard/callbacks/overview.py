"""Översikt: where a region stands, in four cards — innovation index, goal status this mandate
period, strongest and weakest RIS indicators against the leaders, and data freshness.

`overview_view` is a plain function; `register` wires it and remembers the region in the
browser (localStorage), so the start page opens where the analyst left it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from dash import Dash, Input, Output, State, dcc, html

from dashboard import ids
from dashboard.callbacks.compare import missing_caveats
from dashboard.callbacks.goals import current_period
from dashboard.components.goal_list import status_badge
from dashboard.components.rii_standing import rii_standing
from dashboard.data_access import goals as goal_data
from dashboard.data_access import indicators as indicator_data
from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.i18n import t
from dashboard.marks import ZERO_MARK
from dashboard.permalink import register_memory
from indicators.catalogue import Catalogue
from indicators.formatting import format_number, format_time
from indicators.goals import verdicts as v

DEFAULT_REGION = "SE331"
SHOWN = 3  # strongest and weakest indicators


def region_options(catalogue: Catalogue, lang: str) -> list[dict]:
    """Sweden, then the NUTS2 regions, then the län, each labelled with its code."""
    regions = sorted(catalogue.regions.swedish(), key=lambda r: (r.level or 0, r.name(lang)))
    return [catalogue.regions.option(r.code, lang) for r in regions if r.level in (0, 2, 3)]


def ris_region(catalogue: Catalogue, code: str) -> str:
    """The RIS reports NUTS2 regions: a län is shown through its NUTS2 region."""
    region = catalogue.regions.get(code)
    if region and region.level == 3 and region.parent_code:
        return region.parent_code
    return code


def _card(
    title: str, body: list, link: tuple[str, str] | None = None, card_id: str = ""
) -> html.Section:
    parts = [html.H2(title), *body]
    if link:
        parts.append(dcc.Link(link[0], href=link[1], className="card-link"))
    return html.Section(parts, className="card overview-card", id=card_id)


def _rii_card(reader, catalogue, code: str, latest, lang: str) -> html.Section:
    title = t("overview.rii", lang)
    nuts2 = ris_region(catalogue, code)
    if latest is None:
        return _card(title, [html.P(t("empty.no_warehouse", lang))])
    edition, year = latest
    summary = ris.rii_summary(reader, edition, year, nuts2)
    name = catalogue.regions.name_of(nuts2, lang)
    if summary is None:
        return _card(
            title,
            [html.P(t("empty.no_region_data", lang, region=name, edition=edition, year=year))],
        )
    value = (
        t("ris.no_data", lang) if summary.value is None else format_number(summary.value, 1, lang)
    )
    body = [
        html.Div(f"{name}, RIS {edition} ({year})", className="card-label"),
        html.Div(value, className="card-value"),
        *rii_standing(summary, year, lang),
    ]
    return _card(
        title,
        body,
        (t("overview.to_compare", lang), f"/jamfor?region={nuts2}&lang={lang}"),
        "overview-rii",
    )


def _extremes_card(reader, catalogue, code: str, latest, lang: str) -> html.Section:
    title = t("overview.extremes", lang)
    if latest is None:
        return _card(title, [html.P(t("figure.empty", lang))])
    edition, year = latest
    nuts2 = ris_region(catalogue, code)
    comparison = ris.leader_comparison(reader, edition, year, nuts2)
    comparison = (
        comparison[comparison["indicator_code"] != "RII"] if not comparison.empty else comparison
    )
    if comparison.empty:
        return _card(title, [html.P(t("figure.empty", lang))])
    # A missing value (the file's 0,00, ratio NULL) is neither strong nor weak: listed apart.
    shown = comparison[comparison["ratio"].notna()]
    ordered = shown.sort_values("ratio", ascending=False, kind="stable")
    strongest = ordered.head(SHOWN)
    weakest = ordered.drop(strongest.index).tail(SHOWN).iloc[::-1]

    def items(frame):
        out = []
        for row in frame.itertuples():
            label = catalogue.ris_short_name(edition, row.indicator_code, lang)
            mark = f" {ZERO_MARK}" if row.status == ris.ZERO else ""
            out.append(html.Li(f"{label}{mark}: {format_number(row.ratio, 2, lang)}"))
        return html.Ol(out)

    body = [html.P(t("overview.extremes_intro", lang, year=year), className="card-label")]
    if not shown.empty:
        body += [
            html.H3(t("overview.strongest", lang)),
            items(strongest),
            html.H3(t("overview.weakest", lang)),
            items(weakest),
        ]
    missing = comparison[comparison["status"] == ris.MISSING]
    if not missing.empty:
        names = ", ".join(
            catalogue.ris_short_name(edition, c, lang) for c in missing["indicator_code"]
        )
        body.append(html.P(t("overview.no_data", lang, indicators=names), className="source"))
    body += [
        html.P(text, className="source")
        for text in missing_caveats(pd.concat([strongest, weakest]), catalogue, edition, lang)
    ]
    return _card(title, body, None, "overview-extremes")


def _goals_card(reader, catalogue, code: str, lang: str, today: date | None) -> html.Section:
    period = current_period(catalogue, today)
    title = t("overview.goals", lang, period=period.replace("-", "–"))
    strategies = [s for s in catalogue.strategies.values() if code in s.regions]
    if not strategies:
        return _card(title, [html.P(t("overview.no_strategy", lang))], None, "overview-goals")
    body = []
    for strategy in sorted(strategies, key=lambda s: s.name(lang)):
        summary = goal_data.summaries(reader, strategy.id, code, period)
        counts = (
            summary["status_code"].value_counts() if not summary.empty else pd.Series(dtype=int)
        )
        badges = [
            html.Li([status_badge(verdict, lang), f": {int(counts[verdict.code])}"])
            for verdict in v.VERDICTS
            if verdict.code in counts
        ]
        href = f"/maluppfoljning?strategy={strategy.id}&region={code}&period={period}&lang={lang}"
        body += [
            html.H3(dcc.Link(strategy.name(lang), href=href)),
            html.Ul(badges, className="badges")
            if badges
            else html.P(t("overview.no_goal_status", lang)),
        ]
    return _card(title, body, None, "overview-goals")


def _freshness_card(reader, catalogue, lang: str) -> html.Section:
    title = t("overview.freshness", lang)
    loaded = indicator_data.loaded_indicators(reader)
    runs = indicator_data.last_run_per_source(reader)
    if loaded.empty and runs.empty:
        return _card(title, [html.P(t("empty.no_warehouse", lang))], None, "overview-freshness")
    with_data = int((loaded["rows"] > 0).sum()) if not loaded.empty else 0
    last_load = runs["last_ok"].max() if not runs.empty else None
    failed = runs[runs["status"] == "failed"]["source"].tolist() if not runs.empty else []
    body = [
        html.Div(
            t("overview.indicators_loaded", lang, n=with_data, total=len(catalogue.indicators)),
            className="card-line",
        ),
        html.Div(
            t(
                "overview.last_load",
                lang,
                when=format_time(last_load),
            ),
            className="card-line",
        ),
    ]
    if failed:
        body.append(
            html.Div(
                "✖ " + t("overview.failed", lang, sources=", ".join(failed)), className="card-line"
            )
        )
    return _card(
        title,
        body,
        (t("overview.to_sources", lang), f"/datakallor?lang={lang}"),
        "overview-freshness",
    )


def overview_view(
    reader: WarehouseReader, catalogue: Catalogue, code: str, lang: str, today: date | None = None
) -> list:
    name = catalogue.regions.name_of(code, lang)
    latest = ris.latest_edition(reader)
    return [
        html.H1(t("overview.heading", lang, region=name)),
        html.Div(
            [
                _rii_card(reader, catalogue, code, latest, lang),
                _goals_card(reader, catalogue, code, lang, today),
                _extremes_card(reader, catalogue, code, latest, lang),
                _freshness_card(reader, catalogue, lang),
            ],
            className="overview-grid",
        ),
    ]


def register(app: Dash, reader_of, catalogue_of) -> None:
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
        return reader.memo(
            ("overview", code, lang), lambda: overview_view(reader, catalogue_of(), code, lang)
        )
