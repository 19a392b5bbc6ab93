"""Every source package has the same shape: extract, transform, validate, load, run.

SOURCES maps the names used on the command line to each package's `run(ctx)`, in the
order `rusmon etl` runs them when no source is named.
"""

from __future__ import annotations

from collections.abc import Callable

from etl.pipeline import EtlContext, RunResult
from etl.sources.manual.run import run as run_manual
from etl.sources.ris.run import run as run_ris

SOURCES: dict[str, Callable[[EtlContext], RunResult]] = {
    "ris": run_ris,
    "manual": run_manual,
}
