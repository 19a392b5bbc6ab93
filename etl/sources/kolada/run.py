"""rusmon etl kolada: the catalogue's Kolada KPIs for all län and Riket."""

from __future__ import annotations

from functools import partial

from etl.fetch import Fetcher
from etl.http import RateLimiter
from etl.pipeline import EtlContext, RunResult
from etl.sources.api_run import Plan, run_api_source
from etl.sources.kolada import extract, transform

SOURCE = extract.SOURCE
PARSER_VERSION = "1"


def run(ctx: EtlContext) -> RunResult:
    root = ctx.settings.api_roots["kolada"]
    client = ctx.http_client(SOURCE, RateLimiter(extract.CALLS, extract.WINDOW))
    indicators = [i for i in ctx.catalogue.indicators.values() if i.source.type == SOURCE]
    plans = [
        Plan(i, extract.plan_requests(i, root, ctx.catalogue.regions), next_page=extract.next_page)
        for i in indicators
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
