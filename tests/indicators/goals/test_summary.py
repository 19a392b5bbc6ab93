"""A delmål's status is the median of its judged indicators and says how it was reached."""

from indicators.goals import verdicts as v
from indicators.goals.summary import summarise


def test_the_median_of_the_judged_indicators_is_the_goals_status():
    verdict, how = summarise([v.ON_TRACK, v.LIMITED, v.WORSENING, v.UNKNOWN])
    assert verdict is v.LIMITED
    assert how == (
        "median av 3 bedömda indikatorer (1 i fas, 1 begränsad utveckling, 1 försämring); "
        "1 kan ej bedömas"
    )


def test_with_an_even_count_the_worse_middle_verdict_counts():
    assert summarise([v.MET, v.SPEED_UP])[0] is v.SPEED_UP


def test_a_goal_with_nothing_to_judge_cannot_be_judged_and_says_so():
    verdict, how = summarise([v.UNKNOWN, v.UNKNOWN])
    assert verdict is v.UNKNOWN and how == "ingen av 2 indikatorer kan bedömas"
