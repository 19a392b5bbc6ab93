"""`rusmon goals`: a strategy's follow-up per region and mandate period, as table, CSV or JSON.

Computed from the warehouse at the moment it is asked for (read-only), with the same code
that fills goal_status, so it works for any region, not only the strategy's own.
"""

from __future__ import annotations

import json
from typing import TextIO

import pandas as pd

from etl.goals.compute import goal_rows
from etl.goals.series import SeriesStore
from etl.warehouse.store import Warehouse
from indicators.catalogue import Catalogue
from indicators.formatting import format_number
from indicators.settings import Settings

COLUMNS = {
    "goal_id": "delmål",
    "indicator_key": "indikator",
    "region_code": "region",
    "measured_region": "mätt_för",
    "mandate_period": "period",
    "baseline_period": "basår",
    "baseline_value": "basvärde",
    "latest_period": "senaste_år",
    "latest_value": "senaste_värde",
    "target_value": "målvärde",
    "status": "status",
    "reason": "skäl",
    "method": "metod",
}


class GoalsError(ValueError):
    pass


def goal_report(
    settings: Settings,
    catalogue: Catalogue,
    strategy_id: str,
    period: str | None = None,
    region: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    strategy = catalogue.strategies.get(strategy_id)
    if strategy is None:
        known = ", ".join(catalogue.strategies)
        raise GoalsError(f"okänd strategi {strategy_id!r}; kända: {known}")
    try:
        periods = [catalogue.mandate_period(period)] if period else catalogue.mandate_periods
    except (KeyError, ValueError) as exc:
        raise GoalsError(str(exc)) from exc
    if region and region not in catalogue.regions:
        raise GoalsError(f"okänd region {region!r} (ange en NUTS-kod, t.ex. SE125)")
    with Warehouse(settings.database_url).reading() as conn:
        if conn is None:
            raise GoalsError("inget lager ännu: kör rusmon etl först")
        return goal_rows(
            catalogue, SeriesStore(conn), [strategy], periods, [region] if region else None
        )


def _number(x: object) -> str:
    return "" if x is None or pd.isna(x) else format_number(float(x), 2)


def print_report(statuses: pd.DataFrame, summaries: pd.DataFrame, fmt: str, out: TextIO) -> None:
    table = statuses[list(COLUMNS)].rename(columns=COLUMNS)
    if fmt == "csv":
        table.to_csv(out, index=False)
    elif fmt == "json":
        records = json.loads(table.to_json(orient="records", force_ascii=False))
        goals = json.loads(summaries.to_json(orient="records", force_ascii=False))
        json.dump({"indikatorer": records, "delmål": goals}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_table(statuses, summaries, out)


def _print_table(statuses: pd.DataFrame, summaries: pd.DataFrame, out: TextIO) -> None:
    for (region, period), goals in summaries.groupby(["region_code", "mandate_period"], sort=False):
        print(f"\n{region}, mandatperiod {period}", file=out)
        for goal in goals.itertuples():
            print(f"  Delmål {goal.goal_id} {goal.goal_name_sv}: {goal.status.upper()}", file=out)
            print(f"    ({goal.method})", file=out)
            mine = statuses[
                (statuses["goal_id"] == goal.goal_id)
                & (statuses["region_code"] == region)
                & (statuses["mandate_period"] == period)
            ]
            for row in mine.itertuples():
                change = (
                    f"{row.baseline_period} {_number(row.baseline_value)} → "
                    f"{row.latest_period} {_number(row.latest_value)}"
                    if pd.notna(row.baseline_period)
                    else ""
                )
                why = f" – {row.reason}" if pd.notna(row.reason) else ""
                print(f"    {row.indicator_key:<38} {row.status:<21} {change}{why}", file=out)
