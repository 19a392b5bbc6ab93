"""The `rusmon` command: etl, serve, status, goals, export, catalogue. The one front door, above
the ETL and the dashboard (neither imports the other)."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from dataclasses import replace

from cli import catalogue as catalogue_command
from cli import export
from cli.swedish import use_swedish
from etl.errors import EtlError
from etl.pipeline import EtlContext, RunResult, run_source
from etl.sources import DERIVED, SOURCES
from etl.status import state_text
from etl.warehouse.store import Warehouse
from indicators.catalogue import CatalogueError, catalogue
from indicators.formatting import format_number
from indicators.settings import SettingsError, load_settings


def _etl(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.offline:
        settings = replace(settings, offline=True)
    names = args.sources or list(SOURCES)
    unknown = [n for n in names if n not in SOURCES]
    if unknown:
        print(f"okänd källa: {', '.join(unknown)} (kända: {', '.join(SOURCES)})", file=sys.stderr)
        return 2
    if args.file and len(names) != 1:
        print(
            "--file kräver att exakt en källa anges, t.ex. rusmon etl ris --file FIL",
            file=sys.stderr,
        )
        return 2
    ctx = EtlContext(
        settings=settings,
        catalogue=catalogue(),
        warehouse=Warehouse(settings.database_url),
        files=tuple(args.file or ()),
        force=args.force,
        allow_shrink=args.allow_shrink,
    )
    where = settings.duckdb_path or settings.database_url.split("@")[-1]
    mode = "offline" if settings.offline else "online"
    print(f"rusmon etl: {', '.join(names)} → {where} ({mode})", flush=True)
    with ctx.warehouse.run_lock():  # a second rusmon etl waits: runs never interleave
        results = [run_source(ctx, name, SOURCES[name]) for name in names]
        if not set(DERIVED) & set(names):  # reruns only when the catalogue changed since
            results += [run_source(ctx, name, SOURCES[name]) for name in DERIVED]
    print_summary(results)
    return 1 if any(r.failed for r in results) else 0


def print_summary(results: list[RunResult]) -> None:
    print("\nSammanfattning")
    width = max(len(r.source) for r in results)
    for r in results:
        first_line = r.message.splitlines()[0] if r.message else ""
        state = state_text(r.status)
        print(f"  {r.source:<{width}}  {state:<13}  {format_number(r.rows):>9} rader  {first_line}")
    failed = [r for r in results if r.failed]
    if failed:
        print(f"\n{len(failed)} källa/källor misslyckades; lagret är som före de körningarna.")


def _serve(args: argparse.Namespace) -> int:
    from dashboard.app import serve  # the dashboard only loads when it is asked for

    serve(host=args.host, port=args.port, debug=args.debug)
    return 0


def _status(args: argparse.Namespace) -> int:
    from etl.status import print_status

    return print_status(load_settings(), catalogue(), out=sys.stdout)


def _goals(args: argparse.Namespace) -> int:
    from etl.goals.report import GoalsError, goal_report, print_report

    try:
        statuses, summaries = goal_report(
            load_settings(), catalogue(), args.strategy, args.period, args.region
        )
    except GoalsError as error:
        print(f"rusmon goals: {error}", file=sys.stderr)
        return 2
    print_report(statuses, summaries, args.format, sys.stdout)
    return 0


def build_parser() -> argparse.ArgumentParser:
    use_swedish()
    parser = argparse.ArgumentParser(
        prog="rusmon",
        description="rusmon – indikatoruppföljning för regionala utvecklingsstrategier",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    etl = commands.add_parser("etl", help="ladda källor till lagret")
    etl.add_argument(
        "sources",
        nargs="*",
        metavar="KÄLLA",
        help=f"en eller flera av: {', '.join(SOURCES)} (ingen = alla)",
    )
    etl.add_argument(
        "--file",
        action="append",
        metavar="SÖKVÄG",
        help="ladda just denna fil (kan upprepas; kräver en källa)",
    )
    etl.add_argument(
        "--offline", action="store_true", help="rör aldrig nätet (samma som RUSMON_OFFLINE=1)"
    )
    etl.add_argument("--force", action="store_true", help="ladda om även om indata är oförändrade")
    etl.add_argument(
        "--allow-shrink",
        action="store_true",
        help="godta en laddning som tar bort regioner, serier eller mer än 1 %% av värdena",
    )
    etl.set_defaults(handler=_etl)

    serve = commands.add_parser("serve", help="starta dashboarden")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--debug", action="store_true", help="Dashs felsökningsläge")
    serve.set_defaults(handler=_serve)

    status = commands.add_parser(
        "status", help="källor, indikatorer, färskhet och senaste körningar"
    )
    status.set_defaults(handler=_status)

    goals = commands.add_parser(
        "goals", help="måluppföljning: status per delmål, indikator, region och mandatperiod"
    )
    goals.add_argument("--strategy", required=True, metavar="ID", help="strategins id")
    goals.add_argument("--period", metavar="2023-2026", help="mandatperiod (ingen = alla)")
    goals.add_argument("--region", metavar="KOD", help="NUTS-kod (ingen = strategins regioner)")
    goals.add_argument("--format", choices=("table", "csv", "json"), default="table")
    goals.set_defaults(handler=_goals)

    export.add_parser(commands)
    catalogue_command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return export.run(args) if args.command == "export" else args.handler(args)
    except CatalogueError as error:  # the catalogue (a region's own YAML) is broken: file, line
        print(
            f"rusmon {args.command}: katalogen har {len(error.problems)} problem "
            "(rusmon catalogue check visar dem också):",
            file=sys.stderr,
        )
        catalogue_command.print_problems(error.problems, sys.stderr)
        return 1  # a broken input, like a broken source file; the warehouse is untouched
    except EtlError as error:  # e.g. a warehouse another process writes to: a message, exit 1
        print(f"rusmon {args.command}: {error.message}", file=sys.stderr)
        return 1
    except SettingsError as error:  # e.g. RUSMON_DB_POOL_SIZE=fem: name it, no traceback
        print(f"rusmon {args.command}: {error}", file=sys.stderr)
        return 2


def console_main() -> int:
    """The `rusmon` command. Only a real process resets SIGPIPE (in-process callers such as
    tests keep Python's handling), so `rusmon goals | head` ends quietly, as other tools do.
    `rusmon serve` ignores it again (dashboard.server_config.ignore_sigpipe): a server's
    workers must outlive clients that hang up."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    return main()


if __name__ == "__main__":
    sys.exit(console_main())
