"""RIS queries for the pages, on the public views only (ris_edition, ris_score, ris_leader_ratio,
ris_region_group, region). Each returns a DataFrame ready for a figure builder or a card.

What a value means is decided once, in the ETL: `status` is NULL for a published value,
'missing' where the file's 0.00 stands for data it does not have (value NULL), 'zero' for an
isolated 0.00 (kept, shown with a caveat) and 'capped' at the scoreboard's cap. Every mean,
rank and share here skips the NULLs, so a missing value is never counted as a score.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data_access.reader import WarehouseReader

MISSING, ZERO, CAPPED = "missing", "zero", "capped"


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
        "SELECT region_code, indicator_code, indicator_name, value, status FROM ris_score "
        "WHERE edition = :edition AND year = :year",
        {"edition": edition, "year": year},
    )


def leader_comparison(
    reader: WarehouseReader, edition: int, year: int, region: str
) -> pd.DataFrame:
    """Per indicator: region value, leaders' mean, ratio and the value's status (missing: value
    and ratio NULL; zero; capped), all as the ris_leader_ratio view states them."""
    return reader.query(
        "SELECT indicator_code, region_value, leader_mean, ratio, status FROM ris_leader_ratio "
        "WHERE edition = :edition AND year = :year AND region_code = :region "
        "ORDER BY indicator_code",
        {"edition": edition, "year": year, "region": region},
    )


def rii_trend(
    reader: WarehouseReader,
    edition: int,
    region: str,
    benchmark: str = "leaders",
    members: tuple[str, ...] = (),
) -> pd.DataFrame:
    """The RII per year: `region`, the benchmark group's unweighted mean (`benchmark`; the
    leaders' mean as ris_leader_ratio states it, else the mean of `members`' published RII,
    missing ones left out; NULL for the EU benchmark, which is the `eu` line itself) and `eu`."""
    frame = reader.query(
        "SELECT s.year, s.value AS region, eu.value AS eu FROM ris_score s "
        "LEFT JOIN ris_score eu ON eu.edition = s.edition AND eu.year = s.year "
        "  AND eu.indicator_code = 'RII' AND eu.region_code = 'EU' "
        "WHERE s.edition = :edition AND s.region_code = :region AND s.indicator_code = 'RII' "
        "ORDER BY s.year",
        {"edition": edition, "region": region},
    )
    if frame.empty:
        return frame
    if benchmark == "leaders":
        means = reader.query(
            "SELECT DISTINCT year, leader_mean AS benchmark FROM ris_leader_ratio "
            "WHERE edition = :edition AND indicator_code = 'RII'",
            {"edition": edition},
        )
    elif benchmark == "eu" or not members:
        means = pd.DataFrame({"year": frame["year"], "benchmark": float("nan")})
    else:
        scores = reader.query(
            "SELECT year, region_code, value FROM ris_score "
            "WHERE edition = :edition AND indicator_code = 'RII'",
            {"edition": edition},
        )
        means = (
            scores[scores["region_code"].isin(members)]
            .groupby("year", as_index=False)["value"]
            .mean()  # skips NULL: a missing RII is not a score
            .rename(columns={"value": "benchmark"})
        )
    out = frame.merge(means, on="year", how="left")
    return out[["year", "region", "benchmark", "eu"]]


@dataclass(frozen=True)
class RiiSummary:
    value: float | None  # None: the RII is missing (the file's 0.00)
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
    # Ranked among the grouped regions with a published RII: a missing one is no score.
    grouped = now[now["performance_group"].notna() & now["value"].notna()]
    ranked = grouped["value"].rank(ascending=False, method="min")
    value = _number(now.loc[region, "value"])
    eu = _number(now["value"].get("EU"))
    first_year = int(rii["year"].min())
    first = rii[(rii["year"] == first_year) & (rii["region_code"] == region)]["value"]
    group = now.loc[region, "performance_group"]
    return RiiSummary(
        value=value,
        relative_to_eu=value / eu * 100 if value is not None and eu else None,
        group=None if pd.isna(group) else str(group),
        rank=int(ranked[region]) if region in ranked.index else None,
        ranked=len(ranked),
        first_year=first_year,
        first_value=_number(first.iloc[0]) if not first.empty else None,
    )


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


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
    """Per compared region and indicator: value, status, benchmark mean, ratio, rank among the
    regions with a value (1 = highest), and the indicator's share of the region's summed
    shortfall. Missing values (NULL) are in none of them: not in the mean, not ranked (nor
    counted in `ranked`), no ratio and no share of the gap."""
    scores = scores_in_year(reader, edition, year)
    if scores.empty or not members:
        return pd.DataFrame()
    grouped = regions(reader, edition)
    grouped = set(grouped[grouped["performance_group"].notna()]["region_code"])
    # Ranked like the card: among the regions the scoreboard puts in a performance group.
    ranked = scores[scores["region_code"].isin(grouped) & scores["value"].notna()]
    ranks = ranked.assign(
        rank=ranked.groupby("indicator_code")["value"].rank(ascending=False, method="min")
    )
    counts = ranked.groupby("indicator_code")["value"].count().rename("ranked")
    bench = (
        scores[scores["region_code"].isin(members)]
        .groupby("indicator_code")["value"]
        .mean()  # skips NULL
        .rename("benchmark")
    )
    out = scores[scores["region_code"].isin(compared)][
        ["region_code", "indicator_code", "value", "status"]
    ]
    out = out.merge(
        ranks[["region_code", "indicator_code", "rank"]],
        on=["region_code", "indicator_code"],
        how="left",
    )
    out = out.merge(bench, on="indicator_code").merge(counts, on="indicator_code", how="left")
    out = out.rename(columns={"value": "region_value"})
    out["ratio"] = out["region_value"] / out["benchmark"].where(out["benchmark"] != 0)
    shortfall = (
        (out["benchmark"] - out["region_value"])
        .clip(lower=0)
        .where(out["indicator_code"] != "RII", 0)
    )  # NaN where the region's value (or the benchmark) is missing: no share of the gap
    total = shortfall.groupby(out["region_code"]).transform("sum")
    out["gap_share"] = (shortfall / total * 100).where(total > 0)
    return out.reset_index(drop=True)
