"""rusmon etl geo: load inputs → process → save outputs.

The NUTS region boundaries for the dashboard's maps, stored in the warehouse (view
`region_geometry`), so a deployed app needs no files beside it.
"""

from __future__ import annotations

import pandas as pd

from etl import shrink
from etl.errors import Problem, ValidationError
from etl.pipeline import UNCHANGED, Batch, EtlContext, RunResult
from etl.snapshots import SourceInput
from etl.sources.geo import extract, load, transform, validate
from indicators.formatting import format_number

SOURCE = extract.SOURCE
PARSER_VERSION = "1"


def run(ctx: EtlContext) -> RunResult:
    inputs = extract.find_inputs(ctx)
    if ctx.unchanged(SOURCE, PARSER_VERSION, inputs):
        names = ", ".join(i.name for i in inputs)
        return ctx.log_only(SOURCE, UNCHANGED, f"samma indata som senast, inget att göra: {names}")
    regions, warnings = process(ctx, inputs)
    return ctx.save(SOURCE, PARSER_VERSION, inputs, batch_of(regions, inputs, warnings))


def process(ctx: EtlContext, inputs: list[SourceInput]) -> tuple[pd.DataFrame, list[str]]:
    """Read and check every file, then build the rows; nothing is saved on any problem."""
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    warnings: list[str] = []
    for source in inputs:
        ctx.say(SOURCE, f"läser {source.name}")
        document = extract.read_document(source)
        found = validate.check(document, source.name)
        if found:
            problems += found
            continue
        frame = transform.regions(document, source.name)
        listed = {f["properties"]["NUTS_ID"] for f in validate.features_of(document) or []}
        dropped = sorted(listed - set(frame["nuts_code"]))
        if dropped:
            warnings.append(
                f"{source.name}: {', '.join(dropped)} är mindre än filens precision och ritas inte"
            )
        frames[source.name] = frame
    problems += validate.across_files({n: list(f["nuts_code"]) for n, f in frames.items()})
    if not problems and not any(len(f) for f in frames.values()):
        problems.append(Problem(", ".join(frames), "inga områden att rita i filerna"))
    if problems:
        raise ValidationError(SOURCE, problems)
    regions = pd.concat(frames.values(), ignore_index=True)
    return regions, warnings


def batch_of(regions: pd.DataFrame, inputs: list[SourceInput], warnings: list[str]) -> Batch:
    levels = sorted(int(level) for level in set(regions["level"]))
    per_level = regions.groupby("level").size()
    summary = (
        f"{format_number(len(regions))} regiongränser (NUTS-nivå "
        + ", ".join(f"{level}: {format_number(int(n))}" for level, n in per_level.items())
        + f") från {len(inputs)} filer"
    )
    extent = shrink.extent_of(
        "SELECT nuts_code, level FROM region_geometry_fact WHERE level IN "
        f"({', '.join(str(level) for level in levels)})"
    )
    return Batch(
        save=lambda conn: load.save(conn, regions),
        summary=summary,
        warnings=tuple(warnings),
        extent=extent,
    )
