"""Kolada's JSON (values per municipality and period, split by gender T/K/M) to tidy rows."""

from __future__ import annotations

import pandas as pd

from etl.errors import SourceError, clip, reading, shown
from etl.jsonstat import parse_time, read_json
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
    "file",
    "source_text",
)


def _values(document: object, snapshot: SourceInput) -> list[dict]:
    if not isinstance(document, dict) or not isinstance(document.get("values"), list):
        raise SourceError(
            SOURCE,
            f"{snapshot.name} ({clip(snapshot.origin)}): inget Kolada-svar (listan values saknas)",
        )
    return document["values"]


def _code(value: object) -> str | None:
    """A municipality id, period or gender as text; None when it is a list, an object …"""
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    return None


def _rows(indicator: Indicator, snapshot: SourceInput, entries: list, lookup: dict) -> tuple:
    """(tidy rows, the KPI's publication date if the page carries its metadata)."""
    published, rows = None, []
    for number, entry in enumerate(entries, start=1):
        where = f"{snapshot.name}, post {number}"
        if not isinstance(entry, dict):
            raise SourceError(SOURCE, f"{where}: posten är inget objekt ({shown(entry)})")
        if "title" in entry and "municipality" not in entry:  # the KPI's metadata
            published = parse_time(entry.get("publication_date"))
            continue
        missing = [k for k in ("municipality", "period", "values") if k not in entry]
        if missing:
            raise SourceError(SOURCE, f"{where}: posten saknar {', '.join(missing)}")
        municipality, period = _code(entry["municipality"]), _code(entry["period"])
        if municipality is None or period is None:
            raise SourceError(
                SOURCE,
                f"{where}: municipality och period ska vara text eller tal "
                f"({shown(entry['municipality'])}, {shown(entry['period'])})",
            )
        splits = entry["values"]
        if not isinstance(splits, list) or not all(isinstance(x, dict) for x in splits):
            raise SourceError(
                SOURCE, f"{where} ({municipality} {period}): values ska vara en lista av objekt"
            )
        for split in splits:
            value = split.get("value")
            status = split.get("status")
            status = clip(status) if status not in (None, "") else None
            gender = _code(split.get("gender", "T"))
            rows.append(
                {
                    "indicator_id": indicator.id,
                    "region_input": municipality,
                    "region_code": lookup.get(municipality),
                    "period": period,
                    "sex": gender if gender is not None else shown(split.get("gender")),
                    "value": value,
                    "status": status or (MISSING if value is None else None),
                    "origin": snapshot.origin,
                    "file": snapshot.name,
                    "source_text": indicator.source.label,
                }
            )
    return rows, published


def parse(indicator: Indicator, snapshots: list[SourceInput], registry: RegionRegistry) -> Parsed:
    """Every page's values; a value that is no number (text, true, 1e400) is kept as the
    source wrote it, for validation to refuse with its file and place."""
    lookup = region_lookup(registry)
    published = None
    rows = []
    for snapshot in snapshots:
        with reading(SOURCE, snapshot.name):
            page, stated = _rows(
                indicator, snapshot, _values(read_json(SOURCE, snapshot), snapshot), lookup
            )
        rows += page
        published = stated or published
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    if not indicator.sex_split:  # women and men are left out; anything else is validated
        frame = frame[~frame["sex"].isin(["K", "M"])]
    return Parsed(frame=frame.assign(source_updated=published))
