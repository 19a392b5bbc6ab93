"""PostgreSQL stops under a running `rusmon serve`: pages get a plain Swedish error page with
503, /healthz says 503, callbacks get a 503 answer; when PostgreSQL is back the same server
serves data again, without a restart. On a throwaway cluster of its own: the shared one on
port 5432 is never stopped."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.deploy import support
from tests.deploy.support import (
    RIS_2023,
    Reply,
    Server,
    ThrowawayPostgres,
    run_rusmon_etl,
    rusmon_env,
    throwaway_postgres,
)

pytestmark = [pytest.mark.deploy, pytest.mark.postgres]

UNAVAILABLE_SV = "Lagret (databasen) svarar inte just nu"
UNAVAILABLE_EN = "The data warehouse (database) is not answering right now"


@pytest.fixture
def cluster() -> Iterator[ThrowawayPostgres]:
    made = throwaway_postgres()
    try:
        made.start()
        yield made
    finally:
        made.destroy()


def assert_serves_data(server: Server, version: str | None = None) -> str:
    """Page, health and a data callback all answer 200 with one data version; returns it."""
    health = server.get("/healthz")
    assert health.status == 200, health.text
    body = health.json()
    assert body["reachable"] is True and body["backend"] == "postgresql"
    assert body["data_version"] == health.version
    assert "ris" in body["last_loads"]
    page = server.get("/jamfor")
    assert page.status == 200, page.text[:500]
    content = server.page_content("/jamfor", "?region=SE33")
    assert content.status == 200, content.text[:500]
    assert "Övre Norrland" in str(content.json())  # region names read from the warehouse
    assert page.version == content.version == health.version
    if version is not None:
        assert health.version == version
    return health.version


def assert_says_the_warehouse_is_down(server: Server) -> None:
    page = server.get("/jamfor?region=SE33")
    assert page.status == 503
    assert page.headers["content-type"].startswith("text/html")
    assert UNAVAILABLE_SV in page.text
    assert "Traceback" not in page.text and "psycopg" not in page.text
    assert page.version == "unavailable"
    assert page.headers.get("retry-after")
    english = server.get("/jamfor?lang=en")
    assert english.status == 503 and UNAVAILABLE_EN in english.text

    health = server.get("/healthz")
    assert health.status == 503
    body = health.json()
    assert body["status"] == "unavailable" and body["reachable"] is False
    assert body["backend"] == "postgresql" and body["data_version"] is None
    assert body["message"] == "Lagret (databasen) svarar inte just nu."

    content = server.page_content("/jamfor")
    assert content.status == 503
    answer = content.json()
    assert answer["error"] == "warehouse-unavailable"
    assert answer["message"].startswith(UNAVAILABLE_SV)

    asset = server.get("/assets/warehouse.js")  # the app itself still answers
    assert asset.status == 200 and asset.version == "unavailable"


def test_a_server_says_plainly_that_postgres_is_down_and_serves_data_again_when_it_is_back(
    cluster: ThrowawayPostgres, tmp_path
):
    env = rusmon_env(cluster.url, tmp_path / "raw", RUSMON_STATEMENT_TIMEOUT="20")
    server = Server(env, "outage")
    try:
        # Started on an empty database: it answers, and says nothing is loaded yet.
        empty: Reply = server.wait_ready()
        assert empty.json()["status"] == "empty" and empty.version == "none"

        # Loaded while it runs: the next requests carry the load's version, assets included.
        run_rusmon_etl(env, "ris", "--file", str(RIS_2023), log=tmp_path / "etl.log")
        version = assert_serves_data(server)
        assert version.startswith("run-")
        for path in ("/", "/assets/warehouse.js", "/_dash-layout"):
            assert server.get(path).version == version, path

        # PostgreSQL stops under it: plain 503 answers, from both workers, none hangs.
        cluster.stop()
        for _ in range(2):
            assert_says_the_warehouse_is_down(server)
        assert server.alive()

        # PostgreSQL is back: the very next requests serve data again, without a restart.
        cluster.start()
        started = time.monotonic()
        assert_serves_data(server, version)
        assert time.monotonic() - started < 30
        assert server.alive()
        log = server.log.read_text()
        assert "lagret (postgresql) svarar inte" in log and "lagret svarar igen" in log
        assert "Traceback" not in log
    finally:
        server.stop()


@pytest.mark.parametrize("required", ["1", ""])
def test_without_postgresql_binaries_the_outage_test_skips_unless_postgres_is_required(
    monkeypatch, required
):
    monkeypatch.setattr(support, "_postgres_bin", lambda: None)
    monkeypatch.setenv("RUSMON_REQUIRE_POSTGRES", required)
    outcome = pytest.fail.Exception if required == "1" else pytest.skip.Exception
    with pytest.raises(outcome, match="initdb/pg_ctl are not installed"):
        throwaway_postgres()
