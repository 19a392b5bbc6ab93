"""Goal follow-up queries on the public views goal_status, goal_summary, observation and the RIS
views. Each returns a DataFrame ready for the page or a figure builder."""

from __future__ import annotations

import pandas as pd

from dashboard.data_access import indicators as indicator_data
from dashboard.data_access.reader import WarehouseReader
from indicators.goals.models import RIS_MEASURES


def statuses(reader: WarehouseReader, strategy: str, region: str, period: str) -> pd.DataFrame:
    if not reader.has_view("goal_status"):
        return pd.DataFrame()
    return reader.query(
        "SELECT * FROM goal_status WHERE strategy_id = :s AND region_code = :r "
        "AND mandate_period = :p ORDER BY position",
        {"s": strategy, "r": region, "p": period},
    )


def summaries(reader: WarehouseReader, strategy: str, region: str, period: str) -> pd.DataFrame:
    if not reader.has_view("goal_summary"):
        return pd.DataFrame()
    return reader.query(
        "SELECT goal_id, status, status_code, method FROM goal_summary "
        "WHERE strategy_id = :s AND region_code = :r AND mandate_period = :p ORDER BY position",
        {"s": strategy, "r": region, "p": period},
    )


def observations(reader: WarehouseReader, indicator_id: str, regions: tuple[str, ...]):
    """Every value of an indicator for the regions: region_code, period, sex, value, status."""
    values = indicator_data.values(reader, indicator_id)  # cached; shared with the explorer
    return values[values["region_code"].isin(regions) & values["value"].notna()]


def ris_series(reader: WarehouseReader, code: str, regions: tuple[str, ...], measure: str):
    """A RIS indicator in the latest edition, as the goal engine judges it (ratio or score)."""
    if not reader.has_view("ris_edition"):
        return pd.DataFrame(columns=["region_code", "period", "sex", "value", "status"])
    view, column = RIS_MEASURES[measure]
    frame = reader.query(
        f"SELECT region_code, CAST(year AS VARCHAR) AS period, 'T' AS sex, {column} AS value, "
        f"CAST(NULL AS VARCHAR) AS status FROM {view} "
        f"WHERE edition = (SELECT MAX(edition) FROM ris_edition) AND indicator_code = :c "
        f"AND {column} IS NOT NULL ORDER BY region_code, year",
        {"c": code},
    )
    return frame[frame["region_code"].isin(regions)]
