"""What ../shared/data/followup/ holds, read straight from its files.

Tests derive their expectations from here instead of counting the folder by hand: the real
data grows (a new file, a new year), and an expectation typed in today goes stale tomorrow.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from indicators.catalogue import Catalogue

COLUMNS = ["indicator_id", "region", "period", "sex", "value", "unit", "source", "note"]


def followup_rows(shared_data: Path) -> pd.DataFrame:
    """Every row of every tidy file in followup/, as the text the file holds ('' = missing).

    The same files `rusmon etl manual` reads there: CSV (UTF-8, comma, as SOURCE.md says)
    and XLSX, in subfolders too.
    """
    frames = []
    for path in sorted((shared_data / "followup").rglob("*")):
        if path.suffix.lower() == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                frame = pd.DataFrame(list(csv.DictReader(handle)), dtype=str)
        elif path.suffix.lower() == ".xlsx":
            frame = pd.read_excel(path, dtype=str, keep_default_na=False)
        else:
            continue
        frames.append(frame.reindex(columns=COLUMNS).fillna("").assign(file=path.name))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def indicators_waiting_for_a_file(cat: Catalogue, shared_data: Path) -> list[str]:
    """Catalogue indicators that only ever come from a file, and that no file carries yet."""
    in_files = set(followup_rows(shared_data)["indicator_id"])
    return [
        indicator.id
        for indicator in cat.indicators.values()
        if indicator.source.type == "manual" and indicator.id not in in_files
    ]
