"""Warehouses with the map boundaries loaded, for the map tests (dashboard and browser)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from indicators.settings import Settings
from tests.conftest import copy_warehouse, run_etl


def with_geometry(source: Settings, shared_data: Path, folder: Path) -> Settings:
    """A copy of `source`'s warehouse (its DuckDB file, or a PostgreSQL database made from it)
    with `rusmon etl geo` run on the real files."""
    settings = replace(copy_warehouse(source, folder), sources_dir=shared_data)
    result, output = run_etl(settings, "geo")
    assert result.status == "ok", output
    return settings
