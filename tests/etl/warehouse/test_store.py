"""The warehouse store: atomic writes, read-only reads and schema upkeep on DuckDB and
PostgreSQL; staging copies, the file lock and the .wal on a real DuckDB file."""

import os
import subprocess
import sys
import textwrap

import pandas as pd
import pytest
import sqlalchemy as sa

from etl.snapshots import sha256_of
from etl.warehouse.schema import etl_run_log, rusmon_meta
from etl.warehouse.store import SchemaMismatch, Warehouse, WarehouseError
from tests.conftest import make_settings

ROW = {
    "run_id": "r1",
    "source": "ris",
    "started_at": pd.Timestamp("2026-01-01").to_pydatetime(),
    "finished_at": pd.Timestamp("2026-01-01").to_pydatetime(),
    "status": "ok",
    "rows": 1,
    "message": "test",
}


def add_run(warehouse: Warehouse, run_id: str) -> None:
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**{**ROW, "run_id": run_id}))


def count_runs(warehouse: Warehouse) -> int:
    with warehouse.reading() as conn:
        return conn.execute(sa.text("SELECT COUNT(*) FROM etl_run")).scalar()


def new_warehouse(tmp_path, backend: str) -> Warehouse:
    return Warehouse(make_settings(tmp_path, backend=backend).database_url)


def test_a_new_warehouse_gets_tables_and_public_views(tmp_path, backend):
    warehouse = new_warehouse(tmp_path, backend)
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**ROW))
    with warehouse.reading() as conn:
        views = set(
            pd.read_sql_query(
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'VIEW'", conn
            )["table_name"]
        )
    assert {"region", "ris_score", "ris_region_group", "ris_leader_ratio", "etl_run"} <= views
    assert count_runs(warehouse) == 1


def test_a_failed_transaction_leaves_the_warehouse_as_it_was(tmp_path, backend):
    warehouse = new_warehouse(tmp_path, backend)
    add_run(warehouse, "r1")
    with pytest.raises(RuntimeError), warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**{**ROW, "run_id": "r2"}))
        raise RuntimeError("the load broke halfway")
    assert count_runs(warehouse) == 1


def test_a_warehouse_from_another_schema_version_is_refused_with_advice(tmp_path, backend):
    warehouse = new_warehouse(tmp_path, backend)
    with warehouse.transaction() as conn:
        conn.execute(
            sa.update(rusmon_meta).where(rusmon_meta.c.key == "schema_version").values(value="0")
        )
    with pytest.raises(SchemaMismatch, match="bygg om lagret"), warehouse.transaction():
        pass


def test_a_warehouse_from_an_older_rusmon_gets_new_columns_without_losing_rows(tmp_path, backend):
    warehouse = new_warehouse(tmp_path, backend)
    with warehouse.transaction() as conn:
        conn.exec_driver_sql("DROP VIEW IF EXISTS ris_score")
        conn.exec_driver_sql("DROP VIEW IF EXISTS ris_leader_ratio")
        conn.exec_driver_sql("DROP TABLE ris_value")
        conn.exec_driver_sql(
            "CREATE TABLE ris_value (edition INTEGER, year INTEGER, region_code TEXT, "
            "indicator_code TEXT, value DOUBLE PRECISION NOT NULL, "
            "PRIMARY KEY (edition, year, region_code, indicator_code))"
        )
        conn.exec_driver_sql("INSERT INTO ris_value VALUES (2023, 2023, 'SE33', 'RII', 124.81)")
        conn.exec_driver_sql("DELETE FROM rusmon_meta WHERE key = 'views_sha256'")
    with warehouse.transaction() as conn:
        conn.exec_driver_sql(
            "INSERT INTO ris_value VALUES (2023, 2023, 'NO0B', 'RII', NULL, 'missing')"
        )
    with warehouse.reading() as conn:
        rows = conn.execute(sa.text("SELECT region_code, value, status FROM ris_value")).all()
    assert sorted(rows, key=str) == [("NO0B", None, "missing"), ("SE33", 124.81, None)]


# DuckDB only from here on: staging copies of the file, its lock and its .wal.
def test_reading_before_anything_was_built_says_so_instead_of_creating_a_file(tmp_path):
    path = tmp_path / "none.duckdb"
    with Warehouse(f"duckdb:///{path}").reading() as conn:
        assert conn is None
    assert not path.exists()


def test_a_failed_transaction_leaves_the_file_byte_for_byte_as_it_was(tmp_path):
    path = tmp_path / "w.duckdb"
    warehouse = Warehouse(f"duckdb:///{path}")
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**ROW))
    before = sha256_of(path)
    with pytest.raises(RuntimeError), warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**{**ROW, "run_id": "r2"}))
        raise RuntimeError("the load broke halfway")
    assert sha256_of(path) == before
    assert count_runs(warehouse) == 1
    assert [p.name for p in tmp_path.iterdir() if "staging" in p.name] == []


def test_a_reader_keeps_its_view_while_a_writer_commits(tmp_path):
    path = tmp_path / "w.duckdb"
    warehouse = Warehouse(f"duckdb:///{path}")
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**ROW))
    with warehouse.reading() as reader:  # the file is open read-only during the whole write
        with warehouse.transaction() as writer:
            writer.execute(sa.insert(etl_run_log).values(**{**ROW, "run_id": "r2"}))
        assert reader.execute(sa.text("SELECT COUNT(*) FROM etl_run")).scalar() == 1
    assert count_runs(warehouse) == 2


