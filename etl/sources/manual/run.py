"""rusmon etl manual: hand-kept tidy files, each checked as a whole before anything is saved."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from etl import shrink
from etl.errors import Problem, ValidationError
from etl.observations import validate
from etl.observations.frame import tidy
from etl.observations.load import save_observations
from etl.pipeline import UNCHANGED, Batch, EtlContext, RunResult
from etl.sources.manual import extract, transform
from etl.warehouse.schema import observation_fact, source_input
from indicators.formatting import format_number

KEY = ["indicator_id", "region_code", "period", "sex"]

SOURCE = extract.SOURCE
PARSER_VERSION = "1"


def _stored(ctx: EtlContext) -> pd.DataFrame:
    """The hand-kept rows the warehouse holds now: origin and key."""
    with ctx.warehouse.reading() as conn:
        if conn is None or not sa.inspect(conn).has_table(observation_fact.name):
            return pd.DataFrame(columns=["origin", *KEY])
        return pd.read_sql_query(
            sa.select(observation_fact.c.origin, *[observation_fact.c[k] for k in KEY]).where(
                observation_fact.c.source == SOURCE
            ),
            conn,
        )


def _conflicts(rows: pd.DataFrame, stored: pd.DataFrame, names: set[str]) -> list[Problem]:
    """Keys this load would take over from a file it does not replace."""
    others = stored[~stored["origin"].isin(names)]
    clash = rows.merge(others.rename(columns={"origin": "owner"}), on=KEY)
    return [
        Problem(
            file=row.origin,
            lines=(int(row.line),) if "line" in clash and pd.notna(row.line) else (),
            message=f"{row.indicator_id} {row.region_code} {row.period} {row.sex} finns redan "
            f"från filen {row.owner}; rätta värdet där, eller ta bort det ur den filen",
        )
        for row in clash.itertuples()
    ]


def run(ctx: EtlContext) -> RunResult:
    inputs = extract.find_inputs(ctx)
    names = {i.name for i in inputs}
    stored = _stored(ctx)
    # A folder run makes the warehouse hold exactly what the folder holds.
    removed = [] if ctx.files else sorted(set(stored["origin"]) - names)
    if not removed and ctx.unchanged(SOURCE, PARSER_VERSION, inputs):
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
    across += _conflicts(rows, stored[~stored["origin"].isin(removed)], names)
    if across:
        raise ValidationError(SOURCE, across)

    def save(conn) -> int:
        if removed:
            conn.execute(
                sa.delete(observation_fact).where(
                    observation_fact.c.source == SOURCE, observation_fact.c.origin.in_(removed)
                )
            )
            conn.execute(
                sa.delete(source_input).where(
                    source_input.c.source == SOURCE, source_input.c.input_name.in_(removed)
                )
            )
        return save_observations(conn, rows, source=SOURCE, scope="origin")

    per_indicator = rows.groupby("indicator_id").size()
    summary = f"{format_number(len(rows))} värden från {len(inputs)} filer: " + ", ".join(
        f"{i} ({format_number(n)})" for i, n in per_indicator.items()
    )
    if removed:
        gone = stored[stored["origin"].isin(removed)].groupby("origin").size()
        summary += "; värden från filer som inte finns i mapparna togs bort: " + ", ".join(
            f"{origin} ({format_number(n)})" for origin, n in gone.items()
        )
        ctx.say(
            SOURCE,
            f"filer som inte finns i mapparna (borttagna, eller laddade med --file): "
            f"{', '.join(removed)}; en mappkörning håller exakt mapparnas filer",
        )
    listed = sorted(names)
    # The shrink guard looks at the files that remain: a removed file goes on purpose.
    extent = shrink.extent_of(
        "SELECT region_code, indicator_id FROM observation_fact WHERE source = :s AND origin IN "
        f"({', '.join(f':o{n}' for n in range(len(listed)))})",
        {"s": SOURCE, **{f"o{n}": name for n, name in enumerate(listed)}},
    )
    return ctx.save(
        SOURCE, PARSER_VERSION, inputs, Batch(save=save, summary=summary, extent=extent)
    )
