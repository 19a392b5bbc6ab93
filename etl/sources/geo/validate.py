"""Checks on a boundary file before anything is loaded: every finding names the file, the
property and the features (numbered from 1, in file order) with their values."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Any

from etl.errors import Problem

NUTS_ID = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")
MIN_RING = 4  # a closed ring: three corners and the first again


def features_of(document: Any) -> list[Any] | None:
    """The features of a GeoJSON FeatureCollection, or None when it is none."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return None
    features = document.get("features")
    return features if isinstance(features, list) else None


def _is_position(position: Any) -> bool:
    if not isinstance(position, list) or len(position) < 2:
        return False
    lon, lat = position[0], position[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
        return False
    return math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90


def _is_ring(ring: Any) -> bool:
    return isinstance(ring, list) and len(ring) >= MIN_RING and all(map(_is_position, ring))


def _is_polygon(polygon: Any) -> bool:
    return isinstance(polygon, list) and len(polygon) > 0 and all(map(_is_ring, polygon))


def valid_geometry(geometry: Any) -> bool:
    """A Polygon or MultiPolygon whose rings are closed lists of longitude/latitude pairs."""
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        return False
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        return _is_polygon(coordinates)
    return (
        isinstance(coordinates, list)
        and len(coordinates) > 0
        and all(map(_is_polygon, coordinates))
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else repr(value)


def check(document: Any, file_name: str) -> list[Problem]:
    """Problems that stop the load of this file."""
    features = features_of(document)
    if features is None:
        kind = document.get("type") if isinstance(document, dict) else type(document).__name__
        return [
            Problem(
                file_name,
                "filen är ingen GeoJSON FeatureCollection med en lista features "
                f"(type {_text(kind)})",
            )
        ]
    if not features:
        return [Problem(file_name, "filen innehåller inga områden (features är tom)")]
    found: dict[tuple[str, str | None], tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))

    def note(message: str, column: str | None, number: int, value: Any) -> None:
        places, values = found[(message, column)]
        places.append(f"objekt {number}")
        values.append(_text(value))

    seen: dict[str, int] = {}
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            note("objektet är ingen GeoJSON Feature med properties", None, number, feature)
            continue
        properties = feature["properties"]
        code = properties.get("NUTS_ID")
        if not isinstance(code, str) or not NUTS_ID.match(code):
            note("NUTS_ID saknas eller är ingen NUTS-kod", "NUTS_ID", number, code)
            continue
        if code in seen:
            note(
                f"NUTS_ID förekommer flera gånger (först objekt {seen[code]})",
                "NUTS_ID",
                number,
                code,
            )
        seen.setdefault(code, number)
        level = properties.get("LEVL_CODE")
        if not isinstance(level, int) or isinstance(level, bool) or level != len(code) - 2:
            note(
                "LEVL_CODE saknas eller stämmer inte med NUTS-kodens nivå (0–3)",
                "LEVL_CODE",
                number,
                f"{code}: {_text(level)}",
            )
        if not valid_geometry(feature.get("geometry")):
            geometry = feature.get("geometry")
            kind = geometry.get("type") if isinstance(geometry, dict) else geometry
            note(
                "geometrin är ingen giltig Polygon eller MultiPolygon (slutna ringar av "
                "longitud −180–180 och latitud −90–90)",
                "geometry",
                number,
                f"{code}: {_text(kind)}",
            )
    return [
        Problem(file_name, message, column, places=tuple(places), values=tuple(values))
        for (message, column), (places, values) in found.items()
    ]


def across_files(codes_by_file: dict[str, list[str]]) -> list[Problem]:
    """A region in two files: which one is meant cannot be told, so neither is loaded."""
    first: dict[str, str] = {}
    clashes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for file_name, codes in codes_by_file.items():
        for code in codes:
            if code in first:
                clashes[(first[code], file_name)].append(code)
            else:
                first[code] = file_name
    return [
        Problem(
            later,
            f"samma områden finns redan i {earlier}; lägg bara en fil per NUTS-nivå i mappen",
            "NUTS_ID",
            values=tuple(codes),
        )
        for (earlier, later), codes in clashes.items()
    ]
