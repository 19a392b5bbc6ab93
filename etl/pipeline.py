"""What every source run shares: inputs, the no-op check, one atomic save, the run log.

A source's `run(ctx)` reads as *load inputs → process → save outputs*:

    inputs = find_inputs(ctx)                       # raises NothingToLoad when there are none
    if ctx.unchanged(SOURCE, inputs): return ctx.unchanged_result(SOURCE, inputs)
    batch = process(inputs, ctx.catalogue)          # read, transform, validate; no writes
    return ctx.save(SOURCE, inputs, batch)          # one transaction, logged
"""

from __future__ import annotations

import json
import sys
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import TextIO

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl import shrink
from etl.errors import EtlError
from etl.http import HttpClient, RateLimiter
from etl.shrink import Extent
from etl.snapshots import SourceInput, utcnow
from etl.warehouse.load import replace_where, upsert
from etl.warehouse.schema import (
    dim_indicator,
    dim_mandate_period,
    dim_region,
    dim_series_break,
    etl_run_log,
    source_input,
)
from etl.warehouse.store import Warehouse
from indicators.catalogue import Catalogue
from indicators.settings import Settings

OK, UNCHANGED, SKIPPED, FAILED = "ok", "unchanged", "skipped", "failed"
GOALS = "goals"  # derived from every other source, recomputed with each of their loads
NOT_JUDGED = frozenset({"geo"})  # sources no goal is judged on: their loads leave the goals be


class NothingToLoad(Exception):
    """No input for this source (e.g. offline with no snapshot): skip, do not fail."""


@dataclass(frozen=True)
class Batch:
    """Validated data ready to save: `save` writes it inside the caller's transaction."""

    save: Callable[[Connection], int]
    summary: str
    warnings: tuple[str, ...] = ()
    # What the stored slice this batch replaces holds, for the shrink guard (etl/shrink.py).
    extent: Callable[[Connection], Extent] | None = None


@dataclass
class RunResult:
    source: str
    status: str
    rows: int
    message: str
    started_at: datetime
    finished_at: datetime
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def failed(self) -> bool:
        return self.status == FAILED


@dataclass
class EtlContext:
    settings: Settings
    catalogue: Catalogue
    warehouse: Warehouse
    files: tuple[str, ...] = ()  # --file: use exactly these inputs
    force: bool = False  # reload even when the inputs are unchanged
    allow_shrink: bool = False  # accept a load that removes data (the shrink guard)
    http_options: dict = field(default_factory=dict)  # e.g. shorter retries in tests
    out: TextIO = field(default_factory=lambda: sys.stdout)
    started_at: datetime = field(default_factory=utcnow)

    @property
    def offline(self) -> bool:
        return self.settings.offline

    def http_client(self, source: str, rate_limit: RateLimiter | None) -> HttpClient | None:
        """A client for the source's API, or None offline (the network is never touched)."""
        if self.offline:
            return None
        progress = partial(self.say, source)
        return HttpClient(source, rate_limit=rate_limit, progress=progress, **self.http_options)

    def say(self, source: str, message: str) -> None:
        print(f"{source}: {message}", file=self.out, flush=True)

    def unchanged(self, source: str, parser_version: str, inputs: list[SourceInput]) -> bool:
        if self.force or not inputs:
            return False
        with self.warehouse.reading() as conn:
            if conn is None or not _has_run_log(conn):
                return False
            rows = conn.execute(
                sa.select(source_input.c.input_name, source_input.c.sha256).where(
                    source_input.c.source == source
                )
            ).all()
        loaded = {(name, sha) for name, sha in rows}
        return all((i.name, f"{i.sha256}:{parser_version}") in loaded for i in inputs)

    def save(
        self, source: str, parser_version: str, inputs: list[SourceInput], batch: Batch
    ) -> RunResult:
        """Catalogue, data, input fingerprints and the run log in one transaction."""
        for warning in batch.warnings:
            self.say(source, f"varning: {warning}")
        started = time.perf_counter()
        with self.warehouse.transaction() as conn:
            sync_catalogue(conn, self.catalogue)
            before = batch.extent(conn) if batch.extent else None
            rows = batch.save(conn)
            if before is not None and batch.extent is not None:
                after = batch.extent(conn)
                if self.allow_shrink:
                    if after != before:
                        self.say(source, "varning: --allow-shrink, data som försvinner tas bort")
                else:
                    shrink.check(source, before, after)  # raises: the transaction rolls back
            _remember_inputs(conn, source, parser_version, inputs)
            result = self._result(source, OK, rows, batch.summary)
            record_run(conn, result)
            if source != GOALS and source not in NOT_JUDGED:
                self._derive(conn, source)
        self.say(source, f"sparat i lagret på {time.perf_counter() - started:.1f} s")
        return result

    def _derive(self, conn: Connection, source: str) -> None:
        """Recompute the goals in the same transaction as the data they are judged on, so
        no crash between two steps can leave them judged on older (or newer) data."""
        from etl.goals import run as goals  # the goals step builds on this module

        if not self.catalogue.strategies:
            return
        rows = goals.recompute(conn, self.catalogue)
        _remember_inputs(conn, GOALS, goals.PARSER_VERSION, [goals.catalogue_input(self.catalogue)])
        message = f"{goals.summary(self.catalogue)} (omräknat med {source})"
        record_run(conn, self._result(GOALS, OK, rows, message))
        self.say(GOALS, message)

    def _result(self, source: str, status: str, rows: int, message: str) -> RunResult:
        return RunResult(source, status, rows, message, self.started_at, utcnow())

    def log_only(self, source: str, status: str, message: str) -> RunResult:
        """Record a run that loaded nothing (unchanged, skipped, failed) on its own."""
        result = self._result(source, status, 0, message)
        try:
            with self.warehouse.transaction() as conn:
                record_run(conn, result)
        except Exception as error:  # the outcome is still printed; the log is best effort here
            self.say(source, f"kunde inte skriva körloggen: {error}")
        return result


