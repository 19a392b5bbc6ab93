"""A valid but cut-down input never silently replaces what the warehouse holds."""

import shutil
import subprocess
import sys

import pytest

from tests.conftest import copy_warehouse
from tests.etl.sources.ris.workbooks import read_ris_2023, write_ris_2023
from tests.etl.test_ris_run import ris_fingerprint


@pytest.fixture(scope="module")
def ris_rows(ris_2023_path):
    return read_ris_2023(ris_2023_path)


@pytest.fixture(scope="module")
def without_sweden(ris_rows, tmp_path_factory):
    """RIS 2023 without its Swedish rows, written once: writing 43 000 rows takes 13 s."""
    swedish = ris_rows["Region"].astype(str).str.startswith("SE")
    return write_ris_2023(
        ris_rows[~swedish], tmp_path_factory.mktemp("shrink") / "RIS_2023_no_se.xlsx"
    )


@pytest.fixture
def loaded(tmp_path, ris_warehouse):
    return copy_warehouse(ris_warehouse, tmp_path)


def rusmon_etl(settings, *args):
    env = {"PATH": "/usr/bin:/bin", "RUSMON_DATABASE_URL": settings.database_url}
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "etl", *args, "--offline"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


def test_the_first_3000_rows_of_the_workbook_are_refused_naming_what_would_go(
    loaded, ris_rows, tmp_path
):
    before = ris_fingerprint(loaded)
    cut = write_ris_2023(ris_rows.head(3000), tmp_path / "RIS_2023_cut.xlsx")
    done = rusmon_etl(loaded, "ris", "--file", str(cut))
    assert done.returncode == 1
    assert "laddningen skulle ta bort" in done.stdout and "regioner: " in done.stdout
    assert "--allow-shrink" in done.stdout and "Traceback" not in done.stdout + done.stderr
    assert ris_fingerprint(loaded) == before


def test_a_workbook_without_the_swedish_regions_is_refused(loaded, without_sweden):
    before = ris_fingerprint(loaded)
    done = rusmon_etl(loaded, "ris", "--file", str(without_sweden))
    assert done.returncode == 1
    assert "8 regioner: SE11, SE12, SE21, SE22, SE23, SE31, SE32, SE33" in done.stdout
    assert ris_fingerprint(loaded) == before


def test_allow_shrink_accepts_the_smaller_file(loaded, without_sweden):
    done = rusmon_etl(loaded, "ris", "--file", str(without_sweden), "--allow-shrink")
    assert done.returncode == 0, done.stdout
    assert ris_fingerprint(loaded)[0] == 43_296 - 8 * 22 * 8


def test_an_identical_reload_passes_the_guard(loaded, ris_2023_path, tmp_path):
    copy = shutil.copy(ris_2023_path, tmp_path / "RIS_2023_copy.xlsx")
    done = rusmon_etl(loaded, "ris", "--file", str(copy), "--force")
    assert done.returncode == 0, done.stdout
