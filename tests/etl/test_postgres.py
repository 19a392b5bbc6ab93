"""The same loader and views on PostgreSQL, through the same SQLAlchemy URL setting."""

import os
import subprocess
import sys

import pandas as pd
import pytest

from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from etl.warehouse.store import Warehouse
from indicators.settings import Settings
from tests.conftest import run_etl
from tests.postgres_support import fresh_postgres

pytestmark = pytest.mark.postgres

QUERY = "SELECT * FROM ris_leader_ratio WHERE year = 2023 ORDER BY region_code, indicator_code"


@pytest.fixture(scope="module")
def postgres_with_ris(ris_2023_path, tmp_path_factory):
    url = fresh_postgres()
    settings = Settings(
        database_url=url, sources_dir=None, offline=True, raw_dir=tmp_path_factory.mktemp("raw")
    )
    result, output = run_etl(settings, "ris", files=(str(ris_2023_path),))
    assert result.status == "ok", output
    return settings


def read(url: str, sql: str) -> pd.DataFrame:
    with Warehouse(url).reading() as conn:
        return pd.read_sql_query(sql, conn)


def test_postgres_gives_the_same_leader_ratios_as_duckdb(postgres_with_ris, ris_warehouse):
    on_postgres = read(postgres_with_ris.database_url, QUERY)
    on_duckdb = read(ris_warehouse.database_url, QUERY)
    assert len(on_postgres) == len(on_duckdb) == 246 * 22
    pd.testing.assert_frame_equal(on_postgres, on_duckdb, check_dtype=False, rtol=1e-12)


def test_a_rerun_on_postgres_is_a_no_op(postgres_with_ris, ris_2023_path):
    result, _ = run_etl(postgres_with_ris, "ris", files=(str(ris_2023_path),))
    assert result.status == "unchanged"


def test_the_dashboard_reads_postgres_read_only(postgres_with_ris):
    reader = WarehouseReader(postgres_with_ris.database_url)
    try:
        assert ris.rii_summary(reader, 2023, 2023, "SE33").rank == 57
        with pytest.raises(Exception, match="read-only"), reader._connect() as conn:
            conn.exec_driver_sql("DELETE FROM etl_run_log")
    finally:
        reader.close()


def test_two_etl_runs_at_once_on_postgres_queue_instead_of_deadlocking(
    ris_2023_path, shared_data, tmp_path
):
    url = fresh_postgres()
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
