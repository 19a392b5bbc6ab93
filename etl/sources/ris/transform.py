"""Turn a RIS workbook into one edition's tables (pure: DataFrames in, DataFrames out).

Step 1, `canonical_rows`: the located sheet as one row per cell of data, with the
spreadsheet line number kept for error messages. Step 2, after validation,
`build_edition`: the values, regions, indicators and groups of the edition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from etl.errors import SourceError, clip, shown
from etl.sources.ris.layouts import Located, locate
from indicators.catalogue import Catalogue
from indicators.models import RisFramework

SOURCE = "ris"
GROUPS = ("Leader", "Strong", "Moderate", "Emerging")
# Performance groups by the RII relative to the EU in the same year (RIS methodology);
# used only when a file does not publish the groups. On RIS 2023 this reproduces all 244
# published groups.
LEADER_ABOVE, STRONG_FROM, MODERATE_FROM = 125.0, 100.0, 70.0
FIRST_YEAR = 2000  # RIS data years begin in the 2010s; an earlier year is no RIS year


def year_range() -> tuple[int, int]:
    """Plausible data years: FIRST_YEAR up to next year."""
    return FIRST_YEAR, date.today().year + 1


CODE_AND_LABEL = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)*|[A-Z]{2,4})\b\s*(.*)$")


@dataclass(frozen=True)
class RisEdition:
    edition: int
    base_year: int
    layout: str
    framework: RisFramework
    values: pd.DataFrame  # year, region_code, indicator_code, value, status
    regions: pd.DataFrame  # region_code, region_name, performance_group
    indicators: pd.DataFrame  # indicator_code, indicator_name, name_sv, dimension
    groups_published: bool
    warnings: tuple[str, ...] = ()


def locate_layout(sheets: dict[str, pd.DataFrame], file_name: str) -> Located:
    located = locate(sheets)
    if located is None:
        raise SourceError(
            SOURCE,
            f"{file_name}: okänt format på RIS-databasen. Hittade {_headers_found(sheets)}. "
            "Kända format: RIS 2023 (Indicator, Year, Region, RegionName, Value, "
            "performance group), "
            "RIS 2025 (Region code, Indicator code, Year, Value relative to EU in ÅÅÅÅ) och "
            "RIS 2021 EIS_Data (Region, RegionName, Indicator, Year, Value, Perf).",
        )
    body = sheets[located.sheet].iloc[located.header_row + 1 :, sorted(located.columns.values())]
    # the first non-empty cell settles it (mapping all 525 000 cells of RIS 2023 took 1.7 s)
    if not any(_text(cell) != "" for row in body.itertuples(index=False) for cell in row):
        raise SourceError(
            SOURCE,
            f"{file_name}, blad {clip(located.sheet)}: rubrikraden ({located.layout.name}) "
            f"finns på rad {located.header_row + 1} men inga datarader under den",
        )
    return located


def _headers_found(sheets: dict[str, pd.DataFrame], most: int = 12) -> str:
    """The first row of each sheet, for the message: each header at most 200 characters
    (etl.errors.clip), at most `most` headers and five sheets."""
    parts = []
    for sheet, frame in list(sheets.items())[:5]:
        first = [_text(v) for v in frame.iloc[0].tolist()] if len(frame) else []
        named = [h for h in first if h]
        listed = ", ".join(clip(h) for h in named[:most]) + (" …" if len(named) > most else "")
        parts.append(f"blad {shown(sheet)}: {listed or '(tomt)'}")
    return "; ".join(parts) + (" …" if len(sheets) > 5 else "")


def split_indicator(text: str) -> tuple[str, str]:
    """'3.3.2 Trademark applications (Regional)' -> ('3.3.2', 'Trademark applications')."""
    hit = CODE_AND_LABEL.match(text)
    if not hit:
        return text.strip(), ""
    # NOTE: RIS 2023 spells one structural code "5.1,7"; a comma is a typo for a dot.
    code = hit.group(1).replace(",", ".")
    label = re.sub(r"\s*\((Regional|SD)\)\s*$", "", hit.group(2)).strip()
    return code, label


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _texts(cells: list[object]) -> list[str]:
    cache: dict[object, str] = {}  # few distinct values per column: convert each once
    return [cache[c] if c in cache else cache.setdefault(c, _text(c)) for c in cells]


def _year_numbers(years: pd.Series) -> pd.Series:
    """A year as a number where it is a plausible whole year (year_range()), else NaN: the
    validation then refuses the row with the text the file holds."""
    numbers = pd.to_numeric(years, errors="coerce").astype(float)
    whole = numbers.where(np.isfinite(numbers) & (numbers % 1 == 0))
    first, last = year_range()
    return whole.where(whole.between(first, last))


def canonical_rows(sheets: dict[str, pd.DataFrame], located: Located) -> pd.DataFrame:
    """One row per data line with text fields trimmed and `value` parsed where numeric."""
    frame = sheets[located.sheet].iloc[located.header_row + 1 :]
    out = pd.DataFrame({"line": frame.index.to_numpy() + 1})  # 1-based spreadsheet line
    for field_name in ("year", "region_code", "region_name", "indicator", "group", "zone"):
        if field_name in located.columns:
            column = frame.iloc[:, located.columns[field_name]].tolist()
            out[field_name] = pd.Series(_texts(column), dtype=object)
        else:
            out[field_name] = pd.Series([""] * len(out), dtype=object)
    raw_values = frame.iloc[:, located.columns["value"]]
    out["value_text"] = pd.Series(_texts(raw_values.tolist()), dtype=object)
    out = out[(out["indicator"] != "") | (out["region_code"] != "") | (out["value_text"] != "")]
    out["value"] = pd.to_numeric(
        out["value_text"].astype(str).str.replace(",", ".", regex=False), errors="coerce"
    ).astype(float)
    split = {text: split_indicator(text) for text in set(out["indicator"].tolist())}
    out["code"] = out["indicator"].map(lambda t: split[t][0])
    out["label"] = out["indicator"].map(lambda t: split[t][1])
    out["year_number"] = _year_numbers(out["year"])
    return out.reset_index(drop=True)


def map_unique(column: pd.Series, function) -> pd.Series:
    """`column.map(function)`, calling `function` once per distinct value."""
    return column.map({value: function(value) for value in set(column.tolist())})


def normalise_group(text: str) -> str | None:
    """'Strong +', 'Strong Innovator', 'strong' -> 'Strong'; 'EU' or '' -> None."""
    lowered = text.lower()
    for group in GROUPS:
        if group.lower() in lowered:
            return group
    return None


def group_from_relative_rii(relative: float) -> str:
    if relative > LEADER_ABOVE:
        return "Leader"
    if relative >= STRONG_FROM:
        return "Strong"
    if relative >= MODERATE_FROM:
        return "Moderate"
    return "Emerging"


def derive_groups(values: pd.DataFrame) -> dict[str, str]:
    """Groups from the last year's RII relative to the EU, for files that do not publish them."""
    rii = values[values["indicator_code"] == "RII"]
    if rii.empty:
        return {}
    last = rii[rii["year"] == rii["year"].max()].set_index("region_code")["value"]
    if "EU" not in last.index or last["EU"] <= 0:
        return {}
    relative = last / last["EU"] * 100
    return {
        code: group_from_relative_rii(rel)
        for code, rel in relative.items()
        if code != "EU" and last[code] > 0  # a zero RII means no data, not a weak region
    }


