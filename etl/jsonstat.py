"""One reader for JSON-stat 2.0 datasets (SCB PxWebApi 2.0 and v1, Tillväxtanalys, Eurostat),
and one for PxWeb v1's older "json" answer (columns/data), which SCB still serves.

Both give a long DataFrame: one column per dimension holding codes, `<dimension>_label`
holding labels, `value` (float, NaN where missing), `status` (the source's flag) and
`bad_value` (the source's value where it is no finite number, e.g. "abc" or 1e400, for
validation to refuse with its place; None elsewhere).

Every departure from the format is a JsonStatError saying what is wrong; nothing else
escapes (the answers come from outside).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import wraps
from typing import Any

import numpy as np
import pandas as pd

from etl.errors import SourceError, clip, shown
from etl.limits import InputLimitError, parse_json
from etl.observations.frame import as_number
from etl.snapshots import SourceInput

MISSING = ".."
# SCB answers at most 150,000 cells per call; a cube stated far larger is not an answer
# we can hold (and np.arange over it would take the memory).
MAX_CELLS = 5_000_000


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


def read_json(source: str, snapshot: SourceInput) -> Any:
    """A snapshot's JSON document; a file that is no JSON, too large or nested too deep is
    a SourceError naming it. NaN and Infinity (not JSON) are refused."""
    try:
        raw = snapshot.path.read_bytes()
    except OSError as exc:
        raise SourceError(source, f"{snapshot.name}: kan inte läsas: {clip(exc)}") from exc
    try:
        return parse_json(raw)
    except InputLimitError as exc:
        raise SourceError(source, f"{snapshot.name} ({clip(snapshot.origin)}): {exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise SourceError(
            source, f"{snapshot.name}: ingen giltig JSON ({clip(snapshot.origin)}): {clip(exc)}"
        ) from exc


def parse_time(text: Any) -> datetime | None:
    """'2025-02-21T07:00:00Z' -> naive UTC; None (or anything not a time) stays None."""
    if not text or not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        except (OverflowError, ValueError):
            return None
    return moment


def _guarded(function: Callable) -> Callable:
    """Anything the format checks did not foresee is still a JsonStatError."""

    @wraps(function)
    def wrapper(document: Any) -> Dataset:
        try:
            return function(document)
        except JsonStatError:
            raise
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError) as exc:
            raise JsonStatError(f"oväntad struktur ({type(exc).__name__}: {clip(exc)})") from exc

    return wrapper


def _mapping(value: Any, what: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise JsonStatError(f"{what} ska vara ett objekt, inte {type(value).__name__}")
    return value


def _list(value: Any, what: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise JsonStatError(f"{what} ska vara en lista, inte {type(value).__name__}")
    return value


def _position(text: Any, what: str) -> int:
    if isinstance(text, bool):
        raise JsonStatError(f"{what}: positionen {shown(text)} är inget heltal")
    try:
        return int(text)
    except (TypeError, ValueError, OverflowError):
        raise JsonStatError(f"{what}: positionen {shown(text)} är inget heltal") from None


def _code(value: Any, what: str) -> str:
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    raise JsonStatError(f"{what}: {shown(value)} är ingen kod")


def _category_codes(dimension: Any, name: str, size: int) -> list[str]:
    dimension = _mapping(dimension, f"dimensionen {name}")
    category = _mapping(dimension.get("category"), f"dimensionen {name}: category")
    index = category.get("index")
    if index is None:
        labels = _mapping(category.get("label"), f"dimensionen {name}: category.label")
        if len(labels) == 1 and size == 1:
            return [_code(c, f"dimensionen {name}") for c in labels]
        raise JsonStatError(f"dimensionen {name} saknar category.index")
    if isinstance(index, list):
        codes: list[str | None] = [_code(c, f"dimensionen {name}") for c in index]
    elif isinstance(index, dict):
        if len(index) != size:
            raise JsonStatError(
                f"dimensionen {name}: {len(index)} kategorier men size säger {size}"
            )
        codes = [None] * size
        for code, position in index.items():
            i = _position(position, f"dimensionen {name}")
            if not 0 <= i < size:
                raise JsonStatError(f"dimensionen {name}: position {i} ligger utanför 0–{size - 1}")
            codes[i] = str(code)
    else:
        raise JsonStatError(
            f"dimensionen {name}: category.index ska vara en lista eller ett objekt"
        )
    if len(codes) != size or any(c is None for c in codes):
        raise JsonStatError(f"dimensionen {name}: {len(codes)} kategorier men size säger {size}")
    return codes  # type: ignore[return-value]


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
            i = _position(position, name)
            if not 0 <= i < total:
                raise JsonStatError(f"{name}: position {i} ligger utanför 0–{total - 1}")
            out[i] = value
        return out
    raise JsonStatError(f"{name} har oväntad typ {type(values).__name__}")


def _label_text(value: Any) -> str:
    return value if isinstance(value, str) else clip(value)


@_guarded
def read_jsonstat(document: Any) -> Dataset:
    if not isinstance(document, dict) or document.get("class") != "dataset":
        raise JsonStatError("svaret är inget JSON-stat-dataset (class = dataset saknas)")
    raw_ids, raw_sizes = document.get("id"), document.get("size")
    if not isinstance(raw_ids, list) or not isinstance(raw_sizes, list):
        raise JsonStatError("id och size ska vara listor")
    dimensions = _mapping(document.get("dimension"), "dimension")
    ids = [_code(i, "id") for i in raw_ids]
    sizes = []
    for size in raw_sizes:
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise JsonStatError(f"size: {shown(size)} är inget antal")
        sizes.append(size)
    if len(ids) != len(sizes):
        raise JsonStatError("id och size har olika längd")
    if len(set(ids)) != len(ids):
        raise JsonStatError("id nämner samma dimension två gånger")
    total = math.prod(sizes) if sizes else 0
    if total > MAX_CELLS:
        raise JsonStatError(f"size anger {total} celler; gränsen är {MAX_CELLS}")
    missing = [name for name in ids if name not in dimensions]
    if missing:
        raise JsonStatError(f"dimensionen {clip(missing[0])} saknas under dimension")
    values = _spread(document.get("value"), total, "value", None)
    status = _spread(document.get("status"), total, "status", None)

    columns: dict[str, Any] = {}
    stride = total
    for name, size in zip(ids, sizes, strict=True):
        stride //= size if size else 1
        codes = _category_codes(dimensions[name], name, size)
        category = _mapping(dimensions[name].get("category"), f"dimensionen {name}: category")
        labels = _mapping(category.get("label"), f"dimensionen {name}: category.label")
        positions = (np.arange(total) // max(stride, 1)) % max(size, 1)
        code_array = np.array(codes, dtype=object)[positions] if total else np.array([], object)
        columns[name] = code_array
        columns[f"{name}_label"] = [_label_text(labels.get(c, c)) for c in code_array]
    parsed = [as_number(v) for v in values]
    columns["value"] = [v for v, _ in parsed]
    columns["bad_value"] = pd.Series([b for _, b in parsed], dtype=object)
    gone = [math.isnan(v) and b is None for v, b in parsed]
    columns["status"] = pd.Series(
        [
            MISSING if s in (None, "") and g else (None if s in (None, "") else clip(s))
            for s, g in zip(status, gone, strict=True)
        ],
        dtype=object,
    )
    frame = pd.DataFrame(columns)

    extension = _mapping(document.get("extension"), "extension")
    notes = [clip(n, 4000) for n in _list(document.get("note"), "note")]
    flags = _mapping(extension.get("noteMandatory"), "extension.noteMandatory")
    mandatory = []
    for i, on in flags.items():
        position = _position(i, "extension.noteMandatory")
        if on and 0 <= position < len(notes):
            mandatory.append(notes[position])
    units = {}
    for name in ids:
        category = _mapping(dimensions[name].get("category"), f"dimensionen {name}: category")
        unit = _mapping(category.get("unit"), f"dimensionen {name}: category.unit")
        units.update({str(code): info for code, info in unit.items() if isinstance(info, dict)})
    roles = _mapping(document.get("role"), "role")
    return Dataset(
        frame=frame,
        dimensions=ids,
        label=clip(document.get("label", ""), 1000),
        source=clip(document.get("source", ""), 1000),
        updated=parse_time(document.get("updated")),
        notes=notes,
        mandatory_notes=mandatory,
        units=units,
        roles={str(k): [str(v) for v in _list(vs, "role")] for k, vs in roles.items()},
    )


@_guarded
def read_pxweb_json(document: Any) -> Dataset:
    """PxWeb v1 `"format": "json"`: columns (d/t/c), data [{key, values}], metadata."""
    if not isinstance(document, dict) or "columns" not in document or "data" not in document:
        raise JsonStatError("svaret är inget PxWeb-json (columns och data saknas)")
    columns = _list(document["columns"], "columns")
    data = _list(document["data"], "data")
    if not all(isinstance(c, dict) and isinstance(c.get("code"), str) for c in columns):
        raise JsonStatError("columns ska vara objekt med en kod (code)")
    keys = [c for c in columns if c.get("type") in ("d", "t")]
    contents = [c for c in columns if c.get("type") == "c"]
    if len(data) * max(1, len(contents)) > MAX_CELLS:
        raise JsonStatError(f"svaret har fler än {MAX_CELLS} celler")
    rows = []
    for entry in data:
        entry = _mapping(entry, "en datarad")
        key, values = _list(entry.get("key"), "key"), _list(entry.get("values"), "values")
        if len(key) != len(keys) or len(values) != len(contents):
            raise JsonStatError("en datarad har fel antal nycklar eller värden")
        key = [_code(k, "key") for k in key]
        for content, raw in zip(contents, values, strict=True):
            row: dict[str, Any] = {c["code"]: k for c, k in zip(keys, key, strict=True)}
            row |= {f"{c['code']}_label": k for c, k in zip(keys, key, strict=True)}
            row["ContentsCode"] = content["code"]
            row["ContentsCode_label"] = _label_text(content.get("text", content["code"]))
            value, bad = as_number(raw)
            row["value"] = value
            row["bad_value"] = bad
            row["status"] = MISSING if math.isnan(value) and bad is None else None
            rows.append(row)
    metadata = _mapping((_list(document.get("metadata"), "metadata") or [{}])[0], "metadata")
    notes = [clip(c["comment"], 4000).strip() for c in contents if c.get("comment")]
    notes += [
        clip(_mapping(c, "comments").get("comment", ""), 4000).strip()
        for c in _list(document.get("comments"), "comments")
    ]
    return Dataset(
        frame=pd.DataFrame(rows),
        dimensions=[c["code"] for c in keys] + ["ContentsCode"],
        label=clip(metadata.get("label", ""), 1000),
        source=clip(metadata.get("source", ""), 1000),
        updated=parse_time(metadata.get("updated")),
        notes=[n for n in notes if n],
        roles={"time": [c["code"] for c in keys if c.get("type") == "t"]},
    )
