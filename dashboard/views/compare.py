"""Jämför med innovationsledare as data: from the chosen region, edition, year and benchmark
to everything shown. Pure (reader and catalogue in, dataclasses and figures out): the page, the
deck and the profile show what `compare_view` returns."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.figures.common import empty_figure
from dashboard.figures.leader_bars import leader_ratio_bars, regions_ratio_bars
from dashboard.figures.rii_trend import rii_trend
from dashboard.i18n import t
from dashboard.marks import CAP_MARK, CONSTANT_MARK, ZERO_MARK
from dashboard.views.goals import members_text
from dashboard.views.model import Card, Table
from dashboard.views.ris_card import rii_card
from indicators.catalogue import Catalogue
from indicators.formatting import format_date, format_number, format_percent

DEFAULT_REGION = "SE33"


@dataclass
class Gap:
    """Every indicator's rank among all regions and its share of the shortfall."""

    heading: str
    method: str
    table: Table


@dataclass
class CompareView:
    title: str
    intro: str
    card: Card | None
    bars: go.Figure
    caveats: list[str]
    source: str
    table: Table | None
    trend: go.Figure
    gap: Gap | None
    bar_rows: pd.DataFrame  # what the bars draw: label, region_name, ratio per indicator
    trend_rows: pd.DataFrame  # what the trend draws: year, region and benchmark RII
    region_name: str = ""
    group: str = ""  # the benchmark in words, e.g. "innovationsledarnas snitt"
    benchmark: str = "leaders"  # its key (ris.BENCHMARKS)


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
) -> Card | None:
    """The RII, its level against the EU, the ratio to the chosen benchmark (`group`, e.g.
    "starka innovatörers snitt") and the region's standing."""
    if summary is None:
        return None
    texts = []
    if summary.relative_to_eu is not None:
        texts.append(
            t("card.relative", lang, percent=format_percent(summary.relative_to_eu, 0, lang))
        )
    if ratio is not None and not pd.isna(ratio):
        texts.append(t("card.ratio_vs", lang, group=group, ratio=format_number(ratio, 2, lang)))
    return rii_card(summary, year, lang, t("card.rii", lang, year=year), texts)


def caveats(
    comparison: pd.DataFrame, catalogue: Catalogue, edition: int, region: str, lang: str
) -> list[str]:
    """The caveats from DESIGN.md that apply to this view, as sentences."""
    texts = []
    region_entry = catalogue.regions.get(region)
    if region_entry and region_entry.country_code == "SE" and region_entry.level == 2:
        joined = members_text(catalogue, region, lang)
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


def _table(rows: pd.DataFrame, lang: str, mean_heading: str, several: bool = False) -> Table:
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
    return Table(columns, data, keys[1:])


def _gap_section(
    bench: pd.DataFrame, labels: dict, region_name: str, group: str, year: int, lang
) -> Gap | None:
    """Every indicator with its rank among all regions and its share of the shortfall."""
    rows = (
        bench[bench["indicator_code"] != "RII"]
        .assign(missing=lambda f: f["region_value"].isna())
        .sort_values(
            ["missing", "gap_share", "ratio"], ascending=[True, False, True], na_position="last"
        )
    )  # a missing value has no rank and no share of the gap: it comes last, said so
    if rows.empty:
        return None
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
    return Gap(
        t("gap.heading", lang, group=group, region=region_name, year=year),
        t("gap.method", lang, n=ranked),
        Table(columns, data, keys[1:]),
    )


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


def ris_source(info, group: str, edition: int, lang: str) -> str:
    """The "Källa: … RIS {edition} …" line of a RIS view: the edition's row of ris.editions
    (base year, load date, file) and the benchmark group in words."""
    return t(
        "source.ris",
        lang,
        group=group,
        edition=edition,
        base=int(info["base_year"]),
        loaded=format_date(info["loaded_at"]),
        file=info["source_file"],
    )


def heading_text(
    catalogue: Catalogue, region: str, edition: int, year: int, lang: str, benchmark: str
) -> tuple[str, str]:
    """Jämför's heading and intro: who is compared with which group, in which edition and year.
    Words only, no data: the page shows them at once (nothing above the map moves when the
    comparison's answer comes), and the view says the same."""
    benchmark = benchmark if benchmark in ris.BENCHMARKS else "leaders"
    region_name = catalogue.regions.name_of(region, lang)
    return (
        t(f"compare.heading.{benchmark}", lang, region=region_name),
        t(f"compare.intro.{benchmark}", lang, edition=edition, year=year),
    )


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
    title, intro = heading_text(catalogue, region, edition, year, lang, benchmark)
    meta = ris.editions(reader)
    meta = meta[meta["edition"] == edition]
    comparison = ris.leader_comparison(reader, edition, year, region)
    if meta.empty or comparison.empty:
        message = t("empty.no_region_data", lang, region=region_name, edition=edition, year=year)
        return CompareView(
            title,
            intro,
            None,
            empty_figure(message, lang),
            [],
            "",
            None,
            empty_figure(message, lang),
            None,
            pd.DataFrame(),
            pd.DataFrame(),
            region_name,
            group,
            benchmark,
        )
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
        table = None if rows.empty else _table(rows, lang, t("gap.col.benchmark", lang), several)
        rii = own[own["indicator_code"] == "RII"]["ratio"] if not own.empty else own
        card_ratio = None if rii.empty else float(rii.iloc[0])
        for other in compared[1:]:
            notes[-1:-1] = missing_caveats(
                bench[bench["region_code"] == other], catalogue, edition, lang, names[other]
            )
    trend_rows = ris.rii_trend(reader, edition, region, benchmark, members)
    trend = rii_trend(
        trend_rows,
        region_name=region_name,
        base_year=int(info["base_year"]),
        lang=lang,
        benchmark=t(f"trend.bench.{benchmark}", lang),
    )
    source = ris_source(info, group, edition, lang)
    return CompareView(
        title=title,
        intro=intro,
        card=_card(ris.rii_summary(reader, edition, year, region), year, lang, card_ratio, group),
        bars=bars,
        caveats=notes,
        source=source,
        table=table,
        trend=trend,
        gap=_gap_section(own, label_of, region_name, group, year, lang) if not own.empty else None,
        bar_rows=rows,
        trend_rows=trend_rows,
        region_name=region_name,
        group=group,
        benchmark=benchmark,
    )


def remembered_compare_view(
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
    """`compare_view` once per warehouse version and choices: the page brings its bars with it
    and the page's callback builds the rest from the same view."""
    args = (region, edition, year, lang, benchmark, tuple(also), tuple(peers))
    return reader.memo(("compare-view", *args), lambda: compare_view(reader, catalogue, *args))
