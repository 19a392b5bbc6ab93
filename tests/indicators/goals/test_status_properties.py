"""Properties of the status method, checked on generated series (hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.goals import models as m
from indicators.goals import verdicts as v
from indicators.goals.status import Point, Window, assess

WINDOW = Window(2023, 2026, 2030)
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).filter(lambda x: abs(x) > 1e-3)
years_before = st.integers(min_value=2010, max_value=2022)
years_inside = st.integers(min_value=2023, max_value=2026)
targets = st.one_of(
    st.builds(m.Target, type=st.just(m.DIRECTION), tolerance=st.sampled_from([0, 0.01, 0.05])),
    st.builds(m.Target, type=st.just(m.THRESHOLD), value=values),
    st.builds(
        m.Target,
        type=st.just(m.CHANGE_PCT),
        value=st.floats(min_value=-90, max_value=200),
        baseline_year=st.integers(min_value=2005, max_value=2009),
    ),
)


@st.composite
def cases(draw):
    target = draw(targets)
    first = draw(st.integers(min_value=2005, max_value=2009))
    points = [Point(str(first), draw(values))]
    points.append(Point(str(draw(years_before)), draw(values)))
    latest_year = draw(years_inside)
    return target, sorted(points, key=lambda p: p.year), latest_year, draw(st.booleans())


def verdict(points, target, lower_is_better):
    return assess(points, target, WINDOW, lower_is_better=lower_is_better).verdict


@settings(max_examples=400, deadline=None)
@given(cases(), values, st.floats(min_value=0, max_value=1e6))
def test_improving_the_latest_value_never_worsens_the_verdict(case, latest, step):
    target, history, year, lower = case
    better = latest - step if lower else latest + step
    before = verdict([*history, Point(str(year), latest)], target, lower)
    after = verdict([*history, Point(str(year), better)], target, lower)
    if v.UNKNOWN not in (before, after):
        assert after.rank >= before.rank
    else:
        assert before is after  # whether it can be judged does not depend on the value


def mirrored(target: m.Target) -> m.Target:
    if target.type == m.THRESHOLD:
        return m.Target(type=m.THRESHOLD, value=-target.value, year=target.year)
    return target  # direction and percentage change are symmetric already


@settings(max_examples=400, deadline=None)
@given(cases(), values)
def test_mirroring_the_data_and_the_direction_gives_the_same_verdict(case, latest):
    target, history, year, lower = case
    points = [*history, Point(str(year), latest)]
    flipped = [Point(p.period, -p.value) for p in points]
    assert verdict(points, target, lower) is verdict(flipped, mirrored(target), not lower)
