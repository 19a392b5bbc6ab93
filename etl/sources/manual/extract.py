"""Find and read hand-kept tidy files (CSV or XLSX).

Where: --file, else $RUSMON_SOURCES_DIR/followup/, data/manual/ and the files the catalogue's
indicators name (`source: {type: manual, file: …}`, e.g. in a region's own catalogue folder).

The format: indicator_id,region,period,sex,value,unit,source,note (DESIGN.md). CSV files
must be UTF-8; a comma or a semicolon separates the columns (Swedish Excel writes ';').
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from etl.errors import Problem, SourceError, clip
from etl.limits import MAX_CSV_FIELD, InputLimitError, check_workbook
from etl.pipeline import EtlContext, NothingToLoad
from etl.snapshots import SourceInput, local_input
from indicators.models import ManualSource
from indicators.settings import PROJECT_ROOT

SOURCE = "manual"
COLUMNS = ("indicator_id", "region", "period", "sex", "value", "unit", "source", "note")
SUFFIXES = (".csv", ".xlsx")
MANUAL_DIR = PROJECT_ROOT / "data" / "manual"
# A hand-kept file is a few thousand rows; these limits are far above any real one.
MAX_FILE_BYTES = 50_000_000  # a CSV on disk, or an XLSX unpacked
MAX_CELLS = 2_000_000


def find_inputs(ctx: EtlContext) -> list[SourceInput]:
    if ctx.files:
        return [local_input(SOURCE, Path(f)) for f in ctx.files]
    folders = [MANUAL_DIR]
    if ctx.settings.sources_dir is not None:
        folders.insert(0, ctx.settings.sources_dir / "followup")
    found = [
        p
        for folder in folders
        if folder.is_dir()
        for p in sorted(folder.rglob("*"))
        if p.suffix.lower() in SUFFIXES
    ]
    declared = declared_files(ctx)
    found = list(dict.fromkeys([*found, *declared]))
    if not found:
        where = " eller ".join(str(f) for f in folders)
        raise NothingToLoad(f"inga filer att ladda i {where}")
    return [local_input(SOURCE, p) for p in found]


def declared_files(ctx: EtlContext) -> list[Path]:
    """The files the catalogue's hand-kept indicators name; one that is not there is an
    error (the catalogue promises it), not a file to pass over."""
    missing, files = [], []
    for indicator in ctx.catalogue.indicators.values():
        source = indicator.source
        if isinstance(source, ManualSource) and source.file is not None:
            if source.file.is_file():
                files.append(source.file)
            else:
                missing.append(f"{indicator.id}: {source.file}")
    if missing:
        raise SourceError(
            SOURCE,
            "filen som katalogen anger finns inte: "
            + "; ".join(missing)
            + " (sökvägen i source.file räknas från katalogmappen)",
        )
    return files


class TidyFileError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        guess = raw[error.start : error.start + 1].decode("latin-1")
        raise TidyFileError(
            Problem(
                path.name,
                f"filen är inte UTF-8 (tecknet {guess!r} ser ut att vara Latin-1/Windows-1252); "
                "spara om den som CSV UTF-8",
                lines=(line,),
            )
        ) from error


def _csv_rows(path: Path, text: str, delimiter: str) -> list[list[str]]:
    """Every row; a field over MAX_CSV_FIELD characters (or any other CSV fault, such as an
    unclosed quote running to the end) is refused with its line."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        too_big = "field larger than field limit" in str(exc)
        message = (
            f"ett fält är längre än {MAX_CSV_FIELD // 1024} kB (oavslutat citattecken?)"
            if too_big
            else f"kan inte läsas som CSV: {clip(exc)}"
        )
        raise TidyFileError(Problem(path.name, message, lines=(reader.line_num,))) from exc
    return rows


def _no_duplicate_columns(path: Path, names: list[str]) -> None:
    seen = [n for i, n in enumerate(names) if n and n in names[:i]]
    if seen:
        raise TidyFileError(
            Problem(
                path.name,
                "samma kolumnrubrik förekommer flera gånger",
                lines=(1,),
                values=tuple(dict.fromkeys(seen)),
            )
        )


def _read_csv(path: Path) -> pd.DataFrame:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise TidyFileError(
            Problem(path.name, f"filen är större än {MAX_FILE_BYTES // 1_000_000} MB")
        )
    text = _decode(path)
    header = text.splitlines()[0] if text else ""
    delimiter = ";" if header.count(";") > header.count(",") else ","
    csv.field_size_limit(MAX_CSV_FIELD)
    rows = _csv_rows(path, text, delimiter)
    if not rows:
        raise TidyFileError(Problem(path.name, "filen är tom"))
    names = [c.strip().lower() for c in rows[0]]
    _no_duplicate_columns(path, names)
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    lines = [i + 2 for i, r in enumerate(rows[1:]) if any(cell.strip() for cell in r)]
    width = len(names)
    ragged = [n for n, r in zip(lines, body, strict=True) if len(r) != width]
    if ragged:
        raise TidyFileError(
            Problem(path.name, f"raden har inte {width} kolumner som rubriken", lines=tuple(ragged))
        )
    frame = pd.DataFrame(body, columns=names, dtype=object)
    frame["line"] = lines
    return frame


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path) -> pd.DataFrame:
    try:
        check_workbook(path, max_bytes=MAX_FILE_BYTES, max_cells=MAX_CELLS)
    except InputLimitError as exc:
        raise TidyFileError(Problem(path.name, str(exc))) from exc
    try:
        sheets = pd.read_excel(
            path,
            sheet_name=0,
            header=None,
            engine="calamine",
            dtype=object,
            keep_default_na=False,
            na_values=[],
        )
    except Exception as exc:  # calamine's own error types for broken files
        raise TidyFileError(
            Problem(path.name, f"kan inte läsas som Excel-arbetsbok: {clip(exc)}")
        ) from exc
    if sheets.empty:
        raise TidyFileError(Problem(path.name, "arbetsboken är tom"))
    names = [_cell_text(v).lower() for v in sheets.iloc[0]]
    _no_duplicate_columns(path, names)
    body = sheets.iloc[1:].map(_cell_text)
    body.columns = names
    body["line"] = body.index + 1
    return body[(body.drop(columns="line") != "").any(axis=1)].reset_index(drop=True)


def read_tidy_file(path: Path) -> pd.DataFrame:
    """All columns as text, plus `line` (the file's line or row number)."""
    frame = _read_xlsx(path) if path.suffix.lower() == ".xlsx" else _read_csv(path)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise TidyFileError(
            Problem(
                path.name,
                f"kolumner saknas: {', '.join(missing)} (formatet är {','.join(COLUMNS)})",
                lines=(1,),
            )
        )
    if frame.empty:
        # Loading it would empty what the file loaded before: a file without rows is a mistake.
        raise TidyFileError(
            Problem(path.name, "filen har rubrikraden men inga datarader", lines=(1,))
        )
    for column in COLUMNS:
        frame[column] = frame[column].fillna("").astype(str).str.strip()
    return frame


def read_or_error(source: SourceInput) -> pd.DataFrame:
    try:
        return read_tidy_file(source.path)
    except OSError as exc:
        raise SourceError(SOURCE, f"{source.name}: kan inte läsas: {exc}") from exc
