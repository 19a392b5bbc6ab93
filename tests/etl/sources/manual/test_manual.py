"""Hand-kept tidy files: the real follow-up files load exactly; broken files load nothing."""

from pathlib import Path

import pandas as pd
import pytest

from etl.warehouse.store import Warehouse
from tests.conftest import make_settings, run_etl
from tests.followup_files import followup_rows

HEADER = "indicator_id,region,period,sex,value,unit,source,note\n"
# TEST DATA: rows copied from ../shared/data/followup/ (real values), rearranged per test.
UNEMPLOYMENT = (
    'unemployment_rate_20_64,SE,2022,T,5.2,procent,"SCB BAS, arbetsmarknadsstatus (AM0210)",\n'
    'unemployment_rate_20_64,SE331,2022,T,3.3,procent,"SCB BAS, arbetsmarknadsstatus (AM0210)",\n'
)


def observations(settings) -> pd.DataFrame:
    with Warehouse(settings.database_url).reading() as conn:
        if conn is None:
            return pd.DataFrame()
        return pd.read_sql_query(
            "SELECT indicator_id, region_code, period, sex, value, status FROM observation "
            "ORDER BY indicator_id, region_code, period, sex",
            conn,
        )


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_offline_the_shared_followup_files_load_exactly(tmp_path, shared_data, backend):
    settings = make_settings(tmp_path, sources_dir=shared_data, offline=True, backend=backend)
    result, output = run_etl(settings, "manual")
    assert result.status == "ok", output
    expected = followup_rows(shared_data)
    loaded = observations(settings)
    assert len(expected) > 0 and len(loaded) == len(expected)
    by_key = loaded.set_index(["indicator_id", "region_code", "period", "sex"])["value"]
    for row in expected.to_dict("records"):
        value = by_key[(row["indicator_id"], row["region"], row["period"], row["sex"])]
        if row["value"] == "":
            assert pd.isna(value)
        else:
            assert value == float(row["value"])


def test_decimal_commas_semicolons_and_scb_missing_marks_are_understood(tmp_path, backend):
    folder = tmp_path / "files"
    path = write(
        folder,
        "arbetsloshet.csv",
        "indicator_id;region;period;sex;value;unit;source;note\n"
        "unemployment_rate_20_64;24;2022;T;3,3;procent;SCB BAS;\n"
        "unemployment_rate_20_64;0025;2022;;..;procent;SCB BAS;uppgift saknas\n",
    )
    settings = make_settings(tmp_path, backend=backend)
    result, output = run_etl(settings, "manual", files=(str(path),))
    assert result.status == "ok", output
    loaded = observations(settings).set_index("region_code")
    assert loaded.loc["SE331", "value"] == 3.3  # länskod 24 -> Västerbottens län
    assert pd.isna(loaded.loc["SE332", "value"])  # Kolada id 0025 -> Norrbottens län
    assert loaded.loc["SE332", "status"] == ".."
    assert loaded.loc["SE332", "sex"] == "T"


def test_an_xlsx_file_in_the_tidy_format_loads(tmp_path, backend):
    path = tmp_path / "unemployment.xlsx"
    pd.DataFrame(
        [["unemployment_rate_20_64", "SE", 2022, "T", 5.2, "procent", "SCB BAS", ""]],
        columns=HEADER.strip().split(","),
    ).to_excel(path, index=False)
    settings = make_settings(tmp_path, backend=backend)
    result, output = run_etl(settings, "manual", files=(str(path),))
    assert result.status == "ok", output
    assert observations(settings)["value"].tolist() == [5.2]


