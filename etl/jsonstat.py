"""One reader for JSON-stat 2.0 datasets (SCB PxWebApi 2.0 and v1, Tillväxtanalys, Eurostat),
and one for PxWeb v1's older "json" answer (columns/data), which SCB still serves.

Both give a long DataFrame: one column per dimension holding codes, `<dimension>_label`
holding labels, `value` (float, NaN where missing) and `status` (the source's flag).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd

MISSING = ".."


class JsonStatError(ValueError):
    """The document is not the JSON-stat dataset it claims to be."""


@dataclass
class Dataset:
    frame: pd.DataFrame
    dimensions: list[str]
    label: str = ""
    source: str = ""
    updated: datetime | None = None
    notes: list[str] = field(default_factory=list)
    mandatory_notes: list[str] = field(default_factory=list)
    units: dict[str, dict] = field(default_factory=dict)  # content code -> {base, decimals}
    roles: dict[str, list[str]] = field(default_factory=dict)  # time, geo, metric


def parse_time(text: str | None) -> datetime | None:
    """'2025-02-21T07:00:00Z' -> naive UTC; None stays None."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _category_codes(dimension: dict, name: str, size: int) -> list[str]:
    category = dimension.get("category") or {}
    index = category.get("index")
    if index is None:
        labels = category.get("label") or {}
        if len(labels) == 1 and size == 1:
            return list(labels)
        raise JsonStatError(f"dimensionen {name} saknar category.index")
    if isinstance(index, list):
        codes = [str(c) for c in index]
    else:
        codes = [None] * len(index)
        for code, position in index.items():
            codes[int(position)] = str(code)
    if len(codes) != size or any(c is None for c in codes):
        raise JsonStatError(f"dimensionen {name}: {len(codes)} kategorier men size säger {size}")
    return codes


def _spread(values: Any, total: int, name: str, default: Any) -> list:
    """JSON-stat allows an array, a {position: value} object, or (for status) one string."""
    if values is None:
        return [default] * total
    if isinstance(values, str):
        return [values] * total
    if isinstance(values, list):
        if len(values) != total:
            raise JsonStatError(f"{name} har {len(values)} poster men dimensionerna ger {total}")
        return values
    if isinstance(values, dict):
        out = [default] * total
        for position, value in values.items():
            i = int(position)
            if not 0 <= i < total:
                raise JsonStatError(f"{name}: position {i} ligger utanför 0–{total - 1}")
            out[i] = value
        return out
    raise JsonStatError(f"{name} har oväntad typ {type(values).__name__}")


def _number(value: Any) -> float:
    if value is None or isinstance(value, bool):
        return math.nan
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if text in ("", MISSING, ".", "-"):
        return math.nan
    return float(text)


def read_jsonstat(document: Any) -> Dataset:
    if not isinstance(document, dict) or document.get("class") != "dataset":
        raise JsonStatError("svaret är inget JSON-stat-dataset (class = dataset saknas)")
    try:
        ids = [str(i) for i in document["id"]]
        sizes = [int(s) for s in document["size"]]
        dimensions = document["dimension"]
    except (KeyError, TypeError, ValueError) as exc:
        raise JsonStatError(f"id, size eller dimension saknas: {exc}") from exc
    if len(ids) != len(sizes):
        raise JsonStatError("id och size har olika längd")
    total = int(np.prod(sizes)) if sizes else 0
    values = _spread(document.get("value"), total, "value", None)
    status = _spread(document.get("status"), total, "status", None)

    columns: dict[str, Any] = {}
    stride = total
    for name, size in zip(ids, sizes, strict=True):
        stride //= size
        codes = _category_codes(dimensions[name], name, size)
        labels = (dimensions[name].get("category") or {}).get("label") or {}
        positions = (np.arange(total) // stride) % size
        code_array = np.array(codes, dtype=object)[positions]
        columns[name] = code_array
        columns[f"{name}_label"] = [labels.get(c, c) for c in code_array]
    try:
        columns["value"] = [_number(v) for v in values]
    except ValueError as exc:
        raise JsonStatError(f"ett värde är inget tal: {exc}") from exc
    values_missing = [math.isnan(v) for v in columns["value"]]
    columns["status"] = pd.Series(
        [
            MISSING if s in (None, "") and gone else (None if s in (None, "") else str(s))
            for s, gone in zip(status, values_missing, strict=True)
        ],
        dtype=object,
    )
    frame = pd.DataFrame(columns)

    extension = document.get("extension") or {}
    notes = [str(n) for n in document.get("note") or []]
    flags = extension.get("noteMandatory") or {}
    mandatory = [notes[int(i)] for i, on in flags.items() if on and int(i) < len(notes)]
    units = {}
    for name in ids:
        unit = (dimensions[name].get("category") or {}).get("unit") or {}
        units.update({str(code): info for code, info in unit.items()})
    return Dataset(
        frame=frame,
        dimensions=ids,
        label=str(document.get("label", "")),
        source=str(document.get("source", "")),
        updated=parse_time(document.get("updated")),
        notes=notes,
        mandatory_notes=mandatory,
        units=units,
        roles={k: list(v) for k, v in (document.get("role") or {}).items()},
    )


def read_pxweb_json(document: Any) -> Dataset:
    """PxWeb v1 `"format": "json"`: columns (d/t/c), data [{key, values}], metadata."""
    try:
        columns = document["columns"]
        data = document["data"]
    except (KeyError, TypeError) as exc:
        raise JsonStatError("svaret är inget PxWeb-json (columns och data saknas)") from exc
    keys = [c for c in columns if c.get("type") in ("d", "t")]
    contents = [c for c in columns if c.get("type") == "c"]
    rows = []
    for entry in data:
        key, values = entry.get("key", []), entry.get("values", [])
        if len(key) != len(keys) or len(values) != len(contents):
            raise JsonStatError("en datarad har fel antal nycklar eller värden")
        for content, raw in zip(contents, values, strict=True):
            row = {c["code"]: k for c, k in zip(keys, key, strict=True)}
            row |= {f"{c['code']}_label": k for c, k in zip(keys, key, strict=True)}
            row["ContentsCode"] = content["code"]
            row["ContentsCode_label"] = content.get("text", content["code"])
            text = str(raw).strip()
            row["value"] = _number(text)
            row["status"] = MISSING if math.isnan(row["value"]) else None
            rows.append(row)
    metadata = (document.get("metadata") or [{}])[0]
    notes = [c["comment"].strip() for c in contents if c.get("comment")]
    notes += [str(c.get("comment", "")).strip() for c in document.get("comments") or []]
    return Dataset(
        frame=pd.DataFrame(rows),
        dimensions=[c["code"] for c in keys] + ["ContentsCode"],
        label=str(metadata.get("label", "")),
        source=str(metadata.get("source", "")),
        updated=parse_time(metadata.get("updated")),
        notes=[n for n in notes if n],
        roles={"time": [c["code"] for c in keys if c.get("type") == "t"]},
    )
