"""Broken RIS files are rejected with file, column, line and the offending values."""

import pandas as pd
import pytest

from etl.errors import ValidationError
from etl.sources.ris import extract, run
from tests.etl.sources.ris import workbooks


@pytest.fixture(scope="module")
def sample(ris_2023_path):
    """Real RIS 2023 rows for the EU, four leaders and SE33 (keeps each test file small)."""
    frame = workbooks.read_ris_2023(ris_2023_path)
    keep = frame["Region"].isin(["EU", "SE33", "SE11", "DK01", "FI1B", "NL33"])
    return frame[keep].reset_index(drop=True)


def row(sample, region="SE33", indicator="0 Summary", year=2023) -> int:
    """Index of a row of a loaded series; its spreadsheet line is index + 2."""
    hit = sample[
        (sample["Region"] == region)
        & sample["Indicator"].str.startswith(indicator)
        & (sample["Year"] == year)
    ]
    return int(hit.index[0])


def process(frame, tmp_path, cat):
    path = workbooks.write_ris_2023(frame, tmp_path / "RIS_2023.xlsx")
    return run.process(extract.read_workbook(path), path.name, cat)


def rejected(frame, tmp_path, cat) -> str:
    with pytest.raises(ValidationError) as caught:
        process(frame, tmp_path, cat)
    return str(caught.value)


def test_the_untouched_sample_passes(sample, tmp_path, cat):
    assert process(sample, tmp_path, cat).edition == 2023


def test_a_value_that_is_not_a_number_is_named_with_its_line(sample, tmp_path, cat):
    broken = sample.astype({"Value": object})
    i = row(sample)
    broken.loc[i, "Value"] = "n/a"
    message = rejected(broken, tmp_path, cat)
    assert f"RIS_2023.xlsx, kolumn Value, rad {i + 2}: värdet är inget tal ('n/a')" in message


def test_a_duplicated_row_breaks_the_grain(sample, tmp_path, cat):
    i = row(sample, "SE11", "3.3.2", 2020)
    broken = pd.concat([sample, sample.iloc[[i]]], ignore_index=True)
    message = rejected(broken, tmp_path, cat)
    assert "samma år, region och indikator förekommer flera gånger" in message
    assert f"rader {i + 2}, {len(broken) + 1}" in message


def test_an_unknown_indicator_code_is_rejected(sample, tmp_path, cat):
    broken = sample.copy()
    i = row(sample)
    broken.loc[i, "Indicator"] = "9.9.9 Happiness (Regional)"
    message = rejected(broken, tmp_path, cat)
    assert f"kolumn Indicator, rad {i + 2}: okänd indikatorkod" in message
    assert "'9.9.9 Happiness (Regional)'" in message


def test_a_region_code_that_is_not_nuts_is_rejected(sample, tmp_path, cat):
    broken = sample.copy()
    i = row(sample)
    broken.loc[i, "Region"] = "Övre Norrland"
    message = rejected(broken, tmp_path, cat)
    assert f"kolumn Region, rad {i + 2}: regionkoden är ingen NUTS-kod" in message


def test_a_region_in_an_unknown_country_is_rejected(sample, tmp_path, cat):
    broken = sample.copy()
    broken.loc[row(sample), "Region"] = "ZZ12"
    assert "okänt land i regionkoden ('ZZ12')" in rejected(broken, tmp_path, cat)


def test_an_implausible_score_is_rejected(sample, tmp_path, cat):
    broken = sample.copy()
    i = row(sample, "DK01", "2.2.1", 2018)
    broken.loc[i, "Value"] = -12.5
    assert f"rad {i + 2}: värdet ligger utanför 0–1000" in rejected(broken, tmp_path, cat)


def test_a_year_that_is_not_a_year_is_rejected(sample, tmp_path, cat):
    broken = sample.astype({"Year": object})
    i = row(sample)
    broken.loc[i, "Year"] = "2023e"
    message = rejected(broken, tmp_path, cat)
    assert f"kolumn Year, rad {i + 2}: år saknas eller är inget årtal" in message


def test_every_problem_is_reported_at_once(sample, tmp_path, cat):
    broken = sample.astype({"Value": object})
    broken.loc[row(sample), "Value"] = "n/a"
    broken.loc[row(sample, year=2019), "Region"] = "Övre Norrland"
    with pytest.raises(ValidationError) as caught:
        process(broken, tmp_path, cat)
    assert len(caught.value.problems) == 2


def test_new_nuts_codes_of_known_countries_load_with_a_warning(sample, tmp_path, cat):
    renamed = sample.copy()
    renamed["Region"] = renamed["Region"].replace({"NL33": "NL36"})  # a NUTS 2021 code
    edition = process(renamed, tmp_path, cat)
    assert "NL36" in set(edition.values["region_code"])
    assert any("NL36" in w for w in edition.warnings)
