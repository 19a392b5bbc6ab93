"""`rusmon etl ris` end to end on a real warehouse (DuckDB and PostgreSQL): load, rerun, broken
input."""

import shutil
import subprocess
import sys

import pandas as pd
import sqlalchemy as sa

from etl.warehouse.store import Warehouse
from tests.conftest import copy_warehouse, make_settings, run_etl


def ris_fingerprint(settings) -> tuple:
    with Warehouse(settings.database_url).reading() as conn:
        frame = pd.read_sql_query(
            "SELECT * FROM ris_score ORDER BY edition, year, region_code, indicator_code", conn
        )
    return len(frame), round(frame["value"].sum(), 6)


def last_runs(settings) -> list[tuple]:
    with Warehouse(settings.database_url).reading() as conn:
        return conn.execute(
            sa.text(
                "SELECT source, status, rows FROM etl_run WHERE source = 'ris' "
                "ORDER BY finished_at, started_at"
            )
        ).all()


def test_loading_the_real_file_fills_the_public_views(ris_warehouse):
    assert ris_fingerprint(ris_warehouse)[0] == 43_296
    with Warehouse(ris_warehouse.database_url).reading() as conn:
        leaders = conn.execute(
            sa.text(
                "SELECT COUNT(*) FROM ris_region_group WHERE edition = 2023 "
                "AND performance_group = 'Leader'"
            )
        ).scalar()
        edition = conn.execute(sa.text("SELECT base_year, source_file FROM ris_edition")).one()
    assert leaders == 36
    assert tuple(edition) == (2016, "RIS_2023.xlsx")


def test_the_sources_dir_is_used_when_no_file_is_given(tmp_path, shared_data, backend):
    settings = make_settings(tmp_path, sources_dir=shared_data, backend=backend)
    result, output = run_etl(settings, "ris")
    assert result.status == "ok", output
    assert "läser RIS_2023.xlsx" in output


def test_a_rerun_on_the_same_file_does_nothing_and_says_so(tmp_path, ris_2023_path, ris_warehouse):
    settings = copy_warehouse(ris_warehouse, tmp_path)  # RIS_2023.xlsx loaded
    before = ris_fingerprint(settings)
    result, output = run_etl(settings, "ris", files=(str(ris_2023_path),))
    assert result.status == "unchanged"
    assert "samma indata som senast, inget att göra" in output
    assert ris_fingerprint(settings) == before
    assert last_runs(settings) == [("ris", "ok", 43_296), ("ris", "unchanged", 0)]


def test_force_reloads_and_the_reload_is_idempotent(tmp_path, ris_2023_path, ris_warehouse):
    settings = copy_warehouse(ris_warehouse, tmp_path)
    before = ris_fingerprint(settings)
    result, _ = run_etl(settings, "ris", files=(str(ris_2023_path),), force=True)
    assert result.status == "ok"
    assert ris_fingerprint(settings) == before


def test_a_broken_file_fails_names_the_problem_and_keeps_the_old_data(
    tmp_path, ris_2023_path, ris_warehouse
):
    settings = copy_warehouse(ris_warehouse, tmp_path)
    before = ris_fingerprint(settings)
    # Real rows for six regions: were this loaded, edition 2023 would shrink to them.
    frame = pd.read_excel(ris_2023_path, engine="calamine").astype({"Value": object})
    frame = frame[frame["Region"].isin(["EU", "SE33", "SE11", "DK01", "FI1B", "NL33"])]
    frame = frame.reset_index(drop=True)
    frame.loc[10, "Value"] = "saknas"
    broken = tmp_path / "RIS_2023_broken.xlsx"
    frame.to_excel(broken, sheet_name="RIS", index=False)
    result, output = run_etl(settings, "ris", files=(str(broken),))
    assert result.status == "failed"
    assert "RIS_2023_broken.xlsx, kolumn Value, rad 12: värdet är inget tal ('saknas')" in output
    assert ris_fingerprint(settings) == before
    assert last_runs(settings)[-1][:2] == ("ris", "failed")


def test_offline_with_nothing_to_load_is_skipped_not_failed(tmp_path, backend):
    result, output = run_etl(make_settings(tmp_path, offline=True, backend=backend), "ris")
    assert result.status == "skipped"
    assert "ingen RIS-fil att ladda" in output


def test_the_command_exits_non_zero_and_names_the_file_when_it_is_not_a_workbook(tmp_path, backend):
    bad = tmp_path / "RIS_2025.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    url = make_settings(tmp_path, backend=backend).database_url
    env = {"PATH": "/usr/bin:/bin", "RUSMON_DATABASE_URL": url}
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "etl", "ris", "--file", str(bad), "--offline"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert "RIS_2025.xlsx: kan inte läsas som Excel-arbetsbok" in done.stdout
    assert "MISSLYCKADES" in done.stdout


def test_a_copied_snapshot_is_loaded_with_its_recorded_origin(tmp_path, ris_2023_path, backend):
    from etl.snapshots import save_snapshot

    settings = make_settings(tmp_path, offline=True, backend=backend)
    url = "https://example.invalid/RIS.xlsx"
    saved = save_snapshot(
        settings.raw_dir, "ris", "RIS_web_download.xlsx", ris_2023_path.read_bytes(), url
    )
    assert saved.path.exists()
    result, output = run_etl(settings, "ris")
    assert result.status == "ok", output
    with Warehouse(settings.database_url).reading() as conn:
        origin = conn.execute(sa.text("SELECT origin FROM ris_edition")).scalar()
    assert origin == url
    shutil.rmtree(settings.raw_dir)
