"""Tillväxtanalys answers (json-stat2, or a PxWeb XLSX export) to tidy rows.

Tillväxtanalys numbers its regions with running codes and writes the länskod in the label
("20 Dalarnas län"), so regions are matched on the label.
"""

from __future__ import annotations

import re

import pandas as pd

from etl.errors import SourceError
from etl.fetch import read_json
from etl.jsonstat import JsonStatError, read_jsonstat
from etl.observations.frame import normalise_period
from etl.observations.regions import region_lookup
from etl.snapshots import SourceInput
from etl.sources.api_run import Parsed
from indicators.models import Indicator, RegionRegistry

SOURCE = "tva"
LAN_IN_LABEL = re.compile(r"^\s*(\d{2})\s")


def lan_code(label: str) -> str | None:
    hit = LAN_IN_LABEL.match(str(label))
    return hit.group(1) if hit else None


def _from_jsonstat(indicator: Indicator, snapshot: SourceInput) -> pd.DataFrame:
    ref = indicator.source.reference
    try:
        dataset = read_jsonstat(read_json(SOURCE, snapshot))
    except JsonStatError as exc:
        raise SourceError(SOURCE, f"{snapshot.name} ({snapshot.origin}): {exc}") from exc
    frame = dataset.frame
    contents = ref.get("contents_variable", "variabel")
    label = ref["contents"]["label"].strip().lower()
    frame = frame[frame[f"{contents}_label"].str.strip().str.lower() == label]
    region = ref.get("region_variable", "Län")
    return pd.DataFrame(
        {
            "region_input": frame[f"{region}_label"],
            "period": frame[ref.get("time_variable", "Tid")],
            "value": frame["value"],
            "status": frame["status"],
            "source_updated": dataset.updated,
        }
    )


def _from_export(snapshot: SourceInput) -> pd.DataFrame:
    """A PxWeb XLSX export: title, header with the content label, then period | region | value."""
    sheet = pd.read_excel(snapshot.path, header=None, engine="calamine", dtype=object)
    body = sheet[sheet.iloc[:, 0].astype(str).str.match(r"^\d{4}(Q[1-4]|K[1-4])?$")]
    if body.empty:
        raise SourceError(
            SOURCE, f"{snapshot.name}: hittar inga rader med period i första kolumnen"
        )
    values = pd.to_numeric(
        body.iloc[:, -1].astype(str).str.strip().replace("..", None), errors="coerce"
    )
    return pd.DataFrame(
        {
            "region_input": body.iloc[:, 1].astype(str),
            "period": body.iloc[:, 0].astype(str),
            "value": values,
            "status": [".." if pd.isna(v) else None for v in values],
            "source_updated": None,
        }
    )


def parse(indicator: Indicator, snapshots: list[SourceInput], registry: RegionRegistry) -> Parsed:
    lookup = region_lookup(registry)
    frames = []
    for snapshot in snapshots:
        raw = (
            _from_export(snapshot)
            if snapshot.path.suffix == ".xlsx"
            else _from_jsonstat(indicator, snapshot)
        )
        frames.append(
            raw.assign(
                indicator_id=indicator.id,
                region_code=raw["region_input"].map(
                    lambda label: lookup.get(lan_code(label) or "")
                ),
                period=raw["period"].map(normalise_period),
                sex="T",
                origin=snapshot.origin,
                source_text=indicator.source.label,
            )
        )
    return Parsed(frame=pd.concat(frames, ignore_index=True))
