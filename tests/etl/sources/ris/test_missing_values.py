"""RIS 0.00 that stands for missing data is stored as no data, never as a score (README
"Missing values in the RIS"); checked on the real RIS 2023 file."""

import pandas as pd
import pytest

from etl.warehouse.store import Warehouse


@pytest.fixture(scope="module")
def scores(ris_warehouse) -> pd.DataFrame:
    with Warehouse(ris_warehouse.database_url).reading() as conn:
        return pd.read_sql_query("SELECT * FROM ris_score WHERE edition = 2023", conn)


@pytest.fixture(scope="module")
def ratios(ris_warehouse) -> pd.DataFrame:
    with Warehouse(ris_warehouse.database_url).reading() as conn:
        return pd.read_sql_query("SELECT * FROM ris_leader_ratio WHERE edition = 2023", conn)


def test_the_leaders_mean_leaves_out_the_swiss_zeros(ratios):
    row = ratios[
        (ratios["year"] == 2023)
        & (ratios["indicator_code"] == "2.2.2")
        & (ratios["region_code"] == "SE33")
    ].iloc[0]
    assert row["leader_mean"] == pytest.approx(90.40, abs=0.005)
    assert row["ratio"] == pytest.approx(0.858, abs=0.0005)


def test_a_series_that_is_zero_in_every_year_is_missing_not_a_score(scores):
    per_series = scores.groupby(["region_code", "indicator_code"])
    missing = per_series["status"].apply(lambda s: (s == "missing").all())
    assert missing[("NO0B", "RII")]
    assert all(missing[(r, "4.3.2")] for r in scores["region_code"].unique() if r.startswith("UK"))
    assert scores.loc[scores["status"] == "missing", "value"].isna().all()
    assert (scores["status"] == "missing").sum() == scores["value"].isna().sum()


def test_norway_b_has_no_rii(scores):
    rii = scores[(scores["region_code"] == "NO0B") & (scores["indicator_code"] == "RII")]
    assert len(rii) == 8 and rii["value"].isna().all()


def test_no_ratio_is_zero_because_of_a_missing_value(ratios):
    zero = ratios[ratios["ratio"] == 0]
    assert not zero.empty  # isolated zeros exist: the panel minimum is a genuine 0
    assert (zero["status"] == "zero").all()
    assert ratios.loc[ratios["status"] == "missing", "ratio"].isna().all()


def test_an_isolated_zero_is_kept_with_its_status(scores):
    zeros = scores[scores["status"] == "zero"]
    assert (zeros["value"] == 0).all()
    other_years = scores.merge(
        zeros[["region_code", "indicator_code"]].drop_duplicates(), how="inner"
    )
    assert (other_years.groupby(["region_code", "indicator_code"])["value"].max() > 0).all()


def test_the_cap_is_a_top_value_shared_by_several_regions(scores):
    capped = scores[scores["status"] == "capped"]
    assert not capped.empty and "RII" not in set(capped["indicator_code"])
    top = scores.groupby(["year", "indicator_code"])["value"].max()
    for (year, code), part in capped.groupby(["year", "indicator_code"]):
        assert len(part) >= 2
        assert (part["value"] == top[(year, code)]).all()
