"""The status of one goal indicator for one region and mandate period (DESIGN.md).

baseline = the last value strictly before the period's first year (for a % change: the last
value at or before the target's baseline year); when there is none, the first value inside the
period (baseline_rule says which). latest = the last value inside the period. With a target
level the pace achieved since the baseline is compared with the pace needed to reach the
target on time; direction-only goals compare the change with a tolerance. Values are
oriented by the indicator's direction, so lower-is-better indicators are judged by the same
rules. When the data cannot carry a verdict, the verdict is
"kan ej bedömas" and `reason` says why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from statistics import fmean

from indicators.goals import models as m
from indicators.goals import verdicts as v
from indicators.goals.texts import Note, note

QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


def period_time(period: str) -> float:
    """A period's position on a time axis in years: "2021" → 2021.0, "2021Q3" → 2021.5."""
    hit = QUARTER.match(period)
    return int(period[:4]) + (int(hit.group(2)) - 1) / 4 if hit else float(period[:4])


@dataclass(frozen=True)
class Point:
    period: str  # "2021" or "2021Q3"
    value: float

    @property
    def year(self) -> int:
        return int(self.period[:4])

    @property
    def time(self) -> float:
        """Position on a time axis in years: quarters are quarters of a year."""
        return period_time(self.period)


@dataclass(frozen=True)
class Window:
    """The mandate period being followed up, and the year targets are due."""

    first_year: int
    last_year: int
    target_year: int


@dataclass(frozen=True)
class Assessment:
    verdict: v.Verdict
    reason: Note | None = None  # why it cannot be judged
    method: Note | None = None  # how the verdict was reached
    baseline: Point | None = None
    latest: Point | None = None
    target_value: float | None = None
    needed_pace: float | None = None  # per year
    achieved_pace: float | None = None  # per year
    # How the baseline was found: "before" the period, at the target's "baseline_year", or
    # the "first_inside" value of the period because there is none before it.
    baseline_rule: str | None = None

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.latest is None:
            return None
        return self.latest.value - self.baseline.value


def _unknown(reason: Note, **known) -> Assessment:
    return Assessment(v.UNKNOWN, reason=reason, **known)


def _clean(points: Sequence[Point]) -> list[Point]:
    return sorted((p for p in points if p.value == p.value), key=lambda p: p.time)  # drop NaN


def _pick(points: list[Point], window: Window, baseline_year: int | None):
    """(baseline, latest, reason): the two points the period is judged on."""
    inside = [p for p in points if window.first_year <= p.year <= window.last_year]
    if not points:
        return None, None, note("no_values")
    if not inside:
        last = points[-1].period
        return None, None, note("no_new_data", last=last)
    latest = inside[-1]
    if baseline_year is not None:
        before = [p for p in points if p.year <= baseline_year]
        if not before:
            return None, latest, note("no_baseline_value", year=baseline_year)
        return before[-1], latest, None
    before = [p for p in points if p.year < window.first_year]
    if before:
        return before[-1], latest, None
    if len(inside) < 2:
        return None, latest, note("single_value", period=latest.period)
    return inside[0], latest, None  # no value before the period: judge within it


def _break_between(breaks: Sequence[str], baseline: Point, latest: Point) -> str | None:
    for period in breaks:
        if baseline.time < period_time(period) <= latest.time:
            return period
    return None


def _better(a: float, b: float, lower_is_better: bool) -> bool:
    return a < b if lower_is_better else a > b


def _oriented(x: float, lower_is_better: bool) -> float:
    return -x if lower_is_better else x


def _relative(change: float, base: float) -> float:
    return change / abs(base) if base else change


def assess(
    points: Sequence[Point],
    target: m.Target,
    window: Window,
    *,
    lower_is_better: bool = False,
    breaks: Sequence[str] = (),
    peers: Mapping[str, Sequence[Point]] | None = None,
) -> Assessment:
    """Judge one series. For gap_shrinking, pass the gap series (see `gap_series`)."""
    points = _clean(points)
    if target.type == m.GAP_SHRINKING:
        lower_is_better = True  # a gap should shrink, whatever the indicator's direction
    baseline_year = target.baseline_year if target.type == m.CHANGE_PCT else None
    baseline, latest, reason = _pick(points, window, baseline_year)
    if reason:
        return _unknown(reason, baseline=baseline, latest=latest)
    broken = _break_between(breaks, baseline, latest)
    if broken:
        return _unknown(
            note("series_break", period=broken, baseline=baseline.period, latest=latest.period),
            baseline=baseline,
            latest=latest,
        )
    if target.type in (m.DIRECTION, m.GAP_SHRINKING):
        result = _by_direction(baseline, latest, target, lower_is_better)
    elif target.type in (m.THRESHOLD, m.CHANGE_PCT):
        result = _by_pace(baseline, latest, target, window, lower_is_better, points)
    elif target.type == m.BETTER_THAN_PEERS:
        result = _by_peer_level(baseline, latest, target, lower_is_better, peers or {})
    elif target.type == m.FASTER_THAN_PEERS:
        result = _by_peer_growth(baseline, latest, target, lower_is_better, peers or {})
    else:
        raise ValueError(f"okänd måltyp {target.type!r}")
    if baseline_year is not None:
        rule = "baseline_year"
    else:
        rule = "first_inside" if baseline.year >= window.first_year else "before"
    return replace(result, baseline=baseline, latest=latest, baseline_rule=rule)


