"""Worked examples of the status method: every target type and every verdict.

TEST DATA: the series here are made-up numbers chosen to land on each rule; they are not
statistics and never leave the tests.
"""

import pytest

from indicators.goals import models as m
from indicators.goals import verdicts as v
from indicators.goals.status import Point, Window, assess, gap_series

PERIOD_2023 = Window(first_year=2023, last_year=2026, target_year=2030)


def series(**values: float) -> list[Point]:
    """series(y2020=1.0, y2024=2.0) -> points for 2020 and 2024."""
    return [Point(key[1:].replace("_", ""), value) for key, value in values.items()]


def direction(**kw) -> m.Target:
    return m.Target(type=m.DIRECTION, **kw)


# Direction only ---------------------------------------------------------------------------


def test_a_rise_beyond_the_tolerance_is_on_track_for_a_goal_to_increase():
    a = assess(series(y2022=100, y2024=104), direction(), PERIOD_2023)
    assert a.verdict is v.ON_TRACK
    assert (a.baseline.period, a.latest.period, a.change) == ("2022", "2024", 4)


def test_a_change_within_the_tolerance_is_limited_progress():
    a = assess(series(y2022=100, y2024=100.5), direction(), PERIOD_2023)
    assert a.verdict is v.LIMITED


def test_a_fall_is_deterioration_for_a_goal_to_increase():
    assert assess(series(y2022=100, y2024=90), direction(), PERIOD_2023).verdict is v.WORSENING


def test_a_fall_is_progress_when_lower_is_better():
    a = assess(series(y2022=8.3, y2024=6.6), direction(), PERIOD_2023, lower_is_better=True)
    assert a.verdict is v.ON_TRACK
    assert "minska" in a.method.text()


def test_the_baseline_is_the_last_value_before_the_period_and_latest_the_last_inside():
    points = series(y2018=1, y2021=2, y2022=3, y2023=4, y2025=5, y2027=6)
    a = assess(points, direction(), PERIOD_2023)
    assert (a.baseline.period, a.latest.period) == ("2022", "2025")


# Threshold: pace achieved against pace needed -----------------------------------------------


def threshold(value: float, year: int = 2030) -> m.Target:
    return m.Target(type=m.THRESHOLD, value=value, year=year)


def test_reaching_the_threshold_is_target_met():
    a = assess(series(y2022=78, y2024=80.2), threshold(80), PERIOD_2023)
    assert a.verdict is v.MET and a.target_value == 80


@pytest.mark.parametrize(
    ("latest", "verdict"),
    [
        (77.0, v.ON_TRACK),  # needed 1.0 per year from 75 to 83 over 8 years; achieved 1.0
        (76.5, v.SPEED_UP),  # achieved 0.75 per year = 75 % of the pace
        (75.5, v.LIMITED),  # 25 %
        (74.0, v.WORSENING),  # moving away from the target
    ],
)
def test_the_share_of_the_needed_pace_decides_the_verdict(latest, verdict):
    a = assess(series(y2022=75, y2024=latest), threshold(83), PERIOD_2023)
    assert a.verdict is verdict
    assert a.needed_pace == pytest.approx(1.0)
    assert a.achieved_pace == pytest.approx((latest - 75) / 2)


def test_a_threshold_below_for_a_lower_is_better_indicator_uses_the_same_pace_rule():
    # unemployment from 9 % towards 5 % in 2030: needed −0.5 per year, achieved −0.5
    a = assess(series(y2022=9, y2024=8), threshold(5), PERIOD_2023, lower_is_better=True)
    assert a.verdict is v.ON_TRACK


def test_falling_back_below_a_threshold_once_reached_is_deterioration():
    a = assess(series(y2022=84, y2024=82), threshold(83), PERIOD_2023)
    assert a.verdict is v.WORSENING


# Percentage change against a baseline year -------------------------------------------------


def test_a_percentage_change_is_measured_from_the_stated_baseline_year():
    # "−60 % till 2030 jämfört med 2005": 100 in 2005 -> target 40
    target = m.Target(type=m.CHANGE_PCT, value=-60, baseline_year=2005, year=2030)
    points = series(y2005=100, y2015=80, y2024=62)
    a = assess(points, target, PERIOD_2023, lower_is_better=True)
    assert a.target_value == pytest.approx(40)
    assert a.baseline.period == "2005"
    # needed (40-100)/25 = -2.4 per year; achieved (62-100)/19 = -2.0 per year: 83 %
    assert a.verdict is v.SPEED_UP


def test_a_percentage_change_without_a_value_in_the_baseline_year_cannot_be_judged():
    target = m.Target(type=m.CHANGE_PCT, value=10, baseline_year=2005)
    a = assess(series(y2010=1, y2024=2), target, PERIOD_2023)
    assert a.verdict is v.UNKNOWN and "basåret 2005" in a.reason.text()


# Better or faster than named peers --------------------------------------------------------

PEERS = ("SE125", "SE212")


