"""Real processes for the deployment tests: `rusmon serve` and `rusmon etl` run the way a
deployment runs them, a database of their own on the shared PostgreSQL server, and a throwaway
PostgreSQL cluster for the tests that stop the database (never the shared one)."""

from __future__ import annotations

import glob
import http.client
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.postgres_support import postgres_url

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"
RIS_2023 = SHARED_DATA / "ris" / "RIS_2023.xlsx"
ARTIFACTS = ROOT / "test-artifacts"
RUSMON = Path(sys.executable).with_name("rusmon")  # the installed command, as users run it
CALLBACK = "/_dash-update-component"
VERSION_HEADER = "X-Rusmon-Data-Version"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rusmon_env(database_url: str, raw_dir: Path, **more: str) -> dict[str, str]:
    """The environment of a deployment: the warehouse URL, offline, the shared source files."""
    return {
        **os.environ,
        "RUSMON_DATABASE_URL": database_url,
        "RUSMON_SOURCES_DIR": str(SHARED_DATA),
        "RUSMON_OFFLINE": "1",
        "RUSMON_RAW_DIR": str(raw_dir),
        **more,
    }


def rusmon_etl(env: dict[str, str], *args: str, log: Path) -> subprocess.Popen:
    """`rusmon etl ARGS` in the background, its output in `log`."""
    with log.open("w") as output:
        return subprocess.Popen(
            [str(RUSMON), "etl", *args], env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )


def run_rusmon_etl(env: dict[str, str], *args: str, log: Path, timeout: float = 900) -> None:
    process = rusmon_etl(env, *args, log=log)
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise
    assert code == 0, f"rusmon etl {' '.join(args)} exited {code}:\n{log.read_text()[-3000:]}"


@dataclass
class Reply:
    status: int  # 0 when no HTTP answer came
    headers: dict[str, str]
    body: bytes
    sent: float  # time.monotonic() just before the request was sent
    done: float
    error: str = ""

    @property
    def version(self) -> str | None:
        return self.headers.get(VERSION_HEADER.lower())

    def json(self):
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class Server:
    """A `rusmon serve` process (gunicorn, 2 workers) on a free loopback port."""

    def __init__(self, env: dict[str, str], name: str):
        self.port = free_port()
        ARTIFACTS.mkdir(exist_ok=True)
        self.log = ARTIFACTS / f"deploy-{name}-{self.port}.log"
        with self.log.open("w") as output:  # a file, not a pipe: a full pipe stalls a server
            self.process = subprocess.Popen(
                [str(RUSMON), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                env=env,
                cwd=ROOT,
                start_new_session=True,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float = 90) -> Reply:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"rusmon serve exited: {self.log.read_text()[-3000:]}")
            reply = self.request("GET", "/healthz", timeout=5)
            if reply.status == 200:
                return reply
            time.sleep(0.2)
        raise RuntimeError(f"rusmon serve did not answer within {timeout} s")

    def request(
        self,
        method: str,
        path: str,
        body: object | None = None,
        timeout: float = 60,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        data = None if body is None else json.dumps(body).encode()
        sent_headers = {"Content-Type": "application/json"} if data is not None else {}
        sent_headers.update(headers or {})
        sent = time.monotonic()
        try:
            connection.request(method, path, body=data, headers=sent_headers)
            response = connection.getresponse()
            content = response.read()
            return Reply(
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                content,
                sent,
                time.monotonic(),
            )
        except OSError as error:
            return Reply(0, {}, b"", sent, time.monotonic(), f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    def get(self, path: str, **kwargs) -> Reply:
        return self.request("GET", path, **kwargs)

    def page_content(self, path: str, search: str = "", **kwargs) -> Reply:
        """The callback that renders a page's content, as the browser sends it on arrival."""
        return self.request("POST", CALLBACK, page_request(path, search), **kwargs)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def page_request(path: str, search: str = "") -> dict:
    """Dash's page router callback: pathname and search in, the page's content out."""
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "state": [],
        "changedPropIds": ["_pages_location.pathname"],
    }


# -- PostgreSQL -----------------------------------------------------------------------------


@contextmanager
def own_postgres_database(prefix: str) -> Iterator[str]:
    """A new database on the shared test server (RUSMON_TEST_POSTGRES_URL's role needs
    CREATEDB), dropped afterwards; yields its URL."""
    base = make_url(postgres_url())
    name = f"{prefix}_{os.getpid()}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:  # FORCE: servers' pooled connections may remain
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _postgres_bin() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


class ThrowawayPostgres:
    """A PostgreSQL cluster of its own in a temporary folder on a free port, which a test may
    stop and start again. initdb refuses to run as root, so as root the cluster runs as the
    `postgres` OS user (runuser) in a folder that user owns."""

    def __init__(self, bindir: Path, run_as: list[str], owner: str | None):
        self.bindir = bindir
        self.run_as = run_as
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="rusmon-pg-"))
        self.folder.chmod(0o700)
        if owner is not None:
            shutil.chown(self.folder, owner, owner)
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str, timeout: float = 120) -> None:
        done = subprocess.run(
            [*self.run_as, *command],
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{command[0]} failed: {done.stdout}{done.stderr}{log}")

    def init(self) -> None:
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with suppress(RuntimeError, subprocess.TimeoutExpired):
                self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def throwaway_postgres() -> ThrowawayPostgres:
    """A new, initialised (not started) cluster, or a skip with the reason when this machine
    cannot make one; with RUSMON_REQUIRE_POSTGRES=1 the reason fails the test instead."""
    bindir = _postgres_bin()
    reason = None
    run_as: list[str] = []
    owner = None
    if bindir is None:
        reason = "PostgreSQL's initdb/pg_ctl are not installed (/usr/lib/postgresql/*/bin)"
    elif os.geteuid() == 0:
        runuser = shutil.which("runuser")
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            reason = "running as root and there is no `postgres` OS user to run initdb as"
        else:
            if runuser is None:
                reason = "running as root and runuser is missing (initdb refuses root)"
            run_as, owner = [str(runuser), "-u", "postgres", "--"], "postgres"
    if reason is not None:
        if os.environ.get("RUSMON_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"RUSMON_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    assert bindir is not None
    cluster = ThrowawayPostgres(bindir, run_as, owner)
    try:
        cluster.init()
    except BaseException:
        cluster.destroy()
        raise
    return cluster
