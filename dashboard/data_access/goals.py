"""Goal follow-up queries on the public views goal_status, goal_summary, observation and the RIS
views. Each returns a DataFrame ready for the page or a figure builder."""

from __future__ import annotations

import pandas as pd

from dashboard.data_access.reader import WarehouseReader


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
        "SELECT goal_id, status, status_code, method, method_code, method_params, judged, "
        "indicators FROM goal_summary "
        "WHERE strategy_id = :s AND region_code = :r AND mandate_period = :p ORDER BY position",
        {"s": strategy, "r": region, "p": period},
    )


def series(
    reader: WarehouseReader, strategy: str, region: str, period: str, goal_id: str, key: str
) -> pd.DataFrame:
    """The points one goal indicator's verdict was computed from (goal_series): measured
    region, series (judged / K / M / peer), period, role, value and the RIS flag."""
    if not reader.has_view("goal_series"):
        return pd.DataFrame(
            columns=["measured_region_code", "series", "period", "role", "value", "flag"]
        )
    frame = reader.query(
        "SELECT goal_id, indicator_key, measured_region_code, series, period, role, value, flag "
        "FROM goal_series WHERE strategy_id = :s AND region_code = :r AND mandate_period = :p",
        {"s": strategy, "r": region, "p": period},
    )
    return frame[(frame["goal_id"].astype(str) == goal_id) & (frame["indicator_key"] == key)]
