"""Several app servers on one PostgreSQL warehouse and a scheduled ETL: two `rusmon serve`
processes keep answering while `rusmon etl --force` reloads every source, no request fails,
every response names one data version, and each server serves a load from the first request
sent after the load's commit."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from dashboard.data_access.reader import WarehouseReader
from tests.deploy.support import (
    ARTIFACTS,
    RIS_2023,
    Reply,
    Server,
    own_postgres_database,
    run_rusmon_etl,
    rusmon_env,
    rusmon_etl,
)

pytestmark = [pytest.mark.deploy, pytest.mark.postgres]


def runs(version: str) -> int:
    """The run count in a PostgreSQL data version ("run-42-…"): it grows with every load."""
    kind, count, *_ = version.split("-")
    assert kind == "run", version
    return int(count)


@dataclass
class Seen:
    version: str
    at: float  # time.monotonic() when the version was first read back after its commit


class Watcher(threading.Thread):
    """Reads the warehouse's version straight from PostgreSQL, again and again, and notes when
    each new one is first seen: by then its load has committed."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.reader = WarehouseReader(url)
        self.seen: list[Seen] = []
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                version = self.reader.version()
                now = time.monotonic()
                if version is not None and (not self.seen or self.seen[-1].version != version):
                    self.seen.append(Seen(version, now))
                time.sleep(0.005)
        finally:
            self.reader.close()


class Client(threading.Thread):
    """Asks one server for its health, a page and a page's data, in turn, without pause."""

    REQUESTS = (
        ("GET", "/healthz"),
        ("GET", "/datakallor"),
        ("PAGE", "/datakallor"),  # the sources page's content: the run log, from the warehouse
        ("GET", "/jamfor"),
    )

    def __init__(self, server: Server):
        super().__init__(daemon=True)
        self.server = server
        self.replies: list[tuple[str, Reply]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        for method, path in itertools.cycle(self.REQUESTS):
            if self.stop.is_set():
                return
            if method == "PAGE":
                reply = self.server.page_content(path)
            else:
                reply = self.server.request(method, path)
            self.replies.append((f"{method} {path}", reply))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Iterator[tuple[str, dict[str, str]]]:
    """A PostgreSQL database of its own with RIS 2023 loaded by `rusmon etl ris --file`."""
    tmp = tmp_path_factory.mktemp("shared_postgres")
    with own_postgres_database("rusmon_deploy") as url:
        env = rusmon_env(url, tmp / "raw")
        run_rusmon_etl(env, "ris", "--file", str(RIS_2023), log=tmp / "etl-ris.log")
        yield url, env


@pytest.fixture(scope="module")
def servers(warehouse) -> Iterator[list[Server]]:
    _, env = warehouse
    started = [Server(env, "shared-a"), Server(env, "shared-b")]
    try:
        for server in started:
            server.wait_ready()
        yield started
    finally:
        for server in started:
            server.stop()


def test_two_servers_serve_each_load_from_the_first_request_after_its_commit(warehouse, servers):
    url, env = warehouse
    before = [server.get("/healthz") for server in servers]
    assert {reply.version for reply in before} == {before[0].json()["data_version"]}

    watcher = Watcher(url)
    clients = [Client(server) for server in servers]
    watcher.start()
    for client in clients:
        client.start()
    etl_log = ARTIFACTS / "deploy-etl-force.log"
    etl = rusmon_etl(env, "--force", log=etl_log)
    try:
        code = etl.wait(timeout=900)
        time.sleep(2)  # and a little while after the last commit
    finally:
        for thread in (*clients, watcher):
            thread.stop.set()
        for thread in (*clients, watcher):
            thread.join(timeout=120)
    assert code == 0, etl_log.read_text()[-3000:]

    # Several loads committed while the servers were busy answering.
    versions = [seen.version for seen in watcher.seen]
    final = versions[-1]
    assert len(versions) >= 4, versions
    assert runs(final) > runs(before[0].version)

    summary = [f"loads seen committing: {len(versions)}; etl exit {code}"]
    for client in clients:
        replies = client.replies
        first = [
            next((r for _, r in replies if r.sent > seen.at), None) for seen in watcher.seen[1:]
        ]
        lags = [
            round(r.done - seen.at, 3) for r, seen in zip(first, watcher.seen[1:], strict=True) if r
        ]
        summary.append(
            f"server {client.server.port}: {len(replies)} requests, "
            f"{sum(r.status != 200 for _, r in replies)} failed, "
            f"{len({r.version for _, r in replies})} versions served, "
            f"answer after commit seen (s): max {max(lags, default=0)}"
        )
    (ARTIFACTS / "deploy-shared-summary.txt").write_text("\n".join(summary) + "\n")
    print("\n".join(summary))

    for client in clients:
        replies = client.replies
        assert len(replies) > 40, f"only {len(replies)} requests to {client.server.port}"
        # No request failed meanwhile.
        failed = [(what, r.status, r.error, r.text[:200]) for what, r in replies if r.status != 200]
        assert not failed, failed
        # Every response names one version; /healthz's body names the same one.
        for what, reply in replies:
            assert reply.version and reply.version.startswith("run-"), (what, reply.version)
            if what == "GET /healthz":
                assert reply.json()["data_version"] == reply.version
        # A request sent after a load's commit was seen never gets an older version.
        late = [
            (what, reply.version, seen.version, round(reply.sent - seen.at, 3))
            for what, reply in replies
            for seen in watcher.seen
            if reply.sent > seen.at and runs(reply.version) < runs(seen.version)
        ]
        assert not late, late[:10]
        # The first request after the last commit already has the last load.
        after = [reply for _, reply in replies if reply.sent > watcher.seen[-1].at]
        assert after and after[0].version == final
        # And the servers followed every load in between, not only the last one.
        served = {reply.version for _, reply in replies}
        assert len(served & set(versions)) >= 3, (served, versions)
    assert clients[0].server.alive() and clients[1].server.alive()
