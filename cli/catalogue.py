"""`rusmon catalogue check [DIR ...]`: every problem of a region's own catalogue, before the ETL
or the dashboard refuses it.

The folders named (or RUSMON_CATALOGUE_DIR's when none are) are merged over the built-in
catalogue and checked together: unknown keys, wrong types, dangling references to indicators,
regions and peers, ids defined twice, unknown target types (indicators.catalogue). Then the
hand-kept tidy files ($RUSMON_SOURCES_DIR/followup/, data/manual/ and the files indicators
declare) are held against the catalogue: a file's `unit` must be its indicator's unit.
Every problem is printed as `FILE:LINE: problem (suggestion)`, then one summary line; the
exit code is 0 when there is none, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from etl.sources.manual import extract as manual
from indicators.catalogue import CATALOGUE_DIR, CatalogueProblem, check_catalogue
from indicators.catalogue_yaml import CatalogueError, line_of, read_yaml
from indicators.formatting import format_number
from indicators.models import Indicator, ManualSource
from indicators.settings import load_settings

MAX_LINES_SHOWN = 10  # line numbers listed in one unit problem


def print_problems(problems: Iterable[CatalogueProblem], out: TextIO) -> None:
    for problem in problems:
        print(problem, file=out)


def tidy_files(indicators: Iterable[Indicator], sources_dir: Path | None) -> list[Path]:
    """The hand-kept files `rusmon etl manual` reads in a folder run."""
    folders = ([sources_dir / "followup"] if sources_dir else []) + [manual.MANUAL_DIR]
    found = [
        p
        for folder in folders
        if folder.is_dir()
        for p in sorted(folder.rglob("*"))
        if p.suffix.lower() in manual.SUFFIXES and p.is_file()
    ]
    declared = [
        i.source.file for i in indicators if isinstance(i.source, ManualSource) and i.source.file
    ]
    return list(dict.fromkeys([*found, *(p for p in declared if p.is_file())]))


def _declared_line(yaml_file: Path | None) -> int | None:
    """The line of `file:` under `source:` in an indicator's YAML."""
    if yaml_file is None:
        return None
    try:
        document = read_yaml(yaml_file)
    except CatalogueError:
        return None
    source = document.get("source") if isinstance(document, dict) else None
    return line_of(source, "file") if isinstance(source, dict) else None


def declared_file_problems(
    indicators: dict[str, Indicator], files: dict[str, Path]
) -> list[CatalogueProblem]:
    """A file an indicator declares (`source: {type: manual, file: …}`) that is not there."""
    problems = []
    for indicator in indicators.values():
        source = indicator.source
        if isinstance(source, ManualSource) and source.file and not source.file.is_file():
            yaml_file = files.get(indicator.id)
            problems.append(
                CatalogueProblem(
                    f"{indicator.id}, source: filen {source.file} finns inte",
                    str(yaml_file) if yaml_file else None,
                    _declared_line(yaml_file),
                    "sökvägen räknas från katalogmappen",
                )
            )
    return problems


def unit_problems(
    path: Path, indicators: dict[str, Indicator], files: dict[str, Path]
) -> tuple[bool, list[CatalogueProblem]]:
    """(read, problems): each indicator and unit in the file that is not the catalogue's."""
    try:
        rows = manual.read_tidy_file(path)
    except (manual.TidyFileError, OSError):
        return False, []  # `rusmon etl manual` says what is wrong with the file itself
    problems = []
    stated = rows[(rows["unit"] != "") & rows["indicator_id"].isin(list(indicators))]
    for (indicator_id, unit), group in stated.groupby(["indicator_id", "unit"], sort=False):
        indicator = indicators[str(indicator_id)]
        if indicator.accepts_unit(str(unit)):
            continue
        lines = [int(n) for n in group["line"]]
        shown_lines = ", ".join(map(str, lines[:MAX_LINES_SHOWN]))
        more = " …" if len(lines) > MAX_LINES_SHOWN else ""
        yaml_file = files.get(indicator.id)
        where = f" ({yaml_file})" if yaml_file else ""
        problems.append(
            CatalogueProblem(
                f"{indicator_id}: enheten {str(unit)!r} stämmer inte med katalogens "
                f"{indicator.unit!r}{where} (rad {shown_lines}{more})",
                str(path),
                lines[0],
                "skriv katalogens enhet i filens unit-kolumn, eller lämna den tom",
            )
        )
    return True, problems


def check(dirs: Sequence[Path], out: TextIO) -> int:
    settings = load_settings()
    own = list(dirs) if dirs else list(settings.catalogue_dirs)
    result = check_catalogue(CATALOGUE_DIR, own)
    problems = list(result.problems)
    problems += declared_file_problems(result.indicators, result.indicator_files)
    checked = len(result.files)
    for path in tidy_files(result.indicators.values(), settings.sources_dir):
        read, found = unit_problems(path, result.indicators, result.indicator_files)
        checked += read
        problems += found
    print_problems(problems, out)
    folders = ", ".join(str(d) for d in own) if own else "bara den inbyggda katalogen"
    print(
        f"{format_number(checked)} filer kontrollerade ({folders}), "
        f"{format_number(len(problems))} problem",
        file=out,
    )
    return 1 if problems else 0


def _check(args: argparse.Namespace) -> int:
    return check([Path(d) for d in args.dirs], sys.stdout)


def add_parser(commands) -> None:
    command = commands.add_parser(
        "catalogue", help="kontrollera katalogen: regionens egna indikatorer och strategier"
    )
    actions = command.add_subparsers(dest="action", required=True)
    checking = actions.add_parser(
        "check",
        help="visa alla problem i katalogen (egna mappar över den inbyggda) och i handhållna "
        "filers enheter",
    )
    checking.add_argument(
        "dirs",
        nargs="*",
        metavar="MAPP",
        help="egna katalogmappar (ingen = RUSMON_CATALOGUE_DIR)",
    )
    checking.set_defaults(handler=_check)
