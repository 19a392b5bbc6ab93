"""No goal is judged on boundaries: loading them leaves the goals and their log as they were."""

from __future__ import annotations

import pandas as pd

from etl.warehouse.store import Warehouse
from tests.conftest import make_settings, run_etl


def test_loading_the_boundaries_does_not_judge_the_goals_again(tmp_path, shared_data):
    settings = make_settings(tmp_path, sources_dir=shared_data)
    result, output = run_etl(settings, "geo")
    assert result.status == "ok", output
    assert "omräknat med geo" not in output
    with Warehouse(settings.database_url).reading() as conn:
        runs = pd.read_sql_query("SELECT source FROM etl_run", conn)
    assert "goals" not in set(runs["source"])
