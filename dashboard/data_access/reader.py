"""Read-only access to the warehouse's public views, cached per warehouse version.

The dashboard never writes: a DuckDB file is attached read-only, a server database gets
read-only transactions.

One version per request. A request takes the warehouse's version once, when it first needs
it, and reads everything from that same state (`pinned()`; dashboard.health opens one around
every request of the app):

- PostgreSQL (or another server database): the version is one small query on the run log
  (`etl_run`; every load writes its row in the load's own transaction), the first statement
  of a REPEATABLE READ, read-only transaction. The request's other queries run in that same
  transaction, so they see exactly the state the version names.
- DuckDB file: the version is the file's identity (one stat(): inode, mtime, size), since a
  load replaces the file atomically. The request reads through one connection opened on that
  very file (checked with a stat() before and after opening it), and an open connection keeps
  reading its file even after the next load has replaced it.

So a request that arrives after a load's commit sees the new version, on every server, and a
response never mixes two loads. Query results and memoised views are cached per version; a
new version drops the cache. Outside a request (exports, scripts, tests) each call takes the
version afresh, and `with reader.pinned():` gives a block one version.

A warehouse that does not answer (the database server is down or unreachable, a query ran
past the statement timeout, the DuckDB file cannot be opened) raises WarehouseUnavailable;
pooled connections are checked before use (pre-ping), so the reader recovers by itself when
the warehouse answers again. A warehouse that does not exist yet (no file, no run log) reads
as empty.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from indicators.settings import duckdb_file, load_settings

CACHE_SIZE = 512
POOL_RECYCLE_SECONDS = 1800  # server connections are renewed after 30 min (firewalls, failover)
POOL_TIMEOUT_SECONDS = 10  # waiting for a free pooled connection, then the request fails
CONNECT_TIMEOUT_SECONDS = 5  # a database host that does not answer fails fast: 503, not a hang
# The run log gets a row in every load's transaction: its size and newest time name the state.
VERSION_SQL = "SELECT COUNT(*), MAX(finished_at) FROM etl_run"
FILE_ATTEMPTS = 5  # a DuckDB file replaced while it was being opened is opened again
log = logging.getLogger("rusmon.dashboard")


class WarehouseUnavailable(RuntimeError):
    """The warehouse is configured but does not answer. `detail` is the driver's message (for
    the log), never shown to users."""

    def __init__(self, detail: str, kind: str = "error"):
        super().__init__(detail)
        self.detail = detail
        self.kind = kind  # the exception class behind it, for /healthz


class _FileMoved(Exception):
    """The DuckDB file was replaced while a connection to it was being opened."""


class _Engines:
    """The reader's engine, kept apart from the reader so that a reader dropped without
    close() still closes its pooled connections (weakref.finalize)."""

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.key: tuple | None = None

    def dispose(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
        self.engine = None
        self.key = None


@dataclass
class _Pin:
    """One request's view of the warehouse: its version and the connection that reads it."""

    depth: int = 1
    taken: bool = False
    version: str | None = None
    conn: Connection | None = None
    error: WarehouseUnavailable | None = None


