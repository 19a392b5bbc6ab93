"""Every goal chart draws exactly the points its verdict was computed from (goal_series)."""

import math

import pandas as pd
import pytest

from dashboard.data_access.reader import WarehouseReader
from dashboard.views.goals import indicator_view, pick_key
from etl.warehouse.store import Warehouse
from tests.conftest import make_settings, run_etl

TIDY = "indicator_id,region,period,sex,value,unit,source,note\n"


def judged_points(figure) -> list[float]:
    """The y values of the judged line, without the gaps drawn at series breaks."""
    line = next(trace for trace in figure.data if trace.meta == "judged")
    return [y for y in line.y if not math.isnan(y)]


def test_a_gap_goal_draws_the_absolute_gap_it_judged(tmp_path, cat, backend):
    # Test data in the tidy format: women 76 → 78 and men 80 → 79 in Västmanland.
    rows = [("2022", "K", 76), ("2022", "M", 80), ("2024", "K", 78), ("2024", "M", 79)]
    path = tmp_path / "gap_test.csv"
    path.write_text(
        TIDY
        + "".join(
            f"employed_share_20_64,SE125,{p},{s},{v},procent,testdata,rusmon test\n"
            for p, s, v in rows
        ),
        encoding="utf-8",
    )
    settings = make_settings(tmp_path, backend=backend)
    result, output = run_etl(settings, "manual", files=(str(path),))  # goals come with it
    assert result.status == "ok", output
    key = "employed_share_20_64[K-M]"
    view = indicator_view(
        WarehouseReader(settings.database_url),
        cat,
        "vastmanland_rus_2030",
        "SE125",
        "2023-2026",
        pick_key("19", key),
        "sv",
    )
    assert judged_points(view.figure) == [4.0, 1.0]  # |76 − 80| and |78 − 79|, not −4 and −1
    markers = [
        t for t in view.figure.data if t.name and t.name.startswith(("Utgångsläge", "Senaste"))
    ]
    assert sorted(y for t in markers for y in t.y) == [1.0, 4.0]
    with Warehouse(settings.database_url).reading() as conn:
        judged = pd.read_sql_query(
            "SELECT period, value, role FROM goal_series WHERE indicator_key = '"
            + key
            + "' AND mandate_period = '2023-2026' AND series = 'judged' ORDER BY period",
            conn,
        )
    assert judged["value"].tolist() == [4.0, 1.0]
    assert judged["role"].tolist() == ["baseline", "latest"]
    assert "● i fas" in view.sentence  # the gap shrank from 4 to 1 percentage points


@pytest.fixture(scope="module")
def followup(followup_warehouse):
    reader = WarehouseReader(followup_warehouse.database_url)
    with Warehouse(followup_warehouse.database_url).reading() as conn:
        statuses = pd.read_sql_query("SELECT * FROM goal_status", conn)
        series = pd.read_sql_query("SELECT * FROM goal_series WHERE series = 'judged'", conn)
    return reader, statuses, series


def test_every_goal_chart_draws_the_goal_series_points(followup, cat):
    reader, statuses, series = followup
    drawn = 0
    for row in statuses.itertuples():
        points = series[
            (series["strategy_id"] == row.strategy_id)
            & (series["goal_id"] == row.goal_id)
            & (series["indicator_key"] == row.indicator_key)
            & (series["region_code"] == row.region_code)
            & (series["mandate_period"] == row.mandate_period)
        ]
        if points.empty:
            continue
        view = indicator_view(
            reader,
            cat,
            row.strategy_id,
            row.region_code,
            row.mandate_period,
            pick_key(row.goal_id, row.indicator_key),
            "sv",
        )
        expected = points.sort_values("period")["value"].tolist()
        assert judged_points(view.figure) == expected, row.indicator_key
        drawn += 1
    assert drawn > 0
