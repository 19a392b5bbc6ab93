"""SCB's json-stat2 (or legacy json) answers to tidy rows for one indicator."""

from __future__ import annotations

import pandas as pd

from etl.errors import SourceError, clip, reading
from etl.jsonstat import Dataset, JsonStatError, read_json, read_jsonstat, read_pxweb_json
from etl.observations.frame import normalise_period
from etl.observations.regions import region_lookup
from etl.snapshots import SourceInput
from etl.sources.api_run import Parsed
from indicators.models import Indicator, RegionRegistry, ScbSource

SOURCE = "scb"


def read_dataset(snapshot: SourceInput) -> Dataset:
    document = read_json(SOURCE, snapshot)
    try:
        if isinstance(document, dict) and "columns" in document:
            return read_pxweb_json(document)
        return read_jsonstat(document)
    except JsonStatError as exc:
        raise SourceError(SOURCE, f"{snapshot.name} ({clip(snapshot.origin)}): {exc}") from exc


def rows_for(
    indicator: Indicator,
    dataset: Dataset,
    registry: RegionRegistry,
    origin: str,
    file: str | None = None,
):
    ref = indicator.source_as(ScbSource)
    frame = dataset.frame
    file = file or origin
    contents_variable = ref.contents_variable
    wanted = ref.contents
    if contents_variable in frame:
        if wanted.code is not None:
            frame = frame[frame[contents_variable] == wanted.code]
        else:
            label = (wanted.label or "").strip().lower()
            frame = frame[frame[f"{contents_variable}_label"].str.strip().str.lower() == label]
    if frame.empty:
        raise SourceError(
            SOURCE, f"{indicator.id}: svaret ({file}) innehåller inte {wanted.as_dict()}"
        )
    region_variable = ref.region_variable
    time_variable = ref.time_variable
    if time_variable not in frame:
        raise SourceError(SOURCE, f"{file}: svaret saknar tidsvariabeln {time_variable}")
    if ref.sex and ref.sex.variable not in frame:
        raise SourceError(SOURCE, f"{file}: svaret saknar variabeln {ref.sex.variable}")
    # An eliminated region variable means the whole country.
    regions = (
        frame[region_variable] if region_variable in frame else pd.Series("00", index=frame.index)
    )
    sex = ref.sex
    sexes = (
        frame[sex.variable].map(lambda code: sex.codes.get(code, code))
        if sex
        else pd.Series("T", index=frame.index)
    )
    lookup = region_lookup(registry)
    return pd.DataFrame(
        {
            "indicator_id": indicator.id,
            "region_input": regions,
            "region_code": regions.map(lookup),
            "period": frame[time_variable].map(normalise_period),
            "sex": sexes,
            "value": frame["value"],
            "bad_value": frame.get("bad_value"),
            "status": frame["status"],
            "source_updated": dataset.updated,
            "origin": origin,
            "file": file,
            "source_text": indicator.source.label,
        }
    )


def parse(indicator: Indicator, snapshots: list[SourceInput], registry: RegionRegistry) -> Parsed:
    frames: list[pd.DataFrame] = []
    notes: dict[str, bool] = {}
    for snapshot in snapshots:
        with reading(SOURCE, snapshot.name):
            dataset = read_dataset(snapshot)
            frames.append(rows_for(indicator, dataset, registry, snapshot.origin, snapshot.name))
            for note in dataset.notes:
                notes[note] = notes.get(note, False) or note in dataset.mandatory_notes
    return Parsed(frame=pd.concat(frames, ignore_index=True), notes=list(notes.items()))
