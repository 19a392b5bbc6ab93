"""The maps as data: Europe's RIS regions on Jämför, Sweden's län (or riksområden) on
Indikatorer, and the locator map on Översikt.

Pure (reader and catalogue in, dataclasses and figures out): the pages, the callbacks and the
exports show what these functions return. The numbers are the stored ones, read through the
same data access as the pages' charts (`ris.benchmark_comparison`, the explorer's values).

Geometry: a map's regions come from the warehouse (`region_geometry`) as a GeoJSON
FeatureCollection per *geometry set* (`GEOMETRY_SETS`: the RIS regions of an edition, the län,
the riksområden). Given `geometry_url`, a figure names where the app serves the set (the
browser fetches it once); without it, the figure carries the GeoJSON itself (exports, tests).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.data_access import geo, ris
from dashboard.data_access import indicators as indicator_data
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.common import empty_figure
from dashboard.figures.maps import Panel, attribution, group_map, locator_map, ratio_map, value_map
from dashboard.i18n import t
from dashboard.views.compare import ris_source
from dashboard.views.explorer import in_order, source_line
from dashboard.views.model import Table
from indicators.catalogue import Catalogue
from indicators.formatting import format_number

VIEWS = ("chart", "map")  # the pages' "Diagram | Karta" tabs (URL key `view`)
COLOURS = ("ratio", "group")  # what colours the Europe map (URL key `mapcolour`)
SWEDEN, LAN, NUTS2 = "se-0", "se-3", "se-2"  # geometry sets of Sweden
# The European map's frame (longitude and latitude); parts of regions outside it (the French
# outermost regions in the Caribbean, South America and the Indian Ocean) are drawn as insets
# in the Atlantic between the Azores and the Canary Islands, as the Commission's maps do.
EUROPE_FRAME = (-32.0, 50.0, 25.0, 83.0)
EUROPE_CENTRE = (10.0, 52.0)  # ETRS89-LAEA's centre
SWEDEN_CENTRE = (17.0, 62.0)
INSET_ORIGIN = (-31.0, 28.4)  # the lower left corner of the first inset
INSET_GAP = 1.2  # degrees between insets
INSET_REGIONS = ("FRY",)  # the regions the note about insets names
CLUSTER = 3.0  # parts this close (degrees) are one inset: an island group stays together

GeometryUrl = Callable[[str], str] | None


@dataclass
class MapView:
    """A map and everything said around it."""

    figure: go.Figure
    title: str
    source: str  # "Källa: …" of the values
    attribution: str  # "© EuroGeographics för de administrativa gränserna"
    notes: list[str] = field(default_factory=list)
    table: Table | None = None
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # what is drawn, per region
    unmapped: list[str] = field(default_factory=list)  # codes with values but no boundary


@dataclass
class SwedenMapView(MapView):
    periods: list[str] = field(default_factory=list)  # the slider's steps, oldest first
    period: str | None = None  # the one shown
    level: int | None = None  # 3 = län, 2 = riksområden (NUTS 2)


# -- geometry ----------------------------------------------------------------------------


def ris_set(edition: int) -> str:
    return f"ris-{edition}"


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    coords = geometry["coordinates"]
    return [coords] if geometry["type"] == "Polygon" else list(coords)


def _centre(polygon: list[list[list[float]]]) -> tuple[float, float]:
    ring = polygon[0]
    return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)


def _bounds(polygons: list[list[list[list[float]]]]) -> tuple[float, float, float, float]:
    points = [p for polygon in polygons for p in polygon[0]]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), max(xs), min(ys), max(ys)


def _inside(point: tuple[float, float], frame=EUROPE_FRAME) -> bool:
    return frame[0] <= point[0] <= frame[1] and frame[2] <= point[1] <= frame[3]


def _moved(polygon, dx: float, dy: float):
    return [[[round(x + dx, 3), round(y + dy, 3)] for x, y, *_ in ring] for ring in polygon]


def with_insets(geometries: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The geometries with every part outside EUROPE_FRAME moved into an inset: parts lying
    close together (an island group) move together, keeping their shape and scale."""
    clusters: list[dict[str, Any]] = []  # {"code", "polygons", "bounds"}
    kept: dict[str, list] = {}
    for code, geometry in geometries.items():
        for polygon in _polygons(geometry):
            centre = _centre(polygon)
            if _inside(centre):
                kept.setdefault(code, []).append(polygon)
                continue
            for cluster in clusters:
                x0, x1, y0, y1 = cluster["bounds"]
                near = x0 - CLUSTER <= centre[0] <= x1 + CLUSTER
                if cluster["code"] == code and near and y0 - CLUSTER <= centre[1] <= y1 + CLUSTER:
                    cluster["polygons"].append(polygon)
                    cluster["bounds"] = _bounds(cluster["polygons"])
                    break
            else:
                clusters.append({"code": code, "polygons": [polygon], "bounds": _bounds([polygon])})
    x = INSET_ORIGIN[0]
    for cluster in sorted(clusters, key=lambda c: (c["code"], c["bounds"][0])):
        x0, x1, y0, _ = cluster["bounds"]
        dx, dy = x - x0, INSET_ORIGIN[1] - y0
        kept.setdefault(cluster["code"], []).extend(_moved(p, dx, dy) for p in cluster["polygons"])
        x += (x1 - x0) + INSET_GAP
    out = {}
    for code, polygons in kept.items():
        out[code] = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
    return out


