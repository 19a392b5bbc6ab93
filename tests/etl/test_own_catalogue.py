"""A region's own catalogue folder (RUSMON_CATALOGUE_DIR), without touching the code: a project
indicator fed by a hand-kept file and a strategy using it are loaded by `rusmon etl manual`
and the goal is judged.

TEST DATA: the indicator, the strategy and the tidy file are written here: they are the
worked example of README.md ("Your own indicators and strategies"), a made-up project
series, not real statistics.
"""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from cli.main import main
from etl.warehouse.store import Warehouse
from indicators.catalogue import catalogue, current_catalogue, load_catalogue
from tests.conftest import make_settings

INDICATOR = """\
id: cykelpendling
name_sv: Andel som cyklar till arbetet
name_en: Share cycling to work
description_sv: Andel av de förvärvsarbetande som oftast cyklar till arbetet, procent.
description_en: Share of the employed who usually cycle to work, percent.
unit: procent
unit_en: percent
decimals: 1
bounds: {min: 0, max: 100}
direction: higher
frequency: annual
sex_split: false
source:
  type: manual
  label: Regionens resvaneundersökning
"""

STRATEGY = """\
id: cykelstrategi
name_sv: Cykelstrategi för Västmanland
name_en: Cycling strategy for Västmanland
owner_sv: Region Västmanland
version: "2025"
horizon: 2030
regions: [SE125]
goals:
- id: "1"
  name_sv: Fler cyklar till arbetet
  name_en: More people cycle to work
  indicators:
  - indicator: cykelpendling
    target: {type: direction, text_sv: Andelen som cyklar till arbetet ska öka}
- id: "2"
  name_sv: Var femte cyklar år 2030
  name_en: One in five cycles by 2030
  indicators:
  - indicator: cykelpendling
    target: {type: threshold, value: 20, year: 2030, text_sv: Minst 20 procent år 2030}
"""

TIDY = """\
indicator_id,region,period,sex,value,unit,source,note
cykelpendling,SE125,2018,T,10.0,procent,Resvaneundersökningen,
cykelpendling,SE125,2020,T,10.8,procent,Resvaneundersökningen,
cykelpendling,SE125,2022,T,11.5,procent,Resvaneundersökningen,
cykelpendling,SE125,2024,T,13.0,procent,Resvaneundersökningen,
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def own_catalogue(tmp_path) -> Path:
    return write(
        tmp_path / "egen_katalog",
        {"indicators/cykelpendling.yaml": INDICATOR, "strategies/cykelstrategi.yaml": STRATEGY},
    )


def test_an_own_folder_is_merged_over_the_built_in_catalogue(own_catalogue):
    merged = load_catalogue(own=[own_catalogue])
    assert merged.indicators["cykelpendling"].unit == "procent"
    assert "population" in merged.indicators  # the built-in ones stay
    assert set(merged.strategies) >= {"cykelstrategi", "vastmanland_rus_2030"}
    assert merged.folders[-1] == own_catalogue


def test_catalogue_follows_rusmon_catalogue_dir_and_current_catalogue_sees_new_files(
    own_catalogue, monkeypatch
):
    monkeypatch.setenv("RUSMON_CATALOGUE_DIR", str(own_catalogue))
    assert "cykelpendling" in catalogue().indicators
    assert current_catalogue() is catalogue()  # nothing changed: the same, cached
    write(own_catalogue, {"indicators/cykel_2.yaml": INDICATOR.replace("cykelpendling", "cykel_2")})
    fresh = current_catalogue()
    assert "cykel_2" in fresh.indicators
    assert catalogue() is fresh
    monkeypatch.delenv("RUSMON_CATALOGUE_DIR")
    assert "cykelpendling" not in catalogue().indicators


def test_rusmon_etl_manual_loads_an_own_indicator_and_judges_the_goal(
    own_catalogue, tmp_path, monkeypatch, backend
):
    sources = write(tmp_path / "sources", {"followup/cykelpendling.csv": TIDY})
    url = make_settings(tmp_path, backend=backend).database_url
    monkeypatch.setenv("RUSMON_DATABASE_URL", url)
    monkeypatch.setenv("RUSMON_SOURCES_DIR", str(sources))
    monkeypatch.setenv("RUSMON_RAW_DIR", str(tmp_path / "raw"))
    monkeypatch.setenv("RUSMON_OFFLINE", "1")
    monkeypatch.setenv("RUSMON_CATALOGUE_DIR", str(own_catalogue))
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["etl", "manual"])
    assert code == 0, out.getvalue()
    assert "cykelpendling (4)" in out.getvalue()

    with Warehouse(url).reading() as conn:
        observations = pd.read_sql_query(
            "SELECT period, value FROM observation WHERE indicator_id = 'cykelpendling' "
            "AND region_code = 'SE125' ORDER BY period",
            conn,
        )
        indicator = pd.read_sql_query(
            "SELECT name_sv, unit FROM indicator WHERE indicator_id = 'cykelpendling'", conn
        )
        status = pd.read_sql_query(
            "SELECT * FROM goal_status WHERE strategy_id = 'cykelstrategi' "
            "AND mandate_period = '2023-2026' ORDER BY goal_id",
            conn,
        ).set_index("goal_id")
    assert observations["value"].tolist() == [10.0, 10.8, 11.5, 13.0]
    assert indicator.iloc[0].to_dict() == {
        "name_sv": "Andel som cyklar till arbetet",
        "unit": "procent",
    }
    direction, level = status.loc["1"], status.loc["2"]
    assert (direction["indicator_id"], direction["region_code"]) == ("cykelpendling", "SE125")
    assert (direction["baseline_period"], direction["latest_period"]) == ("2022", "2024")
    assert direction["status"] == "i fas"  # 11.5 → 13.0: higher is better
    # 0.75 a year against the 1.06 a year 20 % by 2030 needs: 71 % of the pace
    assert (level["target_value"], level["status"]) == (20.0, "behöver öka takten")

    with redirect_stdout(out := io.StringIO()):
        assert main(["goals", "--strategy", "cykelstrategi", "--format", "csv"]) == 0
    assert "cykelpendling" in out.getvalue()
