"""Måluppföljning: from strategy, region, mandate period and the picked indicator to the page.

`goal_list_view` and `indicator_view` are plain functions (reader and catalogue in, components
and figures out), tested without a browser; `register` wires them to the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from dash import ALL, Dash, Input, Output, State, ctx, html, no_update

from dashboard import ids
from dashboard.components.goal_list import (
    PICK_TYPE,
    goal_sections,
    indicator_label,
    measured_text,
    pick_key,
    row_note,
)
from dashboard.components.table import simple_table
from dashboard.data_access import goals as data
from dashboard.data_access import indicators as indicator_data
from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.common import empty_figure
from dashboard.figures.goal_chart import GoalChart, PeriodBand, goal_chart
from dashboard.i18n import t
from indicators.catalogue import Catalogue
from indicators.formatting import change_decimals, format_date, format_number
from indicators.goals import models as m
from indicators.goals import verdicts as v
from indicators.goals.sentence import SentenceInput, goal_sentence
from indicators.goals.status import Point, period_time

DEFAULT_STRATEGY = "vastmanland_rus_2030"


def current_period(catalogue: Catalogue, today: date | None = None) -> str:
    period = catalogue.mandate_period_for_year((today or date.today()).year)
    return period.id if period else catalogue.mandate_periods[-1].id


def region_options(catalogue: Catalogue, strategy: m.Strategy, lang: str) -> list[dict]:
    return [catalogue.regions.option(code, lang) for code in strategy.regions]


def goal_list_view(
    reader: WarehouseReader,
    catalogue: Catalogue,
    strategy_id: str,
    region: str,
    period: str,
    lang: str,
    picked: str | None = None,
) -> list:
    strategy = catalogue.strategies[strategy_id]
    region_name = catalogue.regions.name_of(region, lang)
    heading = [
        html.H1(t("goals.heading", lang, strategy=strategy.name(lang))),
        html.P(
            t("goals.intro", lang, period=period.replace("-", "–"), region=region_name),
            className="lead",
        ),
    ]
    statuses = data.statuses(reader, strategy_id, region, period)
    if statuses.empty:
        message = t(
            "goals.no_status", lang, strategy=strategy.name(lang), region=region_name, period=period
        )
        return [*heading, html.P(message, className="empty-state")]
    summaries = data.summaries(reader, strategy_id, region, period)
    latest = ris.latest_edition(reader)
    edition = latest[0] if latest else None
    about = (
        [html.Details([html.Summary(t("goals.about", lang)), html.P(strategy.note_sv)], open=True)]
        if strategy.note_sv
        else []
    )
    sections = goal_sections(statuses, summaries, catalogue, strategy, edition, lang, picked)
    return heading + about + sections


@dataclass
class IndicatorView:
    figure: go.Figure
    sentence: str
    table: list
    source: str


def _points(frame: pd.DataFrame) -> pd.DataFrame:
    times = [period_time(str(p)) for p in frame["period"]]
    return frame.assign(time=times)


def chart_series(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(main lines, peer lines) from goal_series: the judged series is drawn as "T", the
    women's and men's lines beside it as "K"/"M"; nothing is recomputed here."""
    own = points[points["series"] != "peer"]
    main = own.assign(sex=own["series"].map({"judged": "T", "K": "K", "M": "M"}))
    peers = points[points["series"] == "peer"].rename(
        columns={"measured_region_code": "region_code"}
    )
    return _points(main[["period", "value", "sex"]]), _points(
        peers[["region_code", "period", "value"]]
    )


def _point(period, value) -> Point | None:
    """A status row's baseline or latest value, None where the row has none."""
    if period is None or pd.isna(period) or pd.isna(value):
        return None
    return Point(str(period), float(value))


def _bands(catalogue: Catalogue, period: str, first: float, last: float, lang: str):
    return tuple(
        PeriodBand(
            p.first_year,
            p.last_year,
            t("goalchart.period", lang, period=p.id.replace("-", "–")),
            p.id == period,
        )
        for p in catalogue.mandate_periods
        if p.last_year >= first and p.first_year <= last
    )


def _source_text(reader, catalogue, gi, row, strategy, edition, lang) -> str:
    if gi.is_ris:
        source = f"Europeiska kommissionen, Regional Innovation Scoreboard {edition}"
    else:  # where the judged values came from: a hand-kept file says so, with its own source
        indicator = catalogue.indicators[gi.indicator_id]
        used = indicator_data.value_sources(reader, gi.indicator_id, [str(row.measured_region)])
        source = indicator_data.describe_sources(indicator, used, lang)
    computed = row.computed_at if not pd.isna(row.computed_at) else None
    return t(
        "goals.source",
        lang,
        source=source,
        computed=format_date(computed),
        owner=strategy.owner_sv,
        strategy=strategy.name(lang),
    )


def _capitalised(text: str | None) -> str | None:
    return f"{text[0].upper()}{text[1:]}." if text else None


