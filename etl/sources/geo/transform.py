"""A boundary file as rows for the warehouse (pure: a parsed, validated GeoJSON document in,
a DataFrame out): one row per NUTS region with its geometry as compact GeoJSON text.

Coordinates are rounded to COORDINATE_DECIMALS, the precision of GISCO's 1:60 million files
(about 100 m), and points that rounding makes repeat are dropped: the maps draw at that scale,
and every byte of geometry travels to the browser.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from etl.sources.geo.validate import MIN_RING, features_of

COORDINATE_DECIMALS = 3
COLUMNS = ["nuts_code", "level", "country_code", "name", "geojson", "source_file"]


def _ring(ring: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for position in ring:
        point = [round(float(position[0]), COORDINATE_DECIMALS)]
        point.append(round(float(position[1]), COORDINATE_DECIMALS))
        if not out or point != out[-1]:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])  # GeoJSON rings are closed
    return out


def _polygon(rings: list[list[list[float]]]) -> list[list[list[float]]] | None:
    """A polygon's rings after rounding; None when its outer ring collapses to nothing."""
    rounded = [_ring(ring) for ring in rings]
    if len(rounded[0]) < MIN_RING:
        return None
    return [ring for ring in rounded if len(ring) >= MIN_RING]


def clean_geometry(geometry: dict[str, Any]) -> dict[str, Any] | None:
    """A Polygon or MultiPolygon with rounded coordinates (None if nothing is left of it)."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    kept = [p for p in (_polygon(polygon) for polygon in polygons) if p is not None]
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def _name(properties: dict[str, Any], code: str) -> str:
    for key in ("NAME_LATN", "NUTS_NAME"):
        value = properties.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return code


def regions(document: Any, file_name: str) -> pd.DataFrame:
    """One row per region of a validated FeatureCollection."""
    rows = []
    for feature in features_of(document) or []:
        properties = feature["properties"]
        code = properties["NUTS_ID"]
        geometry = clean_geometry(feature["geometry"])
        if geometry is None:
            continue  # smaller than the file's precision: nothing to draw
        rows.append(
            {
                "nuts_code": code,
                "level": int(properties["LEVL_CODE"]),
                "country_code": code[:2],
                "name": _name(properties, code),
                "geojson": json.dumps(geometry, separators=(",", ":")),
                "source_file": file_name,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
