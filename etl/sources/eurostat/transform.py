"""Eurostat answers (JSON-stat 2.0, or a bulk TSV file) to tidy rows for one indicator.

Eurostat flags values: b = break in series, e = estimated, u = low reliability, p =
provisional, ":" = not available. The flag is kept as the status; EU27_2020 is the EU.
"""

from __future__ import annotations

import re

import pandas as pd

from etl.errors import SourceError, clip, reading, shown
from etl.jsonstat import JsonStatError, read_json, read_jsonstat
from etl.observations.frame import MISSING, as_number
from etl.observations.regions import region_lookup
from etl.snapshots import SourceInput
from etl.sources.api_run import Parsed
from indicators.models import EurostatSource, Indicator, RegionRegistry

SOURCE = "eurostat"
EU_AGGREGATES = {"EU27_2020": "EU"}


def _filter(frame: pd.DataFrame, indicator: Indicator, origin: str) -> pd.DataFrame:
    ref = indicator.source_as(EurostatSource)
    for key, value in ref.filters.items():
        if key not in frame:
            raise SourceError(SOURCE, f"{indicator.id}: {origin} saknar dimensionen {key}")
        frame = frame[frame[key] == value]
    geos = list(ref.geo)
    return frame[frame["geo"].isin(geos)] if geos else frame


def _from_jsonstat(indicator: Indicator, snapshot: SourceInput) -> pd.DataFrame:
    try:
        dataset = read_jsonstat(read_json(SOURCE, snapshot))
    except JsonStatError as exc:
        raise SourceError(SOURCE, f"{snapshot.name} ({clip(snapshot.origin)}): {exc}") from exc
    for needed in ("geo", "time"):
        if needed not in dataset.frame:
            raise SourceError(SOURCE, f"{snapshot.name}: svaret saknar dimensionen {needed}")
    frame = _filter(dataset.frame, indicator, snapshot.name)
    return frame.rename(columns={"time": "period"}).assign(source_updated=dataset.updated)


MAX_TSV_BYTES = 200_000_000  # a whole bulk dataset is tens of MB; a regional excerpt kB
FLAG = re.compile(r"[a-z]{0,4}")  # Eurostat's flags: b, e, u, p, bp …


def read_bulk_tsv(path) -> pd.DataFrame:
    """Eurostat bulk TSV: 'unit,sex,age,geo\\time', then one column per year.

    A cell is a value and an optional flag ('10.8 b'); ':' means not available. A line
    with fewer or more cells than the header (a cut-off file) is an error naming the line;
    a value that is no number is kept in `bad_value` for validation to refuse."""
    name = getattr(path, "name", str(path))
    try:
        if path.stat().st_size > MAX_TSV_BYTES:
            raise SourceError(
                SOURCE, f"{name}: filen är större än {MAX_TSV_BYTES // 1_000_000} MB (gränsen)"
            )
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(SOURCE, f"{name}: filen är inte UTF-8 (byte {exc.start})") from exc
    except OSError as exc:
        raise SourceError(SOURCE, f"{name}: kan inte läsas: {clip(exc)}") from exc
    lines = [(n, line.split("\t")) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        raise SourceError(SOURCE, f"{name}: filen är tom")
    _, header = lines[0]
    if "\\" not in header[0] or len(header) < 2:
        raise SourceError(
            SOURCE,
            f"{name}, rad 1: ingen Eurostat-TSV (rubriken ska vara t.ex. "
            f"'unit,sex,age,geo\\time' och en kolumn per period), fann {shown(header[0])}",
        )
    keys = [k.strip() for k in header[0].split("\\")[0].split(",")]
    if "geo" not in keys:
        raise SourceError(SOURCE, f"{name}, rad 1: rubriken saknar geo ({shown(header[0])})")
    periods = [h.strip() for h in header[1:]]
    rows = []
    for number, cells in lines[1:]:
        codes = [c.strip() for c in cells[0].split(",")]
        if len(codes) != len(keys) or len(cells) != len(header):
            raise SourceError(
                SOURCE,
                f"{name}, rad {number}: {len(codes)} koder och {len(cells) - 1} värden, men "
                f"rubriken har {len(keys)} och {len(periods)} (avskuren eller trasig fil?)",
            )
        named = dict(zip(keys, codes, strict=True))
        for period, cell in zip(periods, cells[1:], strict=True):
            value_text, _, flag = cell.strip().partition(" ")
            missing = value_text in (":", "")
            value, bad = (None, None) if missing else as_number(value_text)
            flag = flag.strip()
            if not FLAG.fullmatch(flag):
                bad = bad or clip(cell.strip())
            rows.append(
                {
                    **named,
                    "period": period,
                    "value": value,
                    "bad_value": bad,
                    "status": MISSING if missing else (clip(flag, 10) or None),
                    "line": number,
                }
            )
    return pd.DataFrame(rows)


def parse(indicator: Indicator, snapshots: list[SourceInput], registry: RegionRegistry) -> Parsed:
    lookup = region_lookup(registry) | EU_AGGREGATES
    frames = []
    for snapshot in snapshots:
        with reading(SOURCE, snapshot.name):
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
                    "bad_value": raw.get("bad_value"),
                    "status": raw["status"],
                    "source_updated": raw["source_updated"],
                    "origin": snapshot.origin,
                    "file": snapshot.name,
                    "source_text": indicator.source.label,
                    "line": raw.get("line"),
                }
            )
        )
    return Parsed(frame=pd.concat(frames, ignore_index=True))
