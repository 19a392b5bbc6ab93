"""The dashboard's reader: read-only, cached per warehouse version, calm without data."""

import shutil

import pytest
import sqlalchemy as sa

from dashboard.data_access.reader import WarehouseReader


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


def test_a_replaced_warehouse_file_is_noticed_and_the_cache_dropped(
    ris_warehouse, tmp_path, monkeypatch
):
    monkeypatch.setattr("dashboard.data_access.reader.VERSION_CHECK_SECONDS", 0.0)
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


def test_a_memoised_view_is_built_once_per_warehouse_version(ris_warehouse, tmp_path, monkeypatch):
    monkeypatch.setattr("dashboard.data_access.reader.VERSION_CHECK_SECONDS", 0.0)
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
