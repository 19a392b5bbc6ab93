"""The warehouse's full content, as one hash: every table's rows, ordered, read through DuckDB.

A failed load must leave this hash unchanged. The run log (etl_run_log) is left out and
read on its own: recording the failure there is the point of a failed run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

RUN_LOG = "etl_run_log"


def _tables(conn: duckdb.DuckDBPyConnection) -> list[str]:
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_type = 'BASE TABLE' ORDER BY table_name"
    ).fetchall()
    return [name for (name,) in rows]


def content_hash(path: Path) -> str:
    """sha256 over every table but the run log: its name, columns and rows (ORDER BY ALL)."""
    digest = hashlib.sha256()
    with duckdb.connect(str(path), read_only=True) as conn:
        for name in _tables(conn):
            if name == RUN_LOG:
                continue
            cursor = conn.execute(f'SELECT * FROM "{name}" ORDER BY ALL')
            columns = [d[0] for d in cursor.description]
            digest.update(repr((name, columns)).encode())
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
    return digest.hexdigest()


def row_counts(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as conn:
        return {
            name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
            for name in _tables(conn)
        }


def run_log(path: Path) -> list[tuple]:
    """(source, status, rows, message) of every run, oldest first."""
    with duckdb.connect(str(path), read_only=True) as conn:
        return conn.execute(
            f"SELECT source, status, rows, message FROM {RUN_LOG} ORDER BY finished_at, started_at"
        ).fetchall()
