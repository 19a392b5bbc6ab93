"""`rusmon status`: what is in the warehouse, how fresh it is, and what failed last.

Counts are values present, the same as the ETL's summary counts them: a row the source marks
missing (SCB's "..", a RIS series of zeros) is no value and is shown beside them as missing.
"""

from __future__ import annotations

import re
from typing import TextIO

import pandas as pd
from sqlalchemy.engine import Connection, make_url

from etl.pipeline import FAILED, OK, SKIPPED, UNCHANGED
from etl.sources import SOURCES
from etl.warehouse.store import Warehouse
from indicators.catalogue import Catalogue
from indicators.formatting import format_date, format_number
from indicators.settings import Settings

# A run's state as `rusmon status` and the ETL's summary say it.
STATE_TEXT = {
    OK: "ok",
    UNCHANGED: "oförändrat",
    SKIPPED: "hoppades över",
    FAILED: "misslyckades",
}
WAITING = "väntar på fil"  # a hand-kept series nobody has delivered a file for
NOT_LOADED = "inga värden laddade"
INDENT = " " * 6


def state_text(status: str) -> str:
    """'failed' → 'misslyckades'; a state without a Swedish word is shown as it is."""
    return STATE_TEXT.get(status, status)


def counted(n: int, singular: str, plural: str) -> str:
    """'1 region', '21 regioner', '1 234 värden'."""
    return f"{format_number(n)} {singular if n == 1 else plural}"


def periods_text(first: str, last: str) -> str:
    return str(first) if first == last else f"{first}–{last}"


def with_names(message: str, catalogue: Catalogue) -> str:
    """A run's message with the indicators' names for their ids ("… (36)" per indicator)."""
    names = {i.id: i.name("sv") for i in catalogue.indicators.values()}
    if not names:
        return message
    ids = re.compile(
        r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"
    )
    return ids.sub(lambda match: names[match.group(1)], message)


def last_runs(conn: Connection) -> pd.DataFrame:
    return pd.read_sql_query(
        "SELECT source, status, rows, message, started_at, finished_at FROM etl_run "
        "ORDER BY finished_at, started_at",
        conn,
    )


def ris_editions(conn: Connection) -> pd.DataFrame:
    return pd.read_sql_query(
        "SELECT e.edition, e.base_year, e.first_year, e.last_year, e.source_file, e.loaded_at, "
        "(SELECT COUNT(s.value) FROM ris_score s WHERE s.edition = e.edition) AS n_values, "
        "(SELECT COUNT(*) - COUNT(s.value) FROM ris_score s WHERE s.edition = e.edition) "
        "AS n_missing "
        "FROM ris_edition e ORDER BY e.edition",
        conn,
    )


def indicator_freshness(conn: Connection) -> pd.DataFrame:
    """indicator_freshness (rows = values present) with the rows marked missing and the
    loaders that hold the indicator's values."""
    fresh = pd.read_sql_query("SELECT * FROM indicator_freshness", conn).set_index("indicator_id")
    loaders = pd.read_sql_query(
        "SELECT DISTINCT indicator_id, source FROM observation_fact ORDER BY source", conn
    )
    missing = pd.read_sql_query(
        "SELECT indicator_id, COUNT(*) - COUNT(value) AS missing FROM observation "
        "GROUP BY indicator_id",
        conn,
    ).set_index("indicator_id")["missing"]
    via = loaders.groupby("indicator_id")["source"].agg(", ".join)
    return fresh.assign(
        loaded_by=via.reindex(fresh.index),
        missing=missing.reindex(fresh.index).fillna(0).astype(int),
    )


def _values_text(n_values: int, n_missing: int) -> str:
    text = counted(n_values, "värde", "värden")
    return text + (f" (och {format_number(n_missing)} saknade i källan)" if n_missing else "")


