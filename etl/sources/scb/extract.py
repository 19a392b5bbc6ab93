"""SCB: PxWebApi 2.0 (json-stat2) and, where a table only exists there, the legacy v1 API.

Limits come from the API's own /config (30 calls per 10 s and 150,000 cells per call when
recorded); a query that would exceed the cell limit is split over the regions.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from etl.errors import SourceError
from etl.fetch import Request, safe_name
from etl.http import HttpClient, RateLimiter
from indicators.models import Indicator, RegionRegistry, ScbSource

SOURCE = "scb"
DEFAULT_CALLS, DEFAULT_WINDOW, DEFAULT_MAX_CELLS = 30, 10.0, 150_000
# When splitting by the cell limit, a "*" selection counts as this many values (time) or
# this many (any other variable): generous guesses, since "*" is resolved by the server.
ASSUMED_PERIODS, ASSUMED_VALUES = 60, 10


@dataclass(frozen=True)
class Limits:
    calls: int = DEFAULT_CALLS
    window: float = DEFAULT_WINDOW
    max_cells: int = DEFAULT_MAX_CELLS


def limits_from_config(document: dict) -> Limits:
    try:
        return Limits(
            calls=int(document["maxCallsPerTimeWindow"]),
            window=float(document["timeWindow"]),
            max_cells=int(document["maxDataCells"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SourceError(SOURCE, f"SCB:s /config saknar gränserna: {exc}") from exc


def read_limits(client: HttpClient, root: str) -> Limits:
    """Ask the API for its limits and apply them to the client's rate limiter."""
    limits = limits_from_config(client.get_json(f"{root}/config"))
    if client.rate_limit is None:
        client.rate_limit = RateLimiter(limits.calls, limits.window)
    else:  # the /config call itself already counts
        client.rate_limit.update(limits.calls, limits.window)
    return limits


def prepare(client: HttpClient, roots: Mapping[str, str], say: Callable[[str], None]) -> Limits:
    """Online, before planning: SCB's limits from /config, said aloud."""
    limits = read_limits(client, roots["scb"])
    say(
        f"SCB:s gränser: {limits.calls} anrop per {limits.window:g} s, "
        f"{limits.max_cells} celler per anrop"
    )
    return limits


def region_codes(selection: list[str], registry: RegionRegistry) -> list[str]:
    """SCB's codes for the named groups: lan (länskoder), riket (00), riksomraden (RIKS1–8)."""
    codes: list[str] = []
    for group in selection:
        if group == "riket":
            codes += [c for c in [registry["SE"].scb_code] if c]
        elif group == "lan":
            codes += sorted(r.scb_code for r in registry.swedish(level=3) if r.scb_code)
        elif group == "riksomraden":
            codes += sorted(r.scb_code for r in registry.swedish(level=2) if r.scb_code)
        else:
            raise SourceError(SOURCE, f"okänd regiongrupp {group!r} (lan, riket, riksomraden)")
    return codes


def _selections(indicator: Indicator) -> tuple[str, dict[str, list[str]]]:
    """(region variable, every other variable's value codes) from the catalogue reference."""
    ref = indicator.source_as(ScbSource)
    code = ref.contents.code
    selected: dict[str, list[str]] = {
        ref.contents_variable: [code] if code is not None else ["*"],
        ref.time_variable: ["*"],
    }
    if ref.sex:
        selected[ref.sex.variable] = list(ref.sex.codes)
    for variable, values in ref.select.items():
        selected[variable] = list(values)
    return ref.region_variable, selected


def chunk_regions(
    regions: list[str], other: dict[str, list[str]], max_cells: int, time_variable: str = "Tid"
) -> list[list[str]]:
    """Regions in groups small enough that regions × other selections stay under max_cells."""
    per_region = math.prod(
        (ASSUMED_PERIODS if name == time_variable else ASSUMED_VALUES)
        if values == ["*"]
        else len(values)
        for name, values in other.items()
    )
    size = max(1, max_cells // max(1, per_region))
    return [regions[i : i + size] for i in range(0, len(regions), size)] or [[]]


def plan_requests(
    indicator: Indicator, roots: Mapping[str, str], registry: RegionRegistry, limits: Limits
) -> list[Request]:
    ref = indicator.source_as(ScbSource)
    region_variable, other = _selections(indicator)
    regions = region_codes(list(ref.regions), registry)
    requests = []
    chunks = chunk_regions(regions, other, limits.max_cells, ref.time_variable)
    for part, chunk in enumerate(chunks, start=1):
        selection = {region_variable: chunk, **other}
        name = safe_name(f"{ref.table}_{part}") + ".json"
        if ref.api == "v2":
            body = {
                "selection": [{"variableCode": k, "valueCodes": v} for k, v in selection.items()]
            }
            requests.append(
                Request(
                    url=f"{roots['scb']}/tables/{ref.table}/data",
                    method="POST",
                    body=body,
                    params={"lang": "sv", "outputFormat": "json-stat2"},
                    name=name,
                )
            )
        else:
            query = [
                {
                    "code": k,
                    "selection": {"filter": "all", "values": ["*"]}
                    if v == ["*"]
                    else {"filter": "item", "values": v},
                }
                for k, v in selection.items()
            ]
            requests.append(
                Request(
                    url=f"{roots['scb_v1']}/{ref.table}",
                    method="POST",
                    name=name,
                    body={"query": query, "response": {"format": "json-stat2"}},
                )
            )
    return requests
