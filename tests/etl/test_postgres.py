"""The same loader and views on PostgreSQL, through the same SQLAlchemy URL setting."""

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
