"""Save validated observations: a slice is replaced as a whole, inside the caller's transaction."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.observations.frame import COLUMNS
from etl.snapshots import utcnow
from etl.warehouse.load import replace_where
from etl.warehouse.schema import indicator_note_fact, observation_fact


def save_observations(
    conn: Connection, frame: pd.DataFrame, *, source: str, scope: str = "indicator"
) -> int:
    """Replace this source's rows for the indicators (scope='indicator') or the files
    (scope='origin') in `frame`, so rows the source dropped disappear too."""
    table = observation_fact
    keys = sorted(set(frame["indicator_id" if scope == "indicator" else "origin"]))
    column = table.c.indicator_id if scope == "indicator" else table.c.origin
    rows = frame[[c for c in COLUMNS if c != "line"]].assign(source=source, loaded_at=utcnow())
    condition = sa.and_(table.c.source == source, column.in_(keys))
    return replace_where(conn, table, condition, rows)


def save_notes(conn: Connection, notes: pd.DataFrame, *, source: str) -> int:
    """Notes per indicator (indicator_id, note, mandatory), replacing the source's earlier ones."""
    if notes.empty:
        return 0
    table = indicator_note_fact
    rows = notes.assign(source=source)
    rows["position"] = rows.groupby("indicator_id").cumcount()
    condition = sa.and_(
        table.c.source == source, table.c.indicator_id.in_(sorted(set(rows["indicator_id"])))
    )
    return replace_where(conn, table, condition, rows)
