"""rusmon etl manual: hand-kept tidy files, each checked as a whole before anything is saved."""

from __future__ import annotations

import pandas as pd

from etl.errors import ValidationError
from etl.observations import validate
from etl.observations.frame import tidy
from etl.observations.load import save_observations
from etl.pipeline import UNCHANGED, Batch, EtlContext, RunResult
from etl.sources.manual import extract, transform
from indicators.formatting import format_number

SOURCE = extract.SOURCE
PARSER_VERSION = "1"


def run(ctx: EtlContext) -> RunResult:
    inputs = extract.find_inputs(ctx)
    if ctx.unchanged(SOURCE, PARSER_VERSION, inputs):
        return ctx.log_only(SOURCE, UNCHANGED, f"{len(inputs)} filer oförändrade, inget att göra")
    frames, problems = [], []
    for source in inputs:
        ctx.say(SOURCE, f"läser {source.name}")
        try:
            raw = extract.read_or_error(source)
        except extract.TidyFileError as error:
            problems.append(error.problem)
            continue
        frame, file_problems = transform.to_tidy(raw, ctx.catalogue, source.name)
        file_problems += validate.check(frame, ctx.catalogue, source.name, region_column="region")
        problems += file_problems
        frames.append(frame)
    if problems:
        raise ValidationError(SOURCE, problems)
    rows = tidy(pd.concat(frames, ignore_index=True))
    across = validate.duplicates(rows, "flera filer")
    if across:
        raise ValidationError(SOURCE, across)

    def save(conn) -> int:
        return save_observations(conn, rows, source=SOURCE, scope="origin")

    per_indicator = rows.groupby("indicator_id").size()
    summary = f"{format_number(len(rows))} värden från {len(inputs)} filer: " + ", ".join(
        f"{i} ({format_number(n)})" for i, n in per_indicator.items()
    )
    return ctx.save(SOURCE, PARSER_VERSION, inputs, Batch(save=save, summary=summary))