def test_better_than_every_peer_is_target_met():
    target = m.Target(type=m.BETTER_THAN_PEERS, peers=PEERS)
    peers = {"SE125": series(y2022=9, y2024=10), "SE212": series(y2022=10, y2024=10.5)}
    a = assess(series(y2022=9, y2024=11), target, PERIOD_2023, peers=peers)
    assert a.verdict is v.MET


def test_closing_in_on_the_peers_without_passing_them_needs_more_speed():
    target = m.Target(type=m.BETTER_THAN_PEERS, peers=PEERS)
    peers = {"SE125": series(y2022=10, y2024=10), "SE212": series(y2022=12, y2024=12)}
    a = assess(series(y2022=8, y2024=10.5), target, PERIOD_2023, peers=peers)
    assert a.verdict is v.SPEED_UP


def test_falling_further_behind_the_peers_is_deterioration():
    target = m.Target(type=m.BETTER_THAN_PEERS, peers=PEERS)
    peers = {"SE125": series(y2022=10, y2024=12), "SE212": series(y2022=12, y2024=14)}
    a = assess(series(y2022=9, y2024=9), target, PERIOD_2023, peers=peers)
    assert a.verdict is v.WORSENING


@pytest.mark.parametrize(
    ("latest", "verdict"),
    [(120, v.MET), (108, v.SPEED_UP), (102, v.LIMITED), (95, v.WORSENING)],
)
def test_growing_faster_than_the_peers(latest, verdict):
    # peers grew 5 % and 10 %; the region from 100
    target = m.Target(type=m.FASTER_THAN_PEERS, peers=PEERS)
    peers = {"SE125": series(y2022=200, y2024=210), "SE212": series(y2022=50, y2024=55)}
    a = assess(series(y2022=100, y2024=latest), target, PERIOD_2023, peers=peers)
    assert a.verdict is verdict


def test_peers_without_values_for_the_same_years_cannot_be_compared():
    target = m.Target(type=m.BETTER_THAN_PEERS, peers=PEERS)
    a = assess(series(y2022=1, y2024=2), target, PERIOD_2023, peers={"SE125": series(y2019=1)})
    assert a.verdict is v.UNKNOWN and "jämförelseregionerna" in a.reason.text()


# A shrinking gap between women and men ----------------------------------------------------


def test_the_gap_between_women_and_men_is_the_absolute_difference_per_year():
    women = series(y2022=76.0, y2024=78.0)
    men = series(y2022=80.0, y2024=79.0)
    assert gap_series(women, men) == [Point("2022", 4.0), Point("2024", 1.0)]


def test_a_shrinking_gap_is_progress_even_for_a_higher_is_better_indicator():
    gap = gap_series(series(y2022=76.0, y2024=78.0), series(y2022=80.0, y2024=79.0))
    target = m.Target(type=m.GAP_SHRINKING)
    assert assess(gap, target, PERIOD_2023, lower_is_better=False).verdict is v.ON_TRACK


def test_a_gap_within_the_accepted_size_is_target_met():
    gap = [Point("2022", 4.0), Point("2024", 0.4)]
    target = m.Target(type=m.GAP_SHRINKING, value=0.5)
    assert assess(gap, target, PERIOD_2023).verdict is v.MET


# When the data cannot carry a verdict ------------------------------------------------------


def test_a_biennial_series_with_no_value_in_the_period_says_so():
    # R&D spending is published for odd years; nothing after 2021 in 2023–2026 yet
    a = assess(series(y2017=1, y2019=2, y2021=3), direction(), PERIOD_2023)
    assert a.verdict is v.UNKNOWN
    assert a.reason.text() == "inga nya värden under perioden (senaste värde 2021)"


def test_a_single_value_cannot_show_a_development():
    a = assess(series(y2024=415), direction(), PERIOD_2023)
    assert a.verdict is v.UNKNOWN and "bara ett värde (2024)" in a.reason.text()


def test_without_a_value_before_the_period_the_first_value_inside_is_the_baseline():
    a = assess(series(y2023=8.3, y2025=6.6), direction(), PERIOD_2023, lower_is_better=True)
    assert a.baseline.period == "2023" and a.verdict is v.ON_TRACK


def test_a_series_break_between_baseline_and_latest_cannot_be_judged():
    a = assess(series(y2019=78, y2021=80), direction(), Window(2019, 2022, 2030), breaks=["2020"])
    assert a.verdict is v.UNKNOWN
    assert a.reason.text().startswith("seriebrott 2020 mellan 2019 och 2021")


def test_a_break_before_the_baseline_does_not_matter():
    a = assess(series(y2022=78, y2024=80), direction(), PERIOD_2023, breaks=["2020"])
    assert a.verdict is v.ON_TRACK


def test_missing_values_are_skipped_not_read_as_numbers():
    points = [Point("2022", 1.0), Point("2024", float("nan")), Point("2025", 2.0)]
    assert assess(points, direction(), PERIOD_2023).latest.period == "2025"


def test_quarters_count_as_parts_of_a_year():
    assert Point("2023Q3", 1).time == pytest.approx(2023.5)
