"""The leader comparison computed from a real warehouse with RIS 2023 loaded."""

import pandas as pd
import pytest

from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.views.compare import compare_view, region_options, year_options
from tests.dashboard.texts import text_of


@pytest.fixture(scope="module")
def reader(ris_warehouse):
    return WarehouseReader(ris_warehouse.database_url)


def test_se33_has_21_indicator_bars_around_the_leaders(reader, cat):
    view = compare_view(reader, cat, "SE33", 2023, 2023, "sv")
    bars = sum(len(trace.y) for trace in view.bars.data)
    assert bars == 21  # the RII goes on the card
    assert "Övre Norrland jämfört med Europas innovationsledare" in view.title


def test_the_card_shows_rii_group_rank_and_ratio(reader, cat):
    card = text_of(compare_view(reader, cat, "SE33", 2023, 2023, "sv").card)
    assert "124,8" in card
    assert "115 % av EU-nivån samma år" in card.replace("\u00a0", " ")
    assert "Kvot mot innovationsledarnas snitt: 0,85" in card
    assert "Stark innovatör" in card
    assert "Placering 57 av 244 regioner" in card


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
    assert "Övre Norrland omfattar Västerbottens och Norrbottens län" in caveats
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
    # (154.78 − 56.14) over the sum of SE33's 21 shortfalls against the leaders (their means
    # without the file's missing 0,00: 2.2.2 is 90.40, not 77.84 with the Swiss zeros)
    assert trademarks["gap_share"].iloc[0] == pytest.approx(18.48, abs=0.01)
    ranked = bench.groupby("indicator_code")["ranked"].first()
    assert ranked["3.3.2"] == 244 and ranked["RII"] == 244
    assert ranked["4.3.2"] == 244 - 16  # no value for the 12 UK regions and 4 more


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
    assert "Varumärken 56,14 154,78 0,36 183 av 244 18,5\u00a0%" in gap
    assert gap.index("Varumärken") < gap.index("IKT-specialister")


# -- the file's 0,00 for missing data (status from the ETL) ------------------------------


def test_a_missing_value_is_left_out_of_the_leaders_mean(reader):
    """The Swiss regions' 0,00 for 2.2.2 is missing data, not a score (77,84 with them)."""
    se33 = ris.leader_comparison(reader, 2023, 2023, "SE33").set_index("indicator_code")
    assert se33.loc["2.2.2", "leader_mean"] == pytest.approx(90.40, abs=0.005)
    assert se33.loc["2.2.2", "ratio"] == pytest.approx(0.858, abs=0.0005)
    members = ris.benchmark_members(reader, 2023, "leaders")
    bench = ris.benchmark_comparison(reader, 2023, 2023, ("SE33",), members)
    assert bench.set_index("indicator_code").loc["2.2.2", "benchmark"] == pytest.approx(
        90.40, abs=0.005
    )


def test_london_has_no_fine_particles_score_rank_or_gap_share(reader, cat):
    """UKI (London) is 0,00 for 4.3.2 in every year: no data, not the lowest score."""
    comparison = ris.leader_comparison(reader, 2023, 2023, "UKI").set_index("indicator_code")
    assert comparison.loc["4.3.2", "status"] == "missing"
    assert pd.isna(comparison.loc["4.3.2", "region_value"])
    members = ris.benchmark_members(reader, 2023, "leaders")
    bench = ris.benchmark_comparison(reader, 2023, 2023, ("UKI",), members)
    particles = bench.set_index("indicator_code").loc["4.3.2"]
    assert pd.isna(particles["rank"]) and pd.isna(particles["gap_share"])
    assert bench["gap_share"].sum() == pytest.approx(100.0)

    view = compare_view(reader, cat, "UKI", 2023, 2023, "sv")
    labels = [label for trace in view.bars.data for label in trace.y]
    assert len(labels) == 20 and "Fina partiklar" not in labels  # no bar for no data
    table = text_of(view.table)
    assert "Fina partiklar uppgift saknas 195,36 uppgift saknas" in table
    assert "Fina partiklar 0,00" not in table
    gap = text_of(view.gap)
    assert "Fina partiklar uppgift saknas 195,36 uppgift saknas – –" in gap
    assert "Fina partiklar 0,00" not in gap and "227 av" not in gap
    assert "Uppgift saknas för Fina partiklar" in text_of(view.caveats)


def test_london_in_english_says_no_data(reader, cat):
    view = compare_view(reader, cat, "UKI", 2023, 2023, "en")
    assert "Fine particulates no data" in text_of(view.gap)
    assert "No data for Fine particulates" in text_of(view.caveats)


