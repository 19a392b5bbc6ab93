"""The status of one goal indicator for one region and mandate period (DESIGN.md).

baseline = the last value before the period (or at the target's baseline year), latest = the
last value inside it. With a target level the pace achieved since the baseline is compared
with the pace needed to reach the target on time; direction-only goals compare the change
with a tolerance. Values are oriented by the indicator's direction, so lower-is-better
indicators are judged by the same rules. When the data cannot carry a verdict, the verdict is
"kan ej bedömas" and `reason` says why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from statistics import fmean

from indicators.goals import models as m
from indicators.goals import verdicts as v

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
    reason: str | None = None  # why it cannot be judged
    method: str = ""  # how the verdict was reached, in Swedish
    baseline: Point | None = None
    latest: Point | None = None
    target_value: float | None = None
    needed_pace: float | None = None  # per year
    achieved_pace: float | None = None  # per year

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.latest is None:
            return None
        return self.latest.value - self.baseline.value


def _unknown(reason: str, **known) -> Assessment:
    return Assessment(v.UNKNOWN, reason=reason, **known)


def _clean(points: Sequence[Point]) -> list[Point]:
    return sorted((p for p in points if p.value == p.value), key=lambda p: p.time)  # drop NaN


def _pick(points: list[Point], window: Window, baseline_year: int | None):
    """(baseline, latest, reason): the two points the period is judged on."""
    inside = [p for p in points if window.first_year <= p.year <= window.last_year]
    if not points:
        return None, None, "inga värden för regionen"
    if not inside:
        last = points[-1].period
        return None, None, f"inga nya värden under perioden (senaste värde {last})"
    latest = inside[-1]
    if baseline_year is not None:
        before = [p for p in points if p.year <= baseline_year]
        if not before:
            return None, latest, f"inget värde för basåret {baseline_year} eller tidigare"
        return before[-1], latest, None
    before = [p for p in points if p.year < window.first_year]
    if before:
        return before[-1], latest, None
    if len(inside) < 2:
        return None, latest, f"bara ett värde ({latest.period}), ingen utveckling att bedöma"
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
            f"seriebrott {broken} mellan {baseline.period} och {latest.period}: "
            "värdena går inte att jämföra",
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
    return replace(result, baseline=baseline, latest=latest)


def _by_direction(
    baseline: Point, latest: Point, target: m.Target, lower_is_better: bool
) -> Assessment:
    change = _oriented(_relative(latest.value - baseline.value, baseline.value), lower_is_better)
    wanted = "minska" if lower_is_better else "öka"
    gap_small_enough = target.type == m.GAP_SHRINKING and target.value is not None
    if gap_small_enough and latest.value <= target.value:
        return Assessment(
            v.MET,
            method=f"skillnaden är högst {target.value} (målet)",
            target_value=target.value,
        )
    tolerance = f"±{target.tolerance:.0%}".replace("%", " %")
    verdict = _by_step(change, target.tolerance, improving=v.ON_TRACK)
    what = "skillnaden mellan kvinnor och män" if target.type == m.GAP_SHRINKING else "värdet"
    return Assessment(
        verdict,
        method=f"målet anger riktning ({what} ska {wanted}); förändring inom {tolerance} "
        "räknas som oförändrat",
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
    if target.type == m.THRESHOLD:
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
    due = target.year or window.target_year
    if not _better(level, latest.value, lower_is_better):  # latest at or beyond the target
        return Assessment(
            v.MET, method=f"senaste värdet når målnivån {level:g}", target_value=level
        )
    if latest.time <= baseline.time or due <= baseline.time:
        return _unknown("målåret eller senaste värdet ligger inte efter utgångsvärdet")
    needed = (level - baseline.value) / (due - baseline.time)
    achieved = (latest.value - baseline.value) / (latest.time - baseline.time)
    method = (
        f"takt sedan {baseline.period} jämförd med takten som behövs för att nå {level:g} "
        f"till {due} (i fas ≥ {v.ON_TRACK_SHARE:.0%}, behöver öka takten ≥ "
        f"{v.SPEED_UP_SHARE:.0%} av den takten)"
    ).replace("%", " %")
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
        return _unknown(f"jämförelseregionerna saknar värden för {baseline.period} eller "
                        f"{latest.period}")  # fmt: skip
    names = ", ".join(sorted(now))
    method = f"jämfört med {names} år {latest.period}; annars om avståndet till deras medel minskat"
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
        return _unknown(f"jämförelseregionerna saknar värden för {baseline.period} och "
                        f"{latest.period}")  # fmt: skip
    growth = _oriented(latest.value / baseline.value - 1, lower_is_better)
    theirs = [_oriented(now[c] / then[c] - 1, lower_is_better) for c in common]
    method = (
        f"förändring {baseline.period}–{latest.period} jämförd med {', '.join(sorted(common))}: "
        "snabbare än alla = uppnått, än deras medel = behöver öka takten"
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
