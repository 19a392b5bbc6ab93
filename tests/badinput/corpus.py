"""Bad inputs of every kind, each made by mutating a copy of a real one in tmp_path.

TEST DATA: the starting points are real files from ../shared/data (RIS 2023 rows, the
follow-up CSV files, the Eurostat TSV excerpts, the Tillväxtanalys XLSX export, SCB's
recorded answers, Region Dalarna's Kolada figures); each case changes one thing.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from etl.snapshots import save_snapshot
from tests.badinput.harness import (
    Case,
    CaseRun,
    rd_business,
    route_kolada,
    route_scb,
    scb_requests,
    scb_v1,
    tab3138,
)

GRP_CSV = "grp_current_prices.csv"
UNEMPLOYMENT_CSV = "unemployment_rate_20_64.csv"
TRNG_TSV = "trng_lfse_04_SE_EU_excerpt.tsv"
TVA_XLSX = "tva_pxweb_xlsx_export_nystartade_kvartal_lan20_2024-08-21.xlsx"
DEEP = "[" * 5000 + "]" * 5000  # JSON nested 5,000 deep


# ---------------------------------------------------------------- RIS workbooks


def ris_row(rows: pd.DataFrame, code: str = "3.3.2", region: str = "SE33", year: int = 2020):
    """The index of a real row (loaded series), and its line in the written workbook."""
    hit = rows[
        rows["Indicator"].str.startswith(code + " ")
        & (rows["Region"] == region)
        & (rows["Year"] == year)
    ]
    index = int(hit.index[0])
    return index, index + 2  # header on line 1


def ris(mutate: Callable[[pd.DataFrame], pd.DataFrame | None], name: str = "RIS_bad.xlsx"):
    """The good RIS rows, changed in place or replaced by `mutate`, as a workbook."""

    def build(ctx: CaseRun) -> list[str]:
        rows = ctx.good.ris_rows.copy().astype({"Value": object, "Year": object})
        changed = mutate(rows)
        path = ctx.tmp / name
        (rows if changed is None else changed).to_excel(path, sheet_name="RIS", index=False)
        return ["--file", str(path)]

    return build


def ris_line(code: str = "3.3.2") -> Callable[[CaseRun], str]:
    """The place a cell case names: 'rad N' of the changed row."""
    return lambda ctx: f"rad {ris_row(ctx.good.ris_rows, code)[1]}:"


def ris_cell(column: str, value: Any, code: str = "3.3.2"):
    def mutate(rows: pd.DataFrame) -> None:
        index, _ = ris_row(rows, code)
        rows.loc[index, column] = value

    return mutate


def ris_bytes(make: Callable[[CaseRun], bytes], name: str = "RIS_bad.xlsx"):
    def build(ctx: CaseRun) -> list[str]:
        path = ctx.tmp / name
        path.write_bytes(make(ctx))
        return ["--file", str(path)]

    return build


def bomb_xlsx(good: Path, padding: int) -> bytes:
    """The good workbook with `padding` bytes of blanks in its sheet: compresses to a few
    hundred kB, unpacks to `padding` bytes (the shape of a zip bomb)."""
    out = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * padding, 1)
            z.writestr(item.filename, data, compresslevel=9)
    return out.getvalue()


def far_cell_xlsx(good: Path, target: Path, cell: str = "XFD1048576") -> None:
    """The good workbook plus one value in its sheet's far corner."""
    book = openpyxl.load_workbook(good)
    book.active[cell] = 1
    book.save(target)


