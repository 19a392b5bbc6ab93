"""Goal follow-up on the real data in ../shared/data: the goal_status view and `rusmon goals`."""

import csv
import io
import json
from contextlib import redirect_stdout

import pandas as pd

from etl.cli import main
from etl.warehouse.store import Warehouse

VASTMANLAND = "vastmanland_rus_2030"


def read(settings, sql: str) -> pd.DataFrame:
    with Warehouse(settings.database_url).reading() as conn:
        return pd.read_sql_query(sql, conn)


def rusmon(settings, monkeypatch, *args) -> tuple[int, str]:
    monkeypatch.setenv("RUSMON_DATABASE_URL", settings.database_url)
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["goals", *args])
    return code, out.getvalue()


def test_every_vastmanland_delmal_indicator_has_a_status_for_2019_2022(followup_warehouse, cat):
    rows = read(
        followup_warehouse,
        f"SELECT * FROM goal_status WHERE strategy_id = '{VASTMANLAND}' "
        "AND mandate_period = '2019-2022'",
    )
    expected = [gi.key for g in cat.strategies[VASTMANLAND].goals for gi in g.indicators]
    assert sorted(rows["indicator_key"]) == sorted(expected)
    assert rows["status"].notna().all()
    unknown = rows[rows["status"] == "kan ej bedömas"]
    assert unknown["reason"].notna().all() and (unknown["reason"] != "").all()


def test_vastmanland_figures_come_straight_from_the_files(followup_warehouse, shared_data):
    rows = read(
        followup_warehouse,
        "SELECT * FROM goal_status WHERE strategy_id = 'vastmanland_rus_2030' "
        "AND mandate_period = '2019-2022'",
    ).set_index("indicator_key")
    unemployment = pd.read_csv(shared_data / "followup" / "unemployment_rate_20_64.csv")
    se125 = unemployment[unemployment["region"] == "SE125"].set_index("period")["value"]
    row = rows.loc["unemployment_rate_20_64"]
    assert (row["baseline_period"], row["latest_period"]) == ("2020", "2022")
    assert row["baseline_value"] == se125[2020] and row["latest_value"] == se125[2022]
    assert row["status"] == "i fas"  # lower is better, and it fell
    grp = rows.loc["grp_per_inhabitant"]
    assert grp["status"] == "kan ej bedömas" and "bara ett värde (2021)" in grp["reason"]
    waiting = rows.loc["reglab_innovation_index"]
    assert "väntar på fil" in waiting["reason"]


def test_ris_goals_are_measured_for_the_nuts2_region(followup_warehouse):
    rows = read(
        followup_warehouse,
        "SELECT * FROM goal_status WHERE strategy_id = 'vasterbotten_innovation_strategy' "
        "AND indicator_id = 'ris:RII' AND mandate_period = '2019-2022'",
    )
    [row] = rows.to_dict("records")
    assert (row["region_code"], row["measured_region"]) == ("SE331", "SE33")
    assert (row["baseline_period"], row["latest_period"]) == ("2018", "2022")
    assert row["target_value"] == 1.0


def test_every_goal_has_a_summary_that_says_how(followup_warehouse, cat):
    summaries = read(followup_warehouse, "SELECT * FROM goal_summary")
    expected = sum(
        len(s.goals) * len(s.regions) * len(cat.mandate_periods) for s in cat.strategies.values()
    )
    assert len(summaries) == expected
    assert summaries["method"].str.len().gt(0).all()


def test_rusmon_goals_csv_gives_a_status_for_every_delmal_indicator(
    followup_warehouse, monkeypatch, cat
):
    code, output = rusmon(
        followup_warehouse, monkeypatch, "--strategy", VASTMANLAND, "--period", "2019-2022",
        "--format", "csv",
    )  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(output)))
    assert len(rows) == sum(len(g.indicators) for g in cat.strategies[VASTMANLAND].goals)
    assert {r["period"] for r in rows} == {"2019-2022"}
    for row in rows:
        assert row["status"]
        if row["status"] == "kan ej bedömas":
            assert row["skäl"]


def test_rusmon_goals_json_and_another_region(followup_warehouse, monkeypatch):
    code, output = rusmon(
        followup_warehouse, monkeypatch, "--strategy", VASTMANLAND, "--period", "2023-2026",
        "--region", "SE124", "--format", "json",
    )  # fmt: skip
    document = json.loads(output)
    assert code == 0 and {r["region"] for r in document["indikatorer"]} == {"SE124"}
    assert len(document["delmål"]) == 5


def test_rusmon_goals_names_what_is_wrong(followup_warehouse, monkeypatch, capsys):
    code, _ = rusmon(followup_warehouse, monkeypatch, "--strategy", "nope")
    assert code == 2 and "okänd strategi 'nope'" in capsys.readouterr().err
    code, _ = rusmon(
        followup_warehouse, monkeypatch, "--strategy", VASTMANLAND, "--period", "2031-2034"
    )
    assert code == 2
