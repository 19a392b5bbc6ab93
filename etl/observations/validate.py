"""Checks shared by every follow-up loader (SCB, Kolada, Tillväxtanalys, Eurostat and the
hand-kept files): known indicator and region, sex, a plausible period, a finite number
within the indicator's bounds, and the grain.

Every finding names the file, the place (the line for files with lines, else indicator,
region, period and sex) and the offending values (shown with at most 200 characters each).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from etl.errors import Problem
from etl.observations.frame import QUARTER, YEAR
from indicators.catalogue import Catalogue
from indicators.models import SEXES

# Backstop for indicators whose catalogue entry states no bounds: no published regional
# figure comes near this, a value beyond it is a unit or parsing error.
MAX_MAGNITUDE = 1e15


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)


def _lines(rows: pd.DataFrame) -> tuple[int, ...]:
    lines = pd.to_numeric(_column(rows, "line"), errors="coerce").dropna()
    return tuple(int(n) for n in lines)


def _values(series: pd.Series) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in series))  # unique, in order of appearance


def _places(rows: pd.DataFrame) -> tuple[str, ...]:
    """Where rows without a line stand: 'indicator region period sex'."""
    region = _column(rows, "region_input").where(
        _column(rows, "region_input").notna(), _column(rows, "region_code")
    )
    parts = [_column(rows, "indicator_id"), region, _column(rows, "period"), _column(rows, "sex")]
    texts = [" ".join(str(p) for p in row) for row in zip(*parts, strict=True)]
    return tuple(dict.fromkeys(texts))


def _problems(
    rows: pd.DataFrame, file: str, message: str, column: str | None, values: pd.Series
) -> list[Problem]:
    """One Problem per input file of the offending rows (API answers carry their own file
    name; a hand-kept file is `file`); lines where the input has them, else places."""
    files = _column(rows, "file").where(_column(rows, "file").notna(), file).astype(str)
    out = []
    for name in dict.fromkeys(files):
        part = rows[(files == name).to_numpy()]
        lines = _lines(part)
        # A line holding several values (Eurostat's TSV: one column per year) needs the place.
        wide = bool(_column(part, "_wide").fillna(False).astype(bool).any())
        out.append(
            Problem(
                name,
                message,
                column,
                lines,
                _values(values[(files == name).to_numpy()]),
                _places(part) if wide or not lines else (),
            )
        )
    return out


def check(
    frame: pd.DataFrame,
    catalogue: Catalogue,
    file: str,
    *,
    region_column: str = "region_code",
    today: date | None = None,
) -> list[Problem]:
    """Problems in a tidy frame whose region_code is already mapped (None where unknown)."""
    problems: list[Problem] = []
    this_year = (today or date.today()).year
    indicators = catalogue.indicators
    frame = frame.reset_index(drop=True)
    line = _column(frame, "line")
    frame = frame.assign(_wide=line.notna() & line.duplicated(keep=False))

    unknown = frame[~frame["indicator_id"].isin(indicators.keys())]
    if not unknown.empty:
        problems += _problems(
            unknown,
            file,
            "okänd indikator; definiera den först i indicators/catalogue/indicators/",
            "indicator_id",
            unknown["indicator_id"],
        )
    known = frame[frame["indicator_id"].isin(indicators.keys())]

    no_region = frame[frame["region_code"].isna()]
    if not no_region.empty:
        problems += _problems(
            no_region,
            file,
            "okänd region; använd NUTS-kod (SE331), länskod (24) eller Kolada-id (0024)",
            region_column,
            _column(no_region, "region_input").where(
                _column(no_region, "region_input").notna(), no_region["region_code"]
            ),
        )

    bad_sex = frame[~frame["sex"].isin(SEXES)]
    if not bad_sex.empty:
        problems += _problems(bad_sex, file, "kön ska vara T, K eller M", "sex", bad_sex["sex"])
    unsplit = [i for i, d in indicators.items() if not d.sex_split]
    split_rows = known[known["indicator_id"].isin(unsplit) & known["sex"].isin(["K", "M"])]
    if not split_rows.empty:
        problems += _problems(
            split_rows,
            file,
            "indikatorn är inte könsuppdelad enligt katalogen; använd T",
            "sex",
            split_rows["indicator_id"],
        )

    problems += _period_problems(known, catalogue, file, this_year)
    problems += _value_problems(frame, known, catalogue, file)
    problems += duplicates(frame, file)
    return problems


def _period_problems(
    known: pd.DataFrame, catalogue: Catalogue, file: str, this_year: int
) -> list[Problem]:
    """A period must be a year (or a quarter for quarterly series) from the indicator's
    first year in the catalogue up to next year: 0000, 2099 and 9999 are typos."""
    indicators = catalogue.indicators
    periods = known["period"].astype(str)
    quarterly = {i for i, d in indicators.items() if d.frequency == "quarterly"}
    is_quarterly = known["indicator_id"].isin(quarterly)
    shaped = (is_quarterly & periods.str.match(QUARTER.pattern)) | (
        ~is_quarterly & periods.str.match(YEAR.pattern)
    )
    problems = []
    bad_shape = known[~shaped]
    if not bad_shape.empty:
        problems += _problems(
            bad_shape,
            file,
            "perioden ska vara ett år (2023) eller, för kvartalsserier, ett kvartal (2023Q2)",
            "period",
            bad_shape["period"],
        )
    rows = known[shaped]
    years = rows["period"].astype(str).str[:4].astype(int)
    first = rows["indicator_id"].map({i: d.first_year for i, d in indicators.items()})
    outside = rows[(years < first) | (years > this_year + 1)]
    for indicator_id, part in outside.groupby("indicator_id", sort=False):
        low, high = indicators[indicator_id].period_years(this_year)
        problems += _problems(
            part,
            file,
            f"perioden är inte rimlig för {indicator_id} (år {low}–{high})",
            "period",
            part["period"],
        )
    return problems


def _value_problems(
    frame: pd.DataFrame, known: pd.DataFrame, catalogue: Catalogue, file: str
) -> list[Problem]:
    """Only finite numbers, within the indicator's bounds in the catalogue."""
    problems = []
    bad = frame[_column(frame, "bad_value").notna()]
    if not bad.empty:
        problems += _problems(
            bad,
            file,
            "värdet är inget ändligt tal (text, sant/falskt och oändligt tas inte emot)",
            "value",
            bad["bad_value"],
        )
    values = pd.to_numeric(known["value"], errors="coerce").astype(float)
    present = known[values.notna().to_numpy()]
    values = values[values.notna()]
    infinite = present[~np.isfinite(values.to_numpy())]
    if not infinite.empty:
        problems += _problems(
            infinite, file, "värdet är inget ändligt tal", "value", infinite["value"]
        )
    indicators = catalogue.indicators
    low = present["indicator_id"].map(
        {i: -MAX_MAGNITUDE if d.bounds.min is None else d.bounds.min for i, d in indicators.items()}
    )
    high = present["indicator_id"].map(
        {i: MAX_MAGNITUDE if d.bounds.max is None else d.bounds.max for i, d in indicators.items()}
    )
    finite = np.isfinite(values.to_numpy())
    outside = present[finite & ((values < low) | (values > high)).to_numpy()]
    for indicator_id, part in outside.groupby("indicator_id", sort=False):
        bounds = indicators[indicator_id].bounds
        problems += _problems(
            part,
            file,
            f"värdet ligger utanför katalogens gränser för {indicator_id} "
            f"({bounds.describe()}, {indicators[indicator_id].unit})",
            "value",
            part["value"].map(lambda v: f"{float(v):.15g}"),
        )
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
            () if _lines(duplicated) else _places(duplicated),
        )
    ]
