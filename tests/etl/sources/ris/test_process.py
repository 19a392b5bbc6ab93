"""Parsing the RIS database: the real RIS 2023 file and the two other documented layouts."""

import pandas as pd
import pytest

from etl.errors import SourceError
from etl.sources.ris import extract, run, transform
from tests.etl.sources.ris import workbooks


@pytest.fixture(scope="module")
def ris_2023(ris_2023_path, cat):
    return run.process(extract.read_workbook(ris_2023_path), ris_2023_path.name, cat)


def test_the_real_ris_2023_file_gives_22_series_for_246_regions_over_8_years(ris_2023):
    assert ris_2023.edition == 2023
    assert ris_2023.layout == "RIS 2023"
    assert ris_2023.base_year == 2016
    assert len(ris_2023.values) == 246 * 22 * 8 == 43_296
    published = ris_2023.values["status"] != "missing"
    assert ris_2023.values.loc[published, "value"].notna().all()
    assert sorted(ris_2023.values["year"].unique()) == list(range(2016, 2024))


def test_ris_2023_has_36_innovation_leaders_and_publishes_its_groups(ris_2023):
    groups = ris_2023.regions.set_index("region_code")["performance_group"]
    assert ris_2023.groups_published
    assert (groups == "Leader").sum() == 36
    assert groups["SE33"] == "Strong"
    assert groups["SE11"] == "Leader"
    assert pd.isna(groups["EU"]) and pd.isna(groups["NO0B"])


def test_values_are_loaded_exactly_as_published(ris_2023):
    v = ris_2023.values.set_index(["year", "region_code", "indicator_code"])["value"]
    assert v[(2023, "SE33", "RII")] == 124.81
    assert v[(2023, "EU", "RII")] == 108.47
    assert v[(2016, "EU", "RII")] == 100.0
    assert v[(2023, "SE33", "1.1.3")] == 269.39  # lifelong learning at the cap


def test_indicator_names_are_the_published_ones_without_the_regional_tag(ris_2023):
    names = ris_2023.indicators.set_index("indicator_code")["indicator_name"]
    assert names["3.3.2"] == "Trademark applications"
    assert names["RII"] == "Summary Innovation Index"


@pytest.mark.parametrize(
    ("text", "code", "label"),
    [
        ("3.3.2 Trademark applications (Regional)", "3.3.2", "Trademark applications"),
        ("0 Summary Innovation Index", "0", "Summary Innovation Index"),
        ("5.1,7 Turnover share SMEs (SD)", "5.1.7", "Turnover share SMEs"),
        ("2.3.2 Employed ICT specialists", "2.3.2", "Employed ICT specialists"),
        ("RII", "RII", ""),
        ("1.1", "1.1", ""),
    ],
)
def test_indicator_text_splits_into_code_and_label(text, code, label):
    assert transform.split_indicator(text) == (code, label)


def test_group_thresholds_reproduce_every_published_ris_2023_group(ris_2023):
    derived = transform.derive_groups(ris_2023.values)
    published = ris_2023.regions.dropna().set_index("region_code")["performance_group"]
    assert len(published) == 244
    assert {code: derived.get(code) for code in published.index} == published.to_dict()


def test_the_ris_2025_layout_is_recognised_with_its_base_year(tmp_path, shared_data, cat):
    path = workbooks.write_ris_2025_layout(
        shared_data / "eis" / "EIS_web_download.xlsx", tmp_path / "RIS_web_download.xlsx"
    )
    edition = run.process(extract.read_workbook(path), path.name, cat)
    assert (edition.edition, edition.base_year, edition.layout) == (2025, 2018, "RIS 2025")
    assert not edition.groups_published  # derived from the RII relative to the EU
    groups = edition.regions.set_index("region_code")["performance_group"]
    assert groups["SE"] == "Leader"  # SE 155.5 vs EU 112.6 in 2025: 138 % of the EU
    rii = edition.values.set_index(["year", "region_code", "indicator_code"])["value"]
    assert rii[(2025, "SE", "RII")] == pytest.approx(155.45641)


def test_the_ris_2021_eis_data_layout_is_found_on_its_own_sheet(tmp_path, ris_2023_path, cat):
    frame = workbooks.read_ris_2023(ris_2023_path)
    path = workbooks.write_ris_2021_layout(frame, tmp_path / "EIS_Data.xlsx")
    edition = run.process(extract.read_workbook(path), path.name, cat)
    assert (edition.edition, edition.layout) == (2021, "RIS 2021 (EIS_Data)")
    groups = edition.regions.set_index("region_code")["performance_group"]
    assert groups["SE33"] == "Strong"  # "Strong +" is the Strong group
    assert edition.base_year == 2016


def test_an_unknown_layout_is_a_clear_error_naming_the_file_and_what_was_found(tmp_path, cat):
    path = tmp_path / "scoreboard.xlsx"
    pd.DataFrame({"NUTS": ["SE33"], "Score": [1.0]}).to_excel(path, index=False)
    with pytest.raises(SourceError) as caught:
        run.process(extract.read_workbook(path), path.name, cat)
    message = str(caught.value)
    assert "scoreboard.xlsx" in message and "okänt format" in message
    assert "NUTS, Score" in message and "RIS 2025" in message


def test_a_file_that_is_not_a_workbook_is_a_clear_error(tmp_path):
    path = tmp_path / "RIS_2023.xlsx"
    path.write_text("<html>Service unavailable</html>", encoding="utf-8")
    with pytest.raises(SourceError, match=r"RIS_2023\.xlsx: kan inte läsas som Excel"):
        extract.read_workbook(path)
