"""DuckDB file against PostgreSQL for a shared deployment: per backend, the whole offline ETL,
the RIS load, and the main dashboard callbacks served by TWO app servers over the same
warehouse, side by side.

Per backend, into a throwaway warehouse (a temporary DuckDB file; a PostgreSQL database
created for the run and dropped at its end, rusmon_bench by default):

1. the RIS load (bench/etl_ris.py's timed_run: RIS 2023 into an empty warehouse, then the rerun
   on the unchanged file, which must do nothing);
2. the whole offline ETL: `rusmon etl` with RUSMON_SOURCES_DIR=../shared/data and
   RUSMON_OFFLINE=1 into an empty warehouse, in a new process (wall time, peak memory);
3. two `rusmon serve` processes (gunicorn, 2 workers each) on two loopback ports over that
   warehouse; the main callbacks' real request bodies are recorded with Playwright/Chromium
   (bench/dashboard_browser.py) and replayed with wrk at 8 connections, split between the two
   servers (bench/dash_callback_split.lua: wrk's two threads connect to one server each):
   one warm-up pass, then req/s, p50, p99 and errors per callback. The requests are recorded
   once, on the first backend's servers, and replayed on both (the same ports, the same data).

Errors = non-2xx responses (3xx included) + socket errors. Target: PostgreSQL's p99 ≤ 2 ×
DuckDB's and ≤ 100 ms, 0 errors. Prints its figures; exits 1 only when the benchmark cannot run
(a load or a server fails), not when a target is missed.

Usage: .venv/bin/python bench/backends.py [--seconds 10] [--backends duckdb,postgresql]
           [--postgres URL] [--ports 8121,8122] [--sources ../shared/data]
--postgres: a database the rusmon role can CREATE DATABASE from (default
$RUSMON_BENCH_POSTGRES_URL, else postgresql+psycopg://rusmon:rusmon@127.0.0.1:5432/postgres).
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from indicators.formatting import format_number  # noqa: E402

RUSMON = ROOT / ".venv" / "bin" / "rusmon"
SPLIT_LUA = BENCH / "dash_callback_split.lua"
DEFAULT_POSTGRES = "postgresql+psycopg://rusmon:rusmon@127.0.0.1:5432/postgres"
BENCH_DATABASE = "rusmon_bench"
CONNECTIONS = 8
P99_TARGET_MS = 100.0
PG_FACTOR = 2.0
NAMES = {"duckdb": "DuckDB-fil", "postgresql": "PostgreSQL"}


# -- numbers --------------------------------------------------------------------------------
def ms(value: float | None) -> str:
    return "–" if value is None else format_number(value, 1)


def sec(value: float | None) -> str:
    return "–" if value is None else format_number(value, 1) + " s"


# -- warehouses -----------------------------------------------------------------------------
class Postgres:
    """Throwaway databases on a PostgreSQL server, created and dropped through `admin_url`."""

    def __init__(self, admin_url: str):
        self.admin_url = admin_url
        self.engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")

    def check(self) -> str | None:
        """None when usable, else why not."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except sa.exc.SQLAlchemyError as error:
            return str(error).splitlines()[0]
        return None

    def url(self, name: str) -> str:
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        self.drop(name)
        extra = f" TEMPLATE {template}" if template else ""
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}{extra}")
        return self.url(name)

    def drop(self, name: str) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def size(self, name: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql(f"SELECT pg_database_size('{name}')").scalar() or 0)


