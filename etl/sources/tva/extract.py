"""Tillväxtanalys' PxWeb v1 (new firms per län and quarter), asked for json-stat2.

Offline, a table exported from Tillväxtanalys' PxWeb as XLSX (kept in
$RUSMON_SOURCES_DIR/tva/ or sweden/responses/tva_*.xlsx) serves as well.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.errors import SourceError
from etl.fetch import Request, safe_name
from etl.limits import InputLimitError, check_workbook
from etl.snapshots import SourceInput, local_input
from indicators.models import Indicator, TvaSource

SOURCE = "tva"
LOCAL_GLOBS = ("tva/*.xlsx", "sweden/responses/tva_*.xlsx")
CALLS, WINDOW = 10, 10.0  # PxWeb v1's usual limit


def plan_requests(indicator: Indicator, root: str) -> list[Request]:
    ref = indicator.source_as(TvaSource)
    every = {"filter": "all", "values": ["*"]}
    variables = (ref.region_variable, ref.time_variable, ref.contents_variable)
    body = {
        "query": [{"code": v, "selection": every} for v in variables],
        "response": {"format": "json-stat2"},
    }
    name = safe_name(Path(ref.path).stem) + ".json"
    return [Request(url=f"{root}/{ref.path}", method="POST", body=body, name=name)]


def export_contents_label(path: Path) -> str | None:
    """The content label of a PxWeb XLSX export (the header above the values), if readable.

    A workbook over the size limits is an error, not a file to pass over quietly."""
    try:
        check_workbook(path)
    except InputLimitError as exc:
        raise SourceError(SOURCE, f"{path.name}: {exc}") from exc
    try:
        head = pd.read_excel(path, header=None, nrows=6, engine="calamine")
    except Exception:  # not a workbook: not an export we can use
        return None
    for row in head.itertuples(index=False):
        cells = [str(c).strip() for c in row if pd.notna(c)]
        if len(cells) == 1 and len(row) >= 3 and pd.notna(row[-1]):
            return cells[0].lower()
    return None


def local_exports(sources_dir: Path | None, indicator: Indicator) -> list[SourceInput]:
    if sources_dir is None:
        return []
    wanted = indicator.source_as(TvaSource).contents.label.strip().lower()
    found = sorted({p for pattern in LOCAL_GLOBS for p in sources_dir.glob(pattern)})
    return [local_input(SOURCE, p) for p in found if export_contents_label(p) == wanted]
