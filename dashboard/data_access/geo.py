"""Region boundaries for the maps, from the public view `region_geometry` (loaded by
`rusmon etl geo`): one row per NUTS region of levels 0–3 with its GeoJSON geometry.

The maps' GeoJSON is assembled once per warehouse version and kept by the reader
(`WarehouseReader.memo`); the browser fetches it from the app (dashboard/callbacks/maps.py),
never from outside.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pandas as pd

from dashboard.data_access.reader import WarehouseReader

COLUMNS = ["nuts_code", "level", "country_code", "name", "geojson"]


def loaded(reader: WarehouseReader) -> bool:
    """Whether the warehouse holds boundaries (`rusmon etl geo` has run)."""
    return reader.has_view("region_geometry") and not boundaries(reader).empty


def boundaries(reader: WarehouseReader) -> pd.DataFrame:
    """Every region's boundary: nuts_code, level, country_code, name, geojson (text)."""
    if not reader.has_view("region_geometry"):
        return pd.DataFrame(columns=COLUMNS)
    return reader.query(
        "SELECT nuts_code, level, country_code, name, geojson FROM region_geometry "
        "ORDER BY nuts_code"
    )


def source(reader: WarehouseReader) -> pd.DataFrame:
    """Where the boundaries come from: source_file and loaded_at per file."""
    if not reader.has_view("region_geometry"):
        return pd.DataFrame(columns=["source_file", "loaded_at"])
    return reader.query(
        "SELECT source_file, MAX(loaded_at) AS loaded_at FROM region_geometry "
        "GROUP BY source_file ORDER BY source_file"
    )


def geometries(reader: WarehouseReader) -> dict[str, dict[str, Any]]:
    """{NUTS code: its GeoJSON geometry as a dict}, parsed once per warehouse version."""

    def parse() -> dict[str, dict[str, Any]]:
        frame = boundaries(reader)
        return {
            code: json.loads(text)
            for code, text in zip(frame["nuts_code"], frame["geojson"], strict=True)
        }

    return reader.memo(("geo", "geometries"), parse)


def version_tag(reader: WarehouseReader) -> str:
    """A short token that changes with every load: part of the maps' geometry URLs, so a
    browser may keep a geometry for good and still gets the new one after a load."""
    return hashlib.sha256(str(reader.version()).encode()).hexdigest()[:12]
