"""The tidy shape every follow-up loader produces before validation and saving.

One row per indicator, region (NUTS code), period and sex, as in the `observation` view,
plus where each row came from. `line` is the source line (file row) for error messages.

Besides COLUMNS, a tidy frame carries what validation needs to name a problem and the
warehouse never stores (EXTRA): the region as the source wrote it, the input file, and
`bad_value`, the source's own value wherever it is no finite number (text, a boolean,
1e400). A source's value is never silently turned into a blank: validation refuses it.
"""

from __future__ import annotations

import math
import re
from numbers import Number

import numpy as np
import pandas as pd

from etl.errors import clip

COLUMNS = [
    "indicator_id",
    "region_code",
    "period",
    "sex",
    "value",
    "status",
    "source_updated",
    "origin",
    "source_text",
    "note",
    "line",
]
EXTRA = ["region_input", "file", "bad_value"]  # for messages only; never saved
MISSING = ".."  # SCB's and Kolada's mark for a value that is missing or suppressed
# What sources write for "no value" (SCB "..", Eurostat ":", PxWeb "." and "-").
MISSING_MARKS = frozenset({"", MISSING, ".", "-", ":"})
YEAR = re.compile(r"^\d{4}$")
QUARTER = re.compile(r"^\d{4}Q[1-4]$")


def as_number(value: object) -> tuple[float, str | None]:
    """(the value as a float, NaN when missing; the source's value when it is no finite
    number, else None). Numbers written as text ('12.5') are numbers; the sources' marks
    for a missing value are missing; anything else (text, true/false, inf, a list) is bad."""
    if value is None or value is pd.NA or value is pd.NaT:
        return math.nan, None
    if isinstance(value, bool | np.bool_):
        return math.nan, clip(value)
    if isinstance(value, Number):
        try:
            number = float(value)  # type: ignore[arg-type]
        except (OverflowError, TypeError, ValueError):
            return math.nan, clip(value)
        if math.isnan(number):
            return math.nan, None  # pandas' own mark for a missing value
        return (number, None) if math.isfinite(number) else (math.nan, clip(value))
    if isinstance(value, str):
        text = value.strip()
        if text in MISSING_MARKS:
            return math.nan, None
        try:
            number = float(text)
        except ValueError:
            return math.nan, clip(value)
        # float() also reads 'nan', 'inf' and '1e400': none of them is a published number.
        return (number, None) if math.isfinite(number) else (math.nan, clip(value))
    return math.nan, clip(value)


def _numbers(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(float values, bad values) for a whole column; fast when it is already numeric."""
    if pd.api.types.is_float_dtype(values) or pd.api.types.is_integer_dtype(values):
        floats = values.astype(float)
        infinite = np.isinf(floats.to_numpy())
        bad = pd.Series(None, index=values.index, dtype=object)
        bad[infinite] = [clip(v) for v in floats[infinite]]
        return floats.where(~infinite), bad
    parsed = [as_number(v) for v in values.tolist()]
    floats = pd.Series([p[0] for p in parsed], index=values.index, dtype=float)
    bad = pd.Series([p[1] for p in parsed], index=values.index, dtype=object)
    return floats, bad


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every tidy column present, in order, value as float.

    A value that is no finite number becomes NaN here and is kept, as the source wrote
    it, in `bad_value` (an earlier `bad_value` from the parser wins), for validation."""
    out = frame.copy()
    for column in COLUMNS + EXTRA:
        if column not in out.columns:
            out[column] = None
    floats, bad = _numbers(out["value"])
    earlier = out["bad_value"].astype(object)
    out["bad_value"] = earlier.where(earlier.notna(), bad)
    out["value"] = floats
    return out[COLUMNS + EXTRA].reset_index(drop=True)


def is_period(text: str) -> bool:
    return bool(YEAR.match(text) or QUARTER.match(text))


def period_year(period: str) -> int:
    return int(period[:4])


SWEDISH_QUARTER = re.compile(r"^(\d{4})K([1-4])$")  # SCB writes 2023K2


def normalise_period(text: str) -> str:
    """'2023K2' (SCB's Swedish quarter) -> '2023Q2'; anything else unchanged."""
    if not isinstance(text, str):
        return text
    hit = SWEDISH_QUARTER.match(text)
    return f"{hit.group(1)}Q{hit.group(2)}" if hit else text
