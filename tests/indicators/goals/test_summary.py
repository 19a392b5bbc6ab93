"""A delmål's status is the median of its judged indicators, says "n av m bedömda", and gives
no verdict when fewer than half could be judged."""

from indicators.goals import verdicts as v
from indicators.goals.summary import summarise


def test_the_median_of_the_judged_indicators_is_the_goals_status():
    verdict, how = summarise([v.ON_TRACK, v.LIMITED, v.WORSENING, v.UNKNOWN])
    assert verdict is v.LIMITED
    assert how.text("sv") == (
        "3 av 4 bedömda: median av de bedömda (1 i fas, 1 begränsad utveckling, 1 försämring)"
    )
    assert how.text("en") == (
        "3 of 4 assessed: median of those assessed "
        "(1 on track, 1 limited progress, 1 deterioration)"
    )


def test_with_an_even_count_the_worse_middle_verdict_counts():
    assert summarise([v.MET, v.SPEED_UP])[0] is v.SPEED_UP


def test_half_judged_is_enough_for_a_verdict():
    assert summarise([v.ON_TRACK, v.UNKNOWN])[0] is v.ON_TRACK


def test_fewer_than_half_judged_gives_no_verdict_but_says_too_little_to_go_on():
    verdict, how = summarise([v.ON_TRACK, *[v.UNKNOWN] * 6])
    assert verdict is v.INSUFFICIENT
    assert how.text("sv").startswith("1 av 7 bedömda: för litet underlag")


def test_a_goal_with_nothing_to_judge_cannot_be_judged_and_says_so():
    verdict, how = summarise([v.UNKNOWN, v.UNKNOWN])
    assert verdict is v.UNKNOWN
    assert how.text("sv") == "0 av 2 bedömda: ingen indikator kan bedömas"
