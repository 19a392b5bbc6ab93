"""What only PostgreSQL shows: the same numbers as DuckDB, and two runs at once that queue.

Every other warehouse test runs on PostgreSQL too, through the `backend` fixture (conftest).
"""

import os
import subprocess
import sys

import pandas as pd
import pytest

from etl.warehouse.store import Warehouse
from tests.conftest import make_settings, run_etl
from tests.postgres_support import new_postgres_database

pytestmark = pytest.mark.postgres

QUERY = "SELECT * FROM ris_leader_ratio WHERE year = 2023 ORDER BY region_code, indicator_code"


def read(url: str, sql: str) -> pd.DataFrame:
    with Warehouse(url).reading() as conn:
        return pd.read_sql_query(sql, conn)


@pytest.mark.backend("postgres")
def test_postgres_gives_the_same_leader_ratios_as_duckdb(ris_warehouse, ris_2023_path, tmp_path):
    duckdb = make_settings(tmp_path)
    result, output = run_etl(duckdb, "ris", files=(str(ris_2023_path),))
    assert result.status == "ok", output
    on_postgres = read(ris_warehouse.database_url, QUERY)
    on_duckdb = read(duckdb.database_url, QUERY)
    assert len(on_postgres) == len(on_duckdb) == 246 * 22
    pd.testing.assert_frame_equal(on_postgres, on_duckdb, check_dtype=False, rtol=1e-12)


def test_two_etl_runs_at_once_on_postgres_queue_instead_of_deadlocking(
    ris_2023_path, shared_data, tmp_path
):
    url = new_postgres_database()
    env = {
        **os.environ,
        "RUSMON_DATABASE_URL": url,
        "RUSMON_SOURCES_DIR": str(shared_data),
        "RUSMON_OFFLINE": "1",
        "RUSMON_RAW_DIR": str(tmp_path / "raw"),
    }
    rusmon = [sys.executable, "-c", "from cli.main import console_main; console_main()"]
    for _ in range(2):  # two rounds: from an empty database, then over loaded data
        runs = [
            subprocess.Popen(
                [*rusmon, "etl", *args, "--force"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for args in (["ris", "--file", str(ris_2023_path)], ["manual", "tva"])
        ]
        outputs = [run.communicate(timeout=300)[0] for run in runs]
        for run, output in zip(runs, outputs, strict=True):
            assert run.returncode == 0, output
            assert "Traceback" not in output and "deadlock" not in output.lower()
    counts = read(url, "SELECT loader, COUNT(*) AS n FROM observation GROUP BY loader")
    assert set(counts["loader"]) == {"manual", "tva"}
    assert len(read(url, "SELECT 1 FROM ris_score")) == 43_296


@pytest.mark.backend("postgres")
def test_a_load_leaves_fresh_planner_statistics_behind(ris_warehouse):
    # without them PostgreSQL plans the first dashboard queries from the old row counts
    counts = read(
        ris_warehouse.database_url,
        "SELECT relname, n_live_tup, last_analyze FROM pg_stat_user_tables "
        "WHERE relname IN ('ris_value', 'etl_run_log')",
    )
    assert len(counts) == 2
    assert counts["last_analyze"].notna().all()