def _indicator_lines(indicator, fresh: pd.Series | None, failure: str | None) -> list[str]:
    """The indicator's name, then what is loaded of it: from which source, how much, how fresh."""
    rows = 0 if fresh is None else int(fresh["rows"])
    if rows == 0:
        waiting = indicator.source.type == "manual"
        # The id is what a hand-kept file's indicator_id column needs.
        state = f"{WAITING} (indicator_id {indicator.id})" if waiting else NOT_LOADED
    else:
        assert fresh is not None
        updated = fresh["source_updated"]
        state = (
            f"{_values_text(rows, int(fresh['missing']))}, "
            f"{counted(int(fresh['regions']), 'region', 'regioner')}, "
            f"{periods_text(fresh['first_period'], fresh['last_period'])}, "
            f"källan uppdaterad {format_date(updated) if pd.notna(updated) else 'okänt'}, "
            f"laddad {format_date(fresh['loaded_at'])}"
        )
    loaded_by = None if fresh is None else fresh["loaded_by"]
    if isinstance(loaded_by, str) and loaded_by != indicator.source.type:
        state += f" (från {loaded_by})"
    lines = [f"  {indicator.name('sv')}", f"{INDENT}{indicator.source.type}: {state}"]
    return lines + ([f"{INDENT}FEL: {failure}"] if failure else [])


def _failures(runs: pd.DataFrame) -> dict[str, str]:
    """The message of each source's last run, when it failed."""
    failed = {}
    for source, mine in runs.groupby("source"):
        last = mine.iloc[-1]
        if last["status"] == FAILED:
            failed[source] = str(last["message"]).splitlines()[0]
    return failed


def print_status(settings: Settings, catalogue: Catalogue, out: TextIO) -> int:
    warehouse = Warehouse(settings.database_url)
    with warehouse.reading() as conn:
        if conn is None:
            where = settings.duckdb_path or make_url(settings.database_url).render_as_string()
            print(f"Inget lager ännu ({where}). Kör: rusmon etl", file=out)
            return 1
        runs = last_runs(conn)
        editions = ris_editions(conn)
        freshness = indicator_freshness(conn)

    width = max(len(text) for text in STATE_TEXT.values())
    print("Källor (senaste körning)", file=out)
    for source in SOURCES:
        mine = runs[runs["source"] == source]
        if mine.empty:
            print(f"  {source:<9} aldrig körd", file=out)
            continue
        last = mine.iloc[-1]
        loaded = mine[mine["status"] == OK]
        last_load = format_date(loaded.iloc[-1]["finished_at"]) if not loaded.empty else "aldrig"
        first_line = str(last["message"]).splitlines()[0]
        if last["status"] != FAILED:  # a failure keeps the ids: they are what to correct
            first_line = with_names(first_line, catalogue)
        print(
            f"  {source:<9} {state_text(last['status']):<{width}} "
            f"{format_date(last['finished_at'])}  senast laddad {last_load}  {first_line}",
            file=out,
        )
        if last["status"] == FAILED:
            for line in str(last["message"]).splitlines()[1:]:
                print(f"            {line}", file=out)

    print("\nIndikatorer", file=out)
    failures = _failures(runs)
    for indicator in catalogue.indicators.values():
        fresh = freshness.loc[indicator.id] if indicator.id in freshness.index else None
        failure = failures.get(indicator.source.type)
        mentioned = failure if failure and indicator.id in failure else None
        print("\n".join(_indicator_lines(indicator, fresh, mentioned)), file=out)

    print("\nRIS-upplagor", file=out)
    if editions.empty:
        print("  inga", file=out)
    for e in editions.itertuples():
        print(
            f"  RIS {e.edition}: {_values_text(int(e.n_values), int(e.n_missing))}, "
            f"år {e.first_year}–{e.last_year}, "
            f"relativt EU {e.base_year}; fil {e.source_file}, laddad {format_date(e.loaded_at)}",
            file=out,
        )
    return 0
