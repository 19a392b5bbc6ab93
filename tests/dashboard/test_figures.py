"""Figure builders are pure: a DataFrame in, a plotly Figure out, readable without Dash."""

import pandas as pd

from dashboard.figures.common import BLUE, VERMILLION
from dashboard.figures.leader_bars import leader_ratio_bars
from dashboard.figures.rii_trend import rii_trend

# TEST DATA: SE33's 2023 scores for three RIS 2023 indicators and the leaders' means.
RATIOS = pd.DataFrame(
    {
        "label": ["Varumärken", "Offentlig FoU", "Digitala färdigheter"],
        "region_value": [56.14, 165.41, 129.41],
        "leader_mean": [154.781112, 122.657222, 143.295558],
        "ratio": [0.362706, 1.348555, 0.903099],
    }
)


def bars_by_name(figure):
    return {trace.name: trace for trace in figure.data}


def test_bars_start_at_one_and_point_towards_the_ratio():
    figure = leader_ratio_bars(RATIOS, year=2023)
    weaker = bars_by_name(figure)["Svagare än ledarna"]
    assert weaker.base == 1
    assert list(weaker.y) == ["Varumärken", "Digitala färdigheter"]
    assert [round(x, 6) for x in weaker.x] == [-0.637294, -0.096901]


def test_stronger_and_weaker_bars_differ_in_colour_and_in_the_legend():
    traces = bars_by_name(leader_ratio_bars(RATIOS, year=2023))
    assert traces["Starkare än ledarna"].marker.color == BLUE
    assert traces["Svagare än ledarna"].marker.color == VERMILLION


def test_bars_are_sorted_with_the_strongest_on_top():
    figure = leader_ratio_bars(RATIOS, year=2023)
    order = list(figure.layout.yaxis.categoryarray)
    assert order == ["Varumärken", "Digitala färdigheter", "Offentlig FoU"]  # bottom to top


def test_hover_and_labels_use_swedish_decimal_commas():
    figure = leader_ratio_bars(RATIOS, year=2023)
    stronger = bars_by_name(figure)["Starkare än ledarna"]
    assert list(stronger.customdata[0]) == ["165,41", "122,66", "1,35"]
    assert figure.layout.separators == ", "
    assert "Ledarnas snitt" in stronger.hovertemplate


def test_english_labels_and_separators():
    figure = leader_ratio_bars(RATIOS, year=2023, lang="en")
    assert "Stronger than the leaders" in bars_by_name(figure)
    assert figure.layout.separators == ".,"


def test_an_empty_frame_gives_an_explanatory_empty_figure():
    figure = leader_ratio_bars(RATIOS.iloc[0:0], year=2023, empty_message="Inga värden för SE99")
    assert figure.data == ()
    assert figure.layout.annotations[0].text == "Inga värden för SE99"


def test_the_rii_trend_has_the_region_the_leaders_and_the_eu():
    # TEST DATA: SE33's RII, the leaders' mean and the EU in RIS 2023 for two years.
    data = pd.DataFrame(
        {
            "year": [2016, 2023],
            "region": [125.85, 124.81],
            "leaders": [136.6, 146.1],
            "eu": [100.0, 108.47],
        }
    )
    figure = rii_trend(data, region_name="Övre Norrland", base_year=2016)
    assert [trace.name for trace in figure.data] == [
        "Övre Norrland",
        "Innovationsledarnas snitt",
        "EU",
    ]
    assert figure.layout.yaxis.title.text == "RII (EU 2016 = 100)"
    assert list(figure.data[0].customdata) == ["125,9", "124,8"]