def test_a_writer_killed_mid_load_leaves_the_warehouse_intact(tmp_path):
    path = tmp_path / "w.duckdb"
    warehouse = Warehouse(f"duckdb:///{path}")
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**ROW))
    before = sha256_of(path)
    script = textwrap.dedent(f"""
        import os, sqlalchemy as sa
        from etl.warehouse.store import Warehouse
        with Warehouse("duckdb:///{path}").transaction() as conn:
            conn.execute(sa.text("DELETE FROM etl_run_log"))
            os.kill(os.getpid(), 9)
    """)
    done = subprocess.run([sys.executable, "-c", script], check=False)
    assert done.returncode == -9
    assert sha256_of(path) == before
    with warehouse.transaction() as conn:  # the next writer cleans up the dead one's staging copy
        pass
    assert count_runs(warehouse) == 1
    assert not [p for p in os.listdir(tmp_path) if "staging" in p]


def test_an_in_memory_duckdb_keeps_its_data_between_transactions():
    warehouse = Warehouse("duckdb:///:memory:")
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**ROW))
    assert count_runs(warehouse) == 1


def _holder(path, *statements: str, stay: bool) -> subprocess.Popen:
    """Another process (like the DuckDB CLI or Excel) that opens the file read-write and runs
    `statements`; with `stay` it keeps the file open until its stdin closes."""
    script = textwrap.dedent(f"""
        import os, sys, duckdb
        c = duckdb.connect({str(path)!r})
        for sql in {list(statements)!r}:
            c.execute(sql)
        print("ready", flush=True)
        if {stay!r}:
            sys.stdin.read()
            c.close()
        else:
            os._exit(0)  # stops without a checkpoint: its work is only in the .wal
    """)
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def test_a_load_refuses_a_file_another_process_writes_to_and_its_rows_survive(tmp_path):
    path = tmp_path / "w.duckdb"
    warehouse = Warehouse(f"duckdb:///{path}")
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**ROW))
    holder = _holder(path, "CREATE TABLE analyst_notes (note TEXT)",
                     "INSERT INTO analyst_notes VALUES ('mine')", stay=True)  # fmt: skip
    try:
        with pytest.raises(WarehouseError, match="öppen för skrivning i en annan process"):
            add_run(warehouse, "r2")
    finally:
        holder.communicate("")
    with warehouse.transaction() as conn:  # once the holder has closed, loads go on
        conn.execute(sa.insert(etl_run_log).values(**{**ROW, "run_id": "r3"}))
    with warehouse.reading() as conn:
        assert conn.execute(sa.text("SELECT note FROM analyst_notes")).scalar() == "mine"
        runs = conn.execute(sa.text("SELECT run_id FROM etl_run ORDER BY run_id")).scalars()
        assert list(runs) == ["r1", "r3"]


def test_a_stale_wal_is_merged_before_the_swap_so_nothing_is_lost(tmp_path):
    path = tmp_path / "w.duckdb"
    warehouse = Warehouse(f"duckdb:///{path}")
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**ROW))
    _holder(path, "CREATE TABLE analyst_notes (note TEXT)",
            "INSERT INTO analyst_notes VALUES ('kept')", stay=False).communicate()  # fmt: skip
    wal = path.with_name(path.name + ".wal")
    assert wal.exists()
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**{**ROW, "run_id": "r2"}))
    assert not wal.exists()
    with warehouse.reading() as conn:
        assert conn.execute(sa.text("SELECT note FROM analyst_notes")).scalar() == "kept"
        assert conn.execute(sa.text("SELECT COUNT(*) FROM etl_run")).scalar() == 2


def test_an_unreadable_wal_stops_the_load_and_says_what_to_do(tmp_path):
    path = tmp_path / "w.duckdb"
    warehouse = Warehouse(f"duckdb:///{path}")
    with warehouse.transaction() as conn:
        conn.execute(sa.insert(etl_run_log).values(**ROW))
    before = sha256_of(path)
    # The log of another database beside the file, as an old swap under a client left it.
    other = tmp_path / "other.duckdb"
    _holder(other, "CREATE TABLE t (a INTEGER)", "CHECKPOINT", "INSERT INTO t VALUES (1)",
            stay=False).communicate()  # fmt: skip
    wal = path.with_name(path.name + ".wal")
    wal.write_bytes(other.with_name(other.name + ".wal").read_bytes())
    with pytest.raises(WarehouseError) as raised:
        add_run(warehouse, "r2")
    assert f"mv {wal} {wal}.trasig" in raised.value.message
    assert sha256_of(path) == before
    with pytest.raises(WarehouseError, match="går inte att öppna"):  # readers are told too
        count_runs(warehouse)


def test_status_and_goals_say_the_warehouse_cannot_be_opened_and_exit_1(
    tmp_path, monkeypatch, capsys
):
    from cli.main import main

    path = tmp_path / "w.duckdb"
    add_run(Warehouse(f"duckdb:///{path}"), "r1")
    other = tmp_path / "other.duckdb"
    _holder(other, "CREATE TABLE t (a INTEGER)", "CHECKPOINT", "INSERT INTO t VALUES (1)",
            stay=False).communicate()  # fmt: skip
    path.with_name(path.name + ".wal").write_bytes(
        other.with_name(other.name + ".wal").read_bytes()
    )
    monkeypatch.setenv("RUSMON_DATABASE_URL", f"duckdb:///{path}")
    for command in (["status"], ["goals", "--strategy", "vastmanland_rus_2030"]):
        assert main(command) == 1
        error = capsys.readouterr().err
        assert "går inte att öppna" in error and "Traceback" not in error
