"""A region's own indicator and strategy appear in a running dashboard after `rusmon etl`,
without restarting the server (the catalogue is read again with each new warehouse version).

TEST DATA: the project indicator, strategy and tidy file are README's worked example
(tests/etl/test_own_catalogue.py), a made-up series, not statistics.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.browser.helpers import start_server, stop_server, wait_for_text
from tests.conftest import ROOT
from tests.etl.test_own_catalogue import INDICATOR, STRATEGY, TIDY, write

pytestmark = pytest.mark.browser


@pytest.fixture
def setup(followup_warehouse, shared_data, tmp_path):
    own = tmp_path / "own"
    (own / "indicators").mkdir(parents=True)
    (own / "strategies").mkdir()
    sources = tmp_path / "sources"
    shutil.copytree(shared_data / "followup", sources / "followup")  # the folder as it was
    warehouse = tmp_path / "rusmon.duckdb"
    shutil.copy2(followup_warehouse.database_url.removeprefix("duckdb:///"), warehouse)
    env = {
        "RUSMON_DATABASE_URL": f"duckdb:///{warehouse}",
        "RUSMON_CATALOGUE_DIR": str(own),
        "RUSMON_SOURCES_DIR": str(sources),
        "RUSMON_RAW_DIR": str(tmp_path / "raw"),
        "RUSMON_OFFLINE": "1",
    }
    process, url = start_server(**{"database_url": env.pop("RUSMON_DATABASE_URL")}, **env)
    env["RUSMON_DATABASE_URL"] = f"duckdb:///{warehouse}"
    yield url, own, sources, env
    stop_server(process)


def test_a_new_indicator_and_strategy_show_after_rusmon_etl_without_restart(setup, page):
    url, own, sources, env = setup
    page.goto(url + "/indikatorer?indicator=cykelpendling")
    wait_for_text(page, "body", "Okänd indikator 'cykelpendling'")

    write(
        own, {"indicators/cykelpendling.yaml": INDICATOR, "strategies/cykelstrategi.yaml": STRATEGY}
    )
    write(sources, {"followup/cykelpendling.csv": TIDY})
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "etl", "manual"],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    page.goto(url + "/indikatorer?indicator=cykelpendling")
    wait_for_text(page, "main", "Andel som cyklar till arbetet")
    assert "Okänd indikator" not in page.inner_text("main")
    page.goto(url + "/maluppfoljning?strategy=cykelstrategi&region=SE125&period=2023-2026")
    wait_for_text(page, "main", "Delmål 1: Fler cyklar till arbetet")
    assert "● i fas" in page.inner_text("#goal-1")
    assert page.console_log.errors() == []
