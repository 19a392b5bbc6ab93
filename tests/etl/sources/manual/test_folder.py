"""A folder run of hand-kept files makes the warehouse hold exactly what the folder holds;
a file never silently takes over another file's values."""

import pandas as pd
import sqlalchemy as sa

from etl.warehouse.store import Warehouse
from tests.conftest import make_settings, run_etl

HEADER = "indicator_id,region,period,sex,value,unit,source,note\n"


def tidy_file(path, *rows: tuple[str, str, float]) -> None:
    """Test data in the tidy format: (region, period, value) of grp_per_inhabitant."""
    path.write_text(
        HEADER
        + "".join(
            f'grp_per_inhabitant,{r},{p},T,{v},"tusen kronor per invånare, löpande priser",testdata,rusmon test\n'
            for r, p, v in rows
        ),
        encoding="utf-8",
    )


def stored(settings) -> pd.DataFrame:
    with Warehouse(settings.database_url).reading() as conn:
        return pd.read_sql_query(
            sa.text(
                "SELECT origin, region_code, period, value FROM observation_fact "
                "WHERE source = 'manual' ORDER BY origin, region_code, period"
            ),
            conn,
        )


def folder_with_two_files(tmp_path):
    folder = tmp_path / "sources" / "followup"
    folder.mkdir(parents=True)
    tidy_file(folder / "a.csv", ("SE125", "2020", 400), ("SE125", "2021", 410))
    tidy_file(folder / "b.csv", ("SE124", "2020", 390))
    return folder


def test_a_removed_file_takes_its_values_with_it_and_the_run_says_so(tmp_path, backend):
    folder = folder_with_two_files(tmp_path)
    settings = make_settings(tmp_path, sources_dir=folder.parent, backend=backend)
    result, output = run_etl(settings, "manual")
    assert result.status == "ok", output
    assert set(stored(settings)["origin"]) == {"a.csv", "b.csv"}
    (folder / "b.csv").unlink()
    result, output = run_etl(settings, "manual")
    assert result.status == "ok", output
    assert "värden från filer som inte finns i mapparna togs bort: b.csv (1)" in result.message
    assert set(stored(settings)["origin"]) == {"a.csv"}
    result, _ = run_etl(settings, "manual")
    assert result.status == "unchanged"


def test_a_file_that_would_take_over_another_files_value_is_refused_naming_both(tmp_path, backend):
    folder = folder_with_two_files(tmp_path)
    settings = make_settings(tmp_path, sources_dir=folder.parent, backend=backend)
    run_etl(settings, "manual")
    before = stored(settings)
    correction = tmp_path / "correction.csv"
    tidy_file(correction, ("SE125", "2021", 999))
    result, _ = run_etl(settings, "manual", files=(str(correction),))
    assert result.status == "failed"
    assert "correction.csv" in result.message and "finns redan från filen a.csv" in result.message
    pd.testing.assert_frame_equal(stored(settings), before)


def test_a_folder_run_after_a_single_file_load_restores_the_folder(tmp_path, backend):
    folder = folder_with_two_files(tmp_path)
    settings = make_settings(tmp_path, sources_dir=folder.parent, backend=backend)
    extra = tmp_path / "extra.csv"
    tidy_file(extra, ("SE123", "2020", 380))
    run_etl(settings, "manual", files=(str(extra),))
    result, output = run_etl(settings, "manual")
    assert result.status == "ok", output
    assert set(stored(settings)["origin"]) == {"a.csv", "b.csv"}
