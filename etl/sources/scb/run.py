"""rusmon etl scb: plan the requests from the catalogue → fetch or find snapshots → save."""

from __future__ import annotations

from functools import partial

from etl.fetch import Fetcher
from etl.http import RateLimiter
from etl.pipeline import EtlContext, RunResult
from etl.sources.api_run import Plan, run_api_source
from etl.sources.scb import extract, transform

SOURCE = extract.SOURCE
PARSER_VERSION = "1"


def run(ctx: EtlContext) -> RunResult:
    roots = dict(ctx.settings.api_roots)
    limits = extract.Limits()
    client = ctx.http_client(SOURCE, RateLimiter(limits.calls, limits.window))
    if client is not None:
        limits = extract.read_limits(client, roots["scb"])
        ctx.say(
            SOURCE,
            f"SCB:s gränser: {limits.calls} anrop per {limits.window:g} s, "
            f"{limits.max_cells} celler per anrop",
        )
    indicators = [i for i in ctx.catalogue.indicators.values() if i.source.type == SOURCE]
    plans = [
        Plan(i, extract.plan_requests(i, roots, ctx.catalogue.regions, limits)) for i in indicators
    ]
    extra = [ctx.settings.sources_dir] if ctx.settings.sources_dir else []
    return run_api_source(
        ctx,
        source=SOURCE,
        parser_version=PARSER_VERSION,
        plans=plans,
        fetcher=Fetcher(SOURCE, client, ctx.settings.raw_dir, extra),
        parse=partial(transform.parse, registry=ctx.catalogue.regions),
    )
