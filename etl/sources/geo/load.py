"""Save the boundaries: the levels loaded are replaced as a whole, inside the caller's
transaction (a level not in this load keeps what it had)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Connection

from etl.snapshots import utcnow
from etl.warehouse.load import replace_where
from etl.warehouse.schema import region_geometry_fact


def save(conn: Connection, regions: pd.DataFrame) -> int:
    levels = sorted(int(level) for level in set(regions["level"]))
    return replace_where(
        conn,
        region_geometry_fact,
        region_geometry_fact.c.level.in_(levels),
        regions.assign(loaded_at=utcnow()),
    )
