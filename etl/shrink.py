"""The shrink guard: a load may not quietly make the warehouse hold much less than it did.

A cut-down or partial file (the first 3,000 rows of a RIS workbook, one without the Swedish
regions) is valid on its own, so validation cannot catch it; comparing the slice a load
replaces before and after can. Losing more than SHRINK_TOLERANCE of the rows, or any region or
series, is refused, naming what would disappear, unless the user says --allow-shrink.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.errors import EtlError
from indicators.formatting import format_number, format_percent

SHRINK_TOLERANCE = 0.01  # share of the rows a reload may lose without being asked to
LISTED = 10


class ShrinkError(EtlError):
    """The load would remove data; nothing was saved."""


@dataclass(frozen=True)
class Extent:
    rows: int
    regions: frozenset[str]
    series: frozenset[str]


def extent_of(sql: str, params: dict[str, Any] | None = None) -> Callable[[Connection], Extent]:
    """An Extent reader for `sql`, which selects (region, series) per stored row."""

    def read(conn: Connection) -> Extent:
        rows = conn.execute(sa.text(sql), params or {}).all()
        return Extent(
            rows=len(rows),
            regions=frozenset(str(r[0]) for r in rows),
            series=frozenset(str(r[1]) for r in rows),
        )

    return read


def _listed(values: frozenset[str]) -> str:
    shown = sorted(values)[:LISTED]
    more = f" (+{len(values) - LISTED} till)" if len(values) > LISTED else ""
    return ", ".join(shown) + more


def check(source: str, before: Extent, after: Extent) -> None:
    """Raise ShrinkError when `after` holds clearly less than `before`."""
    lost_regions = before.regions - after.regions
    lost_series = before.series - after.series
    lost_rows = before.rows - after.rows
    if not lost_regions and not lost_series and lost_rows <= before.rows * SHRINK_TOLERANCE:
        return
    parts = []
    if lost_rows > 0:
        share = format_percent(lost_rows / before.rows * 100, 1)
        parts.append(f"{format_number(lost_rows)} av {format_number(before.rows)} värden ({share})")
    if lost_regions:
        parts.append(f"{len(lost_regions)} regioner: {_listed(lost_regions)}")
    if lost_series:
        parts.append(f"{len(lost_series)} serier: {_listed(lost_series)}")
    raise ShrinkError(
        source,
        "laddningen skulle ta bort " + "; ".join(parts) + " jämfört med det som redan finns i "
        "lagret. Inget sparades. Är filen komplett? Kör med --allow-shrink om det är avsikten.",
    )
