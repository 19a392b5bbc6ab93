"""RIS queries for the pages, on the public views only (ris_edition, ris_score, ris_leader_ratio,
ris_region_group, region). Each returns a DataFrame ready for a figure builder or a card."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data_access.reader import WarehouseReader

# Values at the top of the scale shared by at least this many regions in a year are the
# scoreboard's cap, not a real maximum (lifelong learning: 128 region-years at 269.39).
CAP_SHARED_BY = 2


def editions(reader: WarehouseReader) -> pd.DataFrame:
    if not reader.has_view("ris_edition"):
        return pd.DataFrame()
    return reader.query(
        "SELECT edition, base_year, first_year, last_year, source_file, origin, loaded_at "
        "FROM ris_edition ORDER BY edition DESC"
    )


def latest_edition(reader: WarehouseReader) -> tuple[int, int] | None:
    """(the newest edition loaded, its last year), or None before any RIS load."""
    frame = editions(reader)
    if frame.empty:
        return None
    return int(frame["edition"].iloc[0]), int(frame["last_year"].iloc[0])


def regions(reader: WarehouseReader, edition: int) -> pd.DataFrame:
    """Regions with scores in an edition, with names and performance group."""
    return reader.query(
        "SELECT r.region_code, r.name_sv, r.name_en, r.level, r.country_code, "
        "g.performance_group "
        "FROM region r "
        "JOIN (SELECT DISTINCT region_code FROM ris_score WHERE edition = :edition) s "
        "  ON s.region_code = r.region_code "
        "LEFT JOIN ris_region_group g ON g.edition = :edition AND g.region_code = r.region_code "
        "ORDER BY r.region_code",
        {"edition": edition},
    )


def scores_in_year(reader: WarehouseReader, edition: int, year: int) -> pd.DataFrame:
    return reader.query(
        "SELECT region_code, indicator_code, indicator_name, value FROM ris_score "
        "WHERE edition = :edition AND year = :year",
        {"edition": edition, "year": year},
    )


def leader_comparison(
    reader: WarehouseReader, edition: int, year: int, region: str
) -> pd.DataFrame:
    """Per indicator: region value, leaders' mean, ratio, and whether the value is capped."""
    ratios = reader.query(
        "SELECT indicator_code, region_value, leader_mean, ratio FROM ris_leader_ratio "
        "WHERE edition = :edition AND year = :year AND region_code = :region",
        {"edition": edition, "year": year, "region": region},
    )
    if ratios.empty:
        return ratios
    scores = scores_in_year(reader, edition, year)
    top = scores.groupby("indicator_code")["value"].max().rename("top")
    at_top = scores.merge(top, left_on="indicator_code", right_index=True)
    shared = at_top[at_top["value"] == at_top["top"]].groupby("indicator_code").size()
    capped = {code for code, n in shared.items() if n >= CAP_SHARED_BY}
    out = ratios.merge(top, left_on="indicator_code", right_index=True, how="left")
    out["at_cap"] = out["indicator_code"].isin(capped) & (out["region_value"] == out["top"])
    return out.drop(columns="top")


def rii_trend(reader: WarehouseReader, edition: int, region: str) -> pd.DataFrame:
    """The RII per year for the region, the leaders' mean and the EU."""
    return reader.query(
        "SELECT r.year, r.region_value AS region, r.leader_mean AS leaders, eu.value AS eu "
        "FROM ris_leader_ratio r "
        "LEFT JOIN ris_score eu ON eu.edition = r.edition AND eu.year = r.year "
        "  AND eu.indicator_code = 'RII' AND eu.region_code = 'EU' "
        "WHERE r.edition = :edition AND r.region_code = :region AND r.indicator_code = 'RII' "
        "ORDER BY r.year",
        {"edition": edition, "region": region},
    )


@dataclass(frozen=True)
class RiiSummary:
    value: float
    relative_to_eu: float | None  # percent of the EU in the same year
    group: str | None
    rank: int | None  # among regions with a performance group, 1 = highest RII
    ranked: int
    first_year: int
    first_value: float | None