def _table(main: pd.DataFrame, decimals: int, lang: str) -> list:
    rows = [
        {
            "period": r.period,
            "sex": t(f"sex.{r.sex}", lang),
            "value": format_number(r.value, decimals, lang),
        }
        for r in main.sort_values(["sex", "time"]).itertuples()
    ]
    columns = [(k, t(f"goals.col.{k}", lang)) for k in ("period", "sex", "value")]
    return [
        html.Details(
            [html.Summary(t("table.show", lang)), simple_table(columns, rows, numeric=("value",))]
        )
    ]


def indicator_view(
    reader: WarehouseReader,
    catalogue: Catalogue,
    strategy_id: str,
    region: str,
    period: str,
    picked: str | None,
    lang: str,
) -> IndicatorView | None:
    """The chart, sentence, table and source of the picked goal indicator; None when none is."""
    if not picked or "|" not in picked:
        return None
    goal_id, key = picked.split("|", 1)
    strategy = catalogue.strategies[strategy_id]
    statuses = data.statuses(reader, strategy_id, region, period)
    hits = statuses[
        (statuses["goal_id"].astype(str) == goal_id) & (statuses["indicator_key"] == key)
    ]
    goal = next((g for g in strategy.goals if g.id == goal_id), None)
    gi = next((g for g in goal.indicators if g.key == key), None) if goal else None
    if hits.empty or gi is None:
        return None
    row = hits.iloc[0]
    latest = ris.latest_edition(reader)
    edition = latest[0] if latest else None
    label, unit, decimals = indicator_label(catalogue, gi, edition, lang)
    measured = str(row.measured_region)
    indicator = None if gi.is_ris else catalogue.indicators[gi.indicator_id]
    main, peers = chart_series(data.series(reader, strategy_id, region, period, goal_id, key))
    peers = peers.assign(name=[catalogue.regions.name_of(c, lang) for c in peers["region_code"]])
    target = None if pd.isna(row.target_value) else float(row.target_value)
    target_year = (
        int(row.target_year) if target is not None and not pd.isna(row.target_year) else None
    )
    term = catalogue.mandate_period(period)
    first = float(main["time"].min()) if not main.empty else float(term.first_year)
    baseline = _point(row.baseline_period, row.baseline_value)
    latest = _point(row.latest_period, row.latest_value)
    breaks = tuple(
        (period_time(b.period), b.note(lang))
        for b in (indicator.series_breaks if indicator else ())
    )
    spec = GoalChart(
        title=f"{label} – {catalogue.regions.name_of(measured, lang)}",
        unit=unit,
        decimals=decimals,
        series=main,
        peers=peers,
        baseline=baseline,
        latest=latest,
        target_value=target,
        target_year=target_year or term.last_year,
        bands=_bands(catalogue, period, first, max(target_year or 0, term.last_year), lang),
        breaks=breaks,
    )
    target_decimals = decimals
    if baseline and latest:  # enough decimals that the judged change is visible
        decimals = change_decimals(baseline.value, latest.value, decimals)
    subject, sentence_unit = label.removeprefix("RIS: "), unit
    if gi.target.type == m.GAP_SHRINKING and indicator:
        subject = indicator.name(lang)
    if gi.is_ris:  # a ratio or score reads better with its unit once, in the subject
        subject, sentence_unit = f"{subject} ({unit})", ""
    sentence = goal_sentence(
        SentenceInput(
            subject=subject,
            region=catalogue.regions.name_of(measured, lang),
            period=period,
            unit=sentence_unit,
            decimals=decimals,
            verdict=v.BY_CODE.get(row.status_code, v.UNKNOWN),
            reason=row_note(row.reason_code, row.reason_params, lang) or None,
            baseline=baseline,
            latest=latest,
            target_value=target,
            target_year=target_year,
            target_text=row.target_text if isinstance(row.target_text, str) else "",
            needed_pace=None if pd.isna(row.needed_pace) else float(row.needed_pace),
            achieved_pace=None if pd.isna(row.achieved_pace) else float(row.achieved_pace),
            gap=gi.target.type == m.GAP_SHRINKING,
            target_decimals=target_decimals,
        ),
        lang,
    )
    return IndicatorView(
        figure=goal_chart(spec, lang),
        sentence=sentence,
        table=_table(main, decimals, lang) if not main.empty else [],
        source=" ".join(
            x
            for x in (
                _capitalised(measured_text(catalogue, region, measured, lang)),
                _source_text(reader, catalogue, gi, row, strategy, edition, lang),
            )
            if x
        ),
    )


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
        args = (strategy_id, region, period, lang, picked)
        reader = reader_of()
        return reader.memo(
            ("goal-list", *args), lambda: goal_list_view(reader, catalogue_of(), *args)
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
        view = None
        if strategy_id and region and period:
            args = (strategy_id, region, period, picked, lang)
            reader = reader_of()
            view = reader.memo(
                ("goal-chart", *args), lambda: indicator_view(reader, catalogue_of(), *args)
            )
        if view is None:
            return empty_figure(t("goals.pick", lang), lang), "", [], ""
        return view.figure, view.sentence, view.table, view.source


__all__ = ["DEFAULT_STRATEGY", "current_period", "goal_list_view", "indicator_view", "pick_key"]