def _laea(lon: float, lat: float, centre: tuple[float, float]) -> list[float]:
    """Lambert azimuthal equal-area on the unit sphere around `centre`, in degrees."""
    lam, phi = math.radians(lon - centre[0]), math.radians(lat)
    phi0 = math.radians(centre[1])
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    k = math.sqrt(2 / (1 + cos_c))
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return [round(math.degrees(x), 3), round(math.degrees(y), 3)]


def projected(
    geometries: dict[str, dict[str, Any]], centre: tuple[float, float]
) -> dict[str, dict[str, Any]]:
    """The geometries in Lambert azimuthal equal-area coordinates around `centre` (the
    projection of EU maps, ETRS89-LAEA, on a sphere), given as degrees: drawn with plotly's
    equirectangular projection, which is the identity, the map is equal-area and fits its
    frame exactly (plotly fits a projection's whole longitude–latitude box, which for a conic
    or azimuthal projection leaves a third of the frame empty). East stays east and north
    north, so the rings keep their winding."""
    out = {}
    for code, geometry in geometries.items():
        polygons = [
            [[_laea(x, y, centre) for x, y, *_ in ring] for ring in polygon]
            for polygon in _polygons(geometry)
        ]
        out[code] = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
    return out


def feature_collection(geometries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection whose feature ids are the NUTS codes (plotly's key)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": code, "properties": {}, "geometry": geometry}
            for code, geometry in sorted(geometries.items())
        ],
    }


def _set_codes(reader: WarehouseReader, key: str) -> list[str]:
    """The regions of a geometry set."""
    if key.startswith("ris-"):
        frame = ris.regions(reader, int(key[4:]))
        return [c for c in frame["region_code"] if c != "EU"] if not frame.empty else []
    frame = geo.boundaries(reader)
    level = int(key.rsplit("-", 1)[1])
    chosen = frame[(frame["country_code"] == "SE") & (frame["level"] == level)]
    return list(chosen["nuts_code"])


def known_set(key: str) -> bool:
    if key in (SWEDEN, LAN, NUTS2):
        return True
    return key.startswith("ris-") and key[4:].isdigit() and len(key) < 12


def geometry_set(reader: WarehouseReader, key: str) -> dict[str, Any] | None:
    """The FeatureCollection of a geometry set, or None when there is no boundary for it."""
    if not known_set(key):
        return None

    def build() -> dict[str, Any] | None:
        shapes = geo.geometries(reader)
        chosen = {c: shapes[c] for c in _set_codes(reader, key) if c in shapes}
        if not chosen:
            return None
        if key.startswith("ris-"):
            return feature_collection(projected(with_insets(chosen), EUROPE_CENTRE))
        return feature_collection(projected(chosen, SWEDEN_CENTRE))

    return reader.memo(("geo", "set", key), build)


def geometry_bounds(reader: WarehouseReader, key: str) -> tuple[float, float, float, float] | None:
    """West, east, south and north of a geometry set (in its projected coordinates)."""

    def build():
        collection = geometry_set(reader, key)
        if collection is None:
            return None
        rings = [
            ring
            for feature in collection["features"]
            for polygon in _polygons(feature["geometry"])
            for ring in polygon[:1]
        ]
        xs = [p[0] for ring in rings for p in ring]
        ys = [p[1] for ring in rings for p in ring]
        return min(xs), max(xs), min(ys), max(ys)

    return reader.memo(("geo", "bounds", key), build)


