"""rusmon etl ris: load inputs → process → save outputs."""

from __future__ import annotations

from dataclasses import replace

from etl import shrink
from etl.errors import SourceError, ValidationError
from etl.pipeline import UNCHANGED, Batch, EtlContext, RunResult
from etl.snapshots import SourceInput
from etl.sources.ris import extract, load, transform, validate
from etl.sources.ris.transform import RisEdition
from indicators.catalogue import Catalogue
from indicators.formatting import format_number

SOURCE = extract.SOURCE
PARSER_VERSION = "2"  # 2: missing values and caps decided at load


def run(ctx: EtlContext) -> RunResult:
    inputs = extract.find_inputs(ctx)
    if ctx.unchanged(SOURCE, PARSER_VERSION, inputs):
        names = ", ".join(f"{i.name} (sha256 {i.sha256[:12]}…)" for i in inputs)
        return ctx.log_only(SOURCE, UNCHANGED, f"samma indata som senast, inget att göra: {names}")
    editions = [read_edition(ctx, i) for i in inputs]
    return ctx.save(SOURCE, PARSER_VERSION, inputs, batch_of(editions, inputs))


def read_edition(ctx: EtlContext, source: SourceInput) -> RisEdition:
    ctx.say(SOURCE, f"läser {source.name} ({source.path.stat().st_size / 1e6:.1f} MB)")
    sheets = extract.read_workbook(source.path)
    edition = process(sheets, source.name, ctx.catalogue)
    ctx.say(
        SOURCE,
        f"{source.name}: RIS {edition.edition} ({edition.layout}, "
        f"värden relativt EU {edition.base_year}), "
        f"{format_number(len(edition.values))} värden, {len(edition.regions)} regioner, "
        f"{len(edition.indicators)} serier",
    )
    return edition


def process(sheets, file_name: str, catalogue: Catalogue) -> RisEdition:
    """Recognise the layout, check every row, and build the edition's tables."""
    located = transform.locate_layout(sheets, file_name)
    rows = transform.canonical_rows(sheets, located)
    years = rows["year_number"].dropna()
    if years.empty:
        raise SourceError(SOURCE, f"{file_name}: inga rader med årtal i bladet {located.sheet!r}")
    edition_year = int(years.max())
    framework = catalogue.ris_framework(edition_year)
    if framework is None:
        raise SourceError(
            SOURCE,
            f"{file_name}: RIS {edition_year} hör inte till något känt ramverk; lägg till "
            "upplagan i en fil under indicators/catalogue/ris/",
        )
    problems, warnings = validate.check(rows, framework, catalogue, file_name)
    if problems:
        raise ValidationError(SOURCE, problems)
    edition = transform.build_edition(rows, located, framework, catalogue)
    return replace(edition, warnings=tuple(warnings))


def batch_of(editions: list[RisEdition], inputs: list[SourceInput]) -> Batch:
    numbers = [e.edition for e in editions]
    if len(numbers) != len(set(numbers)):
        raise SourceError(SOURCE, f"flera filer för samma upplaga: {sorted(numbers)}")

    def save(conn) -> int:
        return sum(load.save(conn, e, i) for e, i in zip(editions, inputs, strict=True))

    summary = "; ".join(
        f"RIS {e.edition}: {format_number(len(e.values))} värden från {i.name}"
        for e, i in zip(editions, inputs, strict=True)
    )
    warnings = tuple(w for e in editions for w in e.warnings)
    extent = shrink.extent_of(
        "SELECT region_code, indicator_code FROM ris_value WHERE edition IN "
        f"({', '.join(str(int(n)) for n in numbers)})"
    )
    return Batch(save=save, summary=summary, warnings=warnings, extent=extent)