def rii_summary(reader: WarehouseReader, edition: int, year: int, region: str) -> RiiSummary | None:
    rii = reader.query(
        "SELECT s.year, s.region_code, s.value, g.performance_group FROM ris_score s "
        "LEFT JOIN ris_region_group g ON g.edition = s.edition AND g.region_code = s.region_code "
        "WHERE s.edition = :edition AND s.indicator_code = 'RII'",
        {"edition": edition},
    )
    now = rii[rii["year"] == year].set_index("region_code")
    if region not in now.index:
        return None
    ranked = now[now["performance_group"].notna()]["value"].rank(ascending=False, method="min")
    eu = now["value"].get("EU")
    first_year = int(rii["year"].min())
    first = rii[(rii["year"] == first_year) & (rii["region_code"] == region)]["value"]
    group = now.loc[region, "performance_group"]
    return RiiSummary(
        value=float(now.loc[region, "value"]),
        relative_to_eu=float(now.loc[region, "value"] / eu * 100) if eu else None,
        group=None if pd.isna(group) else str(group),
        rank=int(ranked[region]) if region in ranked.index else None,
        ranked=len(ranked),
        first_year=first_year,
        first_value=float(first.iloc[0]) if not first.empty else None,
    )


BENCHMARKS = ("leaders", "strong", "eu", "sweden", "nordic", "custom")
NORDIC = ("SE", "DK", "FI", "NO", "IS")
GROUP_OF = {"leaders": "Leader", "strong": "Strong"}


def benchmark_members(
    reader: WarehouseReader, edition: int, benchmark: str, custom: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """The regions whose unweighted mean is the benchmark (the EU is its own value)."""
    if benchmark == "eu":
        return ("EU",)
    if benchmark == "custom":
        return tuple(custom)
    frame = regions(reader, edition)
    if frame.empty:
        return ()
    if benchmark in GROUP_OF:
        chosen = frame[frame["performance_group"] == GROUP_OF[benchmark]]
    else:
        countries = ("SE",) if benchmark == "sweden" else NORDIC
        chosen = frame[frame["country_code"].isin(countries) & (frame["level"] == 2)]
    return tuple(chosen["region_code"])


def benchmark_comparison(
    reader: WarehouseReader,
    edition: int,
    year: int,
    compared: tuple[str, ...],
    members: tuple[str, ...],
) -> pd.DataFrame:
    """Per compared region and indicator: value, benchmark mean, ratio, rank among all regions
    with a value (1 = highest), and the indicator's share of the region's summed shortfall."""
    scores = scores_in_year(reader, edition, year)
    if scores.empty or not members:
        return pd.DataFrame()
    grouped = regions(reader, edition)
    grouped = set(grouped[grouped["performance_group"].notna()]["region_code"])
    # Ranked like the card: among the regions the scoreboard puts in a performance group.
    ranked = scores[scores["region_code"].isin(grouped | set(compared))]
    ranked = ranked[ranked["region_code"].isin(grouped)]
    ranks = ranked.assign(
        rank=ranked.groupby("indicator_code")["value"].rank(ascending=False, method="min")
    )
    counts = ranked.groupby("indicator_code")["value"].count().rename("ranked")
    bench = (
        scores[scores["region_code"].isin(members)]
        .groupby("indicator_code")["value"]
        .mean()
        .rename("benchmark")
    )
    out = scores[scores["region_code"].isin(compared)][["region_code", "indicator_code", "value"]]
    out = out.merge(
        ranks[["region_code", "indicator_code", "rank"]],
        on=["region_code", "indicator_code"],
        how="left",
    )
    out = out.merge(bench, on="indicator_code").merge(counts, on="indicator_code", how="left")
    out = out.rename(columns={"value": "region_value"})
    out["ratio"] = out["region_value"] / out["benchmark"]
    shortfall = (
        (out["benchmark"] - out["region_value"])
        .clip(lower=0)
        .where(out["indicator_code"] != "RII", 0)
    )
    total = shortfall.groupby(out["region_code"]).transform("sum")
    out["gap_share"] = (shortfall / total * 100).where(total > 0)
    return out.reset_index(drop=True)
