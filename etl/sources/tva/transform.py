"""Tillväxtanalys answers (json-stat2, or a PxWeb XLSX export) to tidy rows.

Tillväxtanalys numbers its regions with running codes and writes the länskod in the label
("20 Dalarnas län"), so regions are matched on the label.
"""

from __future__ import annotations

import re

import pandas as pd

from etl.errors import SourceError, clip, reading
from etl.jsonstat import JsonStatError, read_json, read_jsonstat
from etl.limits import InputLimitError, check_workbook
from etl.observations.frame import as_number, normalise_period
from etl.observations.regions import region_lookup
from etl.snapshots import SourceInput
from etl.sources.api_run import Parsed
from indicators.models import Indicator, RegionRegistry, TvaSource

SOURCE = "tva"
LAN_IN_LABEL = re.compile(r"^\s*(\d{2})\s")


def lan_code(label: str) -> str | None:
    hit = LAN_IN_LABEL.match(str(label))
    return hit.group(1) if hit else None


def _from_jsonstat(indicator: Indicator, snapshot: SourceInput) -> pd.DataFrame:
    ref = indicator.source_as(TvaSource)
    try:
        dataset = read_jsonstat(read_json(SOURCE, snapshot))
    except JsonStatError as exc:
        raise SourceError(SOURCE, f"{snapshot.name} ({clip(snapshot.origin)}): {exc}") from exc
    frame = dataset.frame
    contents, region, time = ref.contents_variable, ref.region_variable, ref.time_variable
    absent = [v for v in (contents, region, time) if v not in frame]
    if absent:
        raise SourceError(SOURCE, f"{snapshot.name}: svaret saknar variabeln {', '.join(absent)}")
    label = ref.contents.label.strip().lower()
    frame = frame[frame[f"{contents}_label"].str.strip().str.lower() == label]
    return pd.DataFrame(
        {
            "region_input": frame[f"{region}_label"],
            "period": frame[time],
            "value": frame["value"],
            "bad_value": frame["bad_value"],
            "status": frame["status"],
            "source_updated": dataset.updated,
        }
    )


def _from_export(snapshot: SourceInput) -> pd.DataFrame:
    """A PxWeb XLSX export: title, header with the content label, then period | region | value."""
    try:
        check_workbook(snapshot.path)
        sheet = pd.read_excel(snapshot.path, header=None, engine="calamine", dtype=object)
    except InputLimitError as exc:
        raise SourceError(SOURCE, f"{snapshot.name}: {exc}") from exc
    except Exception as exc:  # calamine raises its own types for corrupt or non-Excel files
        raise SourceError(
            SOURCE, f"{snapshot.name}: kan inte läsas som Excel-arbetsbok: {clip(exc)}"
        ) from exc
    if sheet.shape[1] < 3:
        raise SourceError(SOURCE, f"{snapshot.name}: väntade kolumnerna period, region och värde")
    body = sheet[sheet.iloc[:, 0].astype(str).str.match(r"^\d{4}(Q[1-4]|K[1-4])?$")]
    if body.empty:
        raise SourceError(
            SOURCE, f"{snapshot.name}: hittar inga rader med period i första kolumnen"
        )
    parsed = [as_number(v) for v in body.iloc[:, -1].tolist()]
    values = [v for v, _ in parsed]
    return pd.DataFrame(
        {
            "region_input": body.iloc[:, 1].astype(str).to_numpy(),
            "period": body.iloc[:, 0].astype(str).to_numpy(),
            "value": values,
            "bad_value": [b for _, b in parsed],
            "status": [".." if pd.isna(v) and b is None else None for v, b in parsed],
            "source_updated": None,
            "line": (body.index + 1).to_numpy(),
        }
    )


def parse(indicator: Indicator, snapshots: list[SourceInput], registry: RegionRegistry) -> Parsed:
    lookup = region_lookup(registry)
    frames = []
    for snapshot in snapshots:
        with reading(SOURCE, snapshot.name):
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
                file=snapshot.name,
                source_text=indicator.source.label,
            )
        )
    return Parsed(frame=pd.concat(frames, ignore_index=True))