def _file_key(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _file_version(key: tuple[int, int, int]) -> str:
    inode, mtime_ns, size = key
    return f"file-{mtime_ns}-{inode}-{size}"


def _run_version(runs: int, last: datetime | str | None) -> str:
    if isinstance(last, datetime):
        fraction = f".{last.microsecond:06d}" if last.microsecond else ""
        return f"run-{runs}-{last:%Y%m%dT%H%M%S}{fraction}"
    return f"run-{runs}" if last is None else f"run-{runs}-{last}".replace(" ", "T")


def _describe(error: BaseException) -> str:
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines() or [""]
    return f"{type(cause).__name__}: {lines[0][:300]}"


def _no_run_log(error: sa.exc.DBAPIError) -> bool:
    """Whether the version query failed because nothing has been loaded yet (no tables)."""
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate == "42P01"  # PostgreSQL: undefined_table
    message = str(error.orig).lower()
    return "no such table" in message or "does not exist" in message


class WarehouseReader:
    def __init__(
        self, url: str, *, statement_timeout: float | None = None, pool_size: int | None = None
    ):
        self.url = url
        self.file: Path | None = duckdb_file(url)
        self.backend = "duckdb" if self.file is not None else sa.make_url(url).get_backend_name()
        if statement_timeout is None or pool_size is None:
            settings = load_settings()
            if statement_timeout is None:
                statement_timeout = settings.statement_timeout
            if pool_size is None:
                pool_size = settings.db_pool_size
        self.statement_timeout = statement_timeout or 0.0  # seconds; server databases only
        self.pool_size = pool_size
        self._engines = _Engines()
        weakref.finalize(self, self._engines.dispose)
        self._version: str | None = None
        self._down: str | None = None  # why the warehouse last failed to answer, until it does
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.RLock()
        self._local = threading.local()

    # -- one version per request -------------------------------------------------------------
    def begin_request(self) -> None:
        """Start reading one version in this thread; taken on first use, until end_request."""
        pin = getattr(self._local, "pin", None)
        if pin is not None:
            pin.depth += 1
        else:
            self._local.pin = _Pin()

    def end_request(self) -> None:
        pin = getattr(self._local, "pin", None)
        if pin is None:
            return
        pin.depth -= 1
        if pin.depth > 0:
            return
        self._local.pin = None
        if pin.conn is not None:
            pin.conn.close()  # back to the pool; the read-only transaction is rolled back

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Everything read inside the block reads one version of the warehouse."""
        self.begin_request()
        try:
            yield
        finally:
            self.end_request()

    def _snapshot(self) -> _Pin:
        pin: _Pin = self._local.pin
        if pin.error is not None:
            raise pin.error  # one request, one answer: it does not retry halfway
        if not pin.taken:
            try:
                pin.version, pin.conn = self._take()
            except WarehouseUnavailable as error:
                pin.error = error
                raise
            pin.taken = True
            self._observe(pin.version)
        return pin

    def version(self) -> str | None:
        """An opaque token that changes with every load; None when there is no warehouse.
        Raises WarehouseUnavailable when the warehouse does not answer."""
        if getattr(self._local, "pin", None) is not None:
            return self._snapshot().version
        if self.file is not None:  # outside a request: the stat() alone
            key = _file_key(self.file)
            version = None if key is None else _file_version(key)
            self._observe(version)
            return version
        with self.pinned():
            return self._snapshot().version

    def _observe(self, version: str | None) -> None:
        with self._lock:
            if self._down is not None:
                log.warning("lagret svarar igen (dataversion %s)", version)
                self._down = None
            if version != self._version:
                self._version = version
                self._cache.clear()

    def _unavailable(self, error: BaseException) -> WarehouseUnavailable:
        detail = _describe(error)
        with self._lock:
            if self._down is None:  # logged once per outage, not once per request
                log.error("lagret (%s) svarar inte: %s", self.backend, detail)
            self._down = detail
        cause = getattr(error, "orig", None) or error
        return WarehouseUnavailable(detail, type(cause).__name__)

    def _take(self) -> tuple[str | None, Connection | None]:
        return self._take_file() if self.file is not None else self._take_server()

    def _take_file(self) -> tuple[str | None, Connection | None]:
        assert self.file is not None
        for _ in range(FILE_ATTEMPTS):
            key = _file_key(self.file)
            if key is None:
                return None, None
            try:
                return _file_version(key), self._file_engine(key).connect()
            except _FileMoved:
                continue  # a load replaced the file just now: take the new one
            except (sa.exc.DBAPIError, duckdb.Error) as error:
                raise self._unavailable(error) from error
        raise self._unavailable(RuntimeError(f"{self.file} byts ut hela tiden"))

    def _take_server(self) -> tuple[str | None, Connection | None]:
        try:
            conn = self._server_engine().connect()
        except sa.exc.DBAPIError as error:
            raise self._unavailable(error) from error
        try:
            runs, last = conn.execute(sa.text(VERSION_SQL)).one()
        except sa.exc.DBAPIError as error:
            conn.close()
            if _no_run_log(error):
                return None, None
            raise self._unavailable(error) from error
        except BaseException:
            conn.close()
            raise
        return _run_version(runs, last), conn

    # -- connections -------------------------------------------------------------------------
    def _file_engine(self, key: tuple) -> Engine:
        with self._lock:
            held = self._engines
            if held.engine is None or key != held.key:
                old = held.engine
                held.engine, held.key = self._make_file_engine(key), key
                if old is not None:
                    old.dispose()  # connections still in use close when their request ends
            return held.engine

    def _make_file_engine(self, key: tuple) -> Engine:
        """Connections to the file with identity `key` only. Each is an in-memory DuckDB with
        the file attached read-only: DuckDB shares one open database per path within a
        process, so a plain connect after a swap could still get the replaced file."""
        path = self.file
        assert path is not None
        quoted = str(path).replace("'", "''")
        engine = sa.create_engine(
            "duckdb:///:memory:",
            poolclass=QueuePool,
            pool_size=self.pool_size,
            max_overflow=self.pool_size,
            pool_timeout=POOL_TIMEOUT_SECONDS,
        )

        @sa.event.listens_for(engine, "connect")
        def _attach(dbapi_connection, _record) -> None:
            try:
                if _file_key(path) == key:
                    dbapi_connection.execute(f"ATTACH '{quoted}' AS warehouse (READ_ONLY)")
                    dbapi_connection.execute("USE warehouse")
                    if _file_key(path) == key:
                        return
            except BaseException:
                dbapi_connection.close()
                raise
            dbapi_connection.close()
            raise _FileMoved

        return engine

    def _server_engine(self) -> Engine:
        with self._lock:
            if self._engines.engine is None:
                self._engines.engine = self._make_server_engine()
            return self._engines.engine

    def _make_server_engine(self) -> Engine:
        if self.backend != "postgresql":
            return sa.create_engine(self.url, pool_pre_ping=True)
        url = sa.make_url(self.url)
        options = [str(url.query["options"])] if "options" in url.query else []
        options.append("-c default_transaction_read_only=on")
        if self.statement_timeout > 0:
            options.append(f"-c statement_timeout={max(1, round(self.statement_timeout * 1000))}")
        return sa.create_engine(
            self.url,
            # every request reads one snapshot: the version query and the data it names
            isolation_level="REPEATABLE READ",
            connect_args={
                "options": " ".join(options),
                "connect_timeout": CONNECT_TIMEOUT_SECONDS,
                "application_name": "rusmon-dashboard",
            },
            pool_size=self.pool_size,
            max_overflow=self.pool_size,
            pool_timeout=POOL_TIMEOUT_SECONDS,
            pool_recycle=POOL_RECYCLE_SECONDS,
            pool_pre_ping=True,  # a connection the server dropped (restart) is replaced
        )

    def _connect(self) -> Connection:
        """A connection to the warehouse as it is now (tests; reads go through `query`)."""
        if self.file is None:
            return self._server_engine().connect()
        key = _file_key(self.file)
        if key is None:
            raise FileNotFoundError(self.file)
        return self._file_engine(key).connect()

    def _lost(self, error: sa.exc.DBAPIError) -> bool:
        """Whether a failed query means the server stopped answering (rather than a query the
        warehouse refused, such as a forged value)."""
        if error.connection_invalidated:
            return True
        return self.file is None and isinstance(
            error, sa.exc.OperationalError | sa.exc.InterfaceError
        )

    # -- queries -----------------------------------------------------------------------------
    def query(self, sql: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
        """Run a SELECT on the public views; results are cached until the next load."""
        with self.pinned():
            pin = self._snapshot()
            if pin.version is None:
                return pd.DataFrame()
            key = (pin.version, sql, tuple(sorted((params or {}).items())))
            with self._lock:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    return self._cache[key]
            assert pin.conn is not None
            try:
                frame = pd.read_sql_query(sa.text(sql), pin.conn, params=params or {})
            except (sa.exc.DBAPIError, pd.errors.DatabaseError) as error:
                # pandas wraps the driver's error in its DatabaseError (an OSError)
                cause = error if isinstance(error, sa.exc.DBAPIError) else error.__cause__
                if isinstance(cause, sa.exc.DBAPIError) and self._lost(cause):
                    pin.error = self._unavailable(cause)
                    raise pin.error from error
                raise
            self._store(key, frame)
            return frame

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """`compute()` once per warehouse version and key: a view built from the same data is
        the same view, so hot callbacks answer from here until the next load."""
        with self.pinned():
            full = ("memo", self._snapshot().version, key)
            with self._lock:
                if full in self._cache:
                    self._cache.move_to_end(full)
                    return self._cache[full]
            value = compute()  # its queries read the same version
            self._store(full, value)
            return value

    def _store(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)

    def close(self) -> None:
        """Close pooled connections (tests, shutdown); the reader reopens on next use."""
        with self._lock:
            self._engines.dispose()

    def has_view(self, name: str) -> bool:
        with self.pinned():
            if self.version() is None:
                return False
            frame = self.query(
                "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = :name",
                {"name": name},
            )
            return bool(frame["n"].iloc[0])
