"""The API connectors, declared as data: one ApiSource each, driven by the one generic run
(etl.sources.api_run.run_declared). Each package keeps what is its own (extract: requests
and local files; transform: answers to tidy rows); the catalogue's typed source reference
(indicators.models) holds each indicator's table, KPI or dataset and the source's defaults.
"""

from __future__ import annotations

from etl.sources.api_run import ApiSource
from etl.sources.eurostat import extract as eurostat
from etl.sources.eurostat import transform as eurostat_transform
from etl.sources.kolada import extract as kolada
from etl.sources.kolada import transform as kolada_transform
from etl.sources.scb import extract as scb
from etl.sources.scb import transform as scb_transform
from etl.sources.tva import extract as tva
from etl.sources.tva import transform as tva_transform
from indicators.models import EurostatSource, KoladaSource, ScbSource, TvaSource

# The rate limits are read when a run starts (a test may loosen them).
SCB = ApiSource(
    name=scb.SOURCE,
    reference=ScbSource,
    parser_version="1",
    rate_limit=lambda: (scb.DEFAULT_CALLS, scb.DEFAULT_WINDOW),  # until /config says
    plan=lambda i, p: scb.plan_requests(i, p.roots, p.regions, p.limits or scb.Limits()),
    parse=scb_transform.parse,
    snapshots_in_sources_dir=True,  # recorded answers in $RUSMON_SOURCES_DIR/sweden/
    prepare=scb.prepare,
)
KOLADA = ApiSource(
    name=kolada.SOURCE,
    reference=KoladaSource,
    parser_version="1",
    rate_limit=lambda: (kolada.CALLS, kolada.WINDOW),
    plan=lambda i, p: kolada.plan_requests(i, p.roots["kolada"], p.regions),
    parse=kolada_transform.parse,
    next_page=kolada.next_page,
    snapshots_in_sources_dir=True,
)
TVA = ApiSource(
    name=tva.SOURCE,
    reference=TvaSource,
    parser_version="1",
    rate_limit=lambda: (tva.CALLS, tva.WINDOW),
    plan=lambda i, p: tva.plan_requests(i, p.roots["tva"]),
    parse=tva_transform.parse,
    local=tva.local_exports,  # PxWeb XLSX exports
)
EUROSTAT = ApiSource(
    name=eurostat.SOURCE,
    reference=EurostatSource,
    parser_version="1",
    rate_limit=lambda: (eurostat.CALLS, eurostat.WINDOW),
    plan=lambda i, p: eurostat.plan_requests(i, p.roots["eurostat"]),
    parse=eurostat_transform.parse,
    local=eurostat.local_files,  # bulk TSV files
)
API_SOURCES = (SCB, KOLADA, TVA, EUROSTAT)
