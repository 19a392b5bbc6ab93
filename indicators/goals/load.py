"""Strategies from indicators/catalogue/strategies/*.yaml, checked against the catalogue.

A new strategy, or a new version of one, is a new YAML file: no code per goal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from indicators.goals import models as m

NEEDS_VALUE = (m.THRESHOLD, m.CHANGE_PCT)
NEEDS_PEERS = (m.BETTER_THAN_PEERS, m.FASTER_THAN_PEERS)


class StrategyError(ValueError):
    pass


def _need(entry: dict[str, Any], key: str, where: str) -> Any:
    if not isinstance(entry, dict) or entry.get(key) in (None, ""):
        raise StrategyError(f"{where}: {key} saknas")
    return entry[key]


def _target(entry: dict[str, Any], where: str) -> m.Target:
    kind = str(_need(entry, "type", where))
    if kind not in m.TARGET_TYPES:
        raise StrategyError(f"{where}: måltypen {kind!r} finns inte ({', '.join(m.TARGET_TYPES)})")
    if kind in NEEDS_VALUE and entry.get("value") is None:
        raise StrategyError(f"{where}: måltypen {kind} kräver value")
    if kind == m.CHANGE_PCT and entry.get("baseline_year") is None:
        raise StrategyError(f"{where}: måltypen {kind} kräver baseline_year")
    if kind in NEEDS_PEERS and not entry.get("peers"):
        raise StrategyError(f"{where}: måltypen {kind} kräver peers")
    return m.Target(
        type=kind,
        value=None if entry.get("value") is None else float(entry["value"]),
        year=entry.get("year"),
        baseline_year=entry.get("baseline_year"),
        peers=tuple(str(p) for p in entry.get("peers") or ()),
        tolerance=float(entry.get("tolerance", 0.01)),
        text_sv=str(entry.get("text_sv", "")),
    )


def _goal_indicator(entry: dict[str, Any], where: str) -> m.GoalIndicator:
    indicator_id = str(_need(entry, "indicator", where))
    sex = str(entry.get("sex", "T"))
    if sex not in ("T", "K", "M"):
        raise StrategyError(f"{where}: sex ska vara T, K eller M, inte {sex!r}")
    measure = str(entry.get("measure", "ratio_to_leaders"))
    if measure not in m.RIS_MEASURES:
        known = ", ".join(m.RIS_MEASURES)
        raise StrategyError(f"{where}: measure ska vara {known}, inte {measure!r}")
    return m.GoalIndicator(
        indicator_id=indicator_id,
        target=_target(_need(entry, "target", where), f"{where}, target"),
        sex=sex,
        region=entry.get("region"),
        measure=measure,
        note_sv=entry.get("note_sv"),
    )


def load_strategy(path: Path) -> m.Strategy:
    where = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise StrategyError(f"{where}: ogiltig YAML: {exc}") from exc
    strategy_id = str(_need(data, "id", where))
    if strategy_id != path.stem:
        raise StrategyError(f"{where}: id {strategy_id!r} ska vara samma som filnamnet")
    goals = []
    for i, goal in enumerate(_need(data, "goals", where), start=1):
        here = f"{where}, mål {goal.get('id', i)}"
        indicators = tuple(
            _goal_indicator(entry, f"{here}, indikator {j}")
            for j, entry in enumerate(_need(goal, "indicators", here), start=1)
        )
        keys = [gi.key for gi in indicators]
        if len(keys) != len(set(keys)):
            raise StrategyError(f"{here}: samma indikator och kön finns två gånger")
        goals.append(
            m.Goal(
                id=str(_need(goal, "id", here)),
                name_sv=str(_need(goal, "name_sv", here)),
                name_en=str(_need(goal, "name_en", here)),
                indicators=indicators,
                note_sv=goal.get("note_sv"),
            )
        )
    return m.Strategy(
        id=strategy_id,
        name_sv=str(_need(data, "name_sv", where)),
        name_en=str(_need(data, "name_en", where)),
        owner_sv=str(_need(data, "owner_sv", where)),
        regions=tuple(str(r) for r in _need(data, "regions", where)),
        horizon=int(_need(data, "horizon", where)),
        version=str(_need(data, "version", where)),
        url=data.get("url"),
        goals=tuple(goals),
        note_sv=data.get("note_sv"),
    )


def load_strategies(
    directory: Path,
    known_region: Callable[[str], bool],
    known_indicator: Callable[[str], bool],
) -> dict[str, m.Strategy]:
    strategies = {p.stem: load_strategy(p) for p in sorted(directory.glob("*.yaml"))}
    for strategy in strategies.values():
        for code in strategy.regions:
            if not known_region(code):
                raise StrategyError(f"{strategy.id}: okänd region {code}")
        for goal in strategy.goals:
            for gi in goal.indicators:
                where = f"{strategy.id}, mål {goal.id}"
                if not known_indicator(gi.indicator_id):
                    raise StrategyError(f"{where}: okänd indikator {gi.indicator_id}")
                for code in (*gi.target.peers, *([gi.region] if gi.region else [])):
                    if not known_region(code):
                        raise StrategyError(f"{where}: okänd region {code}")
    return strategies
