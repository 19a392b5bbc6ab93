"""PostgreSQL for the portability tests: a clean schema per use, or a clear reason why not."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa


def postgres_url() -> str:
    """The test database URL; CI sets it and requires it, a laptop without PostgreSQL skips."""
    url = os.environ.get("RUSMON_TEST_POSTGRES_URL", "")
    if not url:
        if os.environ.get("RUSMON_REQUIRE_POSTGRES") == "1":
            pytest.fail("RUSMON_REQUIRE_POSTGRES=1 but RUSMON_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL: set RUSMON_TEST_POSTGRES_URL (.ci/run does)")
    return url


def fresh_postgres() -> str:
    url = postgres_url()
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()
    return url
