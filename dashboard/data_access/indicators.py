"""Follow-up indicator queries for the explorer and the source pages, on the public views
indicator, observation, indicator_note, indicator_freshness, series_break and etl_run."""

from __future__ import annotations

import pandas as pd

from dashboard.data_access.reader import WarehouseReader


def loaded_indicators(reader: WarehouseReader) -> pd.DataFrame:
    """Catalogue indicators with how much is loaded: indicator_id, rows, regions, periods."""
    if not reader.has_view("indicator_freshness"):
        return pd.DataFrame()
    return reader.query(
        "SELECT f.indicator_id, f.rows, f.regions, f.first_period, f.last_period, "
        "f.source_updated, f.loaded_at, i.source_type, i.source_label, i.next_release "
        "FROM indicator_freshness f JOIN indicator i ON i.indicator_id = f.indicator_id "
        "ORDER BY f.indicator_id"
    )


def values(reader: WarehouseReader, indicator_id: str) -> pd.DataFrame:
    """All values of one indicator: region_code, period, sex, value, status, source_updated."""
    if not reader.has_view("observation"):
        return pd.DataFrame(columns=["region_code", "period", "sex", "value", "status"])
    return reader.query(
        "SELECT region_code, period, sex, value, status, source_updated, loaded_at "
        "FROM observation WHERE indicator_id = :i ORDER BY region_code, sex, period",
        {"i": indicator_id},
    )


def notes(reader: WarehouseReader, indicator_id: str) -> pd.DataFrame:
    if not reader.has_view("indicator_note"):
        return pd.DataFrame(columns=["note", "mandatory"])
    return reader.query(
        "SELECT note, mandatory FROM indicator_note WHERE indicator_id = :i ORDER BY position",
        {"i": indicator_id},
    )


def etl_runs(reader: WarehouseReader, limit: int = 30) -> pd.DataFrame:
    if not reader.has_view("etl_run"):
        return pd.DataFrame()
    return reader.query(
        "SELECT run_id, source, started_at, finished_at, status, rows, message FROM etl_run "
        "ORDER BY started_at DESC LIMIT :n",
        {"n": limit},
    )


def last_run_per_source(reader: WarehouseReader) -> pd.DataFrame:
    """Per source: the last run, and the last run that loaded data (status ok)."""
    if not reader.has_view("etl_run"):
        return pd.DataFrame()
    return reader.query(
        "SELECT r.source, r.started_at, r.status, r.rows, r.message, ok.last_ok "
        "FROM etl_run r "
        "JOIN (SELECT source, MAX(started_at) AS last FROM etl_run GROUP BY source) l "
        "  ON l.source = r.source AND l.last = r.started_at "
        "LEFT JOIN (SELECT source, MAX(finished_at) AS last_ok FROM etl_run "
        "  WHERE status = 'ok' GROUP BY source) ok ON ok.source = r.source "
        "ORDER BY r.source"
    )
