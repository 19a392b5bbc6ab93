"""Every strategy's goals judged per region and mandate period: rows for goal_status,
goal_summary and goal_series (the points each verdict was computed from)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from etl.goals.series import SeriesStore
from indicators.catalogue import Catalogue
from indicators.goals import models as m
from indicators.goals import verdicts as v
from indicators.goals.status import Assessment, Point, Window, assess, gap_series
from indicators.goals.summary import summarise
from indicators.goals.texts import note
from indicators.models import MandatePeriod

# goal_series.series: the judged series, the women's and men's lines beside a total, a peer.
JUDGED, PEER = "judged", "peer"


@dataclass
class Judged:
    """An assessment and exactly what it was computed from, for goal_series."""

    assessment: Assessment
    series: list[Point] = field(default_factory=list)
    context: dict[str, list[Point]] = field(default_factory=dict)  # "K"/"M" beside a total
    peers: dict[str, list[Point]] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)  # period -> RIS status (capped, zero)
    caveats: tuple[str, ...] = ()  # RIS caveat marks for the row: constant_over_time, capped …


def _no_data_reason(catalogue: Catalogue, gi: m.GoalIndicator, region: str):
    if gi.is_ris:
        return note("no_ris_values", region=region)
    indicator = catalogue.indicators[gi.indicator_id]
    if indicator.source.type == "manual":
        return note("awaiting_file", region=region)
    return note("no_source_values", region=region, source=indicator.source.type)


def _ris_caveats(
    catalogue: Catalogue, store: SeriesStore, gi: m.GoalIndicator, measured: str, judged: Judged
) -> Judged:
    """RIS series the scoreboard keeps flat cannot show a trend (DESIGN.md): neither the
    indicators flat for ~95 % of regions nor a series flat for this region, whose ratio then
    moves only with the benchmark's mean."""
    a = judged.assessment
    series = catalogue.ris_series(store.ris_edition, gi.ris_code) if store.ris_edition else None
    marks = []
    if series and "constant_over_time" in series.caveats:
        marks.append("constant_over_time")
        if a.verdict is not v.UNKNOWN:
            a = replace(
                a, verdict=v.UNKNOWN, reason=note("ris_constant_indicator", code=gi.ris_code)
            )
    elif a.baseline and a.latest and a.verdict is not v.UNKNOWN:
        frame = store.ris_frame(gi.ris_code, measured, gi.measure)
        span = frame[(frame["year"] >= a.baseline.year) & (frame["year"] <= a.latest.year)]
        if len(span) >= 2 and span["score"].nunique() == 1:
            a = replace(
                a,
                verdict=v.UNKNOWN,
                reason=note(
                    "ris_constant_region",
                    region=measured,
                    baseline=a.baseline.period,
                    latest=a.latest.period,
                ),
            )
    shown = [p for p in (a.baseline, a.latest) if p is not None]
    for flag in ("capped", "zero"):
        if any(judged.flags.get(p.period) == flag for p in shown):
            marks.append(flag)
    return replace(judged, assessment=a, caveats=tuple(marks))


def judge(
    catalogue: Catalogue,
    store: SeriesStore,
    strategy: m.Strategy,
    gi: m.GoalIndicator,
    region: str,
    period: MandatePeriod,
    today: date,
) -> Judged:
    measured = gi.region or region
    window = Window(period.first_year, period.last_year, gi.target.year or strategy.horizon)
    context: dict[str, list[Point]] = {}
    flags: dict[str, str] = {}
    if gi.is_ris:
        series = store.ris(gi.ris_code, measured, gi.measure)
        frame = store.ris_frame(gi.ris_code, measured, gi.measure)
        flags = {str(y): s for y, s in zip(frame["year"], frame["status"], strict=True) if s}
        lower, breaks = False, tuple[str, ...]()
        peers = {p: store.ris(gi.ris_code, p, gi.measure) for p in gi.target.peers}
    else:
        indicator = catalogue.indicators[gi.indicator_id]
        lower = indicator.lower_is_better
        breaks = tuple(b.period for b in indicator.series_breaks)
        if gi.target.type == m.GAP_SHRINKING:
            women = store.observations(gi.indicator_id, measured, "K")
            men = store.observations(gi.indicator_id, measured, "M")
            series = gap_series(women, men)
        else:
            series = store.observations(gi.indicator_id, measured, gi.sex)
            if gi.sex == "T" and indicator.sex_split:
                for sex in ("K", "M"):
                    context[sex] = store.observations(gi.indicator_id, measured, sex)
        peers = {p: store.observations(gi.indicator_id, p, gi.sex) for p in gi.target.peers}
    judged = Judged(Assessment(v.UNKNOWN), series, context, peers, flags)
    if period.first_year > today.year:
        judged.assessment = Assessment(v.UNKNOWN, reason=note("period_not_begun", period=period.id))
    elif not series:
        judged.assessment = Assessment(v.UNKNOWN, reason=_no_data_reason(catalogue, gi, measured))
    else:
        judged.assessment = assess(
            series, gi.target, window, lower_is_better=lower, breaks=breaks, peers=peers
        )
    return _ris_caveats(catalogue, store, gi, measured, judged) if gi.is_ris else judged