def test_an_isolated_zero_is_kept_with_a_caveat_mark_and_a_footnote(reader, cat):
    """BG31's 0,00 for 1.2.2 in 2023 is not 0 in every year: kept, but ambiguous."""
    view = compare_view(reader, cat, "BG31", 2023, 2023, "sv")
    labels = [label for trace in view.bars.data for label in trace.y]
    assert "Mest citerade publikationer *" in labels
    caveats = text_of(view.caveats)
    assert "* Mest citerade publikationer: värdet är 0,00 det här året men inte alla år" in caveats
    assert "Uppgift saknas för Livslångt lärande, IKT-specialister" in caveats


def test_the_cap_mark_is_the_etl_status(reader, cat):
    view = compare_view(reader, cat, "SE33", 2023, 2023, "sv")
    labels = {label for trace in view.bars.data for label in trace.y}
    capped = ris.leader_comparison(reader, 2023, 2023, "SE33")
    capped = capped[(capped["status"] == "capped") & (capped["indicator_code"] != "RII")]
    names = {cat.ris_short_name(2023, c, "sv") for c in capped["indicator_code"]}
    assert names == {"Livslångt lärande", "Internationella sampublikationer", "Fina partiklar"}
    assert {label.split(" ")[0] for label in labels if "▲" in label} == {
        n.split(" ")[0] for n in names
    }


def test_a_missing_rii_is_neither_a_value_nor_ranked(reader):
    """NO0B (Jan Mayen and Svalbard) is 0,00 everywhere: no RII, and not among the ranked."""
    summary = ris.rii_summary(reader, 2023, 2023, "NO0B")
    assert summary.value is None and summary.rank is None and summary.relative_to_eu is None
    assert ris.rii_summary(reader, 2023, 2023, "SE33").ranked == 244


# -- the chosen benchmark group names everything -----------------------------------------


def test_strong_innovators_change_heading_subtitle_bars_card_and_trend(reader, cat):
    view = compare_view(reader, cat, "SE33", 2023, 2023, "sv", "strong")
    heading = f"{view.title} {view.intro}"
    assert "Övre Norrland jämfört med Europas starka innovatörer" in heading
    assert "innovationsledare" not in heading
    assert "snittet för de starka innovatörerna (Strong Innovators)" in heading
    assert view.bars.layout.title.text == "Kvot mot starka innovatörers snitt, 2023"
    card = text_of(view.card)
    assert "Kvot mot starka innovatörers snitt: 1,04" in card
    assert "innovationsledarnas" not in card
    assert [trace.name for trace in view.trend.data] == [
        "Övre Norrland",
        "Starka innovatörers snitt",
        "EU",
    ]
    scores = ris.scores_in_year(reader, 2023, 2023)
    strong = ris.benchmark_members(reader, 2023, "strong")
    rii = scores[(scores["indicator_code"] == "RII") & scores["region_code"].isin(strong)]
    assert view.trend.data[1].y[-1] == pytest.approx(rii["value"].mean())
    assert view.trend.data[1].y[-1] == pytest.approx(120.42, abs=0.005)


@pytest.mark.parametrize(
    ("benchmark", "heading", "trend"),
    [
        (
            "leaders",
            "Övre Norrland jämfört med Europas innovationsledare",
            "Innovationsledarnas snitt",
        ),
        ("eu", "Övre Norrland jämfört med EU", None),
        ("sweden", "Övre Norrland jämfört med Sveriges regioner", "Snittet för Sveriges regioner"),
        ("nordic", "Övre Norrland jämfört med nordiska regioner", "Snittet för nordiska regioner"),
        ("custom", "Övre Norrland jämfört med en egen jämförelsegrupp", "Den egna gruppens snitt"),
    ],
)
def test_every_benchmark_names_heading_and_trend(reader, cat, benchmark, heading, trend):
    view = compare_view(reader, cat, "SE33", 2023, 2023, "sv", benchmark, (), ("SE11", "SE12"))
    assert view.title.startswith(heading)
    names = [trace.name for trace in view.trend.data]
    expected = ["Övre Norrland", "EU"] if trend is None else ["Övre Norrland", trend, "EU"]
    assert names == expected  # the EU benchmark is the EU line itself


def test_an_own_group_without_regions_draws_no_group_line(reader, cat):
    view = compare_view(reader, cat, "SE33", 2023, 2023, "sv", "custom")
    assert [trace.name for trace in view.trend.data] == ["Övre Norrland", "EU"]
    assert "Kvot mot" not in text_of(view.card)