MINIMAL_XLSX = {  # the parts of a minimal SpreadsheetML workbook with shared strings
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings'
        '+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="RIS" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
        '"worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}


def shared_string_bomb(target: Path, header: list[str], cells: int, size: int = 30_000) -> Path:
    """A small workbook whose `cells` cells all show one `size`-character shared string: a
    few hundred kB on disk, cells × size characters once read (each cell its own copy)."""
    strings = ["x" * size, *header]
    width = len(header)
    rows = ['<row r="1">' + "".join(
        f'<c r="{chr(65 + i)}1" t="s"><v>{i + 1}</v></c>' for i in range(width)
    ) + "</row>"]  # fmt: skip
    for r in range(2, cells // width + 3):
        row = "".join(f'<c r="{chr(65 + i)}{r}" t="s"><v>0</v></c>' for i in range(width))
        rows.append(f'<row r="{r}">{row}</row>')
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    parts = MINIMAL_XLSX | {
        "xl/worksheets/sheet1.xml": f"<worksheet {main}><sheetData>{''.join(rows)}</sheetData>"
        "</worksheet>",
        "xl/sharedStrings.xml": f'<sst {main} count="{len(strings)}">'
        + "".join(f"<si><t>{t}</t></si>" for t in strings)
        + "</sst>",
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return target


def bomb_args(ctx: CaseRun, name: str, header: list[str], cells: int) -> list[str]:
    return ["--file", str(shared_string_bomb(ctx.tmp / name, header, cells))]


def huge_header(ctx: CaseRun) -> list[str]:
    """The good workbook with a 600 KB text in place of the header 'Indicator'."""
    book = openpyxl.load_workbook(ctx.good.ris_workbook)
    book.active["A1"] = "I" * 600_000
    path = ctx.tmp / "RIS_bad.xlsx"
    book.save(path)
    return ["--file", str(path)]


def ris_cases() -> list[Case]:
    f = "RIS_bad.xlsx"
    at = ris_line()
    return [
        Case("ris-value-text", "ris", ris(ris_cell("Value", "abc")),
             (f, at, "kolumn Value", "värdet är inget tal ('abc')")),
        Case("ris-value-boolean", "ris", ris(ris_cell("Value", True)),
             (f, at, "kolumn Value", "värdet är inget tal ('True')")),
        Case("ris-value-1e400", "ris", ris(ris_cell("Value", "1e400")),
             (f, at, "kolumn Value", "värdet ligger utanför 0–1000 ('1e400')")),
        Case("ris-value-negative", "ris", ris(ris_cell("Value", -12.5)),
             (f, at, "kolumn Value", "värdet ligger utanför 0–1000 ('-12.5')")),
        Case("ris-year-0000", "ris", ris(ris_cell("Year", "0000")),
             (f, at, "kolumn Year", "år saknas eller är inget årtal mellan 2000", "'0000'")),
        Case("ris-year-2099", "ris", ris(ris_cell("Year", 2099)),
             (f, at, "kolumn Year", "år saknas eller är inget årtal", "'2099'")),
        Case("ris-year-text", "ris", ris(ris_cell("Year", "tjugo")),
             (f, at, "kolumn Year", "'tjugo'")),
        Case("ris-year-fraction", "ris", ris(ris_cell("Year", 2020.5)),
             (f, at, "kolumn Year", "'2020.5'")),
        Case("ris-header-only", "ris", ris(lambda rows: rows.iloc[0:0]),
             (f, "blad RIS", "rubrikraden (RIS 2023) finns på rad 1 men inga datarader")),
        Case("ris-unknown-layout", "ris",
             ris(lambda rows: rows.rename(columns={"Value": "Score", "Year": "Yr"})),
             (f, "okänt format på RIS-databasen", "Score")),
        Case("ris-600kb-header-cell", "ris", huge_header,
             (f, "okänt format på RIS-databasen", "…")),
        Case("ris-unknown-indicator", "ris",
             ris(ris_cell("Indicator", "9.9.9 Invented indicator (Regional)")),
             (f, at, "kolumn Indicator", "okänd indikatorkod", "9.9.9 Invented")),
        Case("ris-region-not-nuts", "ris", ris(ris_cell("Region", "se 33!")),
             (f, at, "kolumn Region", "regionkoden är ingen NUTS-kod ('se 33!')")),
        Case("ris-unknown-group", "ris", ris(ris_cell("performance group", "Superb")),
             (f, at, "kolumn performance group", "okänd prestationsgrupp ('Superb')")),
        Case("ris-duplicated-row", "ris",
             ris(lambda rows: pd.concat([rows, rows.iloc[[5]]], ignore_index=True)),
             (f, "samma år, region och indikator förekommer flera gånger")),
        Case("ris-without-rii", "ris",
             ris(lambda rows: rows[~rows["Indicator"].str.startswith("0 ")]),
             (f, "inga värden för innovationsindexet (RII)")),
        Case("ris-not-a-workbook", "ris", ris_bytes(lambda ctx: b"PK\x03\x04 not a zip at all"),
             (f, "kan inte läsas som Excel-arbetsbok")),
        Case("ris-truncated-workbook", "ris",
             ris_bytes(lambda ctx: ctx.good.ris_workbook.read_bytes()[:20_000]),
             (f, "kan inte läsas som Excel-arbetsbok")),
        Case("ris-zip-bomb", "ris",
             ris_bytes(lambda ctx: bomb_xlsx(ctx.good.ris_workbook, 101_000_000)),
             (f, "arbetsboken packas upp till", "gränsen är 100 MB")),
        Case("ris-shared-string-bomb", "ris",
             lambda ctx: bomb_args(ctx, f, list(ctx.good.ris_rows.columns), 4_000),
             (f, "hänvisar till mer än 100 MB text")),
        Case("ris-far-corner-cell", "ris", _far_corner("ris"),
             (f, "spänner över 1 048 576 rader × 16 384 kolumner", "gränsen är 5 000 000 celler")),
    ]  # fmt: skip


def _far_corner(kind: str):
    def build(ctx: CaseRun) -> list[str]:
        if kind == "ris":
            path = ctx.tmp / "RIS_bad.xlsx"
            far_cell_xlsx(ctx.good.ris_workbook, path)
        else:
            source = ctx.tmp / "good.xlsx"
            pd.DataFrame([GOOD_ROW], columns=COLUMNS).to_excel(source, index=False)
            path = ctx.tmp / "tidy_bad.xlsx"
            far_cell_xlsx(source, path)
        return ["--file", str(path)]

    return build


# ---------------------------------------------------------------- tidy CSV and XLSX

COLUMNS = ["indicator_id", "region", "period", "sex", "value", "unit", "source", "note"]
# A real row of grp_current_prices.csv (Stockholms län 2008), for the XLSX cases.
GOOD_ROW = [
    "grp_current_prices", "SE110", "2008", "T", 1012921, "miljoner kronor, löpande priser",
    "SCB regionalräkenskaper NR0105 (BRP, NR0105AH)", "",
]  # fmt: skip


def real_lines(ctx: CaseRun, name: str, count: int = 6) -> list[str]:
    """The header and the first data lines of a real follow-up file."""
    return (ctx.shared / "followup" / name).read_text(encoding="utf-8").splitlines()[: count + 1]


def tidy_csv(edit: Callable[[list[str]], list[str]], source: str = GRP_CSV, name: str = "bad.csv",
             encoding: str = "utf-8"):  # fmt: skip
    def build(ctx: CaseRun) -> list[str]:
        path = ctx.tmp / name
        lines = edit(real_lines(ctx, source))
        path.write_bytes(("\n".join(lines) + "\n" if lines else "").encode(encoding))
        return ["--file", str(path)]

    return build


def cell(line: int, column: str, value: str):
    """Set one cell (line 2 = the first data line) of a comma-separated real file."""
    import csv

    def edit(lines: list[str]) -> list[str]:
        rows = list(csv.reader(lines))
        rows[line - 1][COLUMNS.index(column)] = value
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue().splitlines()

    return edit


def tidy_xlsx(edit: Callable[[pd.DataFrame], pd.DataFrame], name: str = "bad.xlsx"):
    def build(ctx: CaseRun) -> list[str]:
        frame = pd.DataFrame([GOOD_ROW, GOOD_ROW], columns=COLUMNS).astype(object)
        frame.loc[1, "period"] = "2009"
        frame.loc[1, "value"] = 1050112  # real: Stockholms län 2009
        path = ctx.tmp / name
        edit(frame).to_excel(path, index=False)
        return ["--file", str(path)]

    return build


def xcell(row: int, column: str, value: Any):
    def edit(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, column] = value
        return frame

    return edit


def tidy_cases() -> list[Case]:
    g = "bad.csv"
    grp_bounds = "värdet ligger utanför katalogens gränser för grp_current_prices (0–100000000"
    period_range = "perioden är inte rimlig för grp_current_prices (år 1950–"
    not_a_number = "värdet är inget tal"
    return [
        Case("csv-value-text", "manual", tidy_csv(cell(3, "value", "abc")),
             (g, "kolumn value, rad 3", not_a_number, "'abc'")),
        Case("csv-value-1e300", "manual", tidy_csv(cell(2, "value", "1e300")),
             (g, "kolumn value, rad 2", grp_bounds, "'1e+300'")),
        Case("csv-value-negative-grp", "manual", tidy_csv(cell(4, "value", "-1012921")),
             (g, "kolumn value, rad 4", grp_bounds, "'-1012921'")),
        Case("csv-period-0000", "manual", tidy_csv(cell(2, "period", "0000")),
             (g, "kolumn period, rad 2", period_range, "'0000'")),
        Case("csv-period-2099", "manual", tidy_csv(cell(3, "period", "2099")),
             (g, "kolumn period, rad 3", period_range, "'2099'")),
        Case("csv-period-9999", "manual", tidy_csv(cell(5, "period", "9999")),
             (g, "kolumn period, rad 5", period_range, "'9999'")),
        Case("csv-period-text", "manual", tidy_csv(cell(2, "period", "år 2008")),
             (g, "kolumn period, rad 2", "perioden ska vara ett år", "'år 2008'")),
        Case("csv-quarter-for-annual", "manual", tidy_csv(cell(2, "period", "2008Q1")),
             (g, "kolumn period, rad 2", "perioden ska vara ett år", "'2008Q1'")),
        Case("csv-value-nan", "manual", tidy_csv(cell(2, "value", "nan")),
             (g, "kolumn value, rad 2", not_a_number, "'nan'")),
        Case("csv-value-inf", "manual", tidy_csv(cell(3, "value", "-inf")),
             (g, "kolumn value, rad 3", not_a_number, "'-inf'")),
        Case("csv-value-1e400", "manual", tidy_csv(cell(3, "value", "1e400")),
             (g, "kolumn value, rad 3", not_a_number, "'1e400'")),
        Case("csv-value-mixed-separators", "manual", tidy_csv(cell(2, "value", "1.012,5")),
             (g, "kolumn value, rad 2", not_a_number, "'1.012,5'")),
        Case("csv-value-nul-byte", "manual", tidy_csv(cell(2, "value", "10\x0012")),
             (g, "kolumn value, rad 2", not_a_number)),
        Case("csv-cell-over-128-kb", "manual", tidy_csv(cell(3, "note", "x" * 200_000)),
             (g, "rad 3", "ett fält är längre än 128 kB")),
        Case("csv-note-over-2000-characters", "manual", tidy_csv(cell(2, "note", "n" * 3000)),
             (g, "kolumn note, rad 2", "cellen är längre än 2000 tecken", "…")),
        Case("csv-duplicated-column", "manual",
             tidy_csv(lambda lines: [lines[0].replace("note", "value"), *lines[1:]]),
             (g, "rad 1", "samma kolumnrubrik förekommer flera gånger ('value')")),
        Case("csv-missing-column", "manual",
             tidy_csv(lambda lines: [lines[0].replace(",sex", ",kon"), *lines[1:]]),
             (g, "rad 1", "kolumner saknas: sex")),
        Case("csv-ragged-row", "manual", tidy_csv(lambda lines: [*lines, lines[1] + ",extra"]),
             (g, "rad 8", "raden har inte 8 kolumner som rubriken")),
        Case("csv-unclosed-quote", "manual",
             tidy_csv(lambda lines: [*lines[:3], lines[3].replace(',"SCB', ',"SCB"x"'),
                                     lines[4] + ',"open', *lines[5:]]),
             (g, "rad", "kolumner")),
        Case("csv-latin-1", "manual", tidy_csv(cell(2, "note", "Västerbotten"), encoding="latin-1"),
             (g, "rad 2", "filen är inte UTF-8")),
        Case("csv-empty-file", "manual", tidy_csv(lambda lines: []),
             (g, "filen är tom")),
        Case("csv-unknown-indicator", "manual", tidy_csv(cell(2, "indicator_id", "grp_typo")),
             (g, "kolumn indicator_id, rad 2", "okänd indikator", "'grp_typo'")),
        Case("csv-unknown-region", "manual", tidy_csv(cell(3, "region", "SE999")),
             (g, "kolumn region, rad 3", "okänd region", "'SE999'")),
        Case("csv-unknown-sex", "manual", tidy_csv(cell(2, "sex", "X")),
             (g, "kolumn sex, rad 2", "kön ska vara T, K eller M", "'X'")),
        Case("csv-wrong-unit", "manual", tidy_csv(cell(2, "unit", "kronor")),
             (g, "kolumn unit, rad 2", "enheten stämmer inte med katalogen", "'kronor'")),
        Case("csv-duplicated-key", "manual",
             tidy_csv(lambda lines: [*lines, lines[1]]),
             (g, "rader 2, 8", "samma indikator, region, period och kön förekommer flera gånger")),
        Case("csv-percent-150", "manual",
             tidy_csv(cell(2, "value", "150"), source=UNEMPLOYMENT_CSV),
             (g, "kolumn value, rad 2",
              "värdet ligger utanför katalogens gränser för unemployment_rate_20_64 (0–100",
              "'150'")),
        Case("xlsx-value-boolean", "manual", tidy_xlsx(xcell(0, "value", True)),
             ("bad.xlsx", "kolumn value, rad 2", not_a_number, "'True'")),
        Case("xlsx-value-text", "manual", tidy_xlsx(xcell(1, "value", "en miljon")),
             ("bad.xlsx", "kolumn value, rad 3", not_a_number, "'en miljon'")),
        Case("xlsx-period-2099", "manual", tidy_xlsx(xcell(1, "period", "2099")),
             ("bad.xlsx", "kolumn period, rad 3", period_range, "'2099'")),
        Case("xlsx-negative-grp", "manual", tidy_xlsx(xcell(0, "value", -5)),
             ("bad.xlsx", "kolumn value, rad 2", grp_bounds, "'-5'")),
        Case("xlsx-duplicated-column", "manual",
             tidy_xlsx(lambda frame: frame.rename(columns={"note": "unit"})),
             ("bad.xlsx", "rad 1", "samma kolumnrubrik förekommer flera gånger ('unit')")),
        Case("xlsx-header-only", "manual", tidy_xlsx(lambda frame: frame.iloc[0:0]),
             ("bad.xlsx", "rad 1", "filen har rubrikraden men inga datarader")),
        Case("csv-header-only", "manual", tidy_csv(lambda lines: lines[:1]),
             (g, "rad 1", "filen har rubrikraden men inga datarader")),
        Case("xlsx-not-a-workbook", "manual",
             lambda ctx: _write(ctx, "bad.xlsx", b"indicator_id,region\nx,y\n"),
             ("bad.xlsx", "kan inte läsas som Excel-arbetsbok")),
        Case("xlsx-zip-bomb", "manual",
             lambda ctx: _write(ctx, "bad.xlsx", bomb_xlsx(_good_xlsx(ctx), 60_000_000)),
             ("bad.xlsx", "arbetsboken packas upp till", "gränsen är 50 MB")),
        Case("xlsx-shared-string-bomb", "manual",
             lambda ctx: bomb_args(ctx, "bad.xlsx", COLUMNS, 2_000),
             ("bad.xlsx", "hänvisar till mer än 50 MB text")),
        Case("xlsx-far-corner-cell", "manual", _far_corner("tidy"),
             ("tidy_bad.xlsx", "spänner över 1 048 576 rader × 16 384 kolumner")),
    ]  # fmt: skip


def _write(ctx: CaseRun, name: str, content: bytes) -> list[str]:
    path = ctx.tmp / name
    path.write_bytes(content)
    return ["--file", str(path)]


def _good_xlsx(ctx: CaseRun) -> Path:
    path = ctx.tmp / "good.xlsx"
    pd.DataFrame([GOOD_ROW], columns=COLUMNS).to_excel(path, index=False)
    return path


# ---------------------------------------------------------------- Eurostat TSV, TVA XLSX


def eurostat_tsv(edit: Callable[[str], str], encoding: str = "utf-8"):
    """The real lifelong-learning excerpt, edited, in $RUSMON_SOURCES_DIR/eurostat/."""

    def build(ctx: CaseRun) -> list[str]:
        text = (ctx.shared / "eurostat" / TRNG_TSV).read_text(encoding="utf-8")
        folder = ctx.sources_dir / "eurostat"
        folder.mkdir()
        (folder / TRNG_TSV).write_bytes(edit(text).encode(encoding))
        return []

    return build


def tsv_cell(geo: str, year: str, value: str):
    def edit(text: str) -> str:
        lines = text.splitlines()
        header = lines[0].split("\t")
        column = [h.strip() for h in header].index(year)
        for n, line in enumerate(lines):
            cells = line.split("\t")
            if cells[0].endswith("," + geo):
                cells[column] = value
                lines[n] = "\t".join(cells)
        return "\n".join(lines) + "\n"

    return edit


def tva_export(edit: Callable[[pd.DataFrame], None]):
    """The real Tillväxtanalys XLSX export (Dalarna, quarters), edited, in tva/."""

    def build(ctx: CaseRun) -> list[str]:
        sheet = pd.read_excel(
            ctx.shared / "sweden" / "responses" / TVA_XLSX,
            header=None,
            dtype=object,
            engine="calamine",
        )
        edit(sheet)
        folder = ctx.sources_dir / "tva"
        folder.mkdir()
        sheet.to_excel(folder / "tva_bad.xlsx", header=False, index=False)
        return []

    return build


def tva_cell(row: int, value: Any, column: int = 2):
    def edit(sheet: pd.DataFrame) -> None:
        sheet.iloc[row, column] = value

    return edit


def file_source_cases() -> list[Case]:
    t = TRNG_TSV
    place = "vid eurostat_lifelong_learning_25_64 SE33 2019 T"
    return [
        Case("tsv-truncated", "eurostat", eurostat_tsv(lambda text: text[: text.index("SE2") + 40]),
             (t, "rad", "avskuren eller trasig fil")),
        Case("tsv-value-text", "eurostat", eurostat_tsv(tsv_cell("SE33", "2019", "abc ")),
             (t, place, "värdet är inget ändligt tal", "'abc'")),
        Case("tsv-value-1e400", "eurostat", eurostat_tsv(tsv_cell("SE33", "2019", "1e400 ")),
             (t, place, "värdet är inget ändligt tal", "'1e400'")),
        Case("tsv-percent-150", "eurostat", eurostat_tsv(tsv_cell("SE33", "2019", "150.0 ")),
             (t, place, "gränser för eurostat_lifelong_learning_25_64 (0–100", "'150'")),
        Case("tsv-odd-flag", "eurostat", eurostat_tsv(tsv_cell("SE33", "2019", "30.1 ;DROP")),
             (t, place, "värdet är inget ändligt tal", "'30.1 ;DROP'")),
        Case("tsv-period-2099", "eurostat",
             eurostat_tsv(lambda text: text.replace("\t2000 ", "\t2099 ", 1)),
             (t, "vid eurostat_lifelong_learning_25_64", "perioden är inte rimlig", "'2099'")),
        Case("tsv-not-eurostat", "eurostat",
             eurostat_tsv(lambda text: "geo;value\nSE33;30.1\n"),
             (t, "rad 1", "ingen Eurostat-TSV")),
        Case("tsv-latin-1", "eurostat",
             eurostat_tsv(lambda text: text.replace("unit", "enhet_ö", 1), encoding="latin-1"),
             (t, "filen är inte UTF-8")),
        Case("tva-value-text", "tva", tva_export(tva_cell(5, "många")),
             ("tva_bad.xlsx", "rad 6", "värdet är inget ändligt tal", "'många'")),
        Case("tva-value-negative", "tva", tva_export(tva_cell(4, -414)),
             ("tva_bad.xlsx", "rad 5", "gränser för new_firms_quarterly", "'-414'")),
        Case("tva-value-boolean", "tva", tva_export(tva_cell(3, True)),
             ("tva_bad.xlsx", "rad 4", "värdet är inget ändligt tal", "'True'")),
        Case("tva-period-2099", "tva", tva_export(tva_cell(3, "2099Q1", 0)),
             ("tva_bad.xlsx", "rad 4", "perioden är inte rimlig för new_firms_quarterly",
              "'2099Q1'")),
    ]  # fmt: skip


# ---------------------------------------------------------------- SCB and Kolada answers

MARK = "__RUSMON_BAD__"


def raw_json(document: Any, raw: str | None = None) -> bytes:
    """JSON text; the string MARK (quoted) replaced by `raw` verbatim (1e400, NaN, deep …)."""
    text = json.dumps(document, ensure_ascii=False)
    if raw is not None:
        text = text.replace(json.dumps(MARK), raw)
    return text.encode()


def scb_v2(edit: Callable[[dict], Any], raw: str | None = None):
    """SCB online: TAB3138 answers with an edited document, every other request as usual."""

    def build(ctx: CaseRun) -> list[str]:
        document = tab3138(ctx.shared)
        document = edit(document) or document
        route_scb(ctx.server, ctx.server.url, ctx.shared, v2=raw_json(document, raw))
        return []

    return build


def scb_legacy(edit: Callable[[dict], Any]):
    def build(ctx: CaseRun) -> list[str]:
        document = scb_v1(ctx.shared)
        edit(document)
        route_scb(ctx.server, ctx.server.url, ctx.shared, v1=raw_json(document))
        return []

    return build


def scb_raw(body: Callable[[CaseRun], bytes]):
    def build(ctx: CaseRun) -> list[str]:
        route_scb(ctx.server, ctx.server.url, ctx.shared, v2=body(ctx))
        return []

    return build


def first_value(value: Any):
    def edit(document: dict) -> None:
        document["value"][0] = value

    return edit


def legacy_cell(key: str, value: Any, position: int = 0):
    def edit(document: dict) -> None:
        for row in document["data"]:
            if row["key"] == [key]:
                row["values"][position] = value

    return edit


def kolada(edit: Callable[[list[dict]], Any], raw: str | None = None, next_url: Any = None):
    """Kolada online: N85085 (real figures) answers edited, every other KPI as usual."""

    def build(ctx: CaseRun) -> list[str]:
        values = rd_business(ctx.shared)
        page = edit(values)
        body = {"count": 1, "values": values if page is None else page, "next_url": next_url}
        route_kolada(ctx.server, f"{ctx.server.url}/v3", {"N85085": [raw_json(body, raw)]})
        return []

    return build


def kolada_value(value: Any, field: str = "value"):
    def edit(values: list[dict]) -> None:
        values[0]["values"][0][field] = value

    return edit


def api_cases() -> list[Case]:
    tab = "TAB3138_1_"
    grp = "vid grp_current_prices "
    rd = "vid rd_business_per_inhabitant 0001 2011 T"
    not_finite = "värdet är inget ändligt tal"
    return [
        Case("scb-value-1e400", "scb", scb_v2(first_value(MARK), "1e400"),
             (tab, grp, not_finite, "'inf'"), online=True),
        Case("scb-value-text", "scb", scb_v2(first_value("abc")),
             (tab, grp, not_finite, "'abc'"), online=True),
        Case("scb-value-true", "scb", scb_v2(first_value(True)),
             (tab, grp, not_finite, "'True'"), online=True),
        Case("scb-value-object", "scb", scb_v2(first_value({"v": 1})),
             (tab, grp, not_finite, "{'v': 1}"), online=True),
        Case("scb-nan-token", "scb", scb_v2(first_value(MARK), "NaN"),
             (tab, "NaN är inget JSON-tal"), online=True),
        Case("scb-negative-grp", "scb", scb_v2(first_value(-1)),
             (tab, grp, "gränser för grp_current_prices", "'-1'"), online=True),
        Case("scb-deep-nesting", "scb", scb_v2(lambda d: d.update(extension=MARK), DEEP),
             (tab, "JSON nästlad djupare än 64 nivåer"), online=True),
        Case("scb-id-not-a-list", "scb", scb_v2(lambda d: d.update(id="Region")),
             (tab, "id och size ska vara listor"), online=True),
        Case("scb-dimension-a-list", "scb", scb_v2(lambda d: d.update(dimension=[1, 2])),
             (tab, "dimension ska vara ett objekt"), online=True),
        Case("scb-value-list-short", "scb", scb_v2(lambda d: d.update(value=d["value"][:3])),
             (tab, "value har 3 poster men dimensionerna ger"), online=True),
        Case("scb-size-bomb", "scb", scb_v2(lambda d: d.update(size=[100_000, 100_000, 100])),
             (tab, "size anger 1000000000000 celler"), online=True),
        Case("scb-category-index-text", "scb",
             scb_v2(lambda d: d["dimension"]["Tid"]["category"].update(index="2008")),
             (tab, "dimensionen Tid", "category.index ska vara en lista eller ett objekt"),
             online=True),
        Case("scb-not-a-dataset", "scb", scb_raw(lambda ctx: b"[]"),
             (tab, "inget JSON-stat-dataset"), online=True),
        Case("scb-truncated-json", "scb",
             scb_raw(lambda ctx: raw_json(tab3138(ctx.shared))[:500]),
             (tab, "ingen giltig JSON"), online=True),
        Case("scb-legacy-population-negative", "scb", scb_legacy(legacy_cell("2011", "-1")),
             ("BE_BE0101_BE0101A_BefolkningNy_1_", "vid population 00 2011 T",
              "gränser för population (0–100000000", "'-1'"), online=True),
        Case("scb-legacy-period-2099", "scb",
             scb_legacy(lambda d: d["data"][0].update(key=["2099"])),
             ("BE_BE0101_BE0101A_BefolkningNy_1_", "vid population 00 2099 T",
              "perioden är inte rimlig för population"), online=True),
        Case("scb-legacy-data-not-a-list", "scb", scb_legacy(lambda d: d.update(data="none")),
             ("BE_BE0101_BE0101A_BefolkningNy_1_", "data ska vara en lista"), online=True),
        Case("kolada-value-text", "kolada", kolada(kolada_value("abc")),
             ("N85085_", rd, not_finite, "'abc'"), online=True),
        Case("kolada-value-true", "kolada", kolada(kolada_value(True)),
             ("N85085_", rd, not_finite, "'True'"), online=True),
        Case("kolada-value-1e400", "kolada", kolada(kolada_value(MARK), "1e400"),
             ("N85085_", rd, not_finite, "'inf'"), online=True),
        Case("kolada-value-negative", "kolada", kolada(kolada_value(-1)),
             ("N85085_", rd, "gränser för rd_business_per_inhabitant", "'-1'"), online=True),
        Case("kolada-period-9999", "kolada",
             kolada(lambda values: values[0].update(period=9999)),
             ("N85085_", "vid rd_business_per_inhabitant 0001 9999 T",
              "perioden är inte rimlig"), online=True),
        Case("kolada-gender-list", "kolada", kolada(kolada_value(["T"], "gender")),
             ("N85085_", "vid rd_business_per_inhabitant 0001 2011 ['T']",
              "kön ska vara T, K eller M"), online=True),
        Case("kolada-values-an-object", "kolada", kolada(lambda values: {"a": 1}),
             ("N85085_", "inget Kolada-svar (listan values saknas)"), online=True),
        Case("kolada-entry-a-number", "kolada", kolada(lambda values: [1, 2]),
             ("N85085_", "post 1", "posten är inget objekt"), online=True),
        Case("kolada-splits-a-string", "kolada",
             kolada(lambda values: values[0].update(values="T=12")),
             ("N85085_", "post 1", "values ska vara en lista av objekt"), online=True),
        Case("kolada-deep-nesting", "kolada", kolada(lambda values: [MARK], DEEP),
             ("N85085_", "JSON nästlad djupare än 64 nivåer"), online=True),
        Case("kolada-next-url-a-list", "kolada", kolada(lambda values: None, next_url=["x"]),
             ("N85085_", "next_url är ingen webbadress"), online=True),
    ]  # fmt: skip


# ---------------------------------------------------------------- kept snapshots (offline)


def snapshot(indicator_id: str, content: Callable[[CaseRun], bytes], tamper: bool = False):
    """A kept answer for exactly the request the connector plans, in $RUSMON_RAW_DIR."""

    def build(ctx: CaseRun) -> list[str]:
        [request, *_] = scb_requests(ctx.roots)[indicator_id]
        saved = save_snapshot(
            ctx.raw_dir, "scb", request.name, content(ctx), request.url,
            json.loads(json.dumps(request.query)),
        )  # fmt: skip
        if tamper:
            saved.path.write_bytes(saved.path.read_bytes().replace(b"9415570", b"9415571"))
        return []

    return build


def snapshot_cases() -> list[Case]:
    legacy = "BE_BE0101_BE0101A_BefolkningNy_1_"
    return [
        Case("snapshot-tampered", "scb",
             snapshot("population", lambda ctx: raw_json(scb_v1(ctx.shared)), tamper=True),
             (legacy, "ögonblicksbilden har ändrats efter nedladdningen")),
        Case("snapshot-value-text", "scb",
             snapshot("population", lambda ctx: raw_json(_legacy_with(ctx, "2010", "saknas"))),
             (legacy, "vid population 00 2010 T", "värdet är inget ändligt tal", "'saknas'")),
        Case("snapshot-not-json", "scb",
             snapshot("population", lambda ctx: b"<html>502 Bad Gateway</html>"),
             (legacy, "ingen giltig JSON")),
        Case("snapshot-v2-value-1e400", "scb",
             snapshot("grp_current_prices",
                      lambda ctx: raw_json(_first(tab3138(ctx.shared), MARK), "1e400")),
             ("TAB3138_1_", "vid grp_current_prices", "värdet är inget ändligt tal")),
    ]  # fmt: skip


def sidecar(meta: Callable[[str], Any]):
    """A real tidy file given with --file, beside a broken `.source.json` sidecar."""

    def build(ctx: CaseRun) -> list[str]:
        path = ctx.tmp / UNEMPLOYMENT_CSV
        path.write_bytes((ctx.shared / "followup" / UNEMPLOYMENT_CSV).read_bytes())
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        (ctx.tmp / (UNEMPLOYMENT_CSV + ".source.json")).write_text(json.dumps(meta(digest)))
        return ["--file", str(path)]

    return build


def sidecar_cases() -> list[Any]:
    sidecar_name = UNEMPLOYMENT_CSV + ".source.json"
    return [
        pytest.param(
            Case("snapshot-sidecar-a-list", "manual", sidecar(lambda digest: []),
                 (sidecar_name, "ogiltig sidofil")),
        ),
        pytest.param(
            Case("snapshot-sidecar-bad-date", "manual",
                 sidecar(lambda digest: {"sha256": digest, "accessed_at": "igår"}),
                 (sidecar_name, "'igår'")),
        ),
    ]  # fmt: skip


def _legacy_with(ctx: CaseRun, key: str, value: str) -> dict:
    document = scb_v1(ctx.shared)
    legacy_cell(key, value)(document)
    return document


def _first(document: dict, value: Any) -> dict:
    document["value"][0] = value
    return document


CASES = [*ris_cases(), *tidy_cases(), *file_source_cases(), *api_cases(), *snapshot_cases()]
KNOWN_GAPS = sidecar_cases()  # cases that fail until a file outside this change is fixed
