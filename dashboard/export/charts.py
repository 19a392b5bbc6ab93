"""Any chart of a page, from its permalink, as a slide image (PNG/SVG/PDF) or its data (CSV).

A permalink's path names the page and its query the view (the pages keep their whole state
in the URL). The figure comes from the same view the page draws; the slide frame adds the
title, what is shown (region, group, year or mandate period), the caveats and the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import plotly.graph_objects as go

from dashboard.data_access import indicators as indicator_data
from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.export.errors import ExportError
from dashboard.export.images import FORMATS, chart_csv, file_name, slide_image
from dashboard.export.slide import SlideFrame
from dashboard.i18n import language, t
from dashboard.views import explorer as explorer_views
from dashboard.views.compare import DEFAULT_REGION, compare_view, region_options, year_options
from dashboard.views.goals import DEFAULT_STRATEGY, current_period, indicator_view
from dashboard.views.maps import (
    COLOURS,
    VIEWS,
    MapView,
    SwedenMapView,
    europe_map_view,
    map_periods,
    sweden_map_view,
)
from dashboard.views.maps import indicator_options as map_indicators
from indicators.catalogue import Catalogue

CHARTS = {
    "/jamfor": ("bars", "trend", "map"),
    "/maluppfoljning": ("goal",),
    "/indikatorer": ("lines", "map"),
}
ALL_FORMATS = (*FORMATS, "csv")


@dataclass
class Chart:
    figure: go.Figure
    frame: SlideFrame
    data: pd.DataFrame  # the values drawn, for the CSV
    name: tuple[str, ...]  # the file name's parts, e.g. ("arbetsloshet 20–64 år", "SE125")


def _one(query: dict[str, list[str]], key: str) -> str | None:
    values = query.get(key)
    return values[0] if values else None


def _listed(known: list) -> str:
    shown = ", ".join(str(k) for k in known[:12])
    return shown + (f" … ({len(known)} i allt)" if len(known) > 12 else "")


def _checked(query, key: str, known, default, parse=str):
    """The link's `key` when it is one of `known`; absent or empty: `default`. An unknown value
    is an error naming it, where the page would show a notice and its default: a slide must
    not silently show something else than the link asked for."""
    value = _one(query, key)
    if value is None or value == "":
        return default
    known = list(known)
    try:
        parsed = parse(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed not in known:
        raise ExportError(f"okänt värde i länken: {key}={value!r}; välj bland: {_listed(known)}")
    return parsed


def _checked_list(query, key: str, known) -> tuple[str, ...]:
    """A comma-separated list (regions): every entry must be known."""
    known = list(known)
    allowed = set(known)
    asked = [v for v in (_one(query, key) or "").split(",") if v]
    unknown = [v for v in asked if v not in allowed]
    if unknown:
        raise ExportError(
            f"okänt värde i länken: {key}={','.join(unknown)!r}; välj bland: {_listed(known)}"
        )
    return tuple(asked)


class CompareChoice(NamedTuple):
    region: str
    edition: int
    year: int
    benchmark: str
    also: tuple[str, ...]
    peers: tuple[str, ...]


def _compare_choices(reader, query, lang: str) -> CompareChoice:
    """Jämför's region, edition, year, benchmark and compared regions, checked like the page."""
    editions = ris.editions(reader)
    if editions.empty:
        raise ExportError("lagret har ingen RIS-utgåva: kör `rusmon etl ris` först")
    known = editions["edition"].astype(int).tolist()
    edition = _checked(query, "edition", known, known[0], int)
    codes = [o["value"] for o in region_options(reader, edition, lang)]
    years = year_options(reader, edition)
    return CompareChoice(
        region=_checked(query, "region", codes, DEFAULT_REGION),
        edition=edition,
        year=_checked(query, "year", years, years[0] if years else edition, int),
        benchmark=_checked(query, "benchmark", ris.BENCHMARKS, "leaders"),
        also=_checked_list(query, "also", codes),
        peers=_checked_list(query, "peers", codes),
    )


