"""Save one RIS edition: its rows are replaced as a whole, inside the caller's transaction."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.snapshots import SourceInput, utcnow
from etl.sources.ris.transform import RisEdition
from etl.warehouse.load import replace_where, upsert
from etl.warehouse.schema import ris_edition_load, ris_indicator, ris_region, ris_value


def save(conn: Connection, edition: RisEdition, source: SourceInput) -> int:
    number = edition.edition
    replace_where(
        conn, ris_value, ris_value.c.edition == number, edition.values.assign(edition=number)
    )
    replace_where(
        conn, ris_region, ris_region.c.edition == number, edition.regions.assign(edition=number)
    )
    replace_where(
        conn,
        ris_indicator,
        ris_indicator.c.edition == number,
        edition.indicators.assign(edition=number),
    )
    years = edition.values["year"]
    meta = pd.DataFrame(
        [
            {
                "edition": number,
                "framework": edition.framework.name,
                "layout": edition.layout,
                "base_year": edition.base_year,
                "first_year": int(years.min()),
                "last_year": int(years.max()),
                "groups_published": edition.groups_published,
                "source_file": source.name,
                "sha256": source.sha256,
                "origin": source.origin,
                "loaded_at": utcnow(),
            }
        ]
    )
    conn.execute(sa.delete(ris_edition_load).where(ris_edition_load.c.edition == number))
    upsert(conn, ris_edition_load, meta)
    return len(edition.values)
