"""`rusmon goals`: a strategy's follow-up per region and mandate period, as table, CSV or JSON.

Read from the warehouse's goal_status and goal_summary views: exactly what the ETL judged and
the dashboard shows, never recomputed here. The table names indicators and regions and writes
numbers as the dashboard does (format_number, the indicator's decimals, more only where the
judged change would otherwise not show); CSV and JSON keep the ids and the raw numbers.
"""

from __future__ import annotations

import json
from typing import TextIO

import pandas as pd
import sqlalchemy as sa

from etl.warehouse.store import Warehouse
from indicators.catalogue import Catalogue
from indicators.formatting import change_decimals, format_number, format_signed
from indicators.goals.models import GAP_SHRINKING, GoalIndicator
from indicators.settings import Settings

COLUMNS = {
    "goal_id": "delmål",
    "indicator_key": "indikator",
    "indicator_name": "indikatornamn",
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


def indicator_label(
    catalogue: Catalogue, gi: GoalIndicator | None, key: str, edition: int | None
) -> tuple[str, str, int]:
    """(name, unit, decimals) of a goal indicator, in Swedish, as the dashboard shows it."""
    if gi is None:
        return key, "", 1
    if gi.is_ris:
        name = f"RIS: {catalogue.ris_short_name(edition, gi.ris_code, 'sv')}"
        if gi.measure == "ratio_to_leaders":
            return name, "kvot mot innovationsledarna", 2
        return name, "poäng (EU = 100)", 1
    indicator = catalogue.indicators.get(gi.indicator_id)
    if indicator is None:
        return key, "", 1
    name = indicator.name("sv")
    if gi.target.type == GAP_SHRINKING:
        name += " (skillnad kvinnor − män)"
    elif gi.sex != "T":
        name += ", kvinnor" if gi.sex == "K" else ", män"
    return name, indicator.unit_text("sv"), indicator.decimals


def _named(statuses: pd.DataFrame, catalogue: Catalogue, strategy, edition: int | None):
    """Each row's indicator name, unit and decimals, and the measured region's name."""
    labels = []
    for row in statuses.itertuples():
        goals = [g for g in strategy.goals if g.id == str(row.goal_id)]
        gi = (
            next((g for g in goals[0].indicators if g.key == row.indicator_key), None)
            if goals
            else None
        )
        labels.append(indicator_label(catalogue, gi, row.indicator_key, edition))
    names, units, decimals = zip(*labels, strict=True) if labels else ((), (), ())
    return statuses.assign(
        indicator_name=list(names),
        unit=list(units),
        decimals=list(decimals),
        measured_name=[catalogue.regions.name_of(c) for c in statuses["measured_region"]],
    )


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
        edition = conn.execute(sa.text("SELECT MAX(edition) FROM ris_edition")).scalar()
    if statuses.empty:
        raise GoalsError(f"inga bedömningar för {strategy.id} i lagret: kör rusmon etl goals")
    summaries = summaries.assign(
        region_name=[catalogue.regions.name_of(c) for c in summaries["region_code"]]
    )
    return _named(statuses, catalogue, strategy, edition), summaries


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


def number_text(value: float, decimals: int) -> str:
    """A number in the table: format_number in Swedish with the indicator's decimals."""
    return format_number(value, decimals, "sv")


def change_text(row) -> str:
    """'2018: 8,3 → 2022: 6,6 procent (−1,7)', with the decimals the dashboard uses: the
    indicator's, or more where rounding would hide the judged change."""
    decimals = int(getattr(row, "decimals", 2))
    d = change_decimals(row.baseline_value, row.latest_value, decimals)
    unit = f" {row.unit}" if getattr(row, "unit", "") else ""
    change = format_signed(row.latest_value - row.baseline_value, d, "sv")
    return (
        f"{row.baseline_period}: {number_text(row.baseline_value, d)} → "
        f"{row.latest_period}: {number_text(row.latest_value, d)}{unit} ({change})"
    )


def _print_table(statuses: pd.DataFrame, summaries: pd.DataFrame, out: TextIO) -> None:
    for (region, period), goals in summaries.groupby(["region_code", "mandate_period"], sort=False):
        name = goals["region_name"].iloc[0] if "region_name" in goals else region
        print(f"\n{name} ({region}), mandatperiod {period}", file=out)
        for goal in goals.itertuples():
            print(f"  Delmål {goal.goal_id} {goal.goal_name_sv}: {goal.status.upper()}", file=out)
            print(f"    ({goal.method})", file=out)
            mine = statuses[
                (statuses["goal_id"] == goal.goal_id)
                & (statuses["region_code"] == region)
                & (statuses["mandate_period"] == period)
            ]
            for row in mine.itertuples():
                label = getattr(row, "indicator_name", row.indicator_key)
                if row.measured_region != region:
                    measured = getattr(row, "measured_name", row.measured_region)
                    label += f", mätt för {measured} ({row.measured_region})"
                values = ""
                if pd.notna(row.baseline_period) and pd.notna(row.latest_value):
                    values = change_text(row)
                why = [values] if values else []
                why += [row.reason] if pd.notna(row.reason) else []
                if row.baseline_rule == "first_inside":
                    why.append("utgångsläge = första värdet i perioden, inget före")
                print(f"    {label}", file=out)
                print(f"      {row.status}{': ' if why else ''}{' – '.join(why)}", file=out)