def _compare(reader, catalogue, query, which: str, lang: str) -> Chart:
    c = _compare_choices(reader, query, lang)
    region, edition, year = c.region, c.edition, c.year
    view = compare_view(reader, catalogue, *c[:3], lang, c.benchmark, c.also, c.peers)
    if view.bar_rows.empty:
        raise ExportError(f"{view.title}: inga RIS-värden för {region}, {edition}, {year}")
    if which == "trend":
        title = view.trend.layout.title.text or view.title
        frame = SlideFrame(title, f"{view.region_name}, RIS {edition}", source=view.source)
        rows = view.trend_rows.rename(
            columns={
                "year": t("table.year", lang),
                "region": view.region_name,
                "benchmark": t(f"trend.bench.{view.benchmark}", lang),
                "eu": t("trend.eu", lang),
            }
        )
        return Chart(view.trend, frame, rows, (region, "rii", f"RIS {edition}"))
    subtitle = f"{view.region_name}: {view.intro}"
    frame = SlideFrame(view.title, subtitle, source=view.source, notes=tuple(view.caveats))
    return Chart(view.bars, frame, _bars_data(view, lang), (region, view.group, str(year)))


def _compare_map(reader, catalogue, query, lang: str) -> Chart:
    """Jämför's map: the figure carries its geometry, so the image needs nothing fetched."""
    c = _compare_choices(reader, query, lang)
    region, edition, year = c.region, c.edition, c.year
    options = [o["value"] for o in map_indicators(reader, catalogue, edition, year, lang)]
    indicator = _checked(query, "mapind", options, "RII")
    colour = _checked(query, "mapcolour", COLOURS, "ratio")
    view = europe_map_view(reader, catalogue, *c[:3], lang, c.benchmark, c.peers, indicator, colour)
    if view.rows.empty:
        raise ExportError(f"{view.title}: inga RIS-värden för {edition}, {year}")
    subtitle = f"{catalogue.regions.name_of(region, lang)} · RIS {edition}"
    data = _map_data(
        view,
        {
            "region_code": t("maps.col.code", lang),
            "name": t("control.region", lang),
            "region_value": f"{catalogue.ris_short_name(edition, indicator, lang)} {year}",
            "ratio": t("table.ratio", lang),
            "rank": t("gap.col.rank", lang),
            "group_label": t("card.group", lang),
        },
    )
    return Chart(view.figure, _map_frame(view, subtitle), data, (region, view.title))


def _indicator(reader, catalogue, query, lang: str) -> str:
    """The link's indicator, one Indikatorer offers (it has values in the warehouse); without
    one, the one the page opens with."""
    options = [o["value"] for o in explorer_views.indicator_options(reader, catalogue, lang)]
    if not options:
        raise ExportError("inga uppföljningsindikatorer har värden i lagret: kör rusmon etl")
    return _checked(query, "indicator", options, options[0])


def _explorer_regions(query, values: pd.DataFrame) -> list[str]:
    """The link's regions, each one that has values for the indicator; without any, the ones
    the page opens with (so the chart and the map show what the link shows on screen)."""
    available = explorer_views.region_codes(values)
    asked = list(_checked_list(query, "regions", sorted(available)))
    return asked or explorer_views.default_regions(available)


def _explorer_map(reader, catalogue, query, lang: str) -> Chart:
    indicator = _indicator(reader, catalogue, query, lang)
    values = indicator_data.values(reader, indicator)
    regions = _explorer_regions(query, values)
    period = _checked(query, "mapyear", map_periods(values, catalogue), None)
    sex = _checked(query, "sex", ("T", "KM"), "T")
    view = sweden_map_view(reader, catalogue, indicator, period, sex, regions, lang)
    if view.rows.empty:
        raise ExportError(f"{catalogue.indicators[indicator].name(lang)}: inga värden att visa")
    data = _map_data(
        view,
        {
            "region_code": t("maps.col.code", lang),
            "name": t("control.region", lang),
            "sex": t("goals.col.sex", lang),
            "value": t("goals.col.value", lang),
        },
    )
    sex_column = t("goals.col.sex", lang)
    data[sex_column] = [t(f"sex.{x}", lang) for x in data[sex_column]]
    name = (catalogue.indicators[indicator].name(lang), view.period or "")
    return Chart(
        view.figure,
        _map_frame(view, _sweden_subtitle(view, catalogue, indicator, lang)),
        data,
        name,
    )


