"""Strategies from indicators/catalogue/strategies/*.yaml, checked against the catalogue.

A new strategy, or a new version of one, is a new YAML file: no code per goal. The file is
validated as an indicators.goals.models.Strategy; every problem is a CatalogueError with the
file and line of the field (`kalmar_rus.yaml:15: kalmar_rus, mål 9, indikator 3: okänd
indikator …`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from indicators.catalogue_yaml import CatalogueError, load_model
from indicators.goals import models as m


class StrategyError(CatalogueError):
    """A strategy file is wrong: file, line and the goal it concerns."""


def strategy_context(
    path: Path,
    known_region: Callable[[str], bool] | None,
    known_indicator: Callable[[str], bool] | None,
    indicator_ids: Iterable[str] = (),
) -> dict[str, Any]:
    """What a strategy file is validated against: its file name and the catalogue's
    regions and indicators (`indicator_ids` only for suggestions)."""
    return {
        "stem": path.stem,
        "known_region": known_region,
        "known_indicator": known_indicator,
        "indicator_ids": sorted(indicator_ids),
    }


def load_strategy(
    path: Path,
    known_region: Callable[[str], bool] = lambda code: True,
    known_indicator: Callable[[str], bool] = lambda indicator_id: True,
) -> m.Strategy:
    try:
        return load_model(
            m.Strategy, path, strategy_context(path, known_region, known_indicator), path.stem
        )
    except CatalogueError as error:
        raise StrategyError(problems=error.problems) from None


def load_strategies(
    directory: Path,
    known_region: Callable[[str], bool],
    known_indicator: Callable[[str], bool],
) -> dict[str, m.Strategy]:
    return {
        p.stem: load_strategy(p, known_region, known_indicator)
        for p in sorted(directory.glob("*.yaml"))
    }
