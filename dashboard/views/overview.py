"""Översikt as data: where a region stands, in four cards — innovation index, goal status this
mandate period, strongest and weakest RIS indicators against the leaders, and data freshness.

Pure (reader and catalogue in, dataclasses out): the start page, the deck and the profile show
what `overview_view` returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from dashboard.data_access import goals as goal_data
from dashboard.data_access import indicators as indicator_data
from dashboard.data_access import ris
from dashboard.data_access.reader import WarehouseReader
from dashboard.i18n import t
from dashboard.marks import ZERO_MARK
from dashboard.views.compare import missing_caveats
from dashboard.views.goals import current_period
from dashboard.views.model import Card, Status
from dashboard.views.ris_card import rii_card
from indicators.catalogue import Catalogue
from indicators.formatting import format_number, format_time
from indicators.goals import verdicts as v

DEFAULT_REGION = "SE331"
SHOWN = 3  # strongest and weakest indicators


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class RiiSection:
    """The innovation index card; `message` says why there is no `card`."""

    title: str
    card: Card | None
    message: str = ""
    link: Link | None = None  # to Jämför for the region's NUTS2 region


@dataclass(frozen=True)
class StrategyGoals:
    """One strategy's delmål this mandate period: how many have each status."""

    name: str
    href: str  # its Måluppföljning page
    counts: list[tuple[Status, int]]
    no_status: str = ""  # shown instead of the counts when there are none


@dataclass(frozen=True)
class GoalsSection:
    title: str
    strategies: list[StrategyGoals]
    message: str = ""  # no strategy follows the region up


@dataclass(frozen=True)
class Extremes:
    """The strongest and weakest RIS indicators against the leaders, as "label mark: ratio"."""

    title: str
    message: str = ""  # nothing to compare: the card says only this
    intro: str = ""
    strongest_heading: str = ""
    strongest: list[str] = field(default_factory=list)
    weakest_heading: str = ""
    weakest: list[str] = field(default_factory=list)
    missing: str = ""  # the indicators without data, listed apart
    footnotes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Freshness:
    title: str
    message: str = ""  # an empty warehouse: the card says only this
    lines: list[str] = field(default_factory=list)  # indicators with data, the last load
    failed: list[str] = field(default_factory=list)  # sources whose last run failed
    failed_text: str = ""  # the failed sources in words
    link: Link | None = None  # to Datakällor


@dataclass(frozen=True)
class OverviewView:
    title: str
    rii: RiiSection
    goals: GoalsSection
    extremes: Extremes
    freshness: Freshness
    profile: Link | None = None  # the print-friendly region profile (/profil, PDF)


def region_options(catalogue: Catalogue, lang: str) -> list[dict]:
    """Sweden, then the NUTS2 regions, then the län, each labelled with its code."""
    regions = sorted(catalogue.regions.swedish(), key=lambda r: (r.level or 0, r.name(lang)))
    return [catalogue.regions.option(r.code, lang) for r in regions if r.level in (0, 2, 3)]


def ris_region(catalogue: Catalogue, code: str) -> str:
    """The RIS reports NUTS2 regions: a län is shown through its NUTS2 region."""
    region = catalogue.regions.get(code)
    if region and region.level == 3 and region.parent_code:
        return region.parent_code
    return code


def _rii(reader, catalogue, code: str, latest, lang: str) -> RiiSection:
    title = t("overview.rii", lang)
    nuts2 = ris_region(catalogue, code)
    if latest is None:
        return RiiSection(title, None, t("empty.no_warehouse", lang))
    edition, year = latest
    summary = ris.rii_summary(reader, edition, year, nuts2)
    name = catalogue.regions.name_of(nuts2, lang)
    if summary is None:
        message = t("empty.no_region_data", lang, region=name, edition=edition, year=year)
        return RiiSection(title, None, message)
    return RiiSection(
        title,
        rii_card(summary, year, lang, f"{name}, RIS {edition} ({year})"),
        link=Link(t("overview.to_compare", lang), f"/jamfor?region={nuts2}&lang={lang}"),
    )


