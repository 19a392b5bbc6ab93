"""Every strategy's goals judged per region and mandate period: rows for goal_status/_summary."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from etl.goals.series import SeriesStore
from indicators.catalogue import Catalogue
from indicators.goals import models as m
from indicators.goals import verdicts as v
from indicators.goals.status import Assessment, Window, assess, gap_series
from indicators.goals.summary import summarise
from indicators.models import MandatePeriod


def _no_data_reason(catalogue: Catalogue, gi: m.GoalIndicator, region: str) -> str:
    if gi.is_ris:
        return f"inga RIS-värden för {region} (kör rusmon etl ris)"
    indicator = catalogue.indicators[gi.indicator_id]
    if indicator.source.type == "manual":
        return f"inga värden för {region}: väntar på fil (rusmon etl manual --file …)"
    return f"inga värden för {region} (kör rusmon etl {indicator.source.type})"


def judge(
    catalogue: Catalogue,
    store: SeriesStore,
    strategy: m.Strategy,
    gi: m.GoalIndicator,
    region: str,
    period: MandatePeriod,
    today: date,
) -> Assessment:
    measured = gi.region or region
    window = Window(period.first_year, period.last_year, gi.target.year or strategy.horizon)
    if period.first_year > today.year:
        return Assessment(v.UNKNOWN, reason=f"mandatperioden {period.id} har inte börjat")
    if gi.is_ris:
        series = store.ris(gi.ris_code, measured, gi.measure)
        lower, breaks = False, ()
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
        peers = {p: store.observations(gi.indicator_id, p, gi.sex) for p in gi.target.peers}
    if not series:
        return Assessment(v.UNKNOWN, reason=_no_data_reason(catalogue, gi, measured))
    return assess(series, gi.target, window, lower_is_better=lower, breaks=breaks, peers=peers)


def goal_rows(
    catalogue: Catalogue,
    store: SeriesStore,
    strategies: Iterable[m.Strategy],
    periods: Iterable[MandatePeriod],
    regions: Iterable[str] | None = None,
    today: date | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(goal_status rows, goal_summary rows); regions default to each strategy's own."""
    today = today or date.today()
    computed_at = pd.Timestamp.now("UTC").tz_localize(None)
    periods = list(periods)
    statuses, summaries = [], []
    for strategy in strategies:
        for region in list(regions) if regions else strategy.regions:
            for period in periods:
                position = 0
                for goal in strategy.goals:
                    verdicts = []
                    for gi in goal.indicators:
                        position += 1
                        a = judge(catalogue, store, strategy, gi, region, period, today)
                        verdicts.append(a.verdict)
                        statuses.append(
                            _status_row(strategy, goal, gi, region, period, a, position)
                            | {"computed_at": computed_at}
                        )
                    verdict, how = summarise(verdicts)
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
                            "method": how,
                        }
                    )
    return pd.DataFrame(statuses), pd.DataFrame(summaries)


def _status_row(strategy, goal, gi, region, period, a: Assessment, position: int) -> dict:
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
        "latest_period": a.latest.period if a.latest else None,
        "latest_value": a.latest.value if a.latest else None,
        "target_value": a.target_value,
        "needed_pace": a.needed_pace,
        "achieved_pace": a.achieved_pace,
        "status_code": a.verdict.code,
        "status": a.verdict.text_sv,
        "reason": a.reason,
        "method": a.method or None,
    }