def rusmon_env(database_url: str, tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a rusmon process on a throwaway warehouse (never data/warehouse)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUSMON_")}
    env.update(
        RUSMON_DATABASE_URL=database_url,
        RUSMON_RAW_DIR=str(tmp / "raw"),
        RUSMON_OFFLINE="1",
    )
    env.update(extra)
    return env


def timed_rusmon(args: list[str], env: dict[str, str], log: Path) -> tuple[float, int]:
    """Run `rusmon ARGS` to the end: (wall seconds, peak memory in MB); exits on failure."""
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen([str(RUSMON), *args], env=env, stdout=out, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        print(log.read_text()[-3000:], file=sys.stderr)
        sys.exit(f"rusmon {' '.join(args)} misslyckades (exit {process.returncode}), se ovan")
    return seconds, usage.ru_maxrss // 1024


# -- servers --------------------------------------------------------------------------------
@contextmanager
def serving(ports: list[int], env: dict[str, str], logdir: Path):
    """`rusmon serve` on each port (each its own gunicorn with 2 workers), until the block
    ends; stopped by their own process ids (each server is its own process group)."""
    servers = []
    try:
        for port in ports:
            log = (logdir / f"server-{port}.log").open("w")
            servers.append(
                subprocess.Popen(
                    [str(RUSMON), "serve", "--host", "127.0.0.1", "--port", str(port)],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        for port, server in zip(ports, servers, strict=True):
            wait_until_up(f"http://127.0.0.1:{port}", server, logdir / f"server-{port}.log")
        yield
    finally:
        for server in servers:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def wait_until_up(base: str, server: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            print(log.read_text()[-3000:], file=sys.stderr)
            sys.exit(f"servern på {base} avslutades (exit {server.returncode}), se ovan")
        try:  # the callback graph: the app is up, and no page has read the warehouse yet
            with urllib.request.urlopen(base + "/_dash-dependencies", timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    sys.exit(f"servern på {base} svarade inte inom {timeout:.0f} s")


def port_free(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


# -- callbacks under wrk --------------------------------------------------------------------
@dataclass
class Load:
    rps: float
    p50: float
    p99: float
    errors: int
    requests: int
    non2xx: int
    per_server: list[int] = field(default_factory=list)


def wrk(endpoint: str, body: Path, servers: list[str], seconds: float) -> Load:
    """wrk at 8 connections for `seconds`, split between `servers` (host:port)."""
    env = {**os.environ, "BODY": str(body), "SERVERS": ",".join(servers)}
    threads = max(2, len(servers))
    command = ["wrk", "-t", str(threads), "-c", str(CONNECTIONS), "-d", f"{seconds:g}s"]
    done = subprocess.run(
        [*command, "--timeout", "5s", "-s", str(SPLIT_LUA), endpoint],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT")), None)
    if line is None:
        sys.exit(f"wrk gav inget resultat för {endpoint}: {done.stdout}{done.stderr}")
    _, rps, p50, p99, errors, requests, non2xx, per = line.split()
    return Load(
        float(rps), float(p50), float(p99), int(errors), int(requests), int(non2xx),
        [int(n) for n in per.split(",")],
    )  # fmt: skip


def first_answer_ms(endpoint: str, body: Path) -> tuple[float, int]:
    """One POST on a cold cache: (milliseconds, HTTP status)."""
    request = urllib.request.Request(
        endpoint, data=body.read_bytes(), headers={"Content-Type": "application/json"}
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    return (time.perf_counter() - start) * 1000, status


def drive_callbacks(
    bodies: Path, names: list[str], servers: list[str], seconds: float, warmup: float = 2
) -> dict[str, Load]:
    """Each recorded callback under wrk: a warm-up pass (each worker reads the warehouse
    once), then the measured run."""
    results = {}
    for name in names:
        body = bodies / f"{name}.json"
        endpoint = (bodies / f"{name}.url").read_text().strip()
        wrk(endpoint, body, servers, warmup)
        results[name] = wrk(endpoint, body, servers, seconds)
    return results


# -- the benchmark --------------------------------------------------------------------------
@dataclass
class BackendResult:
    ris_cold: float
    ris_rerun: float
    etl_seconds: float
    etl_mb: int
    size_mb: float
    loads: dict[str, Load]


def ris_times(database_url: str, raw: Path, ris_file: Path) -> tuple[float, float]:
    """bench/etl_ris.py's cold load and unchanged rerun, on this backend."""
    from etl_ris import timed_run

    from indicators.settings import Settings

    settings = Settings(database_url=database_url, sources_dir=None, offline=True, raw_dir=raw)
    cold, status = timed_run(settings, ris_file)
    if status != "ok":
        sys.exit(f"RIS-laddningen gav {status}, väntade ok")
    rerun, status = timed_run(settings, ris_file)
    if status != "unchanged":
        sys.exit(f"RIS-omkörningen gav {status}, väntade unchanged")
    return cold, rerun


def run_backend(
    backend: str, args: argparse.Namespace, postgres: Postgres | None, tmp: Path, bodies: Path
) -> BackendResult:
    work = tmp / backend
    work.mkdir()
    name = NAMES[backend]
    print(f"\n== {name} ==", flush=True)

    numbers = itertools.count(1)

    def fresh() -> str:
        """An empty warehouse: a new DuckDB file, or the bench database dropped and created."""
        if backend == "duckdb":
            return f"duckdb:///{work}/rusmon{next(numbers)}.duckdb"
        assert postgres is not None
        return postgres.create(args.database)

    ris_file = args.sources / "ris" / "RIS_2023.xlsx"
    cold, rerun = ris_times(fresh(), work / "raw-ris", ris_file)
    print(f"RIS-laddning: kall {sec(cold)}, oförändrad omkörning {sec(rerun)}", flush=True)

    url = fresh()
    env = rusmon_env(url, work, RUSMON_SOURCES_DIR=str(args.sources))
    etl_seconds, etl_mb = timed_rusmon(["etl"], env, work / "etl.log")
    if backend == "duckdb":
        size = Path(url.removeprefix("duckdb:///")).stat().st_size / 1e6
    else:
        assert postgres is not None
        size = postgres.size(args.database) / 1e6
    print(
        f"hela offline-ETL:n: {sec(etl_seconds)}, högst {etl_mb} MB minne; "
        f"lagret {format_number(size, 1)} MB",
        flush=True,
    )

    servers = [f"127.0.0.1:{p}" for p in args.ports]
    with serving(args.ports, env, work):
        if not any(bodies.glob("*.json")):
            from dashboard_browser import record_callbacks

            print("spelar in anropens riktiga förfrågningar med Chromium …", flush=True)
            record_callbacks(f"http://{servers[0]}", bodies)
        names = sorted(p.stem for p in bodies.glob("*.json"))
        print(
            f"wrk: {len(names)} anrop × ({args.seconds:g} s + 2 s uppvärmning), "
            f"{CONNECTIONS} anslutningar fördelade på {' och '.join(servers)} …",
            flush=True,
        )
        loads = drive_callbacks(bodies, names, servers, args.seconds)
    if backend == "postgresql":
        assert postgres is not None
        postgres.drop(args.database)
    return BackendResult(cold, rerun, etl_seconds, etl_mb, size, loads)


def report(results: dict[str, BackendResult], ports: list[int]) -> bool:
    duck, pg = results.get("duckdb"), results.get("postgresql")
    print("\nSammanfattning (lagret byggt offline från ../shared/data; mål inom parentes)")
    print(f"  {'':<34}" + "".join(f"{NAMES[b]:>14}" for b in results))
    rows = [
        ("hela offline-ETL:n (rusmon etl)", lambda r: sec(r.etl_seconds)),
        ("  högsta minne", lambda r: f"{r.etl_mb} MB"),
        ("  lagrets storlek", lambda r: f"{format_number(r.size_mb, 1)} MB"),
        ("RIS-laddning, kall (mål ≤ 2,0 s)", lambda r: sec(r.ris_cold)),
        ("RIS, oförändrad omkörning (≤ 0,3 s)", lambda r: sec(r.ris_rerun)),
    ]
    for label, show in rows:
        print(f"  {label:<34}" + "".join(f"{show(r):>14}" for r in results.values()))

    from dashboard_browser import CALLBACKS

    recorded = {n for r in results.values() for n in r.loads}
    names = [*(n for n in CALLBACKS if n in recorded), *sorted(recorded - set(CALLBACKS))]
    print(
        f"\nAnrop under wrk, {CONNECTIONS} anslutningar delade på två servrar "
        f"(127.0.0.1:{ports[0]} och :{ports[1]}, vardera gunicorn med 2 arbetare)"
    )
    group = f"  {'':<24}"
    head = f"  {'anrop':<24}"
    for backend in results:
        group += f" {'— ' + NAMES[backend] + ' —':^33}"
        head += f" {'req/s':>7} {'p50 ms':>9} {'p99 ms':>9} {'fel':>5}"
    if duck and pg:
        group += f" {'PG/DuckDB':>11}"
        head += f" {'p99':>11}  mål"
    print(group)
    print(head)
    met = True
    for name in names:
        line = f"  {name:<24}"
        for result in results.values():
            load = result.loads.get(name)
            if load is None:
                line += f" {'–':>7} {'–':>9} {'–':>9} {'–':>5}"
                continue
            line += f" {format_number(load.rps, 0):>7} {ms(load.p50):>9} {ms(load.p99):>9}"
            line += f" {load.errors:>5}"
            met &= load.errors == 0
        if duck and pg and name in duck.loads and name in pg.loads:
            a, b = duck.loads[name], pg.loads[name]
            ratio = b.p99 / a.p99 if a.p99 else float("inf")
            ok = b.p99 <= PG_FACTOR * a.p99 and b.p99 <= P99_TARGET_MS
            ok &= a.errors == 0 and b.errors == 0
            met &= ok
            line += f" {format_number(ratio, 2) + ' ×':>11}  {'ja' if ok else 'NEJ'}"
        print(line)
    for name in (n for n in CALLBACKS if n not in recorded):
        print(f"  {name:<24} ej inspelat: sidan skickade ingen sådan förfrågan (se ovan)")
        met = False
    print("\n  fördelning av svaren per server (första / andra):")
    for backend, result in results.items():
        split = [sum(load.per_server[i] for load in result.loads.values()) for i in range(2)]
        non2xx = sum(load.non2xx for load in result.loads.values())
        print(
            f"    {NAMES[backend]:<12} {format_number(split[0])} / {format_number(split[1])} svar; "
            f"fel {sum(load.errors for load in result.loads.values())} "
            f"(varav icke-2xx {non2xx})"
        )
    if duck and pg:
        verdict = "UPPNÅTT" if met else "EJ UPPNÅTT"
        print(
            f"\n  mål: PostgreSQL p99 ≤ {format_number(PG_FACTOR, 0)} × DuckDB:s och "
            f"≤ {P99_TARGET_MS:.0f} ms för varje anrop, 0 fel (icke-2xx + socketfel) → {verdict}"
        )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10, help="wrk-körning per anrop (s)")
    parser.add_argument("--backends", default="duckdb,postgresql")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("RUSMON_BENCH_POSTGRES_URL") or DEFAULT_POSTGRES,
        help="admin-URL till en databas där rollen får skapa databaser",
    )
    parser.add_argument("--database", default=BENCH_DATABASE, help="engångsdatabasens namn")
    parser.add_argument("--ports", default="8121,8122")
    parser.add_argument(
        "--sources",
        type=Path,
        default=Path(os.environ.get("RUSMON_SOURCES_DIR") or ROOT.parent / "shared" / "data"),
    )
    args = parser.parse_args()
    args.ports = [int(p) for p in args.ports.split(",")]
    args.sources = args.sources.resolve()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if unknown := set(backends) - set(NAMES):
        parser.error(f"okända lager: {', '.join(sorted(unknown))} (duckdb, postgresql)")
    if len(args.ports) != 2:
        parser.error("--ports vill ha två portar, t.ex. 8121,8122")
    if shutil.which("wrk") is None:
        sys.exit("wrk saknas: apt-get install wrk")
    if busy := [p for p in args.ports if not port_free(p)]:
        sys.exit(f"porten/portarna {busy} används redan; välj andra med --ports")
    if not (args.sources / "ris" / "RIS_2023.xlsx").is_file():
        sys.exit(f"hittar inte källfilerna i {args.sources} (ris/RIS_2023.xlsx)")
    postgres = None
    if "postgresql" in backends:
        postgres = Postgres(args.postgres)
        if why := postgres.check():
            print(f"PostgreSQL hoppas över: {why}", file=sys.stderr)
            backends.remove("postgresql")
            postgres = None
    results = {}
    with tempfile.TemporaryDirectory(prefix="rusmon-backends-") as name:
        tmp = Path(name)
        bodies = tmp / "bodies"
        try:
            for backend in backends:
                results[backend] = run_backend(backend, args, postgres, tmp, bodies)
        finally:
            if postgres is not None:
                postgres.drop(args.database)
                postgres.engine.dispose()
    report(results, args.ports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