def _extremes(reader, catalogue, code: str, latest, lang: str) -> Extremes:
    title = t("overview.extremes", lang)
    if latest is None:
        return Extremes(title, t("figure.empty", lang))
    edition, year = latest
    nuts2 = ris_region(catalogue, code)
    comparison = ris.leader_comparison(reader, edition, year, nuts2)
    comparison = (
        comparison[comparison["indicator_code"] != "RII"] if not comparison.empty else comparison
    )
    if comparison.empty:
        return Extremes(title, t("figure.empty", lang))
    # A missing value (the file's 0,00, ratio NULL) is neither strong nor weak: listed apart.
    shown = comparison[comparison["ratio"].notna()]
    ordered = shown.sort_values("ratio", ascending=False, kind="stable")
    strongest = ordered.head(SHOWN)
    weakest = ordered.drop(strongest.index).tail(SHOWN).iloc[::-1]

    def items(frame) -> list[str]:
        out = []
        for row in frame.itertuples():
            label = catalogue.ris_short_name(edition, row.indicator_code, lang)
            mark = f" {ZERO_MARK}" if row.status == ris.ZERO else ""
            out.append(f"{label}{mark}: {format_number(row.ratio, 2, lang)}")
        return out

    missing = comparison[comparison["status"] == ris.MISSING]
    names = ", ".join(catalogue.ris_short_name(edition, c, lang) for c in missing["indicator_code"])
    return Extremes(
        title,
        intro=t("overview.extremes_intro", lang, year=year),
        strongest_heading=t("overview.strongest", lang),
        strongest=items(strongest),
        weakest_heading=t("overview.weakest", lang),
        weakest=items(weakest),
        missing=t("overview.no_data", lang, indicators=names) if not missing.empty else "",
        footnotes=missing_caveats(pd.concat([strongest, weakest]), catalogue, edition, lang),
    )


def _goals(reader, catalogue, code: str, lang: str, today: date | None) -> GoalsSection:
    period = current_period(catalogue, today)
    title = t("overview.goals", lang, period=period.replace("-", "–"))
    strategies = [s for s in catalogue.strategies.values() if code in s.regions]
    if not strategies:
        return GoalsSection(title, [], t("overview.no_strategy", lang))
    shown = []
    for strategy in sorted(strategies, key=lambda s: s.name(lang)):
        summary = goal_data.summaries(reader, strategy.id, code, period)
        counts = (
            summary["status_code"].value_counts() if not summary.empty else pd.Series(dtype=int)
        )
        shown.append(
            StrategyGoals(
                strategy.name(lang),
                f"/maluppfoljning?strategy={strategy.id}&region={code}&period={period}&lang={lang}",
                [
                    (Status.of(verdict, lang), int(counts[verdict.code]))
                    for verdict in v.VERDICTS
                    if verdict.code in counts
                ],
                t("overview.no_goal_status", lang),
            )
        )
    return GoalsSection(title, shown)


def _freshness(reader, catalogue, lang: str) -> Freshness:
    title = t("overview.freshness", lang)
    loaded = indicator_data.loaded_indicators(reader)
    runs = indicator_data.last_run_per_source(reader)
    if loaded.empty and runs.empty:
        return Freshness(title, t("empty.no_warehouse", lang))
    with_data = int((loaded["rows"] > 0).sum()) if not loaded.empty else 0
    last_load = runs["last_ok"].max() if not runs.empty else None
    failed = runs[runs["status"] == "failed"]["source"].tolist() if not runs.empty else []
    return Freshness(
        title,
        lines=[
            t("overview.indicators_loaded", lang, n=with_data, total=len(catalogue.indicators)),
            t("overview.last_load", lang, when=format_time(last_load)),
        ],
        failed=failed,
        failed_text=t("overview.failed", lang, sources=", ".join(failed)) if failed else "",
        link=Link(t("overview.to_sources", lang), f"/datakallor?lang={lang}"),
    )


def overview_view(
    reader: WarehouseReader, catalogue: Catalogue, code: str, lang: str, today: date | None = None
) -> OverviewView:
    name = catalogue.regions.name_of(code, lang)
    latest = ris.latest_edition(reader)
    return OverviewView(
        t("overview.heading", lang, region=name),
        _rii(reader, catalogue, code, latest, lang),
        _goals(reader, catalogue, code, lang, today),
        _extremes(reader, catalogue, code, latest, lang),
        _freshness(reader, catalogue, lang),
        Link(t("overview.profile", lang), f"/profil?region={code}&lang={lang}"),
    )