def _by_direction(
    baseline: Point, latest: Point, target: m.Target, lower_is_better: bool
) -> Assessment:
    change = _oriented(_relative(latest.value - baseline.value, baseline.value), lower_is_better)
    gap_small_enough = target.type == m.GAP_SHRINKING and target.value is not None
    if gap_small_enough and target.value is not None and latest.value <= target.value:
        return Assessment(
            v.MET, method=note("gap_met", value=target.value), target_value=target.value
        )
    verdict = _by_step(change, target.tolerance, improving=v.ON_TRACK)
    return Assessment(
        verdict,
        method=note(
            "direction",
            what="gap" if target.type == m.GAP_SHRINKING else "value",
            wanted="decrease" if lower_is_better else "increase",
            tolerance=target.tolerance,
        ),
        target_value=target.value if target.type == m.GAP_SHRINKING else None,
    )


def _by_step(step: float, tolerance: float, improving: v.Verdict) -> v.Verdict:
    """A relative step (positive = better) within ±tolerance is "begränsad utveckling"."""
    if step > tolerance:
        return improving
    if step >= -tolerance:
        return v.LIMITED
    return v.WORSENING


def target_level(target: m.Target, points: list[Point]) -> float | None:
    if target.type == m.THRESHOLD or target.value is None:
        return target.value
    at_base = [p for p in points if p.year <= (target.baseline_year or 0)]
    return at_base[-1].value * (1 + target.value / 100) if at_base else None


def _by_pace(
    baseline: Point,
    latest: Point,
    target: m.Target,
    window: Window,
    lower_is_better: bool,
    points: list[Point],
) -> Assessment:
    level = target_level(target, points)
    if level is None:  # a % change with no value at or before its baseline year
        return _unknown(note("no_baseline_value", year=target.baseline_year))
    due = target.year or window.target_year
    if not _better(level, latest.value, lower_is_better):  # latest at or beyond the target
        return Assessment(v.MET, method=note("level_met", level=level), target_value=level)
    if latest.time <= baseline.time or due <= baseline.time:
        return _unknown(note("target_not_after"))
    needed = (level - baseline.value) / (due - baseline.time)
    achieved = (latest.value - baseline.value) / (latest.time - baseline.time)
    method = note(
        "pace",
        baseline=baseline.period,
        level=level,
        due=due,
        on_track=v.ON_TRACK_SHARE,
        speed_up=v.SPEED_UP_SHARE,
    )
    if not _better(level, baseline.value, lower_is_better):
        # The baseline had reached the target and the latest value has fallen back.
        verdict = v.WORSENING
    else:
        verdict = v.from_pace(achieved / needed)
    return Assessment(
        verdict, method=method, target_value=level, needed_pace=needed, achieved_pace=achieved
    )


def _peer_values(peers: Mapping[str, Sequence[Point]], period: str) -> dict[str, float]:
    found = {}
    for code, points in peers.items():
        for p in points:
            if p.period == period and p.value == p.value:
                found[code] = p.value
    return found


def _by_peer_level(
    baseline: Point, latest: Point, target: m.Target, lower_is_better: bool, peers
) -> Assessment:
    now = _peer_values(peers, latest.period)
    then = _peer_values(peers, baseline.period)
    if not now or not then:
        return _unknown(note("peers_missing", baseline=baseline.period, latest=latest.period))
    method = note("peer_level", peers=sorted(now), latest=latest.period)
    if all(_better(latest.value, peer, lower_is_better) for peer in now.values()):
        return Assessment(v.MET, method=method)
    gap_now = _oriented(latest.value - fmean(now.values()), lower_is_better)
    gap_then = _oriented(baseline.value - fmean(then.values()), lower_is_better)
    step = _relative(gap_now - gap_then, fmean(then.values()))
    return Assessment(_by_step(step, target.tolerance, improving=v.SPEED_UP), method=method)


def _by_peer_growth(
    baseline: Point, latest: Point, target: m.Target, lower_is_better: bool, peers
) -> Assessment:
    now = _peer_values(peers, latest.period)
    then = _peer_values(peers, baseline.period)
    common = [c for c in now if then.get(c)]
    if not common or not baseline.value:
        return _unknown(note("peers_missing", baseline=baseline.period, latest=latest.period))
    growth = _oriented(latest.value / baseline.value - 1, lower_is_better)
    theirs = [_oriented(now[c] / then[c] - 1, lower_is_better) for c in common]
    method = note(
        "peer_growth", baseline=baseline.period, latest=latest.period, peers=sorted(common)
    )
    if growth > max(theirs):
        verdict = v.MET
    elif growth >= fmean(theirs):
        verdict = v.SPEED_UP
    elif growth >= 0:
        verdict = v.LIMITED
    else:
        verdict = v.WORSENING
    return Assessment(verdict, method=method)


def gap_series(women: Sequence[Point], men: Sequence[Point]) -> list[Point]:
    """The gap between women and men (absolute difference) where both have a value."""
    by_period = {p.period: p.value for p in _clean(men)}
    return [
        Point(p.period, abs(p.value - by_period[p.period]))
        for p in _clean(women)
        if p.period in by_period
    ]
