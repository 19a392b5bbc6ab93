"""Figure builders are pure: a DataFrame in, a plotly Figure out, readable without Dash."""

import pandas as pd
import pytest

from dashboard.figures.common import BLUE, VERMILLION
from dashboard.figures.indicator_chart import indicator_bars, indicator_lines
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
    assert figure.layout.separators == ",\u00a0"  # a no-break space, as format_number
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


def series(values, decimals=0):
    # TEST DATA: invented values for one region over consecutive years.
    frame = pd.DataFrame(
        {
            "name": "Västmanlands län",
            "sex": "T",
            "time": range(2015, 2015 + len(values)),
            "period": [str(y) for y in range(2015, 2015 + len(values))],
            "value": values,
        }
    )
    return indicator_lines(frame, title="", unit="kronor", decimals=decimals)


def test_a_value_axis_of_large_numbers_groups_thousands_instead_of_k():
    axis = series([254207.21, 236247.84, 260500.0]).layout.yaxis
    assert axis.tickformat == ",.0f" and axis.exponentformat == "none"
    assert axis.nticks == 8 and axis.range[0] < 236247.84 and axis.range[1] > 260500


def test_ticks_have_the_decimals_their_step_needs_one_format_for_the_whole_axis():
    # Percentages with one decimal from 79,3 to 83,5: whole-number ticks "80  81  82  83".
    axis = series([81.2, 79.3, 83.5], decimals=1).layout.yaxis
    assert axis.tickformat == ",.0f" and axis.hoverformat == ",.1f"
    # An index with two decimals from 0,41 to 0,52: ticks 0,42 0,44 …
    assert series([0.41, 0.45, 0.52], decimals=2).layout.yaxis.tickformat == ",.2f"


def test_a_whole_number_axis_over_a_few_units_is_ticked_at_every_unit_never_at_halves():
    axis = series([45, 45, 46]).layout.yaxis
    assert (axis.tickmode, axis.dtick, axis.tickformat) == ("linear", 1, ",.0f")
    assert list(axis.range) == [43.5, 47.5]
    flat = series([8.2, 8.2], decimals=1).layout.yaxis
    assert (flat.dtick, flat.tickformat) == (0.1, ",.1f")
    assert flat.range[0] < 8.1 and flat.range[1] > 8.3  # a tick either side of the line


def test_after_zooming_every_step_has_its_own_format():
    stops = {s.value: tuple(s.dtickrange) for s in series([1, 100]).layout.yaxis.tickformatstops}
    assert stops[",.0f"] == (pytest.approx(1), None)
    assert stops[",.1f"] == (pytest.approx(0.1), 1)


def test_bars_start_at_zero_and_share_the_tables_format():
    frame = pd.DataFrame(
        {"name": ["A", "B"], "sex": "T", "time": 2020, "period": "2020", "value": [12000, 70000]}
    )
    figure = indicator_bars(frame, title="", unit="kronor", decimals=0)
    assert figure.layout.xaxis.range[0] == 0 and figure.layout.xaxis.tickformat == ",.0f"
    assert list(figure.data[0].text) == ["12\u00a0000", "70\u00a0000"]


def test_the_rii_axis_and_the_ratio_axis_never_mix_decimals():
    data = pd.DataFrame({"year": [2016, 2023], "region": [125.85, 124.81], "eu": [100.0, 108.47]})
    assert rii_trend(data, region_name="SE33", base_year=2016).layout.yaxis.tickformat == ",.0f"
    axis = leader_ratio_bars(RATIOS, year=2023).layout.xaxis
    assert axis.tickformat == ",.1f" and axis.hoverformat == ",.2f"
