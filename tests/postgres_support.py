"""PostgreSQL for the tests: a database of its own per warehouse, or a clear reason why not.

Each warehouse a test builds on PostgreSQL gets a new database (rusmon_test_<pid>_<n>), so
session fixtures, per-test warehouses and another pytest run on the same server never clobber
each other. The role in RUSMON_TEST_POSTGRES_URL needs CREATEDB (.ci/run grants it). The
databases of this run are dropped when it ends; those of a run that was killed are dropped by
the next one.
"""

from __future__ import annotations

import gc
import itertools
import os

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

PREFIX = "rusmon_test_"
_created: list[str] = []
_numbers = itertools.count(1)


def postgres_url() -> str:
    """The test database URL; CI sets it and requires it, a laptop without PostgreSQL skips."""
    url = os.environ.get("RUSMON_TEST_POSTGRES_URL", "")
    if not url:
        if os.environ.get("RUSMON_REQUIRE_POSTGRES") == "1":
            pytest.fail("RUSMON_REQUIRE_POSTGRES=1 but RUSMON_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL: set RUSMON_TEST_POSTGRES_URL (.ci/run does)")
    return url


def _admin() -> sa.Engine:
    # CREATE/DROP DATABASE cannot run inside a transaction.
    return sa.create_engine(postgres_url(), isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _drop(conn: sa.Connection, names: list[str]) -> None:
    for name in names:  # FORCE: a reader's pooled connections may still be open
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _leftovers(conn: sa.Connection) -> list[str]:
    """Databases of earlier test runs whose process is gone (killed before it cleaned up)."""
    names = conn.execute(
        sa.text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": PREFIX + "%"}
    ).scalars()
    stale = []
    for name in names:
        pid = name[len(PREFIX) :].split("_", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            stale.append(name)
    return stale


def _disconnect(conn: sa.Connection, database: str) -> None:
    """End the idle connections to a database about to be copied (a template must have none):
    readers this run still holds reconnect on their next use (pool pre-ping)."""
    conn.execute(
        sa.text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = :d AND pid <> pg_backend_pid() AND state = 'idle'"
        ),
        {"d": database},
    )


def new_postgres_database(template: str | None = None) -> str:
    """The URL of a new database that lives until the end of this test run: empty, or a copy
    of the database `template`, one of this run's own."""
    base = make_url(postgres_url())
    name = f"{PREFIX}{os.getpid()}_{next(_numbers)}"
    if template:
        gc.collect()  # closes the pooled connections of readers no test holds any more
    engine = _admin()
    try:
        with engine.connect() as conn:
            if not _created:
                _drop(conn, _leftovers(conn))
            if template:
                assert template in _created, "only this run's own databases are copied"
                _disconnect(conn, template)
            copied = f' TEMPLATE "{template}"' if template else ""
            try:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"{copied}')
            except sa.exc.ProgrammingError as error:
                if "permission denied" not in str(error):
                    raise
                pytest.fail(f"the role of RUSMON_TEST_POSTGRES_URL needs CREATEDB ({error.orig})")
    finally:
        engine.dispose()
    _created.append(name)
    return base.set(database=name).render_as_string(hide_password=False)


def drop_test_databases() -> None:
    """Drop every database this run created (pytest_sessionfinish calls it)."""
    if not _created:
        return
    engine = _admin()
    try:
        with engine.connect() as conn:
            _drop(conn, _created)
    finally:
        engine.dispose()
    _created.clear()