MISSING, ZERO, CAPPED = "missing", "zero", "capped"
# A top value shared by at least this many regions in a year is the scoreboard's cap, not a
# real maximum (lifelong learning: 128 region-years at 269.39 in RIS 2023).
CAP_SHARED_BY = 2


def value_status(values: pd.DataFrame) -> pd.DataFrame:
    """Decide, once, what each published number means (README "Missing values in the RIS").

    The RIS writes unavailable data as 0.00. A region's series that is 0.00 in every year is
    no data (value NULL, status "missing"), and so is an RII of 0. An isolated 0.00 stays a
    value: min-max normalisation makes the panel minimum a genuine 0, so it is marked "zero"
    for a caveat. A maximum shared by several regions in a year is the cap ("capped").
    """
    out = values.copy()
    zero = out["value"] == 0
    all_zero = zero.groupby([out["region_code"], out["indicator_code"]]).transform("all")
    missing = all_zero | (zero & (out["indicator_code"] == "RII"))
    out["status"] = None
    out.loc[zero & ~missing, "status"] = ZERO
    present = out[~missing]
    top = present.groupby(["year", "indicator_code"])["value"].transform("max")
    at_top = present[(present["value"] == top) & (present["indicator_code"] != "RII")]
    shared = at_top.groupby(["year", "indicator_code"])["value"].transform("size")
    out.loc[at_top.index[(shared >= CAP_SHARED_BY).to_numpy()], "status"] = CAPPED
    out.loc[missing, "status"] = MISSING
    out.loc[missing, "value"] = float("nan")
    return out


