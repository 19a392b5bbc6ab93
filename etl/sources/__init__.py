"""Every source package has the same shape: extract, transform, validate, load, run.

SOURCES maps the names used on the command line to each package's `run(ctx)`, in the
order `rusmon etl` runs them when no source is named. `goals` is derived from the others and
runs after any load.
"""

from __future__ import annotations

from collections.abc import Callable

from etl.goals.run import run as run_goals
from etl.pipeline import EtlContext, RunResult
from etl.sources.eurostat.run import run as run_eurostat
from etl.sources.kolada.run import run as run_kolada
from etl.sources.manual.run import run as run_manual
from etl.sources.ris.run import run as run_ris
from etl.sources.scb.run import run as run_scb
from etl.sources.tva.run import run as run_tva

SOURCES: dict[str, Callable[[EtlContext], RunResult]] = {
    "ris": run_ris,
    "scb": run_scb,
    "kolada": run_kolada,
    "tva": run_tva,
    "eurostat": run_eurostat,
    "manual": run_manual,
    "goals": run_goals,  # derived: the goal follow-up, recomputed from what was loaded
}
DERIVED = ("goals",)
