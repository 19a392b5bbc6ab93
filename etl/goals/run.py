"""rusmon etl goals: recompute goal_status and goal_summary from what the warehouse holds.

It runs after every load (rusmon etl adds it), so the follow-up never lags the data.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.goals.compute import goal_rows
from etl.goals.series import SeriesStore
from etl.pipeline import Batch, EtlContext, NothingToLoad, RunResult
from etl.warehouse.load import upsert
from etl.warehouse.schema import goal_series_fact, goal_status_fact, goal_summary_fact

SOURCE = "goals"
PARSER_VERSION = "1"


def run(ctx: EtlContext) -> RunResult:
    strategies = list(ctx.catalogue.strategies.values())
    if not strategies:
        raise NothingToLoad("inga strategier i katalogen")
    if not ctx.warehouse.exists:
        raise NothingToLoad("inget lager ännu: ladda data först")

    def save(conn: Connection) -> int:
        rows = goal_rows(
            ctx.catalogue, SeriesStore(conn), strategies, ctx.catalogue.mandate_periods
        )
        for table in (goal_status_fact, goal_summary_fact, goal_series_fact):
            conn.execute(sa.delete(table))
        upsert(conn, goal_summary_fact, rows.summaries)
        upsert(conn, goal_series_fact, rows.series)
        return upsert(conn, goal_status_fact, rows.statuses)

    judged = sum(len(g.indicators) for s in strategies for g in s.goals)
    batch = Batch(
        save=save, summary=f"{len(strategies)} strategier, {judged} målindikatorer bedömda"
    )
    return ctx.save(SOURCE, PARSER_VERSION, [], batch)
