"""Checks shared by every follow-up loader: known indicator and region, sex, period, grain."""

from __future__ import annotations

import pandas as pd

from etl.errors import Problem
from etl.observations.frame import QUARTER, YEAR
from indicators.catalogue import Catalogue
from indicators.models import SEXES

PERCENT_RANGE = (0.0, 100.0)


def _lines(rows: pd.DataFrame) -> tuple[int, ...]:
    return tuple(int(n) for n in rows["line"] if pd.notna(n))


def _values(series: pd.Series) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in series))


def check(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    file: str,
    *,
    region_column: str = "region_code",
) -> list[Problem]:
    """Problems in a tidy frame whose region_code is already mapped (None where unknown)."""
    problems: list[Problem] = []

    unknown = frame[~frame["indicator_id"].isin(catalogue.indicators.keys())]
    if not unknown.empty:
        problems.append(
            Problem(
                file,
                "okänd indikator; definiera den först i indicators/catalogue/indicators/",
                "indicator_id",
                _lines(unknown),
                _values(unknown["indicator_id"]),
            )
        )
    known = frame[frame["indicator_id"].isin(catalogue.indicators.keys())]

    no_region = frame[frame["region_code"].isna()]
    if not no_region.empty:
        problems.append(
            Problem(
                file,
                "okänd region; använd NUTS-kod (SE331), länskod (24) eller Kolada-id (0024)",
                region_column,
                _lines(no_region),
                _values(
                    no_region["region_input"]
                    if "region_input" in no_region
                    else no_region["region_code"]
                ),
            )
        )

    bad_sex = frame[~frame["sex"].isin(SEXES)]
    if not bad_sex.empty:
        problems.append(
            Problem(
                file, "kön ska vara T, K eller M", "sex", _lines(bad_sex), _values(bad_sex["sex"])
            )
        )
    unsplit = [i for i, d in catalogue.indicators.items() if not d.sex_split]
    split_rows = known[known["indicator_id"].isin(unsplit) & known["sex"].isin(["K", "M"])]
    if not split_rows.empty:
        problems.append(
            Problem(
                file,
                "indikatorn är inte könsuppdelad enligt katalogen; använd T",
                "sex",
                _lines(split_rows),
                _values(split_rows["indicator_id"]),
            )
        )

    quarterly = {i for i, d in catalogue.indicators.items() if d.frequency == "quarterly"}
    is_quarterly = known["indicator_id"].isin(quarterly)
    bad_period = known[
        (is_quarterly & ~known["period"].str.match(QUARTER.pattern))
        | (~is_quarterly & ~known["period"].str.match(YEAR.pattern))
    ]
    if not bad_period.empty:
        problems.append(
            Problem(
                file,
                "perioden ska vara ett år (2023) eller, för kvartalsserier, ett kvartal (2023Q2)",
                "period",
                _lines(bad_period),
                _values(bad_period["period"]),
            )
        )

    percent = {i for i, d in catalogue.indicators.items() if d.unit == "procent"}
    shares = known[known["indicator_id"].isin(percent) & known["value"].notna()]
    outside = shares[~shares["value"].between(*PERCENT_RANGE)]
    if not outside.empty:
        problems.append(
            Problem(
                file,
                "en andel i procent ska ligga mellan 0 och 100",
                "value",
                _lines(outside),
                _values(outside["value"]),
            )
        )

    problems += duplicates(frame, file)
    return problems


KEY = ["indicator_id", "region_code", "period", "sex"]


def duplicates(frame: pd.DataFrame, file: str) -> list[Problem]:
    """Rows that share indicator, region, period and sex (within one file or across files)."""
    duplicated = frame[frame["region_code"].notna() & frame.duplicated(KEY, keep=False)]
    if duplicated.empty:
        return []
    keys = duplicated[KEY].astype(str).agg(" ".join, axis=1)
    if duplicated["origin"].nunique() > 1:
        keys = keys + " (" + duplicated["origin"].astype(str) + ")"
    return [
        Problem(
            file,
            "samma indikator, region, period och kön förekommer flera gånger",
            None,
            _lines(duplicated),
            _values(keys),
        )
    ]
