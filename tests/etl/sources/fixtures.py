"""Builders of responses in the sources' real formats, filled with real published values.

TEST DATA: every number comes from a file in ../shared/data; only the layout is ours.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from indicators.catalogue import catalogue


def jsonstat(
    frame: pd.DataFrame,
    dimensions: list[str],
    labels: dict[str, dict[str, str]] | None = None,
    *,
    label: str = "",
    updated: str | None = None,
    extra: dict | None = None,
) -> dict:
    """A JSON-stat 2.0 dataset from a long frame with one column per dimension and `value`.

    Cells not in the frame are null (missing), as a real sparse cube would have them."""
    labels = labels or {}
    categories = {d: list(dict.fromkeys(frame[d].astype(str))) for d in dimensions}
    sizes = [len(categories[d]) for d in dimensions]
    index = {
        tuple(str(v) for v in row[:-1]): row[-1]
        for row in frame[[*dimensions, "value"]].itertuples(index=False)
    }
    values = []
    for position in pd.MultiIndex.from_product([categories[d] for d in dimensions]):
        value = index.get(tuple(position))
        values.append(None if value is None or pd.isna(value) else value)
    document = {
        "version": "2.0",
        "class": "dataset",
        "label": label,
        "source": "test",
        "id": dimensions,
        "size": sizes,
        "value": values,
        "dimension": {
            d: {
                "label": d,
                "category": {
                    "index": {c: i for i, c in enumerate(categories[d])},
                    "label": {c: labels.get(d, {}).get(c, c) for c in categories[d]},
                },
            }
            for d in dimensions
        },
    }
    if updated:
        document["updated"] = updated
    return document | (extra or {})


def lan_by_name() -> dict[str, str]:
    """'Dalarnas län' -> '20' from the catalogue."""
    return {r.name_sv: r.scb_code for r in catalogue().regions.swedish(level=3)}


def kolada_rows_from_csv(
    path: Path,
    kpi: str,
    value_column: str,
    municipality: str | None = None,
    kpi_title: str | None = None,
) -> list[dict]:
    """Real Kolada figures flattened by Region Dalarna, back in Kolada's per-period shape."""
    names = lan_by_name()
    grouped: dict[tuple[str, int], list[dict]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if kpi_title and row.get("kpi") != kpi_title:
                continue
            place = municipality or "00" + names[row["municipality"]]
            split = {
                "count": 1,
                "gender": row.get("gender", "T"),
                "status": "",
                "value": float(row[value_column]) if row[value_column] not in ("", "NA") else None,
            }
            grouped.setdefault((place, int(row["year"])), []).append(split)
    return [
        {"kpi": kpi, "municipality": m, "period": y, "values": v}
        for (m, y), v in sorted(grouped.items())
    ]


def kolada_page(values: list[dict], next_url: str | None = None) -> bytes:
    return json.dumps(
        {"count": len(values), "values": values, "next_url": next_url, "previous_url": None},
        ensure_ascii=False,
    ).encode()
