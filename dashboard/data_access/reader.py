"""Read-only access to the warehouse's public views, cached per warehouse version.

The dashboard never writes: a DuckDB file is opened read_only, a server database gets
read-only transactions. A new ETL load is noticed by the version check (the DuckDB file
is replaced atomically; elsewhere the run log grows), which drops the cache.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from indicators.settings import duckdb_file

VERSION_CHECK_SECONDS = 1.0  # how often a request may look for a newer warehouse
CACHE_SIZE = 512


class WarehouseReader:
    def __init__(self, url: str):
        self.url = url
        self.file: Path | None = duckdb_file(url)
        self._engine: Engine | None = None
        self._engine_key: tuple | None = None
        self._version: str | None = None
        self._checked_at = 0.0
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.RLock()

    # -- version -----------------------------------------------------------------------
    def _file_key(self) -> tuple | None:
        assert self.file is not None
        try:
            stat = self.file.stat()
        except FileNotFoundError:
            return None
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def version(self) -> str | None:
        """An opaque token that changes with every load; None when there is no warehouse."""
        with self._lock:
            now = time.monotonic()
            if now - self._checked_at < VERSION_CHECK_SECONDS and self._checked_at:
                return self._version
            self._checked_at = now
            new = self._read_version()
            if new != self._version:
                self._version = new
                self._cache.clear()
            return self._version

    def _read_version(self) -> str | None:
        if self.file is not None:
            key = self._file_key()
            return None if key is None else "file:" + ":".join(map(str, key))
        try:
            with self._connect() as conn:
                row = conn.execute(sa.text("SELECT COUNT(*), MAX(finished_at) FROM etl_run")).one()
        except sa.exc.DBAPIError:
            return None  # no schema yet
        return f"runs:{row[0]}:{row[1]}"

    # -- connections -------------------------------------------------------------------
    def _engine_for_version(self) -> Engine:
        key = self._file_key() if self.file is not None else ("server",)
        if self._engine is None or key != self._engine_key:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = self._make_engine()
            self._engine_key = key
        return self._engine

    def _make_engine(self) -> Engine:
        if self.file is not None:
            # Pooled connections keep reading the file they opened; a swap is picked up by
            # the version check, which builds a new engine for the new file.
            return sa.create_engine(f"duckdb:///{self.file}", connect_args={"read_only": True})
        if self.url.startswith("postgresql"):
            return sa.create_engine(
                self.url,
                connect_args={"options": "-c default_transaction_read_only=on"},
                pool_pre_ping=True,
            )
        return sa.create_engine(self.url)

    def _connect(self):
        return self._engine_for_version().connect()

    # -- queries -----------------------------------------------------------------------
    def query(self, sql: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
        """Run a SELECT on the public views; results are cached until the next load."""
        version = self.version()
        if version is None:
            return pd.DataFrame()
        key = (version, sql, tuple(sorted((params or {}).items())))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        with self._connect() as conn:
            frame = pd.read_sql_query(sa.text(sql), conn, params=params or {})
        with self._lock:
            self._cache[key] = frame
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return frame

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """`compute()` once per warehouse version and key: a view built from the same data is
        the same view, so hot callbacks answer from here until the next load."""
        full = ("memo", self.version(), key)
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
        value = compute()
        with self._lock:
            self._cache[full] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def close(self) -> None:
        """Close pooled connections (tests, shutdown); the reader reopens on next use."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = None

    def has_view(self, name: str) -> bool:
        if self.version() is None:
            return False
        frame = self.query(
            "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = :name",
            {"name": name},
        )
        return bool(frame["n"].iloc[0])
