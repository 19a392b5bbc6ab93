"""The dashboard's reader: read-only, cached per warehouse version, calm without data."""

import shutil

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard.data_access.reader import WarehouseReader
from etl.warehouse.schema import etl_run_log
from etl.warehouse.store import Warehouse
from tests.conftest import make_settings


def test_without_a_warehouse_the_reader_returns_nothing_instead_of_failing(tmp_path):
    reader = WarehouseReader(f"duckdb:///{tmp_path / 'missing.duckdb'}")
    assert reader.version() is None
    assert reader.query("SELECT * FROM ris_score").empty
    assert not (tmp_path / "missing.duckdb").exists()


def test_the_reader_cannot_write(ris_warehouse):
    reader = WarehouseReader(ris_warehouse.database_url)
    reader.version()
    with pytest.raises(sa.exc.DBAPIError, match="read-only"), reader._connect() as conn:
        conn.execute(sa.text("DELETE FROM etl_run_log"))


@pytest.mark.backend("duckdb")  # a DuckDB file replaced under the reader
def test_a_replaced_warehouse_file_is_noticed_and_the_cache_dropped(ris_warehouse, tmp_path):
    path = tmp_path / "w.duckdb"
    shutil.copyfile(ris_warehouse.duckdb_path, path)
    reader = WarehouseReader(f"duckdb:///{path}")
    before = reader.query("SELECT COUNT(*) AS n FROM etl_run")["n"].iloc[0]
    engine = sa.create_engine(f"duckdb:///{tmp_path / 'new.duckdb'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE etl_run AS SELECT 1 AS n")
        conn.exec_driver_sql("INSERT INTO etl_run VALUES (2), (3)")
    engine.dispose()  # closes and checkpoints the file
    (tmp_path / "new.duckdb").replace(path)  # what the ETL does: an atomic rename
    after = reader.query("SELECT COUNT(*) AS n FROM etl_run")["n"].iloc[0]
    assert before >= 1
    assert after == 3


@pytest.mark.backend("duckdb")  # a DuckDB file replaced under the reader
def test_a_memoised_view_is_built_once_per_warehouse_version(ris_warehouse, tmp_path):
    path = tmp_path / "w.duckdb"
    shutil.copyfile(ris_warehouse.duckdb_path, path)
    reader = WarehouseReader(f"duckdb:///{path}")
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    assert reader.memo(("view", "SE33"), build) == 1
    assert reader.memo(("view", "SE33"), build) == 1  # same data, same view
    assert reader.memo(("view", "SE12"), build) == 2
    shutil.copyfile(ris_warehouse.duckdb_path, tmp_path / "new.duckdb")
    (tmp_path / "new.duckdb").replace(path)  # a new load: a new file (new inode)
    assert reader.memo(("view", "SE33"), build) == 3


def test_a_new_load_is_noticed_and_the_cache_dropped(backend, tmp_path):
    warehouse = Warehouse(make_settings(tmp_path, backend=backend).database_url)
    reader = WarehouseReader(warehouse.url)
    runs = "SELECT COUNT(*) AS n FROM etl_run"
    try:
        for n in (1, 2):  # each ETL transaction is a new warehouse version
            with warehouse.transaction() as conn:
                conn.execute(
                    sa.insert(etl_run_log).values(
                        run_id=f"r{n}", source="ris", status="ok", rows=1, message="",
                        started_at=pd.Timestamp(f"2026-01-0{n}").to_pydatetime(),
                        finished_at=pd.Timestamp(f"2026-01-0{n}").to_pydatetime(),
                    )
                )  # fmt: skip
            assert reader.query(runs)["n"].iloc[0] == n
    finally:
        reader.close()