def geometry_bytes(reader: WarehouseReader, key: str) -> bytes | None:
    """A geometry set as compact JSON, as the app serves it."""

    def build() -> bytes | None:
        collection = geometry_set(reader, key)
        if collection is None:
            return None
        return json.dumps(collection, separators=(",", ":")).encode()

    return reader.memo(("geo", "bytes", key), build)


def _geometry(reader: WarehouseReader, key: str, url: GeometryUrl) -> dict | str | None:
    collection = geometry_set(reader, key)
    if collection is None:
        return None
    return url(key) if url is not None else collection


def _mapped(reader: WarehouseReader, key: str) -> set[str]:
    collection = geometry_set(reader, key)
    return {f["id"] for f in collection["features"]} if collection else set()


def _no_geometry(lang: str) -> str:
    return t("maps.no_geometry", lang)


# -- Europe: the RIS regions on Jämför ------------------------------------------------------


def indicator_options(
    reader: WarehouseReader, catalogue: Catalogue, edition: int, year: int, lang: str
) -> list[dict]:
    """The RII first, then the scoreboard's indicators in their order."""
    scores = ris.scores_in_year(reader, edition, year)
    codes = sorted(set(scores["indicator_code"])) if not scores.empty else []
    codes = (["RII"] if "RII" in codes else []) + [c for c in codes if c != "RII"]
    return [
        {"label": f"{catalogue.ris_short_name(edition, c, lang)} ({c})", "value": c} for c in codes
    ]


def _name(frame_row, lang: str) -> str:
    name = frame_row.name_en if lang == "en" else frame_row.name_sv
    return str(name) if isinstance(name, str) and name else str(frame_row.region_code)


def _europe_lines(row, label: str, group: str, year: int, lang: str, colour: str) -> list[str]:
    """What is said about one region: its value, ratio and rank (and group), in plain text."""
    if pd.isna(row.region_value):
        lines = [f"{label} {year}: {t('ris.no_data', lang)}"]
    else:
        lines = [
            f"{label} {year}: {format_number(row.region_value, 2, lang)}",
            t("maps.hover.ratio", lang, group=group, ratio=format_number(row.ratio, 2, lang)),
        ]
        if not pd.isna(row.rank):
            rank = t("gap.rank", lang, rank=int(row.rank), n=int(row.ranked))
            lines.append(t("maps.hover.rank", lang, rank=rank))
    if colour == "group":
        lines.append(f"{t('card.group', lang)}: {row.group_label}")
    return lines


def _europe_hover(row, label: str, group: str, year: int, lang: str, colour: str) -> str:
    lines = _europe_lines(row, label, group, year, lang, colour)
    heading = f"<b>{escape(row.name)} ({row.region_code})</b>"
    return "<br>".join([heading, *(escape(line) for line in lines)])


def _europe_standing(rows: pd.DataFrame, region: str, *line_args) -> str | None:
    """The chosen region's own line under the map and on the slide: "Övre Norrland (SE33):
    Innovationsindex 2023: 0,53; Kvot mot …: 0,85; Placering: 57 av 244"."""
    chosen = rows[rows["region_code"] == region]
    if chosen.empty:
        return None
    row = next(chosen.itertuples())
    return f"{row.name} ({region}): " + "; ".join(_europe_lines(row, *line_args))