def _sweden_subtitle(view: SwedenMapView, catalogue, indicator: str, lang: str) -> str:
    """What the map shows, under its title: "Sveriges 21 län, procent"; and whether women and
    men are drawn side by side."""
    where = "lan" if view.level == 3 else "nuts2"
    subtitle = t(
        f"maps.sweden.subtitle.{where}",
        lang,
        count=view.rows["region_code"].nunique(),
        unit=catalogue.indicators[indicator].unit_text(lang),
    )
    if view.rows["sex"].nunique() > 1:
        subtitle += " · " + t("maps.sweden.subtitle.split", lang)
    return subtitle


def _map_frame(view: MapView, subtitle: str) -> SlideFrame:
    """The slide around a map: its notes, the values' source; the boundaries' attribution is
    in the figure itself."""
    return SlideFrame(view.title, subtitle, source=view.source, notes=tuple(view.notes))


def _map_data(view: MapView, columns: dict[str, str]) -> pd.DataFrame:
    out = view.rows[[c for c in columns if c in view.rows]].copy()
    for column, decimals in (("region_value", 2), ("ratio", 3), ("value", 3)):
        if column in out:
            out[column] = out[column].astype(float).round(decimals)
    if "rank" in out:
        out["rank"] = out["rank"].astype("Int64")  # a rank is a whole number, or none
    return out.rename(columns=columns)


def _bars_data(view, lang: str) -> pd.DataFrame:
    """The bars' values as the table under the chart shows them, with full precision kept to
    what the RIS file has (two decimals for scores, three for ratios)."""
    rows = view.bar_rows
    columns = {
        "region_name": t("control.region", lang),
        "label": t("table.indicator", lang),
        "region_value": t("table.region_value", lang),
        "leader_mean": t("gap.col.benchmark", lang),
        "ratio": t("table.ratio", lang),
        "status": t("download.col.status", lang),
    }
    out = rows[[c for c in columns if c in rows]].copy()
    for column, decimals in (("region_value", 2), ("leader_mean", 2), ("ratio", 3)):
        if column in out:
            out[column] = out[column].round(decimals)
    if "status" in out:
        out["status"] = [
            t(f"download.status.{s}", lang) if isinstance(s, str) and s else ""
            for s in out["status"]
        ]
    return out.rename(columns=columns)


def _goal(reader, catalogue, query, lang: str) -> Chart:
    strategy = _checked(query, "strategy", catalogue.strategies, DEFAULT_STRATEGY)
    regions = catalogue.strategies[strategy].regions
    region = _checked(query, "region", regions, regions[0])
    periods = [p.id for p in catalogue.mandate_periods]
    period = _checked(query, "period", periods, current_period(catalogue))
    pick = _one(query, "pick")
    view = indicator_view(reader, catalogue, strategy, region, period, pick, lang)
    if view is None:
        raise ExportError(
            "ange vilken målindikator som ska exporteras: permalänken behöver pick=DELMÅL|INDIKATOR"
            " (klicka på indikatorn på sidan Måluppföljning och kopiera adressen)"
        )
    goal = catalogue.strategies[strategy].goal(view.goal_id)
    subtitle = (
        f"{catalogue.regions.name_of(region, lang)} · "
        f"{t('goals.goal', lang, id=goal.id, name=goal.name(lang))} · "
        f"{period.replace('-', '–')} · {view.status}"
    )
    notes = tuple(note for _, note in view.chart.breaks)
    frame = SlideFrame(view.title, subtitle, source=view.source, notes=notes)
    series = view.chart.series.sort_values(["sex", "time"])
    data = pd.DataFrame(
        {
            t("goals.col.indicator", lang): view.title,
            t("goals.col.period", lang): series["period"],
            t("goals.col.sex", lang): [t(f"sex.{x}", lang) for x in series["sex"]],
            t("goals.col.value", lang): series["value"].round(view.chart.decimals + 2),
            t("meta.unit", lang): view.chart.unit,
        }
    )
    return Chart(view.figure, frame, data, (view.title, period))