def base_year_of(values: pd.DataFrame, stated: int | None) -> int:
    """The year in which the EU's RII is 100, else the stated or the first year."""
    eu = values[(values["region_code"] == "EU") & (values["indicator_code"] == "RII")]
    at_100 = eu[(eu["value"] - 100).abs() < 0.005]
    if not at_100.empty:
        return int(at_100["year"].min())
    return stated if stated is not None else int(values["year"].min())


def loaded_rows(rows: pd.DataFrame, framework: RisFramework) -> pd.DataFrame:
    """The rows of catalogue series that carry a published value."""
    lookup = framework.series_by_code()
    keep = rows[rows["code"].isin(lookup.keys()) & rows["value"].notna()].copy()
    keep["indicator_code"] = keep["code"].map(lambda c: lookup[c].code)
    return keep


def build_edition(
    rows: pd.DataFrame, located: Located, framework: RisFramework, catalogue: Catalogue
) -> RisEdition:
    keep = loaded_rows(rows, framework)
    values = pd.DataFrame(
        {
            "year": keep["year_number"].astype(int),
            "region_code": keep["region_code"],
            "indicator_code": keep["indicator_code"],
            "value": keep["value"].astype(float),
        }
    ).reset_index(drop=True)
    edition = int(values["year"].max())
    base_year = base_year_of(values, located.layout.base_year(located.header))
    values = value_status(values)

    # NOTE: RIS 2023 gives Estonia "Strong" on its structural "5.x (SD)" rows and
    # "Moderate" on its RII rows; the group of the scoreboard series is the one that counts.
    published = {
        code: normalise_group(group)
        for code, group in zip(keep["region_code"].tolist(), keep["group"].tolist(), strict=True)
    }
    groups_published = any(g is not None for g in published.values())
    groups = published if groups_published else derive_groups(values)

    names = (
        rows[rows["region_name"] != ""].groupby("region_code")["region_name"].agg("first").to_dict()
    )
    region_codes = sorted(set(values["region_code"]))
    regions = pd.DataFrame(
        {
            "region_code": region_codes,
            "region_name": [names.get(c) or _registry_name(catalogue, c) for c in region_codes],
            "performance_group": [groups.get(c) for c in region_codes],
        }
    )

    published_labels = keep.groupby("indicator_code")["label"].agg("first").to_dict()
    present = set(values["indicator_code"].tolist())
    series = [s for s in framework.series if s.code in present]
    indicators = pd.DataFrame(
        {
            "indicator_code": [s.code for s in series],
            "indicator_name": [published_labels.get(s.code) or s.name_en for s in series],
            "name_sv": [s.name_sv for s in series],
            "dimension": [s.dimension for s in series],
        }
    )
    return RisEdition(
        edition=edition,
        base_year=base_year,
        layout=located.layout.name,
        framework=framework,
        values=values,
        regions=regions,
        indicators=indicators,
        groups_published=groups_published,
    )


def _registry_name(catalogue: Catalogue, code: str) -> str:
    region = catalogue.regions.get(code)
    return region.name_en if region else code
