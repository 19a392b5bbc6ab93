"""Warehouses with the map boundaries loaded, for the map tests (dashboard and browser)."""

from __future__ import annotations

import shutil
from pathlib import Path

from indicators.settings import Settings
from tests.conftest import make_settings, run_etl


def with_geometry(source: Settings, shared_data: Path, folder: Path) -> Settings:
    """A copy of `source`'s DuckDB warehouse with `rusmon etl geo` run on the real files."""
    assert source.duckdb_path is not None
    settings = make_settings(folder, sources_dir=shared_data)
    assert settings.duckdb_path is not None
    settings.duckdb_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source.duckdb_path, settings.duckdb_path)
    result, output = run_etl(settings, "geo")
    assert result.status == "ok", output
    return settings
