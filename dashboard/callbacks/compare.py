"""Jämför med innovationsledare: from the chosen region, edition and year to everything shown.

`compare_view` is a plain function (reader and catalogue in, figures and components out),
so it is tested without a browser; `register` wires it to the page's components.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from dash import Dash, Input, Output, State, html

from dashboard import ids
from dashboard.components.rii_standing import rii_standing
from dashboard.components.table import simple_table
from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.common import empty_figure
from dashboard.figures.leader_bars import leader_ratio_bars, regions_ratio_bars
from dashboard.figures.rii_trend import rii_trend
from dashboard.i18n import t
from dashboard.marks import CAP_MARK, CONSTANT_MARK, ZERO_MARK
from indicators.catalogue import Catalogue
from indicators.formatting import format_date, format_number, format_percent

DEFAULT_REGION = "SE33"


@dataclass
class CompareView:
    heading: list
    card: list
    bars: go.Figure
    caveats: list
    source: str
    table: list
    trend: go.Figure
    gap: list


def region_options(reader: WarehouseReader, edition: int, lang: str) -> list[dict]:
    """Swedish regions first (the users' own), then the rest of Europe by code."""
    frame = ris.regions(reader, edition)
    if frame.empty:
        return []
    name = frame["name_en"] if lang == "en" else frame["name_sv"]
    frame = frame.assign(
        label=name + " (" + frame["region_code"] + ")",
        swedish=frame["country_code"] == "SE",
    ).sort_values(["swedish", "region_code"], ascending=[False, True])
    return [{"label": r.label, "value": r.region_code} for r in frame.itertuples()]


def year_options(reader: WarehouseReader, edition: int) -> list[int]:
    row = ris.editions(reader)
    row = row[row["edition"] == edition]
    if row.empty:
        return []
    return list(range(int(row["last_year"].iloc[0]), int(row["first_year"].iloc[0]) - 1, -1))


def _with_status(frame: pd.DataFrame, status: str) -> pd.DataFrame:
    return frame[frame["status"] == status] if "status" in frame else frame.iloc[0:0]


def _bar_labels(comparison: pd.DataFrame, catalogue: Catalogue, edition: int, lang: str):
    """Short names with their caveat marks: † flat over time, ▲ at the cap (status 'capped'),
    * an isolated 0,00 (status 'zero'), each explained in the caveats."""
    labels = []
    for row in comparison.itertuples():
        series = catalogue.ris_series(edition, row.indicator_code)
        label = catalogue.ris_short_name(edition, row.indicator_code, lang)
        marks = ""
        if series and "constant_over_time" in series.caveats:
            marks += " " + CONSTANT_MARK
        if row.status == ris.CAPPED:
            marks += " " + CAP_MARK
        if row.status == ris.ZERO:
            marks += " " + ZERO_MARK
        labels.append(label + marks)
    return labels


def _number_or_missing(value, decimals: int, lang: str) -> str:
    """A table cell: the number, or "uppgift saknas" where RIS has no value (never 0,00)."""
    return t("ris.no_data", lang) if pd.isna(value) else format_number(value, decimals, lang)


def _card(
    summary: ris.RiiSummary | None, year: int, lang: str, ratio: float | None, group: str
) -> list:
    """The RII, its level against the EU, the ratio to the chosen benchmark (`group`, e.g.
    "starka innovatörers snitt") and the region's standing."""
    if summary is None:
        return []
    value = (
        t("ris.no_data", lang) if summary.value is None else format_number(summary.value, 1, lang)
    )
    lines = [
        html.Div(t("card.rii", lang, year=year), className="card-label"),
        html.Div(value, className="card-value"),
    ]
    texts = []
    if summary.relative_to_eu is not None:
        texts.append(
            t("card.relative", lang, percent=format_percent(summary.relative_to_eu, 0, lang))
        )
    if ratio is not None and not pd.isna(ratio):
        texts.append(t("card.ratio_vs", lang, group=group, ratio=format_number(ratio, 2, lang)))
    lines += [html.Div(text, className="card-line") for text in texts]
    lines += rii_standing(summary, year, lang)
    return [html.Div(lines, className="card")]


def caveats(
    comparison: pd.DataFrame, catalogue: Catalogue, edition: int, region: str, lang: str
) -> list[str]:
    """The caveats from DESIGN.md that apply to this view, as sentences."""
    texts = []
    region_entry = catalogue.regions.get(region)
    if region_entry and region_entry.country_code == "SE" and region_entry.level == 2:
        members = [r.name(lang) for r in catalogue.regions.children(region)]
        joined = (
            members[0]
            if len(members) == 1
            else (", ".join(members[:-1]) + (" and " if lang == "en" else " och ") + members[-1])
        )
        texts.append(
            catalogue.caveats["nuts2_not_lan"].text(
                lang, region=region_entry.name(lang), members=joined
            )
        )
    flat = []
    for code in comparison["indicator_code"]:
        series = catalogue.ris_series(edition, code)
        if series and "constant_over_time" in series.caveats:
            flat.append(series.short(lang))
    if flat:
        texts.append(
            f"{CONSTANT_MARK} {', '.join(flat)}: "
            + catalogue.caveats["constant_over_time"].text(lang)
        )
    capped = _with_status(comparison, ris.CAPPED)
    if not capped.empty:
        names = [catalogue.ris_short_name(edition, c, lang) for c in capped["indicator_code"]]
        texts.append(f"{CAP_MARK} {', '.join(names)}: " + catalogue.caveats["capped"].text(lang))
    texts += missing_caveats(comparison, catalogue, edition, lang)
    texts.append(catalogue.caveats["editions_not_comparable"].text(lang))
    return texts


def missing_caveats(
    comparison: pd.DataFrame,
    catalogue: Catalogue,
    edition: int,
    lang: str,
    region_name: str | None = None,
) -> list[str]:
    """Footnotes for the file's 0,00: the indicators with no data (left out of every mean,
    rank and gap share) and the isolated zeros (kept, but ambiguous). `region_name` prefixes
    them when they are about another region than the chosen one."""
    texts = []
    for status, key in ((ris.MISSING, "caveat.missing"), (ris.ZERO, "caveat.zero")):
        rows = _with_status(comparison, status)
        rows = rows[rows["indicator_code"] != "RII"]
        if rows.empty:
            continue
        names = ", ".join(
            dict.fromkeys(
                catalogue.ris_short_name(edition, c, lang) for c in rows["indicator_code"]
            )
        )
        text = t(key, lang, mark=ZERO_MARK, indicators=names)
        texts.append(f"{region_name}: {text}" if region_name else text)
    return texts


def _table(rows: pd.DataFrame, lang: str, mean_heading: str, several: bool = False) -> list:
    """The bars as a table: `rows` has label, region_name, region_value, leader_mean (the
    benchmark's mean) and ratio; a missing value reads "uppgift saknas" and comes last."""
    rows = rows.sort_values("ratio", ascending=False, na_position="last", kind="stable")
    if several:
        rows = rows.sort_values("order", kind="stable")
    keys = ("indicator", "region_value", "leader_mean", "ratio")
    data = [
        {
            "region": r.region_name if several else "",
            "indicator": r.label,
            "region_value": _number_or_missing(r.region_value, 2, lang),
            "leader_mean": _number_or_missing(r.leader_mean, 2, lang),
            "ratio": _number_or_missing(r.ratio, 2, lang),
        }
        for r in rows.itertuples()
    ]
    columns = [(key, t(f"table.{key}", lang)) for key in keys]
    columns[2] = ("leader_mean", mean_heading)
    if several:
        columns.insert(0, ("region", t("control.region", lang)))
    table = simple_table(columns, data, numeric=keys[1:])
    return [html.Details([html.Summary(t("table.show", lang)), table])]


def _gap_section(bench: pd.DataFrame, labels: dict, region_name: str, group: str, year: int, lang):
    """Every indicator with its rank among all regions and its share of the shortfall."""
    rows = (
        bench[bench["indicator_code"] != "RII"]
        .assign(missing=lambda f: f["region_value"].isna())
        .sort_values(
            ["missing", "gap_share", "ratio"], ascending=[True, False, True], na_position="last"
        )
    )  # a missing value has no rank and no share of the gap: it comes last, said so
    if rows.empty:
        return []
    ranked = int(rows["ranked"].max())
    data = [
        {
            "indicator": labels.get(r.indicator_code, r.indicator_code),
            "region_value": _number_or_missing(r.region_value, 2, lang),
            "benchmark": _number_or_missing(r.benchmark, 2, lang),
            "ratio": _number_or_missing(r.ratio, 2, lang),
            "rank": "–"
            if pd.isna(r.rank)
            else t("gap.rank", lang, rank=int(r.rank), n=int(r.ranked)),
            "share": "–" if pd.isna(r.gap_share) else format_percent(r.gap_share, 1, lang),
        }
        for r in rows.itertuples()
    ]
    keys = ("indicator", "region_value", "benchmark", "ratio", "rank", "share")
    columns = [(k, t(f"gap.col.{k}", lang)) for k in keys]
    return [
        html.H2(t("gap.heading", lang, group=group, region=region_name, year=year)),
        html.P(t("gap.method", lang, n=ranked), className="source"),
        simple_table(columns, data, numeric=keys[1:], table_id="gap-table"),
    ]


def _benchmark_rows(bench: pd.DataFrame, labels: dict, names: dict) -> pd.DataFrame:
    """The benchmark comparison as bar rows: the chosen region first, then the others."""
    return (
        bench[bench["indicator_code"] != "RII"]
        .assign(
            label=lambda f: f["indicator_code"].map(lambda c: labels.get(c, c)),
            region_name=lambda f: f["region_code"].map(names),
            leader_mean=lambda f: f["benchmark"],
            order=lambda f: f["region_code"].map({code: i for i, code in enumerate(names)}),
        )
        .sort_values("order", kind="stable")
    )


def _benchmark_bars(rows: pd.DataFrame, benchmark: str, group: str, year: int, lang: str):
    if rows.empty:
        return empty_figure(t("bench.custom_empty", lang) if benchmark == "custom" else None, lang)
    if rows["region_code"].nunique() == 1:
        return leader_ratio_bars(rows, year=year, lang=lang, benchmark=group)
    return regions_ratio_bars(rows, year=year, benchmark=group, lang=lang)


def compare_view(
    reader: WarehouseReader,
    catalogue: Catalogue,
    region: str,
    edition: int,
    year: int,
    lang: str,
    benchmark: str = "leaders",
    also: tuple[str, ...] = (),
    peers: tuple[str, ...] = (),
) -> CompareView:
    """Everything /jamfor shows. Heading, subtitle, bars, table, card ratio and RII trend all
    follow the chosen `benchmark` (leaders, strong, eu, sweden, nordic, custom = `peers`)."""
    region_name = catalogue.regions.name_of(region, lang)
    benchmark = benchmark if benchmark in ris.BENCHMARKS else "leaders"
    group = t(f"bench.{benchmark}", lang)
    heading = [
        html.H1(t(f"compare.heading.{benchmark}", lang, region=region_name)),
        html.P(t(f"compare.intro.{benchmark}", lang, edition=edition, year=year), className="lead"),
    ]
    meta = ris.editions(reader)
    meta = meta[meta["edition"] == edition]
    comparison = ris.leader_comparison(reader, edition, year, region)
    if meta.empty or comparison.empty:
        message = t("empty.no_region_data", lang, region=region_name, edition=edition, year=year)
        empty = empty_figure(message, lang)
        return CompareView(heading, [], empty, [], "", [], empty_figure(message, lang), [])
    info = meta.iloc[0]
    rii_ratio = comparison.loc[comparison["indicator_code"] == "RII", "ratio"]
    # The RII summarises the indicators: it goes on the card, the bars show what makes it up.
    comparison = comparison[comparison["indicator_code"] != "RII"]
    labels = _bar_labels(comparison, catalogue, edition, lang)
    compared = (region, *[a for a in also if a != region])
    members = ris.benchmark_members(reader, edition, benchmark, tuple(peers))
    bench = ris.benchmark_comparison(reader, edition, year, compared, members)
    label_of = dict(zip(comparison["indicator_code"], labels, strict=True))
    names = {c: catalogue.regions.name_of(c, lang) for c in compared}
    own = bench[bench["region_code"] == region] if not bench.empty else bench
    notes = caveats(comparison, catalogue, edition, region, lang)
    if benchmark == "leaders" and len(compared) == 1:
        rows = comparison.assign(label=labels)
        bars = leader_ratio_bars(rows, year=year, lang=lang)
        table = _table(rows, lang, t("table.leader_mean", lang))
        card_ratio = None if rii_ratio.empty else float(rii_ratio.iloc[0])
    else:
        rows = _benchmark_rows(bench, label_of, names) if not bench.empty else bench
        bars = _benchmark_bars(rows, benchmark, group, year, lang)
        several = len(compared) > 1
        table = [] if rows.empty else _table(rows, lang, t("gap.col.benchmark", lang), several)
        rii = own[own["indicator_code"] == "RII"]["ratio"] if not own.empty else own
        card_ratio = None if rii.empty else float(rii.iloc[0])
        for other in compared[1:]:
            notes[-1:-1] = missing_caveats(
                bench[bench["region_code"] == other], catalogue, edition, lang, names[other]
            )
    trend = rii_trend(
        ris.rii_trend(reader, edition, region, benchmark, members),
        region_name=region_name,
        base_year=int(info["base_year"]),
        lang=lang,
        benchmark=t(f"trend.bench.{benchmark}", lang),
    )
    source = t(
        "source.ris",
        lang,
        group=group,
        edition=edition,
        base=int(info["base_year"]),
        loaded=format_date(info["loaded_at"]),
        file=info["source_file"],
    )
    return CompareView(
        heading=heading,
        card=_card(ris.rii_summary(reader, edition, year, region), year, lang, card_ratio, group),
        bars=bars,
        caveats=[html.H2(t("caveats.heading", lang)), html.Ul([html.Li(c) for c in notes])],
        source=source,
        table=table,
        trend=trend,
        gap=_gap_section(own, label_of, region_name, group, year, lang) if not own.empty else [],
    )


def register(app: Dash, reader_of, catalogue_of) -> None:
    """Wire the page: edition → years, and (region, edition, year) → the whole view."""

    @app.callback(
        Output(ids.COMPARE_YEAR, "options"),
        Output(ids.COMPARE_YEAR, "value"),
        Input(ids.COMPARE_EDITION, "value"),
        State(ids.COMPARE_YEAR, "value"),
    )
    def _years(edition, current):
        years = year_options(reader_of(), int(edition)) if edition else []
        value = current if current in years else (years[0] if years else None)
        return [{"label": str(y), "value": y} for y in years], value

    @app.callback(
        Output(ids.COMPARE_HEADING, "children"),
        Output(ids.COMPARE_CARD, "children"),
        Output(ids.COMPARE_BARS, "figure"),
        Output(ids.COMPARE_CAVEATS, "children"),
        Output(ids.COMPARE_SOURCE, "children"),
        Output(ids.COMPARE_TABLE, "children"),
        Output(ids.COMPARE_TREND, "figure"),
        Output(ids.COMPARE_TREND_SOURCE, "children"),
        Output(ids.COMPARE_GAP, "children"),
        Input(ids.COMPARE_REGION, "value"),
        Input(ids.COMPARE_EDITION, "value"),
        Input(ids.COMPARE_YEAR, "value"),
        Input(ids.COMPARE_BENCHMARK, "value"),
        Input(ids.COMPARE_ALSO, "value"),
        Input(ids.COMPARE_PEERS, "value"),
        State(ids.COMPARE_LANG, "data"),
    )
    def _view(region, edition, year, benchmark, also, peers, lang):
        if not (region and edition and year):
            empty = empty_figure(lang=lang or "sv")
            return [], [], empty, [], "", [], empty, "", []
        args = (region, int(edition), int(year), lang, benchmark or "leaders")
        args += (tuple(also or ()), tuple(peers or ()))
        reader = reader_of()
        view = reader.memo(("compare", *args), lambda: compare_view(reader, catalogue_of(), *args))
        return (
            view.heading,
            view.card,
            view.bars,
            view.caveats,
            view.source,
            view.table,
            view.trend,
            view.source,
            view.gap,
        )
