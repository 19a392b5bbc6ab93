"""The dashboard's connections to a server database: pooled, read-only, with a statement
timeout from RUSMON_STATEMENT_TIMEOUT, and one snapshot per request, so that a response never
mixes two loads even when a load commits while it is being made."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from dashboard.data_access.reader import WarehouseReader, WarehouseUnavailable
from indicators.settings import SettingsError, load_settings
from tests.deploy.support import own_postgres_database


def test_the_connection_settings_come_from_the_environment_with_defaults():
    settings = load_settings({})
    assert settings.statement_timeout == 30.0 and settings.db_pool_size == 5
    settings = load_settings({"RUSMON_STATEMENT_TIMEOUT": "2,5", "RUSMON_DB_POOL_SIZE": "3"})
    assert settings.statement_timeout == 2.5 and settings.db_pool_size == 3
    assert load_settings({"RUSMON_STATEMENT_TIMEOUT": "0"}).statement_timeout == 0.0


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("RUSMON_STATEMENT_TIMEOUT", "30s"),
        ("RUSMON_STATEMENT_TIMEOUT", "-1"),
        ("RUSMON_STATEMENT_TIMEOUT", "nan"),
        ("RUSMON_DB_POOL_SIZE", "0"),
        ("RUSMON_DB_POOL_SIZE", "2.5"),
    ],
)
def test_an_unusable_connection_setting_is_refused_by_name(variable, value):
    with pytest.raises(SettingsError, match=f"{variable}='{value}' går inte att använda"):
        load_settings({variable: value})


# -- on PostgreSQL ---------------------------------------------------------------------------

RUN_LOG = """
CREATE TABLE etl_run (source TEXT, status TEXT, finished_at TIMESTAMP);
CREATE TABLE numbers (n INTEGER);
"""


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    """A database of its own with a run log (the version) and a table a "load" fills."""
    with own_postgres_database("rusmon_connections") as url:
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            for statement in filter(str.strip, RUN_LOG.split(";")):
                conn.exec_driver_sql(statement)
        engine.dispose()
        yield url


def load(url: str, n: int) -> None:
    """What an ETL load does: its data and its run log row in one transaction."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"INSERT INTO numbers VALUES ({n})")
        conn.exec_driver_sql(
            "INSERT INTO etl_run VALUES ('test', 'ok', clock_timestamp()::timestamp)"
        )
    engine.dispose()


@pytest.mark.postgres
def test_dashboard_connections_are_read_only_repeatable_read_with_the_statement_timeout(
    database,
):
    reader = WarehouseReader(database, statement_timeout=2.5, pool_size=2)
    try:
        with reader._connect() as conn:
            show = {
                name: conn.exec_driver_sql(f"SHOW {name}").scalar()
                for name in (
                    "statement_timeout",
                    "transaction_read_only",
                    "transaction_isolation",
                    "application_name",
                )
            }
        assert show == {
            "statement_timeout": "2500ms",
            "transaction_read_only": "on",
            "transaction_isolation": "repeatable read",
            "application_name": "rusmon-dashboard",
        }
        engine = reader._server_engine()
        assert engine.pool.size() == 2 and engine.pool._pre_ping
        assert engine.pool._recycle == 1800
    finally:
        reader.close()


@pytest.mark.postgres
def test_a_query_past_the_statement_timeout_fails_plainly_and_the_next_request_works(database):
    load(database, 0)
    reader = WarehouseReader(database, statement_timeout=0.5, pool_size=1)
    try:
        with pytest.raises(WarehouseUnavailable, match="statement timeout"):
            reader.query("SELECT pg_sleep(3) AS slept")
        assert reader.query("SELECT COUNT(*) AS n FROM numbers")["n"].iloc[0] >= 1
    finally:
        reader.close()


@pytest.mark.postgres
def test_a_request_reads_one_version_even_when_a_load_commits_in_the_middle(database):
    reader = WarehouseReader(database)
    count = "SELECT COUNT(*) AS n FROM numbers"
    try:
        load(database, 1)
        with reader.pinned():  # one request
            version = reader.version()
            first = reader.query(count)["n"].iloc[0]
            load(database, 2)  # a load commits while the request is being answered
            # a query the request had not made yet, and the version again: still the same
            again = reader.query(count + " WHERE n >= 0")["n"].iloc[0]
            assert reader.version() == version
            assert again == first
        # the next request reads the new load, whose version is newer
        assert reader.query(count)["n"].iloc[0] == first + 1
        assert reader.version() != version
    finally:
        reader.close()


@pytest.mark.postgres
def test_a_request_in_another_thread_meanwhile_sees_the_load_at_once(database):
    """The version check is per request, not throttled: a request that starts after a commit
    sees it, while a request still running keeps its own snapshot."""
    reader = WarehouseReader(database)
    seen: dict[str, str | None] = {}
    try:
        load(database, 3)
        with reader.pinned():
            seen["old"] = reader.version()
            load(database, 4)

            def other_request() -> None:
                with reader.pinned():
                    seen["new"] = reader.version()

            thread = threading.Thread(target=other_request)
            thread.start()
            thread.join()
            assert reader.version() == seen["old"]
        assert seen["new"] != seen["old"]
        assert reader.version() == seen["new"]
    finally:
        reader.close()
