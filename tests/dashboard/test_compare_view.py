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


def test_the_leader_benchmark_gives_the_same_ratios_as_the_view(reader):
    members = ris.benchmark_members(reader, 2023, "leaders")
    assert len(members) == 36
    bench = ris.benchmark_comparison(reader, 2023, 2023, ("SE33",), members)
    view = ris.leader_comparison(reader, 2023, 2023, "SE33").set_index("indicator_code")
    for row in bench.itertuples():
        assert row.ratio == pytest.approx(view.loc[row.indicator_code, "ratio"])


def test_benchmark_groups_are_the_regions_they_say(reader):
    sweden = ris.benchmark_members(reader, 2023, "sweden")
    assert sorted(sweden) == ["SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"]
    nordic = ris.benchmark_members(reader, 2023, "nordic")
    assert set(sweden) < set(nordic) and {c[:2] for c in nordic} <= {"SE", "DK", "FI", "NO", "IS"}
    assert ris.benchmark_members(reader, 2023, "eu") == ("EU",)
    assert ris.benchmark_members(reader, 2023, "custom", ("SE11", "DK01")) == ("SE11", "DK01")


def test_gap_shares_add_up_and_rank_counts_every_grouped_region(reader):
    members = ris.benchmark_members(reader, 2023, "leaders")
    bench = ris.benchmark_comparison(reader, 2023, 2023, ("SE33", "SE21"), members)
    totals = bench.groupby("region_code")["gap_share"].sum()
    assert totals.to_dict() == pytest.approx({"SE21": 100.0, "SE33": 100.0})
    trademarks = bench[(bench["region_code"] == "SE33") & (bench["indicator_code"] == "3.3.2")]
    # (154.78 − 56.14) over the sum of SE33's 21 shortfalls against the leaders
    assert trademarks["gap_share"].iloc[0] == pytest.approx(19.65, abs=0.01)
    assert (bench["ranked"] == 244).all()


def test_several_regions_are_drawn_side_by_side_against_the_nordic_mean(reader, cat):
    view = compare_view(reader, cat, "SE33", 2023, 2023, "sv", "nordic", ("SE12", "SE21"))
    assert [trace.name for trace in view.bars.data] == [
        "Övre Norrland",
        "Östra Mellansverige",
        "Småland med öarna",
    ]
    assert all(len(trace.y) == 21 for trace in view.bars.data)
    assert view.bars.layout.title.text == "Kvot mot snittet för nordiska regioner, 2023"
    assert "Varumärken 56,14 154,78 0,36 183 av 244" not in text_of(view.gap)  # not the leaders
    assert "snittet för nordiska regioner" in text_of(view.gap)


def test_the_gap_table_ranks_every_indicator_and_leads_with_the_largest_share(reader, cat):
    gap = text_of(compare_view(reader, cat, "SE33", 2023, 2023, "sv").gap)
    assert "Varumärken 56,14 154,78 0,36 183 av 244 19,7\u00a0%" in gap
    assert gap.index("Varumärken") < gap.index("IKT-specialister")
