"""rusmon etl tva: Tillväxtanalys' new-firm statistics."""

from __future__ import annotations

from functools import partial

from etl.fetch import Fetcher
from etl.http import RateLimiter
from etl.pipeline import EtlContext, RunResult
from etl.sources.api_run import Plan, run_api_source
from etl.sources.tva import extract, transform

SOURCE = extract.SOURCE
PARSER_VERSION = "1"


def run(ctx: EtlContext) -> RunResult:
    root = ctx.settings.api_roots["tva"]
    client = ctx.http_client(SOURCE, RateLimiter(extract.CALLS, extract.WINDOW))
    indicators = [i for i in ctx.catalogue.indicators.values() if i.source.type == SOURCE]
    return run_api_source(
        ctx,
        source=SOURCE,
        parser_version=PARSER_VERSION,
        plans=[Plan(i, extract.plan_requests(i, root)) for i in indicators],
        fetcher=Fetcher(SOURCE, client, ctx.settings.raw_dir),
        parse=partial(transform.parse, registry=ctx.catalogue.regions),
        local=partial(extract.local_exports, ctx.settings.sources_dir),
    )
