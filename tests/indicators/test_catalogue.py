from pathlib import Path

import pandas as pd
import pytest

from indicators.catalogue import CatalogueError, load_catalogue, load_regions


def test_every_region_code_in_the_ris_2023_file_is_in_the_registry(cat, ris_2023_path):
    codes = set(pd.read_excel(ris_2023_path, engine="calamine", usecols=["Region"])["Region"])
    assert len(codes) == 246
    assert codes - set(cat.regions.regions) == set()


def test_sweden_has_21_lan_with_scb_and_kolada_codes_under_8_nuts2_regions(cat):
    lan = cat.regions.swedish(level=3)
    assert len(lan) == 21
    assert len(cat.regions.swedish(level=2)) == 8
    assert all(r.kolada_code == "00" + r.scb_code for r in lan)
    assert cat.regions["SE331"].scb_code == "24"
    assert cat.regions["SE331"].kolada_code == "0024"
    assert cat.regions["SE331"].name_sv == "Västerbottens län"
    assert cat.regions["SE"].kolada_code == "0000"


def test_nuts2_regions_know_their_lan(cat):
    def members(code):
        return sorted(r.name_sv for r in cat.regions.children(code))

    assert members("SE33") == ["Norrbottens län", "Västerbottens län"]
    assert members("SE21") == ["Gotlands län", "Jönköpings län", "Kalmar län", "Kronobergs län"]
    assert len(members("SE12")) == 5


def test_ris_2023_has_the_rii_and_21_indicators(cat):
    framework = cat.ris_framework(2023)
    codes = [s.code for s in framework.series]
    assert len(codes) == 22 and codes[0] == "RII"
    assert "2.3.2" in codes  # the one regional indicator not tagged "(Regional)"
    assert all(s.name_sv and s.name_en and s.short_sv for s in framework.series)


def test_codes_that_changed_meaning_between_frameworks_are_kept_apart(cat):
    assert cat.ris_series(2023, "4.1.1").name_en.startswith("Employment in knowledge")
    assert cat.ris_series(2025, "4.1.1").name_en.startswith("Sales of new-to-market")


def test_constant_over_time_caveat_marks_exactly_the_three_flat_indicators(cat):
    flagged = {s.code for s in cat.ris_framework(2023).series if "constant_over_time" in s.caveats}
    assert flagged == {"1.1.2", "1.1.3", "4.1.1"}


def test_mandate_periods_follow_the_election_years(cat):
    assert [p.id for p in cat.mandate_periods] == ["2019-2022", "2023-2026", "2027-2030"]
    assert cat.mandate_period_for_year(2024).id == "2023-2026"
    assert str(cat.mandate_period("2027-2030").election_date) == "2026-09-13"


def test_a_region_with_an_unknown_parent_is_reported_with_its_code(tmp_path: Path):
    (tmp_path / "r.yaml").write_text(
        "regions:\n- {code: SE99, name_sv: X, name_en: X, level: 2, parent_code: SE9}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match=r"SE99.*SE9"):
        load_regions(tmp_path)


def test_a_region_without_a_name_is_reported_with_file_and_entry(tmp_path: Path):
    (tmp_path / "r.yaml").write_text("regions:\n- {code: SE, name_en: Sweden}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"r\.yaml:2: region 1: fältet 'name_sv' saknas"):
        load_regions(tmp_path)


def test_the_shipped_catalogue_loads_without_errors():
    assert load_catalogue().regions.get("SE33") is not None