def europe_map_view(
    reader: WarehouseReader,
    catalogue: Catalogue,
    region: str,
    edition: int,
    year: int,
    lang: str,
    benchmark: str = "leaders",
    peers: tuple[str, ...] = (),
    indicator: str = "RII",
    colour: str = "ratio",
    geometry_url: GeometryUrl = None,
) -> MapView:
    """Every RIS region of `edition` coloured by `indicator`'s ratio to the `benchmark` group
    in `year` (diverging around 1) or by its performance group; `region` outlined."""
    benchmark = benchmark if benchmark in ris.BENCHMARKS else "leaders"
    colour = colour if colour in COLOURS else "ratio"
    group = t(f"bench.{benchmark}", lang)
    label = catalogue.ris_short_name(edition, indicator, lang)
    regions = ris.regions(reader, edition)
    regions = regions[regions["region_code"] != "EU"] if not regions.empty else regions
    meta = ris.editions(reader)
    meta = meta[meta["edition"] == edition] if not meta.empty else meta
    if colour == "group":
        title = t("maps.europe.title.group", lang, edition=edition)
    else:
        title = t("maps.europe.title.ratio", lang, indicator=label, group=group, year=year)
    credit = attribution(lang)
    if regions.empty or meta.empty:
        message = t("empty.no_warehouse", lang)
        return MapView(empty_figure(message, lang), title, "", credit)
    geometry = _geometry(reader, ris_set(edition), geometry_url)
    if geometry is None:
        return MapView(empty_figure(_no_geometry(lang), lang), title, "", credit)
    codes = tuple(regions["region_code"])
    members = ris.benchmark_members(reader, edition, benchmark, tuple(peers))
    compared = ris.benchmark_comparison(reader, edition, year, codes, members)
    if not compared.empty:
        compared = compared[compared["indicator_code"] == indicator]
    columns = ["region_code", "region_value", "ratio", "rank", "ranked", "status"]
    values = compared[columns] if not compared.empty else pd.DataFrame(columns=columns)
    rows = regions.assign(name=[_name(r, lang) for r in regions.itertuples()]).merge(
        values, on="region_code", how="left"
    )
    rows["group_label"] = [
        t(f"group.{g}", lang) if isinstance(g, str) else t("group.none", lang)
        for g in rows["performance_group"]
    ]
    rows["group"] = rows["performance_group"]
    rows["hover"] = [_europe_hover(r, label, group, year, lang, colour) for r in rows.itertuples()]
    mapped = _mapped(reader, ris_set(edition))
    unmapped = sorted(set(rows["region_code"]) - mapped)
    drawn = rows[rows["region_code"].isin(mapped)]
    bounds = geometry_bounds(reader, ris_set(edition))
    selected = region if region in mapped else None
    if colour == "group":
        groups = [(g, t(f"group.{g}", lang)) for g in ("Leader", "Strong", "Moderate", "Emerging")]
        figure = group_map(
            drawn, geometry, lang=lang, groups=groups, selected=selected, bounds=bounds
        )
    else:
        scale = t("table.ratio", lang)
        figure = ratio_map(
            drawn, geometry, lang=lang, scale_title=scale, selected=selected, bounds=bounds
        )
    standing = _europe_standing(rows, region, label, group, year, lang, colour)
    notes = [standing] if standing else []
    if unmapped:
        names = ", ".join(
            f"{n} ({c})"
            for c, n in zip(rows["region_code"], rows["name"], strict=True)
            if c in unmapped
        )
        notes.append(t("maps.unmapped", lang, regions=names))
    if colour == "ratio":
        notes.append(t("maps.europe.how", lang, group=group, indicator=label))
    if any(code in INSET_REGIONS for code in rows["region_code"]):
        notes.append(t("maps.europe.insets", lang))
    info = meta.iloc[0]
    source = ris_source(info, group, edition, lang)
    return MapView(
        figure=figure,
        title=title,
        source=source,
        attribution=credit,
        notes=notes,
        table=_europe_table(rows, label, year, colour, lang),
        rows=rows,
        unmapped=unmapped,
    )


def _europe_table(rows: pd.DataFrame, label: str, year: int, colour: str, lang: str) -> Table:
    ordered = rows.sort_values(
        ["ratio", "region_code"], ascending=[False, True], na_position="last", kind="stable"
    )
    data = [
        {
            "region": f"{r.name} ({r.region_code})",
            "value": t("ris.no_data", lang)
            if pd.isna(r.region_value)
            else format_number(r.region_value, 2, lang),
            "ratio": "–" if pd.isna(r.ratio) else format_number(r.ratio, 2, lang),
            "rank": "–"
            if pd.isna(r.rank)
            else t("gap.rank", lang, rank=int(r.rank), n=int(r.ranked)),
            "group": r.group_label,
        }
        for r in ordered.itertuples()
    ]
    columns = [
        ("region", t("control.region", lang)),
        ("value", f"{label} {year}"),
        ("ratio", t("table.ratio", lang)),
        ("rank", t("gap.col.rank", lang)),
        ("group", t("card.group", lang)),
    ]
    return Table(columns, data, ("value", "ratio"), t("maps.table_caption", lang))


