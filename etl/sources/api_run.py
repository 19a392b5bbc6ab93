"""The run every API connector shares: plan requests per indicator, fetch them (or find their
snapshots offline), parse, validate everything, then save in one transaction.

A connector is declared as data (ApiSource, in etl/sources/api_sources.py): the typed source
reference its indicators carry (indicators.models.ScbSource …), its rate limit, how it plans
requests and parses answers, and where else it may find answers offline. `run_declared`
drives any such declaration; no connector has a run of its own.

Nothing is saved unless every planned request of every indicator that is loaded succeeded,
so a failing API leaves the warehouse as it was. Offline, an indicator without snapshots
is left out and said so; with none at all the source is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from etl import shrink
from etl.errors import ValidationError
from etl.fetch import Fetcher, Request
from etl.http import HttpClient, RateLimiter
from etl.observations import validate
from etl.observations.frame import tidy
from etl.observations.load import save_notes, save_observations
from etl.pipeline import UNCHANGED, Batch, EtlContext, NothingToLoad, RunResult
from etl.snapshots import SourceInput
from indicators.formatting import format_number
from indicators.models import Indicator, RegionRegistry, SourceBase


@dataclass
class Parsed:
    """One indicator's rows in the tidy shape, and the notes the source attached."""

    frame: pd.DataFrame
    notes: list[tuple[str, bool]] = field(default_factory=list)  # (note, mandatory)


@dataclass
class Plan:
    indicator: Indicator
    requests: list[Request]
    # For paged APIs: the request for the page after this response, or None.
    next_page: Callable[[SourceInput], Request | None] | None = None


def fetch_plan(
    fetcher: Fetcher, plan: Plan, say: Callable[[str], None]
) -> list[SourceInput] | None:
    """All responses of a plan, following pages; None offline when one is not kept."""
    responses: list[SourceInput] = []
    for first in plan.requests:
        request: Request | None = first
        while request is not None:
            snapshot = fetcher.fetch(request)
            if snapshot is None:
                return None
            responses.append(snapshot)
            request = plan.next_page(snapshot) if plan.next_page else None
    if not fetcher.offline:
        say(f"{plan.indicator.id}: {len(responses)} svar hämtade")
    return responses


def run_api_source(
    ctx: EtlContext,
    *,
    source: str,
    parser_version: str,
    plans: list[Plan],
    fetcher: Fetcher,
    parse: Callable[[Indicator, list[SourceInput]], Parsed],
    local: Callable[[Indicator], list[SourceInput]] | None = None,
) -> RunResult:
    """`local` finds already-downloaded files for an indicator in $RUSMON_SOURCES_DIR; they
    are used offline when no snapshot of the API request was kept."""
    if not plans:
        raise NothingToLoad("inga indikatorer i katalogen har den här källan")
    fetched: dict[str, tuple[Indicator, list[SourceInput]]] = {}
    not_kept = []
    for number, plan in enumerate(plans, start=1):
        ctx.say(source, f"[{number}/{len(plans)}] {plan.indicator.id}")
        responses = fetch_plan(fetcher, plan, lambda message: ctx.say(source, message))
        if responses is None and local is not None:
            responses = local(plan.indicator) or None
            if responses:
                ctx.say(
                    source, f"{plan.indicator.id}: läser {', '.join(r.name for r in responses)}"
                )
        if responses is None:
            not_kept.append(plan.indicator.id)
        else:
            fetched[plan.indicator.id] = (plan.indicator, responses)
    if not fetched:
        raise NothingToLoad(
            "offline och inga sparade svar (ögonblicksbilder) för "
            + ", ".join(not_kept)
            + f"; kör online en gång eller lägg svar i {ctx.settings.raw_dir / source}"
        )
    inputs = list({s.path: s for _, responses in fetched.values() for s in responses}.values())
    if ctx.unchanged(source, parser_version, inputs):
        return ctx.log_only(source, UNCHANGED, f"{len(inputs)} svar oförändrade, inget att göra")

    parsed = {iid: parse(indicator, responses) for iid, (indicator, responses) in fetched.items()}
    rows = tidy(pd.concat([p.frame for p in parsed.values()], ignore_index=True))
    problems = validate.check(rows, ctx.catalogue, f"{source}-svar")
    if problems:
        raise ValidationError(source, problems)
    notes = pd.DataFrame(
        [
            {"indicator_id": iid, "note": note, "mandatory": mandatory}
            for iid, p in parsed.items()
            for note, mandatory in p.notes
        ],
        columns=["indicator_id", "note", "mandatory"],
    )

    def save(conn) -> int:
        save_notes(conn, notes, source=source)
        return save_observations(conn, rows, source=source, scope="indicator")

    counts = rows.groupby("indicator_id").size()
    summary = ", ".join(f"{iid} ({format_number(n)})" for iid, n in counts.items())
    warnings = []
    if not_kept:
        warnings.append(f"inga sparade svar för {', '.join(not_kept)} (offline): de laddades inte")
    empty = sorted(set(parsed) - set(counts.index))
    if empty:
        warnings.append(f"källan svarade utan värden för {', '.join(empty)}")
    loaded = sorted(set(rows["indicator_id"]))
    batch = Batch(
        save=save,
        summary=f"{format_number(len(rows))} värden: {summary}",
        warnings=tuple(warnings),
        extent=shrink.extent_of(
            "SELECT region_code, indicator_id FROM observation_fact WHERE source = :s "
            f"AND indicator_id IN ({', '.join(f':i{n}' for n in range(len(loaded)))})",
            {"s": source, **{f"i{n}": i for n, i in enumerate(loaded)}},
        ),
    )
    return ctx.save(source, parser_version, inputs, batch)


