"""The leader comparison computed from a real warehouse with RIS 2023 loaded."""

import pytest

from dashboard.callbacks.compare import compare_view, region_options, year_options
from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from tests.dashboard.texts import text_of


@pytest.fixture(scope="module")
def reader(ris_warehouse):
    return WarehouseReader(ris_warehouse.database_url)


def test_se33_has_21_indicator_bars_around_the_leaders(reader, cat):
    view = compare_view(reader, cat, "SE33", 2023, 2023, "sv")
    bars = sum(len(trace.y) for trace in view.bars.data)
    assert bars == 21  # the RII goes on the card
    assert "Övre Norrland jämfört med Europas innovationsledare" in text_of(view.heading)


def test_the_card_shows_rii_group_rank_and_ratio(reader, cat):
    card = text_of(compare_view(reader, cat, "SE33", 2023, 2023, "sv").card)
    assert "124,8" in card
    assert "115 % av EU-nivån samma år" in card.replace("\u00a0", " ")
    assert "Kvot mot innovationsledarnas snitt: 0,85" in card
    assert "Stark innovatör" in card
    assert "Plats 57 av 244 regioner" in card


def test_the_ratio_is_the_value_over_the_mean_of_the_36_leaders(reader):
    scores = ris.scores_in_year(reader, 2023, 2023)
    groups = ris.regions(reader, 2023).set_index("region_code")["performance_group"]
    leaders = groups[groups == "Leader"].index
    assert len(leaders) == 36
    trademarks = scores[scores["indicator_code"] == "3.3.2"].set_index("region_code")["value"]
    expected = trademarks["SE33"] / trademarks[leaders].mean()
    comparison = ris.leader_comparison(reader, 2023, 2023, "SE33").set_index("indicator_code")
    assert comparison.loc["3.3.2", "ratio"] == pytest.approx(expected)
    assert comparison.loc["3.3.2", "ratio"] == pytest.approx(0.3627, abs=1e-4)


def test_caveats_say_that_a_nuts2_region_is_not_a_lan(reader, cat):
    caveats = text_of(compare_view(reader, cat, "SE33", 2023, 2023, "sv").caveats)
    assert "Övre Norrland omfattar Västerbottens län och Norrbottens län" in caveats
    assert "† Eftergymnasial utbildning" in caveats or "Eftergymnasial utbildning" in caveats
    assert "▲" in caveats  # lifelong learning is at the cap for SE33 in 2023
    assert "Jämför aldrig värden mellan upplagor" in caveats


def test_a_region_outside_sweden_gets_no_lan_caveat(reader, cat):
    caveats = text_of(compare_view(reader, cat, "DE21", 2023, 2023, "sv").caveats)
    assert "län" not in caveats


def test_capped_values_are_marked_in_the_bar_labels(reader, cat):
    view = compare_view(reader, cat, "SE33", 2023, 2023, "sv")
    labels = [label for trace in view.bars.data for label in trace.y]
    assert "Livslångt lärande † ▲" in labels


def test_the_source_line_names_edition_base_year_and_file(reader, cat):
    source = compare_view(reader, cat, "SE33", 2023, 2023, "sv").source
    assert "Regional Innovation Scoreboard 2023" in source
    assert "EU 2016 = 100" in source and "RIS_2023.xlsx" in source


def test_a_year_without_data_explains_itself(reader, cat):
    view = compare_view(reader, cat, "SE33", 2023, 2031, "sv")
    assert (
        view.bars.layout.annotations[0].text == "Övre Norrland har inga värden i RIS 2023 för 2031."
    )


def test_swedish_regions_come_first_in_the_region_list(reader):
    options = region_options(reader, 2023, "sv")
    assert [o["value"] for o in options[:8]] == [
        "SE11",
        "SE12",
        "SE21",
        "SE22",
        "SE23",
        "SE31",
        "SE32",
        "SE33",
    ]
    assert options[7]["label"] == "Övre Norrland (SE33)"
    assert len(options) == 246


def test_years_run_from_the_latest(reader):
    assert year_options(reader, 2023) == list(range(2023, 2015, -1))
