"""rusmon etl goals: recompute goal_status, goal_summary and goal_series from the warehouse.

Every source's load recomputes the goals inside its own transaction (EtlContext.save), so the
follow-up is never older or newer than the data it was judged on, whatever happens between
two loads. This step on its own is for a changed catalogue (a strategy edited): it reruns when
the catalogue's fingerprint differs from the one the stored goals were computed with.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.goals.compute import goal_rows
from etl.goals.series import SeriesStore
from etl.pipeline import UNCHANGED, Batch, EtlContext, NothingToLoad, RunResult
from etl.snapshots import SourceInput
from etl.warehouse.load import upsert
from etl.warehouse.schema import goal_series_fact, goal_status_fact, goal_summary_fact
from indicators.catalogue import Catalogue

SOURCE = "goals"
PARSER_VERSION = "2"  # 2: goal_series, codes, "n av m bedömda"


def catalogue_input(catalogue: Catalogue, today: date | None = None) -> SourceInput:
    """What the goals depend on besides the data: the catalogue, and the year (a mandate
    period that has not begun cannot be judged)."""
    year = (today or date.today()).year
    text = repr((catalogue.strategies, catalogue.indicators, catalogue.mandate_periods, year))
    digest = hashlib.sha256(text.encode()).hexdigest()
    return SourceInput(path=Path("katalogen"), sha256=digest, origin="catalogue")


def recompute(conn: Connection, catalogue: Catalogue) -> int:
    """Judge every strategy on what `conn` holds now, replacing the stored goals."""
    strategies = list(catalogue.strategies.values())
    rows = goal_rows(catalogue, SeriesStore(conn), strategies, catalogue.mandate_periods)
    for table in (goal_status_fact, goal_summary_fact, goal_series_fact):
        conn.execute(sa.delete(table))
    upsert(conn, goal_summary_fact, rows.summaries)
    upsert(conn, goal_series_fact, rows.series)
    return upsert(conn, goal_status_fact, rows.statuses)


def summary(catalogue: Catalogue) -> str:
    strategies = catalogue.strategies.values()
    judged = sum(len(g.indicators) for s in strategies for g in s.goals)
    return f"{len(strategies)} strategier, {judged} målindikatorer bedömda"


def run(ctx: EtlContext) -> RunResult:
    if not ctx.catalogue.strategies:
        raise NothingToLoad("inga strategier i katalogen")
    if not ctx.warehouse.exists:
        raise NothingToLoad("inget lager ännu: ladda data först")
    inputs = [catalogue_input(ctx.catalogue)]
    if ctx.unchanged(SOURCE, PARSER_VERSION, inputs):
        return ctx.log_only(
            SOURCE, UNCHANGED, "bedömningarna gäller redan lagrets data och katalogen"
        )
    batch = Batch(save=lambda conn: recompute(conn, ctx.catalogue), summary=summary(ctx.catalogue))
    return ctx.save(SOURCE, PARSER_VERSION, inputs, batch)