def _explorer(reader, catalogue, query, lang: str) -> Chart:
    indicator = _indicator(reader, catalogue, query, lang)
    values = indicator_data.values(reader, indicator)
    regions = _explorer_regions(query, values)
    bases, periods = explorer_views.period_options(values, lang)
    mode = _checked(query, "mode", ("series", "bar"), "series")
    year = _checked(query, "year", [p["value"] for p in periods], None)
    sex = _checked(query, "sex", ("T", "KM"), "T")
    base = _checked(query, "base", [b["value"] for b in bases], "") or None
    view = explorer_views.explorer_view(
        reader, catalogue, indicator, regions, mode, year, sex, base, False, lang
    )
    if not view.source:
        raise ExportError(f"{catalogue.indicators[indicator].name(lang)}: inga värden att visa")
    names = ", ".join(catalogue.regions.name_of(r, lang) for r in regions)
    frame = SlideFrame(view.figure.layout.title.text or indicator, names, source=view.source)
    data = explorer_views.download_frame(reader, catalogue, indicator, regions, sex, base, lang)
    periods = sorted(set(data.iloc[:, 4].astype(str)))
    span = periods[0] if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"
    name = (catalogue.indicators[indicator].name(lang), *regions[:4], span)
    return Chart(view.figure, frame, data, name)


def chart_from_permalink(
    reader: WarehouseReader, catalogue: Catalogue, permalink: str, which: str | None = None
) -> tuple[Chart, str]:
    """(the chart, its language) for a permalink such as
    `/maluppfoljning?strategy=…&region=SE125&period=2019-2022&pick=19|unemployment_rate_20_64`.
    `which` picks one of a page's charts (Jämför: bars, trend or map); by default the one the
    link shows (the map when it has `view=map`)."""
    parts = urlsplit(permalink)
    path = parts.path.rstrip("/") or "/"
    if path not in CHARTS:
        pages = ", ".join(CHARTS)
        raise ExportError(
            f"ingen diagramexport för {path or permalink!r}; sidor med diagram: {pages}"
        )
    query = parse_qs(parts.query)
    # a link copied while the map tab was open (view=map) means the map
    view = _checked(query, "view", VIEWS, "chart")
    shown = "map" if view == "map" and "map" in CHARTS[path] else CHARTS[path][0]
    which = which or shown
    if which not in CHARTS[path]:
        raise ExportError(f"{path} har diagrammen {', '.join(CHARTS[path])}, inte {which!r}")
    lang = language(_one(query, "lang"))
    if path == "/jamfor" and which == "map":
        return _compare_map(reader, catalogue, query, lang), lang
    if path == "/indikatorer" and which == "map":
        return _explorer_map(reader, catalogue, query, lang), lang
    if path == "/jamfor":
        return _compare(reader, catalogue, query, which, lang), lang
    if path == "/maluppfoljning":
        return _goal(reader, catalogue, query, lang), lang
    return _explorer(reader, catalogue, query, lang), lang


def export_chart(chart: Chart, fmt: str, lang: str) -> tuple[bytes, str]:
    """(the file's bytes, its file name) for `fmt` in png, svg, pdf (the 1920×1080 slide) or
    csv (the values drawn)."""
    if fmt not in ALL_FORMATS:
        raise ExportError(f"okänt format {fmt!r}; välj ett av {', '.join(ALL_FORMATS)}")
    name = file_name(*chart.name, ext=fmt)
    if fmt == "csv":
        return chart_csv(chart.data, lang).encode("utf-8"), name
    return slide_image(chart.figure, chart.frame, fmt, lang), name