@pytest.mark.parametrize(
    ("name", "body", "encoding", "expected"),
    [
        (
            "okand_indikator.csv",
            HEADER + "lycka_index,SE331,2022,T,3.3,procent,x,\n",
            "utf-8",
            "okand_indikator.csv, kolumn indicator_id, rad 2: okänd indikator",
        ),
        (
            "okand_region.csv",
            HEADER + UNEMPLOYMENT + "unemployment_rate_20_64,Lappland,2022,T,3.3,procent,x,\n",
            "utf-8",
            "okand_region.csv, kolumn region, rad 4: okänd region",
        ),
        (
            "inte_tal.csv",
            HEADER + "unemployment_rate_20_64,SE331,2022,T,tre,procent,x,\n",
            "utf-8",
            "inte_tal.csv, kolumn value, rad 2: värdet är inget tal",
        ),
        (
            "dubblett.csv",
            HEADER + UNEMPLOYMENT + UNEMPLOYMENT.splitlines(keepends=True)[1],
            "utf-8",
            "dubblett.csv, rader 3, 4: samma indikator, region, period och kön förekommer flera gånger",
        ),
        (
            "kolumn_saknas.csv",
            "indicator_id,region,period,value,unit,source,note\n"
            "unemployment_rate_20_64,SE331,2022,3.3,procent,x,\n",
            "utf-8",
            "kolumn_saknas.csv, rad 1: kolumner saknas: sex",
        ),
        (
            "latin1.csv",
            HEADER + 'unemployment_rate_20_64,SE331,2022,T,3.3,procent,"SCB, Västerbotten",\n',
            "latin-1",
            "latin1.csv, rad 2: filen är inte UTF-8 (tecknet 'ä'",
        ),
    ],
)
def test_a_broken_file_is_rejected_and_earlier_data_stay(
    tmp_path, name, body, encoding, expected, backend
):
    settings = make_settings(tmp_path, backend=backend)
    good = write(tmp_path / "files", "ok.csv", HEADER + UNEMPLOYMENT)
    run_etl(settings, "manual", files=(str(good),))
    before = observations(settings)
    broken = write(tmp_path / "files", name, body, encoding)
    result, output = run_etl(settings, "manual", files=(str(good), str(broken)))
    assert result.status == "failed"
    assert expected in output
    pd.testing.assert_frame_equal(observations(settings), before)


def test_a_unit_that_differs_from_the_catalogue_is_rejected(tmp_path, backend):
    path = write(
        tmp_path,
        "brp.csv",
        HEADER + "grp_per_inhabitant,SE331,2021,T,543,kronor per invånare,Regionfakta,\n",
    )
    result, output = run_etl(make_settings(tmp_path, backend=backend), "manual", files=(str(path),))
    assert result.status == "failed"
    assert (
        "enheten stämmer inte med katalogen (grp_per_inhabitant: tusen kronor per invånare"
        in output
    )


def test_the_same_key_in_two_files_is_rejected_naming_both(tmp_path, backend):
    first = write(tmp_path, "a.csv", HEADER + UNEMPLOYMENT)
    second = write(tmp_path, "b.csv", HEADER + UNEMPLOYMENT.splitlines(keepends=True)[0])
    result, output = run_etl(
        make_settings(tmp_path, backend=backend), "manual", files=(str(first), str(second))
    )
    assert result.status == "failed"
    assert "(a.csv)" in output and "(b.csv)" in output


def test_reloading_a_shorter_file_needs_allow_shrink_and_then_replaces_its_rows(tmp_path, backend):
    settings = make_settings(tmp_path, backend=backend)
    path = write(tmp_path, "u.csv", HEADER + UNEMPLOYMENT)
    run_etl(settings, "manual", files=(str(path),))
    write(tmp_path, "u.csv", HEADER + UNEMPLOYMENT.splitlines(keepends=True)[0])
    result, _ = run_etl(settings, "manual", files=(str(path),))
    assert result.status == "failed" and "--allow-shrink" in result.message  # the guard
    result, _ = run_etl(settings, "manual", files=(str(path),), allow_shrink=True)
    assert result.status == "ok"
    assert observations(settings)["region_code"].tolist() == ["SE"]


def test_a_period_in_swedish_quarter_notation_is_read_as_a_quarter(tmp_path):
    from etl.observations.frame import normalise_period
    from etl.sources.manual.transform import parse_value

    assert normalise_period("2023K2") == "2023Q2"
    assert parse_value("1 234,5") == (1234.5, None, True)
    assert parse_value("1,234.5") == (None, None, False)
    assert parse_value("−2,5") == (-2.5, None, True)
