"""Checks on a RIS file before anything is loaded: every finding names file, column and lines."""

from __future__ import annotations

import pandas as pd

from etl.errors import Problem
from etl.sources.ris.transform import loaded_rows, map_unique, normalise_group, year_range
from indicators.catalogue import NUTS_CODE, Catalogue
from indicators.models import RisFramework

# RIS scores are relative to the EU (= 100) in the base year; published extremes stay
# below 600 (RIS 2023 maximum 565.5). Anything outside this range is not a RIS score.
VALUE_RANGE = (0.0, 1000.0)


def _lines(rows: pd.DataFrame) -> tuple[int, ...]:
    return tuple(int(n) for n in rows["line"])


def _values(series: pd.Series) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in series))  # unique, in order of appearance


def check(
    rows: pd.DataFrame, framework: RisFramework, catalogue: Catalogue, file_name: str
) -> tuple[list[Problem], list[str]]:
    """(problems that stop the load, warnings that do not)."""
    problems: list[Problem] = []
    warnings: list[str] = []

    first, last = year_range()
    bad_year = rows[
        rows["year_number"].isna()
        | (rows["year_number"] % 1 != 0)
        | ~rows["year_number"].between(first, last)
    ]
    if not bad_year.empty:
        problems.append(
            Problem(
                file_name,
                f"år saknas eller är inget årtal mellan {first} och {last}",
                "Year",
                _lines(bad_year),
                _values(bad_year["year"]),
            )
        )

    series = framework.series_by_code()
    unknown = rows[~rows["code"].isin(series.keys())]
    unknown = unknown[~map_unique(unknown["code"], framework.is_recognised_unloaded)]
    if not unknown.empty:
        problems.append(
            Problem(
                file_name,
                f"okänd indikatorkod för ramverket {framework.name}; lägg till den i "
                "indicators/catalogue/ris/ om den är ny",
                "Indicator",
                _lines(unknown),
                _values(unknown["indicator"]),
            )
        )

    is_nuts = map_unique(rows["region_code"], lambda c: bool(NUTS_CODE.match(c)))
    bad_code = rows[~is_nuts]
    if not bad_code.empty:
        problems.append(
            Problem(
                file_name,
                "regionkoden är ingen NUTS-kod",
                "Region",
                _lines(bad_code),
                _values(bad_code["region_code"]),
            )
        )
    countries = {r.country_code for r in catalogue.regions.regions.values()} | {"EU"}
    foreign = rows[is_nuts & ~rows["region_code"].str[:2].isin(countries)]
    if not foreign.empty:
        problems.append(
            Problem(
                file_name,
                "okänt land i regionkoden",
                "Region",
                _lines(foreign),
                _values(foreign["region_code"]),
            )
        )

    keep = loaded_rows(rows, framework)
    text_values = rows[rows["value"].isna() & (rows["value_text"] != "")]
    text_values = text_values[text_values["code"].isin(series.keys())]
    if not text_values.empty:
        problems.append(
            Problem(
                file_name,
                "värdet är inget tal",
                "Value",
                _lines(text_values),
                _values(text_values["value_text"]),
            )
        )
    out_of_range = keep[~keep["value"].between(*VALUE_RANGE)]
    if not out_of_range.empty:
        problems.append(
            Problem(
                file_name,
                f"värdet ligger utanför {VALUE_RANGE[0]:g}–{VALUE_RANGE[1]:g}",
                "Value",
                _lines(out_of_range),
                _values(out_of_range["value_text"]),
            )
        )

    grain = keep.assign(series_code=keep["indicator_code"])
    duplicated = grain[grain.duplicated(["year_number", "region_code", "series_code"], keep=False)]
    if not duplicated.empty:
        keys = duplicated["year"] + " " + duplicated["region_code"] + " " + duplicated["code"]
        problems.append(
            Problem(
                file_name,
                "samma år, region och indikator förekommer flera gånger",
                None,
                _lines(duplicated),
                _values(keys),
            )
        )

    if keep.empty or not (keep["indicator_code"] == "RII").any():
        problems.append(
            Problem(file_name, "filen innehåller inga värden för innovationsindexet (RII)")
        )

    groups = rows[(rows["group"] != "") & (rows["region_code"] != "EU")]
    odd_groups = groups[
        map_unique(groups["group"], normalise_group).isna() & (groups["group"].str.upper() != "EU")
    ]
    if not odd_groups.empty:
        problems.append(
            Problem(
                file_name,
                "okänd prestationsgrupp",
                "performance group",
                _lines(odd_groups),
                _values(odd_groups["group"]),
            )
        )

    loaded_groups = keep[keep["group"] != ""].assign(norm=keep["group"].map(normalise_group))
    conflicting = loaded_groups.groupby("region_code")["norm"].nunique()
    conflicting = conflicting[conflicting > 1].index
    if len(conflicting):
        clash = loaded_groups[loaded_groups["region_code"].isin(conflicting)]
        problems.append(
            Problem(
                file_name,
                "regionen har olika prestationsgrupper på olika rader",
                "performance group",
                _lines(clash),
                _values(clash["region_code"]),
            )
        )

    new_codes = sorted(set(keep["region_code"]) - set(catalogue.regions.regions))
    if new_codes:
        warnings.append(
            f"{len(new_codes)} regionkoder finns inte i regionregistret och visas med namnet "
            f"från filen: {', '.join(new_codes[:10])}{' …' if len(new_codes) > 10 else ''}"
        )
    return problems, warnings
