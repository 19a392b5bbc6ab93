"""Eurostat answers (JSON-stat 2.0, or a bulk TSV file) to tidy rows for one indicator.

Eurostat flags values: b = break in series, e = estimated, u = low reliability, p =
provisional, ":" = not available. The flag is kept as the status; EU27_2020 is the EU.
"""

from __future__ import annotations

import pandas as pd

from etl.errors import SourceError
from etl.fetch import read_json
from etl.jsonstat import JsonStatError, read_jsonstat
from etl.observations.frame import MISSING
from etl.observations.regions import region_lookup
from etl.snapshots import SourceInput
from etl.sources.api_run import Parsed
from indicators.models import Indicator, RegionRegistry

SOURCE = "eurostat"
EU_AGGREGATES = {"EU27_2020": "EU"}


def _filter(frame: pd.DataFrame, indicator: Indicator, origin: str) -> pd.DataFrame:
    for key, value in indicator.source.reference["filters"].items():
        if key not in frame:
            raise SourceError(SOURCE, f"{indicator.id}: {origin} saknar dimensionen {key}")
        frame = frame[frame[key] == str(value)]
    geos = indicator.source.reference.get("geo")
    return frame[frame["geo"].isin(geos)] if geos else frame


def _from_jsonstat(indicator: Indicator, snapshot: SourceInput) -> pd.DataFrame:
    try:
        dataset = read_jsonstat(read_json(SOURCE, snapshot))
    except JsonStatError as exc:
        raise SourceError(SOURCE, f"{snapshot.name} ({snapshot.origin}): {exc}") from exc
    frame = _filter(dataset.frame, indicator, snapshot.name)
    return frame.rename(columns={"time": "period"}).assign(source_updated=dataset.updated)


def read_bulk_tsv(path) -> pd.DataFrame:
    """Eurostat bulk TSV: 'unit,sex,age,geo\\time', then one column per year.

    A cell is a value and an optional flag ('10.8 b'); ':' means not available."""
    text = path.read_text(encoding="utf-8")
    lines = [line.split("\t") for line in text.splitlines() if line.strip()]
    header = lines[0]
    keys = header[0].split("\\")[0].split(",")
    periods = [h.strip() for h in header[1:]]
    rows = []
    for cells in lines[1:]:
        codes = dict(zip(keys, cells[0].split(","), strict=True))
        for period, cell in zip(periods, cells[1:], strict=True):
            number, _, flag = cell.strip().partition(" ")
            missing = number in (":", "")
            rows.append(
                {
                    **codes,
                    "period": period,
                    "value": None if missing else float(number),
                    "status": MISSING if missing else (flag.strip() or None),
                }
            )
    return pd.DataFrame(rows)


def parse(indicator: Indicator, snapshots: list[SourceInput], registry: RegionRegistry) -> Parsed:
    lookup = region_lookup(registry) | EU_AGGREGATES
    frames = []
    for snapshot in snapshots:
        if snapshot.path.suffix == ".tsv":
            raw = _filter(read_bulk_tsv(snapshot.path), indicator, snapshot.name)
            raw = raw.assign(source_updated=None)
        else:
            raw = _from_jsonstat(indicator, snapshot)
        frames.append(
            pd.DataFrame(
                {
                    "indicator_id": indicator.id,
                    "region_input": raw["geo"],
                    "region_code": raw["geo"].map(lookup),
                    "period": raw["period"].astype(str),
                    "sex": "T",
                    "value": raw["value"],
                    "status": raw["status"],
                    "source_updated": raw["source_updated"],
                    "origin": snapshot.origin,
                    "source_text": indicator.source.label,
                }
            )
        )
    return Parsed(frame=pd.concat(frames, ignore_index=True))
