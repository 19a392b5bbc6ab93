"""Hand-kept tidy rows to the shared tidy shape, noting every cell that cannot be understood."""

from __future__ import annotations

import math

import pandas as pd

from etl.errors import Problem
from etl.observations.frame import MISSING, normalise_period
from etl.observations.regions import region_lookup
from indicators.catalogue import Catalogue
from indicators.models import same_unit


def parse_value(text: str) -> tuple[float | None, str | None, bool]:
    """(value, status, understood): '12,5' and '1 234,5' are numbers; '..' (SCB's mark) and an
    empty cell (how Kolada exports suppressed values) are missing values."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if cleaned == MISSING:
        return None, MISSING, True
    if cleaned == "":
        return None, None, True
    if ("," in cleaned and "." in cleaned) or "_" in cleaned:
        return None, None, False
    try:
        number = float(cleaned.replace(",", "."))
    except ValueError:
        return None, None, False
    return (number, None, True) if math.isfinite(number) else (None, None, False)


NOT_A_NUMBER = "värdet är inget tal (decimalkomma går bra; .. eller tom cell = uppgift saknas)"
MAX_TEXT = 2_000  # characters in a cell of text (source, note, unit); codes are far shorter
TEXT_COLUMNS = ("indicator_id", "region", "period", "sex", "value", "unit", "source", "note")


def _long_texts(raw: pd.DataFrame, file: str) -> list[Problem]:
    problems = []
    for column in TEXT_COLUMNS:
        long = raw[raw[column].str.len() > MAX_TEXT]
        if not long.empty:
            problems.append(
                Problem(
                    file,
                    f"cellen är längre än {MAX_TEXT} tecken",
                    column,
                    tuple(long["line"]),
                    tuple(long[column]),
                )
            )
    return problems


def _unit_problems(raw: pd.DataFrame, catalogue: Catalogue, file: str) -> list[Problem]:
    """A stated unit must be the catalogue's: a file in kronor for an indicator in tkr is wrong."""
    expected = raw["indicator_id"].map({i: d.unit for i, d in catalogue.indicators.items()})
    stated = raw["unit"] != ""
    differs = [
        e is not None and isinstance(e, str) and not same_unit(u, e)
        for u, e in zip(raw["unit"], expected, strict=True)
    ]
    wrong = raw[stated & pd.Series(differs, index=raw.index)]
    if wrong.empty:
        return []
    wanted = "; ".join(sorted({f"{i}: {expected[n]}" for n, i in wrong["indicator_id"].items()}))
    return [
        Problem(
            file,
            f"enheten stämmer inte med katalogen ({wanted})",
            "unit",
            tuple(wrong["line"]),
            tuple(wrong["unit"]),
        )
    ]


def to_tidy(
    raw: pd.DataFrame, catalogue: Catalogue, file: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """The file's rows in the tidy shape, and what could not be understood in them."""
    parsed = [parse_value(v) for v in raw["value"]]
    problems: list[Problem] = []
    not_numbers = raw[[not ok for _, _, ok in parsed]]
    if not not_numbers.empty:
        problems.append(
            Problem(
                file, NOT_A_NUMBER, "value", tuple(not_numbers["line"]), tuple(not_numbers["value"])
            )
        )
    problems += _unit_problems(raw, catalogue, file)
    problems += _long_texts(raw, file)
    frame = pd.DataFrame(
        {
            "indicator_id": raw["indicator_id"],
            "region_input": raw["region"],
            "region_code": raw["region"].map(region_lookup(catalogue.regions)),
            "period": raw["period"].map(normalise_period),
            "sex": raw["sex"].str.upper().replace("", "T"),
            "value": [v for v, _, _ in parsed],
            "status": [status for _, status, _ in parsed],
            "origin": file,
            "file": file,
            "source_text": raw["source"].replace("", None),
            "note": raw["note"].replace("", None),
            "line": raw["line"],
        }
    )
    return frame, problems
