"""Maps: regions coloured by a value, a ratio or a group, drawn from GeoJSON boundaries.

Pure figure builders like the others (rows and geometry in, `go.Figure` out). The geometry is a
GeoJSON FeatureCollection whose feature ids are NUTS codes: a dict (exports, tests) or the URL
the app serves it from (the browser fetches it once and keeps it).

Nothing is fetched from outside the app. plotly draws choropleths on a geo subplot, which
loads a base-map topojson (`TOPOJSON_NAME`) from the plot config's `topojsonURL` even when
every base layer is off. The app serves an empty topology for it (`EMPTY_TOPOLOGY`, the file
dashboard/assets/topojson/world_110m.json) and points `topojsonURL` there
(`graph_config`); kaleido gets the same topology as a data: URL (`topojson_data_url`).
Every map says whose boundaries it draws: "© EuroGeographics för de administrativa gränserna".
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import (
    BLUE,
    FONT,
    GREY,
    ORANGE,
    SKY,
    VERMILLION,
    base_layout,
    empty_figure,
)
from dashboard.i18n import t
from indicators.formatting import format_number

# The base map plotly asks for: scope "world" at 1:110 million (plotly's default resolution).
TOPOJSON_NAME = "world_110m"
BASE_LAYERS = ("coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits")
EMPTY_TOPOLOGY: dict[str, Any] = {
    "type": "Topology",
    "objects": {layer: {"type": "GeometryCollection", "geometries": []} for layer in BASE_LAYERS},
    "arcs": [],
}

MISSING = "#C8C8C8"  # "uppgift saknas": a neutral grey, in the legend
BORDER = "#9A9A9A"  # grey, not white: a region near ratio 1 is drawn white on a white page
OUTLINE = "#000000"  # the chosen region, or the regions compared
# Ratios to a benchmark, diverging around 1: orange below (weaker), blue above (stronger),
# ColorBrewer's orange–blue scheme, readable with the common colour-vision deficiencies.
DIVERGING = (
    (0.0, "#B35806"),
    (0.2, "#E08214"),
    (0.38, "#FDB863"),
    (0.5, "#F7F7F7"),
    (0.62, "#92C5DE"),
    (0.8, "#4393C3"),
    (1.0, "#2166AC"),
)
# The diverging scale is drawn on log2 of the ratio, so ½ and 2 are as far from 1, and spans
# at most ⅛ to 8 times the benchmark; a map shows the part its regions reach, at least ½–2,
# with the same colour for the same ratio whatever the map.
RATIO_SPAN = 3
# Values (one indicator, one year): a single-hue sequential scale, light to dark blue.
SEQUENTIAL = ((0.0, "#DEEBF7"), (0.35, "#9ECAE1"), (0.7, "#4292C6"), (1.0, "#08519C"))
# The RIS performance groups, as the Commission's map orders them, on Okabe–Ito colours.
GROUP_COLOURS = {"Leader": BLUE, "Strong": SKY, "Moderate": ORANGE, "Emerging": VERMILLION}
VERTICAL_BAR = {
    "orientation": "v",
    "x": 1,
    "xanchor": "left",
    "y": 0.5,
    "len": 0.75,
    "thickness": 14,
}
# The geometry comes projected (equal-area, dashboard/views/maps.py): plotly's equirectangular
# projection draws it as it is, and fits its frame exactly.
PROJECTION = "equirectangular"


def graph_config(base: dict[str, Any], topojson_url: str) -> dict[str, Any]:
    """A dcc.Graph config for a map: `topojson_url` is where the app serves TOPOJSON_NAME."""
    remove = [*base.get("modeBarButtonsToRemove", []), "select2d", "lasso2d"]
    return {
        **base,
        "topojsonURL": topojson_url,
        "scrollZoom": False,
        "modeBarButtonsToRemove": remove,  # selecting regions means nothing here
    }


def topojson_data_url() -> str:
    """EMPTY_TOPOLOGY as a URL for kaleido: plotly appends "/world_110m.json" to the
    `topojsonURL`, which after "#" is a fragment that a data: URL ignores."""
    return "data:application/json," + quote(json.dumps(EMPTY_TOPOLOGY)) + "#"


def attribution(lang: str) -> str:
    return t("maps.attribution", lang)


@dataclass(frozen=True)
class Panel:
    """One map of a figure: its rows (`key` of the rows' `panel` column) and its title."""

    key: str
    title: str


Bounds = tuple[float, float, float, float]  # west, east, south, north of the drawn geometry


def _geo(bounds: Bounds | None = None) -> dict[str, Any]:
    """A geo subplot with no base map. Given the geometry's `bounds`, exactly that box fills
    the frame; else plotly fits the regions drawn ("locations"), with its own padding."""
    view: dict[str, Any] = {"fitbounds": "locations"}
    if bounds is not None:
        west, east, south, north = bounds
        pad_x, pad_y = (east - west) * 0.01, (north - south) * 0.01
        view = {
            "fitbounds": False,
            "lonaxis": {"range": [west - pad_x, east + pad_x]},
            "lataxis": {"range": [south - pad_y, north + pad_y]},
        }
    return {
        "visible": False,  # no base map: only the regions drawn
        "showframe": False,
        "showcoastlines": False,
        "showcountries": False,
        "showland": False,
        "showocean": False,
        "showlakes": False,
        "showrivers": False,
        "showsubunits": False,
        "bgcolor": "rgba(0,0,0,0)",
        "projection": {"type": PROJECTION},
        **view,
    }


def _base(lang: str, height: int, title: str | None, bottom: int = 46) -> dict[str, Any]:
    layout = base_layout(lang, height=height, title=title)
    layout["margin"] = {"l": 10, "r": 10, "t": 70 if title else 30, "b": bottom}
    layout["dragmode"] = False
    layout["annotations"] = [
        {
            "text": attribution(lang),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "yshift": -6,
            "xanchor": "left",
            "yanchor": "top",
            "showarrow": False,
            "font": {"family": FONT, "size": 11, "color": GREY},
        }
    ]
    return layout


def _flat(colour: str) -> list[list[Any]]:
    return [[0, colour], [1, colour]]


def _regions(
    codes: Sequence[str],
    geojson: dict | str,
    *,
    colour: str,
    name: str,
    hover: Sequence[str] | None,
    geo: str = "geo",
    legend: bool = True,
    group: str | None = None,
    line: str = BORDER,
    line_width: float = 0.6,
) -> go.Choropleth:
    """Regions in one flat colour (a category, "uppgift saknas", context)."""
    return go.Choropleth(
        geojson=geojson,
        locations=list(codes),
        z=[0] * len(codes),
        colorscale=_flat(colour),
        showscale=False,
        name=name,
        showlegend=legend,
        legendgroup=group or name,
        geo=geo,
        marker={"line": {"color": line, "width": line_width}},
        customdata=list(hover) if hover is not None else None,
        hovertemplate="%{customdata}<extra></extra>" if hover is not None else None,
        hoverinfo=None if hover is not None else "skip",
    )


def _outline(codes: Sequence[str], geojson: dict | str, geo: str = "geo") -> go.Choropleth:
    """A black outline around `codes`, drawn over the map and transparent to the mouse."""
    return go.Choropleth(
        geojson=geojson,
        locations=list(codes),
        z=[0] * len(codes),
        colorscale=_flat("rgba(0,0,0,0)"),
        showscale=False,
        showlegend=False,
        name="outline",
        geo=geo,
        marker={"line": {"color": OUTLINE, "width": 2.4}},
        hoverinfo="skip",
    )


def _missing_trace(rows: pd.DataFrame, geojson, lang: str, geo: str, legend: bool):
    return _regions(
        rows["region_code"],
        geojson,
        colour=MISSING,
        name=t("maps.no_data", lang),
        hover=rows["hover"],
        geo=geo,
        legend=legend,
        group="missing",
    )


def _ratio_range(ratios: Sequence[float]) -> tuple[int, int]:
    """The whole powers of two (log2) that frame the ratios: at least ½–2, at most ⅛–8."""
    logs = [math.log2(r) for r in ratios]
    low = max(-RATIO_SPAN, min(-1, math.floor(min(logs))))
    high = min(RATIO_SPAN, max(1, math.ceil(max(logs))))
    return low, high


def _mix(left: str, right: str, share: float) -> str:
    a = [int(left[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(right[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b, strict=True))


def _colour_at(position: float) -> str:
    """DIVERGING's colour at `position` (0–1 over −RATIO_SPAN … RATIO_SPAN)."""
    for (left_at, left), (right_at, right) in itertools.pairwise(DIVERGING):
        if position <= right_at:
            return _mix(left, right, (position - left_at) / (right_at - left_at))
    return DIVERGING[-1][1]


def _cropped_scale(low: int, high: int) -> list[list]:
    """The part of DIVERGING between log2 ratios `low` and `high`, as a 0–1 colour scale."""

    def at(log: float) -> float:
        return (log + RATIO_SPAN) / (2 * RATIO_SPAN)

    inside = [(stop, colour) for stop, colour in DIVERGING if at(low) < stop < at(high)]
    span = at(high) - at(low)
    return [
        [0.0, _colour_at(at(low))],
        *[[round((stop - at(low)) / span, 6), colour] for stop, colour in inside],
        [1.0, _colour_at(at(high))],
    ]


def _ratio_ticks(low: int, high: int, ratios: Sequence[float], lang: str) -> list[str]:
    """1/8 … 8 in Swedish or English; an end the scale cuts off reads "≤ 0,125" / "≥ 8"."""
    labels = [format_number(2.0**k, max(0, -k), lang) for k in range(low, high + 1)]
    if min(ratios) < 2.0**low:
        labels[0] = "≤ " + labels[0]
    if max(ratios) > 2.0**high:
        labels[-1] = "≥ " + labels[-1]
    return labels


def ratio_map(
    rows: pd.DataFrame,
    geojson: dict | str,
    *,
    lang: str,
    title: str | None = None,
    scale_title: str = "",
    selected: str | None = None,
    bounds: Bounds | None = None,
    height: int = 720,
) -> go.Figure:
    """Regions coloured by their ratio to a benchmark, diverging around 1.0 on a log scale.

    `rows`: region_code, ratio (NaN = no value: grey, "uppgift saknas" in the legend) and
    hover (the text shown on hover, formatted by the caller). `selected` is outlined."""
    if rows.empty:
        return empty_figure(t("maps.empty", lang), lang)
    present = rows[rows["ratio"].notna() & (rows["ratio"] > 0)]
    missing = rows.drop(present.index)
    traces: list[go.Choropleth] = []
    if not present.empty:
        ratios = [float(r) for r in present["ratio"]]
        low, high = _ratio_range(ratios)
        traces.append(
            go.Choropleth(
                geojson=geojson,
                locations=list(present["region_code"]),
                # log2 of the ratio, clipped to the scale's ends (the ratios are > 0)
                z=[max(low, min(high, math.log2(r))) for r in ratios],
                zmin=low,
                zmax=high,
                colorscale=_cropped_scale(low, high),
                colorbar={
                    "title": {"text": scale_title, "side": "right"},
                    "tickvals": list(range(low, high + 1)),
                    "ticktext": _ratio_ticks(low, high, ratios, lang),
                    **VERTICAL_BAR,
                },
                name=scale_title,
                showlegend=False,
                marker={"line": {"color": BORDER, "width": 0.6}},
                customdata=list(present["hover"]),
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    return _europe_figure(
        traces, rows, missing, geojson, lang, selected, height=height, title=title, bounds=bounds
    )


def _europe_figure(
    traces: list,
    rows: pd.DataFrame,
    missing: pd.DataFrame,
    geojson: dict | str,
    lang: str,
    selected: str | None,
    *,
    height: int,
    title: str | None,
    bounds: Bounds | None,
) -> go.Figure:
    """A Europe map's coloured `traces` with "uppgift saknas" and the chosen region's outline
    on top, laid out with the legend above the map (ratio_map and group_map alike)."""
    if not missing.empty:
        traces.append(_missing_trace(missing, geojson, lang, "geo", True))
    if selected and selected in set(rows["region_code"]):
        traces.append(_outline([selected], geojson))
    figure = go.Figure(traces)
    figure.update_layout(**_base(lang, height, title), geo=_geo(bounds), showlegend=True)
    figure.update_layout(legend={"y": 1.02, "yanchor": "bottom", "x": 0})
    return figure


def group_map(
    rows: pd.DataFrame,
    geojson: dict | str,
    *,
    lang: str,
    groups: Sequence[tuple[str, str]],
    title: str | None = None,
    selected: str | None = None,
    bounds: Bounds | None = None,
    height: int = 720,
) -> go.Figure:
    """Regions coloured by category (the RIS performance groups, like the Commission's map).

    `rows`: region_code, group (one of `groups`' keys, else no data) and hover; `groups`:
    (key, label) in legend order; colours from GROUP_COLOURS."""
    if rows.empty:
        return empty_figure(t("maps.empty", lang), lang)
    keys = [key for key, _ in groups]
    traces = []
    for key, label in groups:
        mine = rows[rows["group"] == key]
        if not mine.empty:
            traces.append(
                _regions(
                    mine["region_code"],
                    geojson,
                    colour=GROUP_COLOURS.get(key, GREY),
                    name=label,
                    hover=mine["hover"],
                )
            )
    missing = rows[~rows["group"].isin(keys)]
    return _europe_figure(
        traces, rows, missing, geojson, lang, selected, height=height, title=title, bounds=bounds
    )


def value_map(
    rows: pd.DataFrame,
    geojson: dict | str,
    *,
    lang: str,
    panels: Sequence[Panel],
    unit: str,
    decimals: int,
    better: str = "higher",
    title: str | None = None,
    outlined: Sequence[str] = (),
    bounds: Bounds | None = None,
    height: int = 600,
) -> go.Figure:
    """Regions coloured by a value on one sequential scale, in one map per panel side by side
    (women and men), sharing the scale so the same colour is the same value. The dark end is
    the better one: the higher values, or the lower where `better` is "lower".

    `rows`: panel, region_code, value (NaN = "uppgift saknas") and hover. `outlined`: the
    regions compared on the page."""
    if rows.empty or rows["value"].notna().sum() == 0:
        return empty_figure(t("maps.empty", lang), lang)
    present = rows[rows["value"].notna()]
    low, high = float(present["value"].min()), float(present["value"].max())
    tickvals, ticktext = _value_ticks(low, high, decimals, lang)
    if low == high:
        low, high = low - 1, high + 1
    traces = []
    layout_geos: dict[str, dict[str, Any]] = {}
    gap = 0.04
    width = (1 - gap * (len(panels) - 1)) / len(panels)
    annotations = []
    legend_done = False
    for number, panel in enumerate(panels):
        geo = "geo" if number == 0 else f"geo{number + 1}"
        start = number * (width + gap)
        layout_geos[geo] = {**_geo(bounds), "domain": {"x": [start, start + width], "y": [0, 1]}}
        mine = rows[rows["panel"] == panel.key]
        shown = mine[mine["value"].notna()]
        if not shown.empty:
            traces.append(
                go.Choropleth(
                    geojson=geojson,
                    locations=list(shown["region_code"]),
                    z=list(shown["value"].astype(float)),
                    zmin=low,
                    zmax=high,
                    colorscale=[list(stop) for stop in SEQUENTIAL],
                    reversescale=better == "lower",
                    showscale=not legend_done,
                    colorbar={
                        "title": {"text": unit, "side": "right"},
                        "tickvals": tickvals,
                        "ticktext": ticktext,
                        **VERTICAL_BAR,
                    },
                    name=panel.title,
                    showlegend=False,
                    geo=geo,
                    marker={"line": {"color": BORDER, "width": 0.6}},
                    customdata=list(shown["hover"]),
                    hovertemplate="%{customdata}<extra></extra>",
                )
            )
        gone = mine[mine["value"].isna()]
        if not gone.empty:
            traces.append(_missing_trace(gone, geojson, lang, geo, not legend_done))
        legend_done = legend_done or not shown.empty or not gone.empty
        ring = [c for c in outlined if c in set(mine["region_code"])]
        if ring:
            traces.append(_outline(ring, geojson, geo))
        if len(panels) > 1:
            annotations.append(
                {
                    "text": f"<b>{panel.title}</b>",
                    "xref": "paper",
                    "yref": "paper",
                    "x": start + width / 2,
                    "y": 1,
                    "xanchor": "center",
                    "yanchor": "bottom",
                    "showarrow": False,
                    "font": {"size": 14},
                }
            )
    figure = go.Figure(traces)
    layout = _base(lang, height, title)
    layout["annotations"] = [*layout["annotations"], *annotations]
    figure.update_layout(**layout, **layout_geos, showlegend=True)
    figure.update_layout(legend={"y": 1.02, "yanchor": "bottom", "x": 0})
    return figure


def _nice_step(rough: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is at least `rough`."""
    power = 10.0 ** math.floor(math.log10(rough))
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= rough * (1 - 1e-9))


def _value_ticks(low: float, high: float, decimals: int, lang: str) -> tuple[list, list]:
    """About five ticks on round values between `low` and `high`, none closer than the
    indicator's decimals can tell apart (so no label is written twice); one value, one tick."""
    if high - low < 10.0**-decimals:
        return [low], [format_number(low, decimals, lang)]
    step = max(_nice_step((high - low) / 5), 10.0**-decimals)
    first = math.ceil(low / step - 1e-9)
    values = [round(k * step, 10) for k in range(first, math.floor(high / step + 1e-9) + 1)]
    labels = [format_number(v, decimals, lang) for v in values]
    return values, labels


def locator_map(
    geojson: dict | str,
    *,
    lang: str,
    context: Sequence[str],
    area: Sequence[str] = (),
    region: Sequence[str] = (),
    hover: dict[str, str] | None = None,
    bounds: Bounds | None = None,
    height: int = 260,
) -> go.Figure:
    """Where a region lies: the `context` regions light, the `area` around the region (its
    NUTS2 region) in a middle shade and the `region` dark. Static: no legend, no selection."""
    names = hover or {}
    traces = []
    for codes, colour in ((context, "#E3E3E3"), (area, SKY), (region, BLUE)):
        if codes:
            traces.append(
                _regions(
                    codes,
                    geojson,
                    colour=colour,
                    name="",
                    hover=[names.get(c, c) for c in codes],
                    legend=False,
                    line="#FFFFFF",
                    line_width=0.5,
                )
            )
    if not traces:
        return empty_figure(t("maps.empty", lang), lang, height=height)
    figure = go.Figure(traces)
    layout = _base(lang, height, None, bottom=22)
    layout["margin"] = {"l": 0, "r": 0, "t": 0, "b": 22}
    layout["annotations"][0]["font"]["size"] = 10
    figure.update_layout(**layout, geo=_geo(bounds), showlegend=False)
    return figure