@dataclass(frozen=True)
class Planning:
    """What a connector plans an indicator's requests with."""

    roots: Mapping[str, str]  # the API roots (settings.api_roots)
    regions: RegionRegistry
    limits: Any = None  # what the connector's `prepare` learnt from the API (SCB's /config)


@dataclass(frozen=True)
class ApiSource:
    """An API connector, declared as data."""

    name: str  # the name on the command line and in the run log
    reference: type[SourceBase]  # the typed source reference of the indicators it loads
    parser_version: str  # raise it when parsing changes: unchanged answers load again
    rate_limit: Callable[[], tuple[int, float]]  # (calls, seconds) until `prepare` knows better
    plan: Callable[[Indicator, Planning], list[Request]]
    parse: Callable[..., Parsed]  # (indicator, answers, registry=…) -> Parsed
    next_page: Callable[[SourceInput], Request | None] | None = None  # paged APIs
    # Files already downloaded to $RUSMON_SOURCES_DIR that serve offline for an indicator.
    local: Callable[[Path | None, Indicator], list[SourceInput]] | None = None
    # Whether recorded answers (with sidecars) in $RUSMON_SOURCES_DIR count as snapshots.
    snapshots_in_sources_dir: bool = False
    # Online only, before planning: ask the API what it allows (client, roots, say) -> limits.
    prepare: Callable[[HttpClient, Mapping[str, str], Callable[[str], None]], Any] | None = None

    def indicators(self, ctx: EtlContext) -> list[Indicator]:
        return [
            i for i in ctx.catalogue.indicators.values() if isinstance(i.source, self.reference)
        ]

    def run(self, ctx: EtlContext) -> RunResult:
        return run_declared(ctx, self)


def run_declared(ctx: EtlContext, source: ApiSource) -> RunResult:
    """rusmon etl <source>: plan the requests from the catalogue → fetch or find snapshots →
    parse and validate → save."""
    roots = dict(ctx.settings.api_roots)
    client = ctx.http_client(source.name, RateLimiter(*source.rate_limit()))
    limits = None
    if client is not None and source.prepare is not None:
        limits = source.prepare(client, roots, partial(ctx.say, source.name))
    planning = Planning(roots, ctx.catalogue.regions, limits)
    plans = [
        Plan(i, source.plan(i, planning), next_page=source.next_page)
        for i in source.indicators(ctx)
    ]
    sources_dir = ctx.settings.sources_dir
    extra = [sources_dir] if source.snapshots_in_sources_dir and sources_dir else []
    return run_api_source(
        ctx,
        source=source.name,
        parser_version=source.parser_version,
        plans=plans,
        fetcher=Fetcher(source.name, client, ctx.settings.raw_dir, extra),
        parse=partial(source.parse, registry=ctx.catalogue.regions),
        local=partial(source.local, sources_dir) if source.local else None,
    )
