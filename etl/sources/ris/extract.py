"""Find and read RIS database workbooks: --file, $RUSMON_SOURCES_DIR/ris/, or the EC download."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.errors import SourceError, clip
from etl.limits import InputLimitError, check_workbook
from etl.pipeline import EtlContext, NothingToLoad
from etl.snapshots import SourceInput, local_input, save_snapshot, snapshots

SOURCE = "ris"
# The RIS 2025 database as the Commission publishes it (DESIGN.md).
OFFICIAL_URL = "https://ec.europa.eu/assets/rtd/eis/2025/downloads/RIS_web_download.xlsx"
WORKBOOK_SUFFIXES = (".xlsx", ".xls")


def find_inputs(ctx: EtlContext) -> list[SourceInput]:
    """The workbooks to load, in the order of precedence the README documents."""
    if ctx.files:
        return [local_input(SOURCE, Path(f)) for f in ctx.files]
    if ctx.settings.sources_dir is not None:
        folder = ctx.settings.sources_dir / SOURCE
        found = sorted(p for p in folder.glob("*") if p.suffix.lower() in WORKBOOK_SUFFIXES)
        if found:
            return [local_input(SOURCE, p) for p in found]
    if not ctx.offline:
        ctx.say(SOURCE, f"hämtar {OFFICIAL_URL}")
        client = ctx.http_client(SOURCE, None)
        assert client is not None  # online
        response = client.get(OFFICIAL_URL)
        return [
            save_snapshot(
                ctx.settings.raw_dir,
                SOURCE,
                "RIS_web_download.xlsx",
                response.content,
                OFFICIAL_URL,
            )
        ]
    saved = snapshots(ctx.settings.raw_dir, SOURCE)
    if saved:
        return [saved[-1]]  # the latest download
    where = (
        f"{ctx.settings.sources_dir / SOURCE}" if ctx.settings.sources_dir else "RUSMON_SOURCES_DIR"
    )
    raise NothingToLoad(
        f"ingen RIS-fil att ladda (offline; ingen fil i {where} och ingen tidigare nedladdning "
        f"i {ctx.settings.raw_dir / SOURCE}). Ange --file SÖKVÄG eller RUSMON_SOURCES_DIR."
    )


def read_workbook(path: Path) -> dict[str, pd.DataFrame]:
    """Every sheet as raw cells (no header guessing: the layout check finds the header).

    The workbook's unpacked size and sheet extent are checked first (etl.limits): a small
    file that unpacks to gigabytes is refused before the reader allocates them."""
    try:
        check_workbook(path)
    except InputLimitError as exc:
        raise SourceError(SOURCE, f"{path.name}: {exc}") from exc
    try:
        # keep_default_na=False: a cell saying "n/a" or "NA" is text to report, not a blank.
        sheets = pd.read_excel(
            path,
            sheet_name=None,
            header=None,
            engine="calamine",
            dtype=object,
            keep_default_na=False,
            na_values=[],
        )
    except Exception as exc:  # calamine raises its own types for corrupt or non-Excel files
        raise SourceError(
            SOURCE, f"{path.name}: kan inte läsas som Excel-arbetsbok: {clip(exc)}"
        ) from exc
    return {str(name): frame for name, frame in sheets.items()}