# -- Sweden: län (or riksområden) on Indikatorer -------------------------------------------


def _sweden_level(values: pd.DataFrame, catalogue: Catalogue) -> int | None:
    """3 when the indicator has values for län, else 2 for riksområden (NUTS 2), else None."""
    present = values[values["value"].notna()]
    for level in (3, 2):
        codes = {r.code for r in catalogue.regions.swedish(level)}
        if present["region_code"].isin(codes).any():
            return level
    return None


def map_periods(values: pd.DataFrame, catalogue: Catalogue) -> list[str]:
    """The periods with a value at the map's level, oldest first (the slider's steps)."""
    level = _sweden_level(values, catalogue)
    if level is None:
        return []
    codes = {r.code for r in catalogue.regions.swedish(level)}
    present = values[values["value"].notna() & values["region_code"].isin(codes)]
    return in_order(present["period"].astype(str))


def _sweden_value(value, unit: str, decimals: int, lang: str) -> str:
    """ "6,6 procent", or "uppgift saknas": a län's value as hover and notes say it."""
    if value is None or pd.isna(value):
        return t("ris.no_data", lang)
    return f"{format_number(value, decimals, lang)} {unit}"


def _sweden_hover(name: str, period: str, value, unit: str, decimals: int, sex: str, lang: str):
    who = f" – {t(f'sex.{sex}', lang).lower()}" if sex in ("K", "M") else ""
    return f"<b>{escape(name)}</b>{who}<br>{period}: {_sweden_value(value, unit, decimals, lang)}"


def _sweden_standing(name, period, lookup, code, sexes, lang, unit, decimals) -> str:
    """A compared län's own line under the map and on the slide: "Västerbottens län 2022:
    kvinnor 5,9 procent, män 6,3 procent"."""
    parts = []
    for sex in sexes:
        shown = _sweden_value(lookup.get((code, sex)), unit, decimals, lang)
        parts.append(shown if sex == "T" else f"{t(f'sex.{sex}', lang).lower()} {shown}")
    return f"{name} {period}: {', '.join(parts)}"


