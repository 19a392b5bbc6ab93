"""`rusmon status`: what is in the warehouse, how fresh it is, and what failed last."""

from __future__ import annotations

from typing import TextIO

import pandas as pd
from sqlalchemy.engine import Connection

from etl.sources import SOURCES
from etl.warehouse.store import Warehouse
from indicators.catalogue import Catalogue
from indicators.formatting import format_date, format_number
from indicators.settings import Settings


def last_runs(conn: Connection) -> pd.DataFrame:
    return pd.read_sql_query(
        "SELECT source, status, rows, message, started_at, finished_at FROM etl_run "
        "ORDER BY finished_at, started_at",
        conn,
    )


def ris_editions(conn: Connection) -> pd.DataFrame:
    return pd.read_sql_query(
        "SELECT e.edition, e.base_year, e.first_year, e.last_year, e.source_file, e.loaded_at, "
        "(SELECT COUNT(*) FROM ris_score s WHERE s.edition = e.edition) AS n_values "
        "FROM ris_edition e ORDER BY e.edition",
        conn,
    )


def indicator_freshness(conn: Connection) -> pd.DataFrame:
    fresh = pd.read_sql_query("SELECT * FROM indicator_freshness", conn).set_index("indicator_id")
    loaders = pd.read_sql_query(
        "SELECT DISTINCT indicator_id, source FROM observation_fact ORDER BY source", conn
    )
    via = loaders.groupby("indicator_id")["source"].agg(", ".join)
    return fresh.assign(loaded_by=via.reindex(fresh.index))


def _indicator_line(indicator, fresh: pd.Series | None, failure: str | None) -> str:
    rows = 0 if fresh is None else int(fresh["rows"])
    if fresh is None or rows == 0:
        waiting = "väntar på fil" if indicator.source.type == "manual" else "inga värden laddade"
        state = waiting
    else:
        updated = fresh["source_updated"]
        state = (
            f"{format_number(rows):>7} värden, {int(fresh['regions'])} regioner, "
            f"{fresh['first_period']}–{fresh['last_period']}, "
            f"källan uppdaterad {format_date(updated) if pd.notna(updated) else 'okänt'}, "
            f"laddad {format_date(fresh['loaded_at'])}"
        )
    loaded_by = None if fresh is None else fresh["loaded_by"]
    if isinstance(loaded_by, str) and loaded_by != indicator.source.type:
        state += f" (från {loaded_by})"
    line = f"  {indicator.id:<36} {indicator.source.type:<9} {state}"
    return line + (f"\n{'':<48}FEL: {failure}" if failure else "")


def _failures(runs: pd.DataFrame) -> dict[str, str]:
    """The message of each source's last run, when it failed."""
    failed = {}
    for source, mine in runs.groupby("source"):
        last = mine.iloc[-1]
        if last["status"] == "failed":
            failed[source] = str(last["message"]).splitlines()[0]
    return failed


def print_status(settings: Settings, catalogue: Catalogue, out: TextIO) -> int:
    warehouse = Warehouse(settings.database_url)
    with warehouse.reading() as conn:
        if conn is None:
            print(f"Inget lager ännu ({settings.duckdb_path}). Kör: rusmon etl", file=out)
            return 1
        runs = last_runs(conn)
        editions = ris_editions(conn)
        freshness = indicator_freshness(conn)

    print("Källor (senaste körning)", file=out)
    for source in SOURCES:
        mine = runs[runs["source"] == source]
        if mine.empty:
            print(f"  {source:<9} aldrig körd", file=out)
            continue
        last = mine.iloc[-1]
        loaded = mine[mine["status"] == "ok"]
        last_load = format_date(loaded.iloc[-1]["finished_at"]) if not loaded.empty else "aldrig"
        first_line = str(last["message"]).splitlines()[0]
        print(
            f"  {source:<9} {last['status']:<9} {format_date(last['finished_at'])}  "
            f"senast laddad {last_load}  {first_line}",
            file=out,
        )
        if last["status"] == "failed":
            for line in str(last["message"]).splitlines()[1:]:
                print(f"            {line}", file=out)

    print("\nIndikatorer", file=out)
    failures = _failures(runs)
    for indicator in catalogue.indicators.values():
        fresh = freshness.loc[indicator.id] if indicator.id in freshness.index else None
        failure = failures.get(indicator.source.type)
        mentioned = failure if failure and indicator.id in failure else None
        print(_indicator_line(indicator, fresh, mentioned), file=out)

    print("\nRIS-upplagor", file=out)
    if editions.empty:
        print("  inga", file=out)
    for e in editions.itertuples():
        print(
            f"  RIS {e.edition}: {format_number(e.n_values)} värden, "
            f"år {e.first_year}–{e.last_year}, "
            f"relativt EU {e.base_year}; fil {e.source_file}, laddad {format_date(e.loaded_at)}",
            file=out,
        )
    return 0
