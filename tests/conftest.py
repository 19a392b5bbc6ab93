"""Shared fixtures: the real data in ../shared/data and warehouses built from it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from etl.pipeline import EtlContext, run_source
from etl.sources import SOURCES
from etl.warehouse.store import Warehouse
from indicators.catalogue import Catalogue, catalogue
from indicators.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


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


def make_settings(tmp: Path, *, sources_dir: Path | None = None, offline: bool = True) -> Settings:
    return Settings(
        database_url=f"duckdb:///{tmp / 'warehouse' / 'rusmon.duckdb'}",
        sources_dir=sources_dir,
        offline=offline,
        raw_dir=tmp / "raw",
    )


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
def ris_warehouse(tmp_path_factory: pytest.TempPathFactory, ris_2023_path: Path) -> Settings:
    """A real DuckDB warehouse file with RIS 2023 loaded, shared read-only by many tests."""
    settings = make_settings(tmp_path_factory.mktemp("ris_warehouse"))
    result, output = run_etl(settings, "ris", files=(str(ris_2023_path),))
    assert result.status == "ok", output
    return settings


@pytest.fixture(scope="session")
def followup_warehouse(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Settings:
    """Everything ../shared/data holds, loaded offline as `rusmon etl` does, goals included."""
    settings = make_settings(tmp_path_factory.mktemp("followup"), sources_dir=shared_data)
    for source in ("ris", "tva", "eurostat", "manual"):  # each load recomputes the goals
        result, output = run_etl(settings, source)
        assert result.status == "ok", output
    return settings
