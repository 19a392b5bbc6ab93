"""A run killed between two sources leaves derived data judged on exactly the data stored."""

import os
import signal
import subprocess
import sys

import pandas as pd
import pytest

from etl.goals.compute import goal_rows
from etl.goals.series import SeriesStore
from etl.warehouse.store import Warehouse
from tests.conftest import make_settings

KEY = ["strategy_id", "goal_id", "indicator_key", "region_code", "mandate_period"]
JUDGED = ["status_code", "baseline_period", "baseline_value", "latest_period", "latest_value"]


def stored_and_fresh(settings, cat) -> tuple[pd.DataFrame, pd.DataFrame]:
    with Warehouse(settings.database_url).reading() as conn:
        stored = pd.read_sql_query("SELECT * FROM goal_status", conn)
        fresh = goal_rows(
            cat, SeriesStore(conn), cat.strategies.values(), cat.mandate_periods
        ).statuses
    order = lambda f: f.sort_values(KEY)[KEY + JUDGED].reset_index(drop=True)  # noqa: E731
    return order(stored), order(fresh)


@pytest.mark.parametrize("killed_after", ["ris", "tva"])
def test_goals_match_the_data_after_a_kill_between_sources(
    tmp_path, shared_data, cat, killed_after, backend
):
    settings = make_settings(tmp_path, sources_dir=shared_data, backend=backend)
    env = {
        **os.environ,
        "RUSMON_DATABASE_URL": settings.database_url,
        "RUSMON_SOURCES_DIR": str(shared_data),
        "RUSMON_OFFLINE": "1",
        "RUSMON_RAW_DIR": str(tmp_path / "raw"),
    }
    run = subprocess.Popen(
        [sys.executable, "-c", "from cli.main import console_main; console_main()",
         "etl", "ris", "tva", "manual"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    for line in run.stdout:
        if line.startswith(f"{killed_after}: sparat i lagret"):
            run.send_signal(signal.SIGKILL)
            break
    run.communicate()
    assert run.returncode == -signal.SIGKILL
    stored, fresh = stored_and_fresh(settings, cat)
    assert len(stored) > 0
    pd.testing.assert_frame_equal(stored, fresh)
    # the next run goes on where the killed one stopped, and the goals follow the data
    done = subprocess.run(
        [sys.executable, "-c", "from cli.main import console_main; console_main()", "etl",
         "ris", "tva", "manual"],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    stored, fresh = stored_and_fresh(settings, cat)
    pd.testing.assert_frame_equal(stored, fresh)
