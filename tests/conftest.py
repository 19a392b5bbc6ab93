"""Shared fixtures: the real data in ../shared/data and warehouses built from it.

Every test that asks for `backend`, itself or through `ris_warehouse` / `followup_warehouse`,
runs twice: on a DuckDB file ([duckdb]) and on PostgreSQL ([postgres]), each warehouse in a
database of its own (tests/postgres_support.py). `@pytest.mark.backend("duckdb")` keeps a test
about the DuckDB file itself (lock, atomic swap, .wal) on that backend. Browser tests run on
DuckDB only: a live server and Chromium per backend would double the slowest part.
"""

from __future__ import annotations

import io
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from etl.pipeline import EtlContext, run_source
from etl.sources import SOURCES
from etl.warehouse.store import Warehouse
from indicators.catalogue import Catalogue, catalogue
from indicators.settings import Settings
from tests.postgres_support import drop_test_databases, new_postgres_database

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
BACKENDS = ("duckdb", "postgres")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("backend")
        browser = metafunc.definition.get_closest_marker("browser") is not None
        backends = only.args if only else BACKENDS[:1] if browser else BACKENDS
        # Session scope: pytest groups the tests by backend, so each shared warehouse is
        # built once per backend.
        metafunc.parametrize("backend", backends, indirect=True, scope="session")


_backend_of: dict[str, str] = {}  # test id -> the backend it runs on


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        callspec = getattr(item, "callspec", None)
        backend = callspec.params.get("backend") if callspec is not None else None
        if backend is not None:
            _backend_of[item.nodeid] = backend
        if backend == "postgres":  # `-m "not postgres"` leaves them out without PostgreSQL
            item.add_marker(pytest.mark.postgres)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per backend, e.g. "postgres: 512 passed", for CI's closing note."""
    counts: dict[str, Counter[str]] = {backend: Counter() for backend in BACKENDS}
    for outcome in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"):
        for report in terminalreporter.stats.get(outcome, []):
            backend = _backend_of.get(getattr(report, "nodeid", ""))
            if backend is not None:
                counts[backend][outcome] += 1
    if any(counts.values()):
        terminalreporter.section("tests per warehouse backend")
        for backend, outcomes in counts.items():
            said = ", ".join(f"{n} {outcome}" for outcome, n in outcomes.items())
            terminalreporter.write_line(f"{backend}: {said or 'none run'}")


def pytest_sessionfinish(session: pytest.Session) -> None:
    drop_test_databases()


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    """The warehouse's database: "duckdb" (a file) or "postgres" (a database of its own)."""
    return request.param


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data must be present: these tests are meant to run on the real files."""
    if not (SHARED_DATA / "ris" / "RIS_2023.xlsx").is_file():
        pytest.fail(f"real data missing: expected {SHARED_DATA} beside the checkout (see README)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def ris_2023_path(shared_data: Path) -> Path:
    return shared_data / "ris" / "RIS_2023.xlsx"


@pytest.fixture(scope="session")
def cat() -> Catalogue:
    return catalogue()


def make_settings(
    tmp: Path, *, sources_dir: Path | None = None, offline: bool = True, backend: str = "duckdb"
) -> Settings:
    """Settings for a new, empty warehouse: a DuckDB file under `tmp` or a new PostgreSQL
    database; raw snapshots go under `tmp` either way."""
    if backend == "duckdb":
        url = f"duckdb:///{tmp / 'warehouse' / 'rusmon.duckdb'}"
    elif backend == "postgres":
        url = new_postgres_database()
    else:
        raise ValueError(f"unknown backend {backend!r}")
    return Settings(
        database_url=url,
        sources_dir=sources_dir,
        offline=offline,
        raw_dir=tmp / "raw",
    )


def copy_warehouse(settings: Settings, folder: Path) -> Settings:
    """The same settings on a copy of the warehouse: the DuckDB file copied under `folder`, or
    a PostgreSQL database made from it as a template. Much faster than loading it again."""
    source = settings.duckdb_path
    if source is None:
        url = new_postgres_database(template=make_url(settings.database_url).database)
    else:
        copy = folder / "warehouse" / "rusmon.duckdb"
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
        url = f"duckdb:///{copy}"
    return replace(settings, database_url=url, raw_dir=folder / "raw")


def run_etl(
    settings: Settings,
    source: str,
    files: tuple[str, ...] = (),
    force: bool = False,
    allow_shrink: bool = False,
):
    """Run one source the way `rusmon etl` does; returns (result, printed output)."""
    out = io.StringIO()
    ctx = EtlContext(
        settings=settings,
        catalogue=catalogue(),
        warehouse=Warehouse(settings.database_url),
        files=files,
        force=force,
        allow_shrink=allow_shrink,
        out=out,
    )
    return run_source(ctx, source, SOURCES[source]), out.getvalue()


@pytest.fixture(scope="session")
def ris_warehouse(
    tmp_path_factory: pytest.TempPathFactory, ris_2023_path: Path, backend: str
) -> Settings:
    """A real warehouse with RIS 2023 loaded, shared read-only by many tests; a test that
    changes it works on a `copy_warehouse` of it."""
    settings = make_settings(tmp_path_factory.mktemp("ris_warehouse"), backend=backend)
    result, output = run_etl(settings, "ris", files=(str(ris_2023_path),))
    assert result.status == "ok", output
    return settings


@pytest.fixture(scope="session")
def followup_warehouse(
    tmp_path_factory: pytest.TempPathFactory, shared_data: Path, backend: str
) -> Settings:
    """Everything ../shared/data holds, loaded offline as `rusmon etl` does, goals included."""
    settings = make_settings(
        tmp_path_factory.mktemp("followup"), sources_dir=shared_data, backend=backend
    )
    for source in ("ris", "tva", "eurostat", "manual"):  # each load recomputes the goals
        result, output = run_etl(settings, source)
        assert result.status == "ok", output
    return settings
