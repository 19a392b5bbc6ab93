"""The ETL's handle on the warehouse: atomic write transactions and read-only looks.

Any SQLAlchemy URL works. On a server database (PostgreSQL) a write is one transaction.
A DuckDB file cannot be opened by anyone while a process holds it read-write, not even
read-only, so a write to a DuckDB file works on a staging copy that replaces the file
atomically when the transaction commits: the dashboard keeps reading the old file until
then, and a crash (even kill -9) leaves the old file untouched.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool, StaticPool

from etl.errors import EtlError
from etl.warehouse.schema import SCHEMA_VERSION, metadata, rusmon_meta
from indicators.settings import duckdb_file


class SchemaMismatch(RuntimeError):
    pass


class WarehouseError(EtlError):
    """The warehouse cannot be opened or replaced safely; nothing was changed."""

    def __init__(self, message: str):
        super().__init__("lagret", message)


def _open_error(path: Path, error: Exception) -> WarehouseError:
    detail = str(error).splitlines()[0][:300]
    if "lock" in detail.lower():
        return WarehouseError(
            f"{path} är öppen för skrivning i en annan process ({detail}). Stäng den (DuckDB-"
            "klienten, Excel, Power BI …) och kör igen: rusmon ersätter aldrig ett lager som "
            "någon annan skriver i, och den processens ändringar skulle gå förlorade."
        )
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        return WarehouseError(
            f"{path} går inte att öppna: dess logg {wal.name} kan inte läsas ({detail}). "
            f"Flytta undan loggen (mv {wal} {wal}.trasig) och kör igen; ändringar som bara "
            "fanns i loggen går då förlorade."
        )
    return WarehouseError(f"{path} går inte att öppna ({detail})")


def settle_duckdb_file(path: Path) -> None:
    """Make sure no other process writes to the file and that all its committed work is in
    the file itself: a write-ahead log left by a client that stopped (the DuckDB CLI, Excel,
    a killed process) is merged in, so copying the file loses nothing. Raises WarehouseError
    when another process holds the file or its log cannot be replayed."""
    if not path.exists():
        return
    wal = path.with_name(path.name + ".wal")
    try:
        duckdb.connect(str(path), read_only=True).close()  # fails while anyone writes
        if wal.exists():
            connection = duckdb.connect(str(path))
            try:
                connection.execute("CHECKPOINT")
            finally:
                connection.close()
    except duckdb.ConnectionException as error:
        if "different configuration" not in str(error):
            raise _open_error(path, error) from error
        return  # this very process reads the file (tests): no other writer can hold it
    except duckdb.Error as error:
        raise _open_error(path, error) from error
    if wal.exists():  # DuckDB left a log it could not use beside the file
        raise _open_error(path, RuntimeError("loggen finns kvar efter CHECKPOINT"))


def _file_key(path: Path) -> tuple | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def view_definitions() -> list[tuple[str, str]]:
    """(view name, CREATE VIEW statement) in creation order, from views/*.sql."""
    folder = resources.files("etl.warehouse") / "views"
    views = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            sql = entry.read_text(encoding="utf-8")
            name = sql.split("CREATE VIEW", 1)[1].split()[0]
            views.append((name, sql))
    return views


def _views_fingerprint(views: list[tuple[str, str]]) -> str:
    return hashlib.sha256("\n".join(sql for _, sql in views).encode()).hexdigest()


def _meta(conn: Connection, key: str) -> str | None:
    query = sa.select(rusmon_meta.c.value).where(rusmon_meta.c.key == key)
    return conn.execute(query).scalar()


def _set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(sa.delete(rusmon_meta).where(rusmon_meta.c.key == key))
    conn.execute(sa.insert(rusmon_meta).values(key=key, value=value))


def _existing_columns(conn: Connection, table: str) -> dict[str, bool]:
    """{column: nullable} of a table as the database has it (information_schema is portable)."""
    rows = conn.execute(
        sa.text(
            "SELECT column_name, is_nullable FROM information_schema.columns "
            "WHERE table_name = :t AND table_schema = current_schema()"
        ),
        {"t": table},
    ).all()
    return {name: nullable == "YES" for name, nullable in rows}


def _add_new_columns(conn: Connection) -> None:
    """Bring tables built by an older rusmon up to the declared columns, additively: new
    columns are added and NOT NULL is dropped where the declaration allows NULL, so a
    warehouse is never rebuilt (nor its data lost) for a new nullable column."""
    for table in metadata.sorted_tables:
        existing = _existing_columns(conn, table.name)
        if not existing:
            continue
        for column in table.columns:
            if column.name not in existing:
                kind = column.type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}")
            elif column.nullable and not existing[column.name] and not column.primary_key:
                conn.exec_driver_sql(
                    f"ALTER TABLE {table.name} ALTER COLUMN {column.name} DROP NOT NULL"
                )
        for name, nullable in existing.items():
            if name not in table.columns and not nullable:  # a column no longer written
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ALTER COLUMN {name} DROP NOT NULL")


def prepare_schema(conn: Connection) -> None:
    """Create missing tables and (re)create the public views when their SQL changed."""
    metadata.create_all(conn)
    _add_new_columns(conn)
    version = _meta(conn, "schema_version")
    if version is None:
        _set_meta(conn, "schema_version", SCHEMA_VERSION)
    elif version != SCHEMA_VERSION:
        raise SchemaMismatch(
            f"lagret har schemaversion {version}, koden väntar {SCHEMA_VERSION}: "
            "bygg om lagret (ta bort filen eller databasen och kör rusmon etl)"
        )
    views = view_definitions()
    fingerprint = _views_fingerprint(views)
    if _meta(conn, "views_sha256") != fingerprint:
        for name, _ in reversed(views):
            conn.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")
        for _, sql in views:
            conn.exec_driver_sql(sql)
        _set_meta(conn, "views_sha256", fingerprint)


@contextmanager
def _exclusive_lock(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Väntar på att en annan laddning av lagret blir klar …", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# One number every rusmon process uses for PostgreSQL's advisory lock on ETL writes.
ADVISORY_LOCK_KEY = 7_405_110_391


class Warehouse:
    """Open with a SQLAlchemy URL; `transaction()` for writes, `reading()` for reads,
    `run_lock()` around a whole ETL run so two runs never interleave."""

    def __init__(self, url: str):
        self.url = url
        self.file = duckdb_file(url)
        self._run_locked = False
        self._engine: Engine | None = None
        if self.file is None:
            # In-memory DuckDB lives in one connection. The ETL opens few connections to a
            # server database, so none is kept open between uses.
            pool = StaticPool if url.startswith("duckdb:") else NullPool
            self._engine = sa.create_engine(url, poolclass=pool)

    @property
    def exists(self) -> bool:
        """Whether a warehouse has been built: the DuckDB file, or our tables in the database."""
        if self.file is not None:
            return self.file.exists()
        with self.reading() as conn:
            return conn is not None

    @property
    def _postgres(self) -> bool:
        return self.url.startswith("postgresql")

    @contextmanager
    def run_lock(self) -> Iterator[None]:
        """Hold the warehouse's write lock for a whole run: a second `rusmon etl` (cron, a
        colleague) waits, saying so, until this one is done; their sources never interleave.
        DuckDB: a lock file beside the warehouse; PostgreSQL: a session advisory lock."""
        if self._run_locked:
            yield
            return
        if self.file is not None:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with _exclusive_lock(self.file.with_name(self.file.name + ".lock")):
                self._run_locked = True
                try:
                    yield
                finally:
                    self._run_locked = False
            return
        if not self._postgres:
            yield
            return
        assert self._engine is not None
        with self._engine.connect() as conn:
            key = {"k": ADVISORY_LOCK_KEY}
            if not conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), key).scalar():
                print("Väntar på att en annan laddning av lagret blir klar …", file=sys.stderr)
                conn.execute(sa.text("SELECT pg_advisory_lock(:k)"), key)
            conn.commit()
            self._run_locked = True
            try:
                yield
            finally:
                self._run_locked = False
                conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), key)
                conn.commit()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """All-or-nothing: readers see the old state until this block returns without error."""
        if self._engine is not None:
            with self._engine.begin() as conn:
                if self._postgres and not self._run_locked:  # writers queue, never deadlock
                    conn.execute(
                        sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK_KEY}
                    )
                prepare_schema(conn)
                yield conn
            if self._postgres:
                self._analyze()
            return
        with self._staged_file() as conn:
            yield conn

    def _analyze(self) -> None:
        """Fresh planner statistics as soon as a load has committed. Until autovacuum gets to
        the new rows PostgreSQL plans from the old counts: measured after a 100× follow-up
        load, a whole-table summary took 80 s (a nested loop over 1.9 M rows) instead of 10 s,
        and the dashboard's first request ran into its statement timeout."""
        assert self._engine is not None
        quote = self._engine.dialect.identifier_preparer.quote
        tables = ", ".join(quote(name) for name in metadata.tables)
        with self._engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                f"ANALYZE {tables}"
            )

    @contextmanager
    def _staged_file(self) -> Iterator[Connection]:
        target = self.file
        assert target is not None
        target.parent.mkdir(parents=True, exist_ok=True)
        with self.run_lock():
            for leftover in target.parent.glob(f".{target.name}.*.staging*"):
                leftover.unlink()  # from a writer that died; we hold the lock, so none is alive
            staging = target.with_name(f".{target.name}.{os.getpid()}.staging")
            settle_duckdb_file(target)
            copied = _file_key(target)
            if target.exists():
                shutil.copyfile(target, staging)
            engine = sa.create_engine(f"duckdb:///{staging}", poolclass=NullPool)
            try:
                with engine.begin() as conn:
                    prepare_schema(conn)
                    yield conn
                with engine.connect() as conn:
                    conn.exec_driver_sql("CHECKPOINT")
            except BaseException:
                engine.dispose()
                staging.unlink(missing_ok=True)
                raise
            engine.dispose()
            _fsync(staging)
            try:  # nobody may have written to the file meanwhile: their work would be lost
                settle_duckdb_file(target)
                if _file_key(target) != copied:
                    raise WarehouseError(
                        f"{target} ändrades av en annan process under laddningen; kör igen"
                    )
            except BaseException:
                staging.unlink(missing_ok=True)
                raise
            os.replace(staging, target)
            _fsync(target.parent)

    @contextmanager
    def reading(self) -> Iterator[Connection | None]:
        """A read-only connection, or None when no warehouse has been built yet."""
        if self._engine is not None:
            with self._engine.connect() as conn:
                # A server database exists before any load: without our tables it holds none.
                yield conn if sa.inspect(conn).has_table(rusmon_meta.name) else None
            return
        assert self.file is not None
        if not self.file.exists():
            yield None
            return
        engine = sa.create_engine(
            f"duckdb:///{self.file}", connect_args={"read_only": True}, poolclass=NullPool
        )
        try:
            try:
                conn = engine.connect()
            except sa.exc.DBAPIError as error:
                raise _open_error(self.file, error.orig or error) from error
            with conn:
                yield conn
        finally:
            engine.dispose()
