"""Running a connector online against the replay server, the way `rusmon etl` would."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pandas as pd

from etl.pipeline import EtlContext, run_source
from etl.sources import SOURCES
from etl.warehouse.store import Warehouse
from indicators.catalogue import catalogue
from tests.conftest import make_settings

FAST_HTTP = {"retries": 1, "backoff": 0.01, "timeout": 3.0}


def online_settings(
    tmp: Path, server_url: str, sources_dir: Path | None = None, backend: str = "duckdb"
):
    settings = make_settings(tmp, sources_dir=sources_dir, offline=False, backend=backend)
    roots = {
        "scb": f"{server_url}/api/v2",
        "scb_v1": f"{server_url}/OV0104/v1/doris/sv/ssd",
        "kolada": f"{server_url}/v3",
        "tva": f"{server_url}/PxWeb/api/v1/sv",
        "eurostat": f"{server_url}/eurostat/api/dissemination/statistics/1.0",
    }
    return replace(settings, api_roots=roots)


def run(settings, source: str):
    out = io.StringIO()
    ctx = EtlContext(
        settings=settings,
        catalogue=catalogue(),
        warehouse=Warehouse(settings.database_url),
        out=out,
        http_options=FAST_HTTP,
    )
    return run_source(ctx, source, SOURCES[source]), out.getvalue()


def observations(settings, source: str | None = None) -> pd.DataFrame:
    with Warehouse(settings.database_url).reading() as conn:
        if conn is None:
            return pd.DataFrame()
        frame = pd.read_sql_query(
            "SELECT * FROM observation_fact ORDER BY indicator_id, region_code, period, sex", conn
        )
    return frame if source is None else frame[frame["source"] == source]