def _has_run_log(conn: Connection) -> bool:
    return sa.inspect(conn).has_table(etl_run_log.name)


def _remember_inputs(
    conn: Connection, source: str, parser_version: str, inputs: list[SourceInput]
) -> None:
    frame = pd.DataFrame(
        [
            {
                "source": source,
                "input_name": i.name,
                # The parser version is part of the fingerprint: a fixed parser reloads.
                "sha256": f"{i.sha256}:{parser_version}",
                "origin": i.origin,
                "accessed_at": i.accessed_at,
                "loaded_at": utcnow(),
            }
            for i in inputs
        ],
        columns=[c.name for c in source_input.columns],
    )
    upsert(conn, source_input, frame)


def record_run(conn: Connection, result: RunResult) -> None:
    conn.execute(
        sa.insert(etl_run_log).values(
            run_id=result.run_id,
            source=result.source,
            started_at=result.started_at,
            finished_at=result.finished_at,
            status=result.status,
            rows=result.rows,
            message=result.message,
        )
    )


def sync_catalogue(conn: Connection, catalogue: Catalogue) -> None:
    """Write the catalogue's regions and mandate periods, so the views can join them."""
    regions = pd.DataFrame(
        [
            {
                "region_code": r.code,
                "name_sv": r.name_sv,
                "name_en": r.name_en,
                "level": r.level,
                "parent_code": r.parent_code,
                "country_code": r.country_code,
                "scb_code": r.scb_code,
                "kolada_code": r.kolada_code,
            }
            for r in catalogue.regions.regions.values()
        ]
    )
    replace_where(conn, dim_region, sa.true(), regions)
    periods = pd.DataFrame(
        [
            {
                "mandate_period": p.id,
                "first_year": p.first_year,
                "last_year": p.last_year,
                "election_date": p.election_date,
            }
            for p in catalogue.mandate_periods
        ]
    )
    replace_where(conn, dim_mandate_period, sa.true(), periods)
    indicators = catalogue.indicators.values()
    replace_where(
        conn,
        dim_indicator,
        sa.true(),
        pd.DataFrame(
            [
                {
                    "indicator_id": i.id,
                    "name_sv": i.name_sv,
                    "name_en": i.name_en,
                    "description_sv": i.description_sv,
                    "description_en": i.description_en,
                    "unit": i.unit,
                    "unit_en": i.unit_en,
                    "decimals": i.decimals,
                    "direction": i.direction,
                    "frequency": i.frequency,
                    "sex_split": i.sex_split,
                    "source_type": i.source.type,
                    "source_label": i.source.label,
                    "source_reference": json.dumps(
                        i.source.reference, ensure_ascii=False, sort_keys=True
                    ),
                    "source_url": i.source.url,
                    "coverage": i.coverage,
                    "next_release": i.next_release,
                }
                for i in indicators
            ],
            columns=[c.name for c in dim_indicator.columns],
        ),
    )
    replace_where(
        conn,
        dim_series_break,
        sa.true(),
        pd.DataFrame(
            [
                {
                    "indicator_id": i.id,
                    "period": b.period,
                    "note_sv": b.note_sv,
                    "note_en": b.note_en,
                }
                for i in indicators
                for b in i.series_breaks
            ],
            columns=[c.name for c in dim_series_break.columns],
        ),
    )


def run_source(ctx: EtlContext, source: str, job: Callable[[EtlContext], RunResult]) -> RunResult:
    """Run one source; whatever happens, the outcome is printed and logged."""
    ctx.started_at = utcnow()
    try:
        result = job(ctx)
    except NothingToLoad as reason:
        result = ctx.log_only(source, SKIPPED, str(reason))
    except EtlError as error:
        result = ctx.log_only(source, FAILED, error.message)
    except Exception as error:  # a bug must still leave a trace in the run log
        detail = "".join(traceback.format_exception_only(error)).strip()
        ctx.say(source, traceback.format_exc())
        result = ctx.log_only(source, FAILED, f"oväntat fel: {detail}")
    ctx.say(source, f"{_STATUS_TEXT[result.status]}: {result.message}")
    return result


_STATUS_TEXT = {
    OK: "klart",
    UNCHANGED: "oförändrat",
    SKIPPED: "hoppades över",
    FAILED: "MISSLYCKADES",
}
