"""`rusmon goals`: a strategy's follow-up per region and mandate period, as table, CSV or JSON.

Read from the warehouse's goal_status and goal_summary views: exactly what the ETL judged and
the dashboard shows, never recomputed here.
"""

from __future__ import annotations

import json
from typing import TextIO

import pandas as pd
import sqlalchemy as sa

from etl.warehouse.store import Warehouse
from indicators.catalogue import Catalogue
from indicators.formatting import change_decimals, format_number
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
        periods = [catalogue.mandate_period(period).id] if period else None
    except (KeyError, ValueError) as exc:
        raise GoalsError(str(exc)) from exc
    if region and region not in catalogue.regions:
        raise GoalsError(f"okänd region {region!r} (ange en NUTS-kod, t.ex. SE125)")
    if region and region not in strategy.regions:
        raise GoalsError(
            f"{strategy.id} följs upp för {', '.join(strategy.regions)}, inte {region}; "
            "lägg till regionen under regions: i strategifilen och kör rusmon etl goals"
        )
    with Warehouse(settings.database_url).reading() as conn:
        if conn is None:
            raise GoalsError("inget lager ännu: kör rusmon etl först")
        statuses = _read(conn, "goal_status", strategy.id, periods, region)
        summaries = _read(conn, "goal_summary", strategy.id, periods, region)
    if statuses.empty:
        raise GoalsError(f"inga bedömningar för {strategy.id} i lagret: kör rusmon etl goals")
    return statuses, summaries


def _read(conn, view: str, strategy: str, periods: list[str] | None, region: str | None):
    sql = f"SELECT * FROM {view} WHERE strategy_id = :s"
    params: dict = {"s": strategy}
    if periods:
        sql += " AND mandate_period = :p"
        params["p"] = periods[0]
    if region:
        sql += " AND region_code = :r"
        params["r"] = region
    return pd.read_sql_query(
        sa.text(sql + " ORDER BY region_code, mandate_period, position"), conn, params=params
    )


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
        print(
            f"    {'indikator':<38} {'mätt för':<12} {'status':<21} utgångsläge → senaste, skäl",
            file=out,
        )
        for goal in goals.itertuples():
            print(f"  Delmål {goal.goal_id} {goal.goal_name_sv}: {goal.status.upper()}", file=out)
            print(f"    ({goal.method})", file=out)
            mine = statuses[
                (statuses["goal_id"] == goal.goal_id)
                & (statuses["region_code"] == region)
                & (statuses["mandate_period"] == period)
            ]
            for row in mine.itertuples():
                change = ""
                if pd.notna(row.baseline_period) and pd.notna(row.latest_value):
                    d = change_decimals(row.baseline_value, row.latest_value, 2)
                    change = (
                        f"{row.baseline_period} {format_number(row.baseline_value, d)} → "
                        f"{row.latest_period} {format_number(row.latest_value, d)}"
                    )
                why = f" – {row.reason}" if pd.notna(row.reason) else ""
                if row.baseline_rule == "first_inside":
                    why += " (utgångsläge = första värdet i perioden, inget före)"
                print(
                    f"    {row.indicator_key:<38} {row.measured_region:<12} {row.status:<21} "
                    f"{change}{why}",
                    file=out,
                )
