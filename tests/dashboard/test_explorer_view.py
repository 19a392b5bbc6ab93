"""The indicator explorer computed from the real follow-up warehouse."""

import io

import pandas as pd
import pytest

from dashboard.callbacks.explorer import csv_text, download_frame, explorer_frame, explorer_view
from dashboard.data_access.reader import WarehouseReader
from tests.dashboard.texts import text_of


@pytest.fixture(scope="module")
def reader(followup_warehouse):
    return WarehouseReader(followup_warehouse.database_url)


@pytest.fixture(scope="module")
def matching(shared_data):
    return pd.read_csv(shared_data / "followup" / "matching_rate_20_64.csv")


def test_the_values_shown_are_the_files_values(reader, cat, matching):
    frame = explorer_frame(reader, cat, "matching_rate_20_64", ["SE213"], "KM", None, "sv")
    expected = matching[(matching["region"] == "SE213") & matching["sex"].isin(["K", "M"])]
    assert len(frame) == len(expected)
    assert sorted(frame["value"]) == pytest.approx(sorted(expected["value"]))


def test_an_index_is_100_in_the_base_year(reader, cat, matching):
    frame = explorer_frame(reader, cat, "matching_rate_20_64", ["SE213"], "T", "2015", "sv")
    assert frame[frame["period"] == "2015"]["value"].tolist() == pytest.approx([100.0])
    kalmar = matching[(matching["region"] == "SE213") & (matching["sex"] == "T")].set_index(
        "period"
    )
    last = frame[frame["period"] == "2020"]["value"].iloc[0]
    assert last == pytest.approx(kalmar.loc[2020, "value"] / kalmar.loc[2015, "value"] * 100)


def test_small_multiples_draw_one_panel_per_region(reader, cat):
    view = explorer_view(
        reader,
        cat,
        "matching_rate_20_64",
        ["SE213", "SE125", "SE331"],
        "series",
        None,
        "T",
        None,
        True,
        "sv",
    )
    assert [a.text for a in view.figure.layout.annotations] == [
        "Kalmar län",
        "Västmanlands län",
        "Västerbottens län",
    ]


def test_the_metadata_panel_names_source_unit_and_load(reader, cat):
    meta = text_of(
        explorer_view(
            reader, cat, "matching_rate_20_64", ["SE213"], "series", None, "T", None, False, "sv"
        ).metadata
    )
    assert "SCB regionala matchningsindikatorer (AM9906)" in meta
    assert "Enhet procent" in meta and "Perioder i lagret 2015–2020" in meta


def test_the_swedish_csv_uses_semicolons_and_decimal_commas(reader, cat):
    frame = download_frame(reader, cat, "matching_rate_20_64", ["SE213"], "T", None, "sv")
    text = csv_text(frame, "sv")
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    assert back["värde"].tolist() == pytest.approx(frame["värde"].tolist())
    assert text.splitlines()[0].startswith("indikator_id;indikator;regionkod")


def test_an_indicator_without_data_says_how_to_load_it(reader, cat):
    view = explorer_view(
        reader, cat, "reglab_innovation_index", ["SE125"], "series", None, "T", None, False, "sv"
    )
    assert "rusmon etl" in view.figure.layout.annotations[0].text