@dataclass
class GoalRows:
    statuses: pd.DataFrame
    summaries: pd.DataFrame
    series: pd.DataFrame


def goal_rows(
    catalogue: Catalogue,
    store: SeriesStore,
    strategies: Iterable[m.Strategy],
    periods: Iterable[MandatePeriod],
    regions: Iterable[str] | None = None,
    today: date | None = None,
) -> GoalRows:
    """goal_status, goal_summary and goal_series rows; regions default to each strategy's own."""
    today = today or date.today()
    computed_at = pd.Timestamp.now("UTC").tz_localize(None)
    periods = list(periods)
    statuses, summaries, points = [], [], []
    for strategy in strategies:
        for region in list(regions) if regions else strategy.regions:
            for period in periods:
                position = 0
                for goal in strategy.goals:
                    verdicts = []
                    for gi in goal.indicators:
                        position += 1
                        j = judge(catalogue, store, strategy, gi, region, period, today)
                        verdicts.append(j.assessment.verdict)
                        key = (strategy.id, goal.id, gi.key, region, period.id)
                        statuses.append(
                            _status_row(strategy, goal, gi, region, period, j, position)
                            | {"computed_at": computed_at}
                        )
                        points += _series_rows(key, gi.region or region, j)
                    verdict, how = summarise(verdicts)
                    judged = sum(x is not v.UNKNOWN for x in verdicts)
                    summaries.append(
                        {
                            "strategy_id": strategy.id,
                            "goal_id": goal.id,
                            "region_code": region,
                            "mandate_period": period.id,
                            "position": position,
                            "goal_name_sv": goal.name_sv,
                            "goal_name_en": goal.name_en,
                            "status_code": verdict.code,
                            "status": verdict.text_sv,
                            "method": how.text("sv"),
                            "method_code": how.code,
                            "method_params": how.params_json(),
                            "judged": judged,
                            "indicators": len(verdicts),
                        }
                    )
    return GoalRows(pd.DataFrame(statuses), pd.DataFrame(summaries), pd.DataFrame(points))


def _series_rows(key: tuple, measured: str, j: Judged) -> list[dict]:
    strategy_id, goal_id, indicator_key, region, period = key
    a = j.assessment
    roles = {}
    if a.baseline is not None:
        roles[a.baseline.period] = "baseline"
    if a.latest is not None:
        roles[a.latest.period] = "latest"
    rows = []

    def add(series: str, where: str, points: list[Point], judged: bool) -> None:
        for p in points:
            rows.append(
                {
                    "strategy_id": strategy_id,
                    "goal_id": goal_id,
                    "indicator_key": indicator_key,
                    "region_code": region,
                    "mandate_period": period,
                    "measured_region_code": where,
                    "series": series,
                    "period": p.period,
                    "role": roles.get(p.period, "point") if judged else "context",
                    "value": p.value,
                    "flag": j.flags.get(p.period) if judged else None,
                }
            )

    add(JUDGED, measured, j.series, True)
    for sex, points in j.context.items():
        add(sex, measured, points, False)
    for code, points in j.peers.items():
        add(PEER, code, points, False)
    return rows


def _status_row(strategy, goal, gi, region, period, j: Judged, position: int) -> dict:
    a = j.assessment
    return {
        "strategy_id": strategy.id,
        "goal_id": goal.id,
        "indicator_key": gi.key,
        "region_code": region,
        "mandate_period": period.id,
        "position": position,
        "goal_name_sv": goal.name_sv,
        "goal_name_en": goal.name_en,
        "indicator_id": gi.indicator_id,
        "sex": "K-M" if gi.target.type == m.GAP_SHRINKING else gi.sex,
        "measured_region": gi.region or region,
        "target_type": gi.target.type,
        "target_text": gi.target.text_sv,
        "baseline_period": a.baseline.period if a.baseline else None,
        "baseline_value": a.baseline.value if a.baseline else None,
        "baseline_rule": a.baseline_rule,
        "latest_period": a.latest.period if a.latest else None,
        "latest_value": a.latest.value if a.latest else None,
        "target_value": a.target_value,
        "target_year": gi.target.year or strategy.horizon,
        "tolerance": gi.target.tolerance,
        "needed_pace": a.needed_pace,
        "achieved_pace": a.achieved_pace,
        "status_code": a.verdict.code,
        "status": a.verdict.text_sv,
        "reason": a.reason.text("sv") if a.reason else None,
        "reason_code": a.reason.code if a.reason else None,
        "reason_params": a.reason.params_json() if a.reason else None,
        "method": a.method.text("sv") if a.method else None,
        "method_code": a.method.code if a.method else None,
        "method_params": a.method.params_json() if a.method else None,
        "caveats": ",".join(j.caveats) or None,
    }
