"""Kolada v3: /data/kpi/{kpi}/municipality/{ids}/year/{years}, pages linked by next_url.

Regions are Kolada ids ("00" + länskod; 0000 = Riket). The KPI's own metadata
(/kpi/{kpi}) says when Kolada last published it.
"""

from __future__ import annotations

from datetime import date

from etl.errors import SourceError, shown
from etl.fetch import Request, safe_name
from etl.jsonstat import read_json
from etl.snapshots import SourceInput
from indicators.models import Indicator, KoladaSource, RegionRegistry

SOURCE = "kolada"
YEARS_PER_REQUEST = 25  # Kolada refuses longer year lists
CALLS, WINDOW = 5, 1.0  # no published limit: stay polite


def region_ids(registry: RegionRegistry) -> list[str]:
    return sorted(r.kolada_code for r in registry.regions.values() if r.kolada_code)


def plan_requests(
    indicator: Indicator, root: str, registry: RegionRegistry, this_year: int | None = None
) -> list[Request]:
    ref = indicator.source_as(KoladaSource)
    kpi, first = ref.kpi, ref.first_year
    years = list(range(first, (this_year or date.today().year) + 1))
    ids = ",".join(region_ids(registry))
    requests = [Request(url=f"{root}/kpi/{kpi}", name=safe_name(f"{kpi}_meta") + ".json")]
    for start in range(0, len(years), YEARS_PER_REQUEST):
        block = years[start : start + YEARS_PER_REQUEST]
        requests.append(
            Request(
                url=f"{root}/data/kpi/{kpi}/municipality/{ids}/year/{','.join(map(str, block))}",
                name=safe_name(f"{kpi}_{block[0]}-{block[-1]}") + ".json",
            )
        )
    return requests


def next_page(snapshot: SourceInput) -> Request | None:
    """Kolada links the next page (v3: next_url; v2 called it next_page)."""
    try:
        document = read_json(SOURCE, snapshot)
    except SourceError:
        return None  # the parser reports the broken page with its name
    url = (
        document.get("next_url") or document.get("next_page")
        if isinstance(document, dict)
        else None
    )
    if not url:
        return None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise SourceError(SOURCE, f"{snapshot.name}: next_url är ingen webbadress ({shown(url)})")
    return Request(url=url, name=safe_name(url.rsplit("/", 1)[-1]) + ".json")
