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
        "SELECT goal_id, status, status_code, method FROM goal_summary "
        "WHERE strategy_id = :s AND region_code = :r AND mandate_period = :p ORDER BY position",
        {"s": strategy, "r": region, "p": period},
    )


def observations(reader: WarehouseReader, indicator_id: str, regions: tuple[str, ...]):
    """Every value of an indicator for the regions: region_code, period, sex, value, status."""
    if not regions:
        return pd.DataFrame(columns=["region_code", "period", "sex", "value", "status"])
    names = {f"r{i}": code for i, code in enumerate(regions)}
    marks = ", ".join(f":{name}" for name in names)
    return reader.query(
        "SELECT region_code, period, sex, value, status FROM observation "
        f"WHERE indicator_id = :i AND region_code IN ({marks}) AND value IS NOT NULL "
        "ORDER BY region_code, sex, period",
        {"i": indicator_id, **names},
    )


def ris_series(reader: WarehouseReader, code: str, regions: tuple[str, ...], measure: str):
    """A RIS indicator in the latest edition, as the goal engine judges it (ratio or score)."""
    if not regions or not reader.has_view("ris_edition"):
        return pd.DataFrame(columns=["region_code", "period", "sex", "value", "status"])
    column, view = (
        ("ratio", "ris_leader_ratio") if measure == "ratio_to_leaders" else ("value", "ris_score")
    )
    names = {f"r{i}": region for i, region in enumerate(regions)}
    marks = ", ".join(f":{name}" for name in names)
    return reader.query(
        f"SELECT region_code, CAST(year AS VARCHAR) AS period, 'T' AS sex, {column} AS value, "
        f"CAST(NULL AS VARCHAR) AS status FROM {view} "
        f"WHERE edition = (SELECT MAX(edition) FROM ris_edition) AND indicator_code = :c "
        f"AND region_code IN ({marks}) AND {column} IS NOT NULL ORDER BY region_code, year",
        {"c": code, **names},
    )


def latest_ris_edition(reader: WarehouseReader) -> int | None:
    if not reader.has_view("ris_edition"):
        return None
    frame = reader.query("SELECT MAX(edition) AS edition FROM ris_edition")
    value = frame["edition"].iloc[0] if not frame.empty else None
    return None if pd.isna(value) else int(value)
