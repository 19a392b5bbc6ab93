"""Strategies from indicators/catalogue/strategies/*.yaml, checked against the catalogue.

A new strategy, or a new version of one, is a new YAML file: no code per goal. Every
problem is a StrategyError (a CatalogueError) with the file and line of the field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from indicators.catalogue_yaml import CatalogueError, Entry, guarded, read_entry, shown
from indicators.goals import models as m

NEEDS_VALUE = (m.THRESHOLD, m.CHANGE_PCT)
NEEDS_PEERS = (m.BETTER_THAN_PEERS, m.FASTER_THAN_PEERS)
YEARS = (1900, 2200)  # a target, baseline or horizon year outside this is a typo


class StrategyError(CatalogueError):
    """A strategy file is wrong: file, line and the goal it concerns."""


def _fail(entry: Entry, problem: str, key: str | None = None) -> StrategyError:
    return StrategyError(f"{entry.where}: {problem}", entry.file, entry.line(key))


def _year(entry: Entry, key: str) -> int | None:
    if not entry.has(key):
        return None
    year = entry.integer(key)
    if not YEARS[0] <= year <= YEARS[1]:
        raise _fail(entry, f"{key} {year} är inget rimligt årtal", key)
    return year


def _target(entry: Entry, known_region: Callable[[str], bool]) -> m.Target:
    kind = entry.text("type")
    if kind not in m.TARGET_TYPES:
        raise _fail(entry, f"måltypen {kind!r} finns inte ({', '.join(m.TARGET_TYPES)})", "type")
    if kind in NEEDS_VALUE and not entry.has("value"):
        raise _fail(entry, f"måltypen {kind} kräver value", "type")
    if kind == m.CHANGE_PCT and not entry.has("baseline_year"):
        raise _fail(entry, f"måltypen {kind} kräver baseline_year", "type")
    peers = entry.strings("peers")
    if kind in NEEDS_PEERS and not peers:
        raise _fail(entry, f"måltypen {kind} kräver peers", "type")
    for code in peers:
        if not known_region(code):
            raise _fail(entry, f"okänd region {shown(code)}", "peers")
    tolerance = entry.number("tolerance", 0.01)
    if not 0 <= tolerance < 1:
        raise _fail(entry, f"tolerance ska ligga mellan 0 och 1, inte {tolerance:g}", "tolerance")
    return m.Target(
        type=kind,
        value=entry.optional_number("value"),
        year=_year(entry, "year"),
        baseline_year=_year(entry, "baseline_year"),
        peers=tuple(peers),
        tolerance=tolerance,
        text_sv=entry.text("text_sv", ""),
    )


def _goal_indicator(
    entry: Entry,
    known_region: Callable[[str], bool],
    known_indicator: Callable[[str], bool],
) -> m.GoalIndicator:
    indicator_id = entry.text("indicator")
    if not known_indicator(indicator_id):
        raise _fail(entry, f"okänd indikator {indicator_id}", "indicator")
    sex = entry.text("sex", "T")
    if sex not in ("T", "K", "M"):
        raise _fail(entry, f"sex ska vara T, K eller M, inte {sex!r}", "sex")
    measure = entry.text("measure", "ratio_to_leaders")
    if measure not in m.RIS_MEASURES:
        known = ", ".join(m.RIS_MEASURES)
        raise _fail(entry, f"measure ska vara {known}, inte {measure!r}", "measure")
    region = entry.optional_text("region")
    if region is not None and not known_region(region):
        raise _fail(entry, f"okänd region {shown(region)}", "region")
    return m.GoalIndicator(
        indicator_id=indicator_id,
        target=_target(entry.mapping("target", f"{entry.where}, target"), known_region),
        sex=sex,
        region=region,
        measure=measure,
        note_sv=entry.optional_text("note_sv"),
    )


def _goal_label(goal: object, number: int) -> str:
    """The goal's own id for messages (its number in the list when it has none)."""
    label = goal.get("id") if isinstance(goal, dict) else None
    if isinstance(label, str | int) and not isinstance(label, bool):
        return str(label)[:40]
    return str(number)


def load_strategy(
    path: Path,
    known_region: Callable[[str], bool] = lambda code: True,
    known_indicator: Callable[[str], bool] = lambda indicator_id: True,
) -> m.Strategy:
    with guarded(path):
        return _load_strategy(path, known_region, known_indicator)


def _load_strategy(
    path: Path,
    known_region: Callable[[str], bool],
    known_indicator: Callable[[str], bool],
) -> m.Strategy:
    data = read_entry(path, path.stem)
    strategy_id = data.text("id")
    if strategy_id != path.stem:
        raise _fail(data, f"id {strategy_id!r} ska vara samma som filnamnet", "id")
    regions = data.strings("regions", required=True)
    for code in regions:
        if not known_region(code):
            raise _fail(data, f"okänd region {shown(code)}", "regions")
    goals = []
    for i, (raw_goal, line) in enumerate(data.items("goals", required=True), start=1):
        goal = Entry(raw_goal, path, f"{strategy_id}, mål {_goal_label(raw_goal, i)}", line)
        indicators = tuple(
            _goal_indicator(entry, known_region, known_indicator)
            for entry in goal.entries("indicators", f"{goal.where}, indikator", required=True)
        )
        keys = [gi.key for gi in indicators]
        if len(keys) != len(set(keys)):
            raise _fail(goal, "samma indikator och kön finns två gånger", "indicators")
        goals.append(
            m.Goal(
                id=goal.text("id"),
                name_sv=goal.text("name_sv"),
                name_en=goal.text("name_en"),
                indicators=indicators,
                note_sv=goal.optional_text("note_sv"),
            )
        )
    ids = [g.id for g in goals]
    if len(ids) != len(set(ids)):
        raise _fail(data, "två mål har samma id", "goals")
    horizon = _year(data, "horizon")
    if horizon is None:
        raise _fail(data, "fältet 'horizon' saknas", "horizon")
    return m.Strategy(
        id=strategy_id,
        name_sv=data.text("name_sv"),
        name_en=data.text("name_en"),
        owner_sv=data.text("owner_sv"),
        regions=tuple(regions),
        horizon=horizon,
        version=data.text("version"),
        url=data.optional_text("url"),
        goals=tuple(goals),
        note_sv=data.optional_text("note_sv"),
    )


def load_strategies(
    directory: Path,
    known_region: Callable[[str], bool],
    known_indicator: Callable[[str], bool],
) -> dict[str, m.Strategy]:
    return {
        p.stem: load_strategy(p, known_region, known_indicator)
        for p in sorted(directory.glob("*.yaml"))
    }
