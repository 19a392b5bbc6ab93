"""Every source package has the same shape: extract, transform, validate, load, run.

The API connectors (scb, kolada, tva, eurostat) are declared as data in
etl/sources/api_sources.py and driven by one generic run (etl/sources/api_run.py); the RIS
workbooks and the hand-kept files have runs of their own.

SOURCES maps the names used on the command line to each source's run, in the order `rusmon
etl` runs them when no source is named. `goals` is derived from the others and runs after
any load.
"""

from __future__ import annotations

from collections.abc import Callable

from etl.goals.run import run as run_goals
from etl.pipeline import EtlContext, RunResult
from etl.sources.api_sources import EUROSTAT, KOLADA, SCB, TVA
from etl.sources.geo.run import run as run_geo
from etl.sources.manual.run import run as run_manual
from etl.sources.ris.run import run as run_ris

SOURCES: dict[str, Callable[[EtlContext], RunResult]] = {
    "ris": run_ris,
    SCB.name: SCB.run,
    KOLADA.name: KOLADA.run,
    TVA.name: TVA.run,
    EUROSTAT.name: EUROSTAT.run,
    "manual": run_manual,
    "geo": run_geo,  # the NUTS boundaries for the maps
    "goals": run_goals,  # derived: the goal follow-up, recomputed from what was loaded
}
DERIVED = ("goals",)
