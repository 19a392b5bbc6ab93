"""Eurostat's dissemination API: /data/{dataset}?geo=…&<filters>&format=JSON (JSON-stat 2.0).

Offline, Eurostat bulk TSV files named after the dataset ($RUSMON_SOURCES_DIR/eurostat/
{dataset}*.tsv) serve as well.
"""

from __future__ import annotations

from pathlib import Path

from etl.fetch import Request, safe_name
from etl.snapshots import SourceInput, local_input
from indicators.models import EurostatSource, Indicator

SOURCE = "eurostat"
CALLS, WINDOW = 5, 1.0  # no published limit: stay polite


def plan_requests(indicator: Indicator, root: str) -> list[Request]:
    ref = indicator.source_as(EurostatSource)
    params: dict[str, object] = {"format": "JSON", "lang": "en"}
    params |= dict(ref.filters)
    params["geo"] = list(ref.geo)
    name = safe_name(ref.dataset) + ".json"
    return [Request(url=f"{root}/data/{ref.dataset}", params=params, name=name)]


def local_files(sources_dir: Path | None, indicator: Indicator) -> list[SourceInput]:
    if sources_dir is None:
        return []
    dataset = indicator.source_as(EurostatSource).dataset
    found = sorted((sources_dir / SOURCE).glob(f"{dataset}*.tsv"))
    return [local_input(SOURCE, p) for p in found]
