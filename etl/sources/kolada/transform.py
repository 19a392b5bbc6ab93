"""Kolada's JSON (values per municipality and period, split by gender T/K/M) to tidy rows."""

from __future__ import annotations

import pandas as pd

from etl.errors import SourceError
from etl.fetch import read_json
from etl.jsonstat import parse_time
from etl.observations.frame import MISSING
from etl.observations.regions import region_lookup
from etl.snapshots import SourceInput
from etl.sources.api_run import Parsed
from indicators.models import Indicator, RegionRegistry

SOURCE = "kolada"
COLUMNS = (
    "indicator_id",
    "region_input",
    "region_code",
    "period",
    "sex",
    "value",
    "status",
    "origin",
    "source_text",
)


def _values(document: object, snapshot: SourceInput) -> list[dict]:
    if not isinstance(document, dict) or not isinstance(document.get("values"), list):
        raise SourceError(
            SOURCE, f"{snapshot.name} ({snapshot.origin}): inget Kolada-svar (listan values saknas)"
        )
    return document["values"]


def parse(indicator: Indicator, snapshots: list[SourceInput], registry: RegionRegistry) -> Parsed:
    lookup = region_lookup(registry)
    published = None
    rows = []
    for snapshot in snapshots:
        for entry in _values(read_json(SOURCE, snapshot), snapshot):
            if "title" in entry and "municipality" not in entry:  # the KPI's metadata
                published = parse_time(entry.get("publication_date"))
                continue
            try:
                municipality, period = str(entry["municipality"]), str(entry["period"])
                splits = entry["values"]
            except (KeyError, TypeError) as exc:
                raise SourceError(SOURCE, f"{snapshot.name}: post utan {exc}") from exc
            for split in splits:
                value = split.get("value")
                status = split.get("status") or (MISSING if value is None else None)
                rows.append(
                    {
                        "indicator_id": indicator.id,
                        "region_input": municipality,
                        "region_code": lookup.get(municipality),
                        "period": period,
                        "sex": split.get("gender", "T"),
                        "value": value,
                        "status": status,
                        "origin": snapshot.origin,
                        "source_text": indicator.source.label,
                    }
                )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    if not indicator.sex_split:
        frame = frame[frame["sex"] == "T"]
    return Parsed(frame=frame.assign(source_updated=published))