def sweden_map_view(
    reader: WarehouseReader,
    catalogue: Catalogue,
    indicator_id: str,
    period: str | None,
    sex_mode: str,
    outlined: Sequence[str],
    lang: str,
    geometry_url: GeometryUrl = None,
) -> SwedenMapView:
    """Sweden's 21 län coloured by the indicator's value in `period` (default the latest), women
    and men side by side where the indicator is split (`sex_mode` "KM"); an indicator only
    published for riksområden (NUTS 2) is drawn on the 8 riksområden, never as län."""
    indicator = catalogue.indicators[indicator_id]
    credit = attribution(lang)
    values = indicator_data.values(reader, indicator_id)
    level = _sweden_level(values, catalogue) if not values.empty else None
    if level is None:
        message = t("maps.sweden.no_regional", lang, indicator=indicator.name(lang))
        return SwedenMapView(empty_figure(message, lang), indicator.name(lang), "", credit)
    key = LAN if level == 3 else NUTS2
    geometry = _geometry(reader, key, geometry_url)
    if geometry is None:
        return SwedenMapView(
            empty_figure(_no_geometry(lang), lang), indicator.name(lang), "", credit
        )
    periods = map_periods(values, catalogue)
    chosen = period if period in periods else periods[-1]
    codes = sorted(r.code for r in catalogue.regions.swedish(level))
    split = sex_mode == "KM" and indicator.sex_split
    sexes = ["K", "M"] if split else ["T"]
    shown = values[
        (values["period"].astype(str) == chosen)
        & values["region_code"].isin(codes)
        & values["sex"].isin(sexes)
    ]
    lookup = {(r.region_code, r.sex): r.value for r in shown.itertuples()}
    unit, decimals = indicator.unit_text(lang), indicator.decimals
    records = []
    for sex in sexes:
        for code in codes:
            value = lookup.get((code, sex))
            name = catalogue.regions.name_of(code, lang)
            records.append(
                {
                    "panel": sex,
                    "sex": sex,
                    "region_code": code,
                    "name": name,
                    "value": float("nan") if value is None or pd.isna(value) else float(value),
                    "hover": _sweden_hover(name, chosen, value, unit, decimals, sex, lang),
                }
            )
    rows = pd.DataFrame(records)
    panels = [Panel(s, t(f"sex.{s}", lang)) for s in sexes]
    where = t("maps.sweden.lan" if level == 3 else "maps.sweden.nuts2", lang)
    title = t("maps.sweden.title", lang, indicator=indicator.name(lang), period=chosen, where=where)
    figure = value_map(
        rows,
        geometry,
        lang=lang,
        panels=panels,
        unit=unit,
        decimals=decimals,
        better=indicator.direction,
        outlined=[c for c in outlined if c in codes],
        bounds=geometry_bounds(reader, key),
    )
    mapped = _mapped(reader, key)
    unmapped = sorted(set(codes) - mapped)
    notes = [
        _sweden_standing(
            catalogue.regions.name_of(code, lang), chosen, lookup, code, sexes, lang, unit, decimals
        )
        for code in outlined
        if code in codes
    ]
    notes.append(t(f"maps.sweden.darker_{indicator.direction}", lang))
    if level == 2:
        notes.append(t("maps.sweden.nuts2_note", lang))
    missing = rows[rows["value"].isna()]["name"].drop_duplicates().tolist()
    if missing and len(missing) < len(codes):
        notes.append(t("maps.sweden.missing", lang, regions=", ".join(missing), period=chosen))
    if unmapped:
        notes.append(t("maps.unmapped", lang, regions=", ".join(unmapped)))
    frame = values[
        values["region_code"].isin(codes)
        & (values["period"].astype(str) == chosen)
        & values["sex"].isin(sexes)
    ]
    return SwedenMapView(
        figure=figure,
        title=title,
        source=source_line(indicator, frame, lang),
        attribution=credit,
        notes=notes,
        table=_sweden_table(rows, sexes, chosen, decimals, lang),
        rows=rows,
        unmapped=unmapped,
        periods=periods,
        period=chosen,
        level=level,
    )


def _sweden_table(rows: pd.DataFrame, sexes: list[str], period: str, decimals: int, lang):
    """One row per area (in the order drawn), a column per sex shown."""
    values = {(r.region_code, r.sex): r.value for r in rows.itertuples()}
    names = dict(zip(rows["region_code"], rows["name"], strict=True))
    data = []
    for code, name in names.items():
        row = {"region": f"{name} ({code})"}
        for sex in sexes:
            value = values.get((code, sex))
            row[sex] = (
                t("ris.no_data", lang)
                if value is None or pd.isna(value)
                else format_number(value, decimals, lang)
            )
        data.append(row)
    several = len(sexes) > 1
    columns = [("region", t("control.region", lang))] + [
        (s, f"{period}, {t(f'sex.{s}', lang).lower()}" if several else period) for s in sexes
    ]
    return Table(columns, data, tuple(sexes), t("maps.table_caption", lang))


# -- Översikt: where the region lies ---------------------------------------------------------


def locator_view(
    reader: WarehouseReader,
    catalogue: Catalogue,
    region: str,
    lang: str,
    geometry_url: GeometryUrl = None,
) -> go.Figure:
    """Sweden's län, the region's NUTS2 region shaded and the region (its län) dark."""
    geometry = _geometry(reader, LAN, geometry_url)
    entry = catalogue.regions.get(region)
    if geometry is None or entry is None or entry.country_code != "SE":
        return empty_figure(_no_geometry(lang) if geometry is None else "", lang, height=120)
    lan = sorted(r.code for r in catalogue.regions.swedish(3))
    parents = {r.code: r.parent_code for r in catalogue.regions.swedish(3)}
    if entry.level == 3:
        own = [region]
        area = [c for c in lan if parents[c] == entry.parent_code and c != region]
    elif entry.level == 2:
        own, area = [c for c in lan if parents[c] == region], []
    else:
        own, area = lan, []
    context = [c for c in lan if c not in own and c not in area]
    names = {c: escape(catalogue.regions.name_of(c, lang)) for c in lan}
    return locator_map(
        geometry,
        lang=lang,
        context=context,
        area=area,
        region=own,
        hover=names,
        bounds=geometry_bounds(reader, LAN),
    )
