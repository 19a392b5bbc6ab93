"""Goal follow-up on the real data in ../shared/data: the goal_status view and `rusmon goals`."""

import csv
import io
import json
from contextlib import redirect_stdout

import pandas as pd

from cli.main import main
from etl.warehouse.store import Warehouse
from tests.conftest import make_settings, run_etl
from tests.followup_files import followup_rows

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


def vastmanland_2019_2022(settings) -> pd.DataFrame:
    return read(
        settings,
        f"SELECT * FROM goal_status WHERE strategy_id = '{VASTMANLAND}' "
        "AND mandate_period = '2019-2022'",
    ).set_index("indicator_key")


def test_vastmanland_figures_come_straight_from_the_files(
    followup_warehouse, shared_data, cat, tmp_path, backend
):
    rows = vastmanland_2019_2022(followup_warehouse)
    files = followup_rows(shared_data)
    se125 = files[(files["region"] == "SE125") & (files["value"] != "")]
    file_series = {
        series: mine.set_index("period")["value"].astype(float)
        for series, mine in se125.groupby(["indicator_id", "sex"])
    }
    judged_from_files = rows[[(r.indicator_id, r.sex) in file_series for r in rows.itertuples()]]
    assert not judged_from_files.empty
    for key, row in judged_from_files.iterrows():
        values = file_series[(row["indicator_id"], row["sex"])]
        for end in ("baseline", "latest"):
            if pd.notna(row[f"{end}_period"]):
                assert row[f"{end}_value"] == values[row[f"{end}_period"]], (key, end)
        if len(values) == 1:  # one value: no development to judge
            assert row["status"] == "kan ej bedömas", key
            assert f"bara ett värde ({values.index[0]})" in row["reason"], key

    unemployment = se125[se125["indicator_id"] == "unemployment_rate_20_64"]
    series = unemployment.set_index("period")["value"].astype(float).sort_index()
    years = series[(series.index >= "2019") & (series.index <= "2022")]  # the mandate period
    row = rows.loc["unemployment_rate_20_64"]
    assert (row["baseline_period"], row["latest_period"]) == (years.index[0], years.index[-1])
    assert years.iloc[-1] < years.iloc[0] and row["status"] == "i fas"  # lower is better

    from_files_only = {
        gi.indicator_id
        for goal in cat.strategies[VASTMANLAND].goals
        for gi in goal.indicators
        if gi.indicator_id in cat.indicators
        and cat.indicators[gi.indicator_id].source.type == "manual"
    }
    waiting = from_files_only - set(se125["indicator_id"])
    if not waiting:  # every such file exists: a warehouse without the file load shows the wait
        settings = make_settings(tmp_path, sources_dir=shared_data, backend=backend)
        for source in ("tva", "goals"):
            assert run_etl(settings, source)[0].status == "ok"
        rows, waiting = vastmanland_2019_2022(settings), from_files_only
    for key, row in rows[rows["indicator_id"].isin(waiting)].iterrows():
        assert "väntar på fil" in row["reason"], key


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


def test_rusmon_goals_json_reads_what_was_judged(followup_warehouse, monkeypatch):
    code, output = rusmon(
        followup_warehouse, monkeypatch, "--strategy", VASTMANLAND, "--period", "2023-2026",
        "--region", "SE125", "--format", "json",
    )  # fmt: skip
    document = json.loads(output)
    assert code == 0 and {r["region"] for r in document["indikatorer"]} == {"SE125"}
    assert len(document["delmål"]) == 5


def test_rusmon_goals_for_a_region_the_strategy_does_not_follow_says_so(
    followup_warehouse, monkeypatch, capsys
):
    code, _ = rusmon(
        followup_warehouse, monkeypatch, "--strategy", VASTMANLAND, "--region", "SE124"
    )
    assert code == 2 and "följs upp för SE125, inte SE124" in capsys.readouterr().err


def test_the_goals_table_names_the_measured_nuts2_region_of_every_ris_row(
    followup_warehouse, monkeypatch
):
    code, output = rusmon(
        followup_warehouse, monkeypatch, "--strategy", "vasterbotten_innovation_strategy",
        "--period", "2019-2022",
    )  # fmt: skip
    ris_rows = [line for line in output.splitlines() if line.strip().startswith("RIS: ")]
    assert code == 0 and ris_rows
    assert all(line.endswith(", mätt för Övre Norrland (SE33)") for line in ris_rows)


def test_rusmon_goals_names_what_is_wrong(followup_warehouse, monkeypatch, capsys):
    code, _ = rusmon(followup_warehouse, monkeypatch, "--strategy", "nope")
    assert code == 2 and "okänd strategi 'nope'" in capsys.readouterr().err
    code, _ = rusmon(
        followup_warehouse, monkeypatch, "--strategy", VASTMANLAND, "--period", "2031-2034"
    )
    assert code == 2


def test_judging_goals_before_any_load_is_skipped_with_the_reason(tmp_path, backend):
    result, output = run_etl(make_settings(tmp_path, backend=backend), "goals")
    assert result.status == "skipped"
    assert "inget lager ännu: ladda data först" in output


def test_rusmon_goals_without_a_warehouse_says_to_run_the_etl_first(
    tmp_path, monkeypatch, capsys, backend
):
    empty = make_settings(tmp_path, backend=backend)
    code, _ = rusmon(empty, monkeypatch, "--strategy", VASTMANLAND)
    assert code == 2 and "inget lager ännu: kör rusmon etl först" in capsys.readouterr().err


def test_the_goals_table_names_indicators_and_regions_and_csv_keeps_the_ids(
    followup_warehouse, monkeypatch, cat
):
    args = ("--strategy", VASTMANLAND, "--period", "2019-2022")
    code, table = rusmon(followup_warehouse, monkeypatch, *args)
    assert code == 0
    assert "Västmanlands län (SE125), mandatperiod 2019-2022" in table
    lines = {line.strip() for line in table.splitlines()}
    for goal in cat.strategies[VASTMANLAND].goals:
        for gi in goal.indicators:
            assert gi.key not in lines and gi.indicator_id not in table
            assert any(
                line.startswith(cat.indicators[gi.indicator_id].name("sv")) for line in lines
            )
    # TEST DATA: export value per inhabitant (whole kronor) in SE125 from the real file.
    assert "2018: 254\u00a0207 → 2019: 236\u00a0248 kronor per invånare 20–64 år" in table
    code, output = rusmon(followup_warehouse, monkeypatch, *args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert {r["indikator"] for r in rows} >= {"export_value_per_inhabitant_20_64"}
    named = {r["indikator"]: r["indikatornamn"] for r in rows}
    assert named["export_value_per_inhabitant_20_64"] == "Regional export per invånare 20–64 år"
