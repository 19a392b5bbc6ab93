"""The tidy shape every follow-up loader produces before validation and saving.

One row per indicator, region (NUTS code), period and sex, as in the `observation` view,
plus where each row came from. `line` is the source line (file row) for error messages.
"""

from __future__ import annotations

import re

import pandas as pd

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
MISSING = ".."  # SCB's and Kolada's mark for a value that is missing or suppressed
YEAR = re.compile(r"^\d{4}$")
QUARTER = re.compile(r"^\d{4}Q[1-4]$")


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every tidy column present, in order, value as float."""
    out = frame.copy()
    for column in COLUMNS:
        if column not in out.columns:
            out[column] = None
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype(float)
    return out[COLUMNS].reset_index(drop=True)


def is_period(text: str) -> bool:
    return bool(YEAR.match(text) or QUARTER.match(text))


def period_year(period: str) -> int:
    return int(period[:4])


SWEDISH_QUARTER = re.compile(r"^(\d{4})K([1-4])$")  # SCB writes 2023K2


def normalise_period(text: str) -> str:
    """'2023K2' (SCB's Swedish quarter) -> '2023Q2'; anything else unchanged."""
    hit = SWEDISH_QUARTER.match(text)
    return f"{hit.group(1)}Q{hit.group(2)}" if hit else text
