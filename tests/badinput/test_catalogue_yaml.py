"""A broken catalogue file is one CatalogueError with the file, the line and the problem,
whatever the file holds; `rusmon` then exits 1 with that message and touches nothing.

Each case edits one file of a copy of the shipped catalogue in tmp_path.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from indicators.catalogue import CATALOGUE_DIR, CatalogueError, load_catalogue
from tests.badinput.warehouse_hash import content_hash

KALMAR = "strategies/kalmar_rus.yaml"
VASTERBOTTEN = "strategies/vasterbotten_innovation_strategy.yaml"
OREBRO = "strategies/orebro_rus.yaml"
POPULATION = "indicators/population.yaml"
SWEDEN = "regions/sweden.yaml"
FRAMEWORK = "ris/eis_2021_framework.yaml"


@dataclass(frozen=True)
class YamlCase:
    id: str
    file: str  # relative to the catalogue folder
    edit: Callable[[str], str]
    line_marker: str | None  # the error's line is the first line holding this text
    problem: str

    def __str__(self) -> str:
        return self.id


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)

    return edit


def whole(text: str) -> Callable[[str], str]:
    return lambda _: text


BILLION_LAUGHS = "\n".join(
    [
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]"
            for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
    ]
)

CASES = [
    YamlCase("strategy-target-value-abc", VASTERBOTTEN, replace("value: 1.0", "value: abc"),
             "value: abc", "value ska vara ett tal, inte 'abc'"),
    YamlCase("strategy-horizon-soon", KALMAR, replace("horizon: 2030", "horizon: soon"),
             "horizon: soon", "horizon ska vara ett heltal, inte 'soon'"),
    YamlCase("strategy-goals-a-string", KALMAR, replace("goals:\n", "goals: alla\nold_goals:\n"),
             "goals: alla", "goals ska vara en lista, inte str 'alla'"),
    YamlCase("strategy-goal-a-text", KALMAR, replace('- id: "9"', '- nio\n- id: "9"'),
             "- nio", "kalmar_rus, mål 1: väntade en mappning (nyckel: värde), fann str 'nio'"),
    YamlCase("strategy-unknown-indicator", KALMAR,
             replace("matching_rate_20_64", "no_such_indicator"),
             "no_such_indicator", "mål 9, indikator 3: okänd indikator no_such_indicator"),
    YamlCase("strategy-unknown-peer", OREBRO, replace("SE212", "SE999"),
             "SE999", "okänd region 'SE999'"),
    YamlCase("strategy-unknown-target-type", KALMAR, replace("type: direction", "type: grow"),
             "type: grow", "måltypen 'grow' finns inte"),
    YamlCase("strategy-sex-x", KALMAR,
             replace("{indicator: matching_rate_20_64,", "{indicator: matching_rate_20_64, sex: X,"),
             "sex: X", "sex ska vara T, K eller M, inte 'X'"),
    YamlCase("strategy-target-year-text", VASTERBOTTEN,
             replace("value: 1.0,", "value: 1.0, year: snart,"),
             "year: snart", "year ska vara ett heltal, inte 'snart'"),
    YamlCase("strategy-target-year-9999", VASTERBOTTEN,
             replace("value: 1.0,", "value: 1.0, year: 9999,"),
             "year: 9999", "year 9999 är inget rimligt årtal"),
    YamlCase("strategy-tolerance-infinite", KALMAR,
             replace("type: direction,", "type: direction, tolerance: .inf,"),
             "tolerance: .inf", "tolerance ska vara ett ändligt tal"),
    YamlCase("strategy-target-missing", KALMAR,
             replace("{indicator: matching_rate_20_64, target:", "{indicator: matching_rate_20_64, mål:"),
             "mål:", "fältet 'target' saknas"),
    YamlCase("yaml-syntax-error", KALMAR, replace("regions: [SE213]", "regions: [SE213"),
             None, "ogiltig YAML"),
    YamlCase("yaml-alias-bomb", KALMAR, whole(BILLION_LAUGHS),
             "d: &d", "fler än 20 alias"),
    YamlCase("yaml-deep-nesting", KALMAR, whole("id: kalmar_rus\nx: " + "[" * 200 + "]" * 200),
             "x: [[[", "nästlat djupare än 30 nivåer"),
    YamlCase("yaml-duplicate-key", KALMAR, replace("horizon: 2030", "horizon: 2030\nhorizon: 2031"),
             "horizon: 2031", "nyckeln 'horizon' står två gånger"),
    YamlCase("yaml-top-level-list", KALMAR, whole("- id: kalmar_rus\n"),
             "- id: kalmar_rus", "väntade en mappning"),
    YamlCase("yaml-over-1-mb", KALMAR, lambda text: text + "#" + "x" * 1_100_000 + "\n",
             None, "filen är större än 1000 kB"),
    YamlCase("indicator-bounds-min-above-max", POPULATION,
             replace("bounds: {min: 0, max: 100000000}", "bounds: {min: 10, max: 1}"),
             "bounds:", "min (10) är större än max (1)"),
    YamlCase("indicator-bounds-text", POPULATION,
             replace("bounds: {min: 0,", "bounds: {min: noll,"),
             "bounds:", "min ska vara ett tal, inte 'noll'"),
    YamlCase("indicator-bounds-unknown-key", POPULATION,
             replace("bounds: {min: 0,", "bounds: {minimum: 0,"),
             "bounds:", "okänd nyckel 'minimum' (menade du 'min'?)"),
    YamlCase("indicator-first-year-text", POPULATION,
             replace("decimals: 0", "decimals: 0\nfirst_year: tidigt"),
             "first_year: tidigt", "first_year ska vara ett heltal, inte 'tidigt'"),
    YamlCase("indicator-unknown-source-type", POPULATION, replace("type: scb", "type: ftp"),
             "type: ftp", "type är 'ftp', tillåtet: scb, kolada"),
    YamlCase("indicator-id-not-the-file-name", POPULATION,
             replace("id: population", "id: folkmangd"),
             "id: folkmangd", "id 'folkmangd' ska vara samma som filnamnet"),
    YamlCase("indicator-sex-split-text", POPULATION, replace("sex_split: false", "sex_split: nej"),
             "sex_split: nej", "sex_split ska vara true eller false, inte 'nej'"),
    YamlCase("indicator-series-break-bad-period", POPULATION,
             replace('period: "2025"', 'period: "25"'), 'period: "25"', "'25' är ingen period"),
    YamlCase("region-level-text", SWEDEN, replace("level: 0", "level: noll"),
             "level: noll", "level ska vara ett heltal, inte 'noll'"),
    YamlCase("region-unknown-parent", SWEDEN,
             replace("parent_code: SE, country_code: SE}", "parent_code: SX, country_code: SE}"),
             "parent_code: SX", "föräldern SX finns inte i registret"),
    YamlCase("regions-a-mapping", SWEDEN, whole("regions: {SE: Sverige}\n"),
             "regions:", "regions ska vara en lista, inte en mappning"),
    YamlCase("mandate-period-bad-date", "mandate_periods.yaml",
             replace("election_date: 2018-09-09", "election_date: 2018-13-40"),
             "2018-13-40", "'2018-13-40' är inget datum"),
    YamlCase("ris-framework-bad-pattern", FRAMEWORK, replace("'^\\d\\.\\d$'", "'^(\\d'"),
             "^(\\d", "är inget reguljärt uttryck"),
    YamlCase("ris-framework-editions-text", FRAMEWORK,
             replace("editions: [2021, 2023]", "editions: [2021, tjugotre]"),
             "editions:", "editions ska vara en lista av årtal, fann 'tjugotre'"),
    YamlCase("caveats-a-list", "ris/caveats.yaml", whole("caveats: [a, b]\n"),
             "caveats:", "väntade en mappning"),
    YamlCase("file-not-utf8", KALMAR, lambda text: text.replace("Välutbildad", "V\udce4lutbildad"),
             "lutbildad", "filen är inte UTF-8"),
]  # fmt: skip


def broken_catalogue(tmp_path: Path, case: YamlCase) -> tuple[Path, Path, int | None]:
    """A copy of the catalogue with the case's edit; (folder, edited file, expected line)."""
    folder = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE_DIR, folder)
    path = folder / case.file
    text = case.edit(path.read_text(encoding="utf-8"))
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    line = None
    if case.line_marker is not None:
        line = next(n for n, t in enumerate(text.splitlines(), start=1) if case.line_marker in t)
    return folder, path, line


def test_there_is_a_case_for_every_kind_of_catalogue_file():
    files = {case.file.split("/")[0] for case in CASES}
    assert {"strategies", "indicators", "regions", "ris", "mandate_periods.yaml"} <= files


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_broken_catalogue_file_is_refused_with_its_file_and_line(case: YamlCase, tmp_path):
    folder, path, line = broken_catalogue(tmp_path, case)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    error = caught.value
    assert error.file == str(path), str(error)
    if line is not None:
        assert error.line == line, str(error)
        assert f"{path}:{line}: " in str(error)
    assert case.problem in str(error)
    assert len(str(error)) < 1000 + len(str(path))


@pytest.mark.parametrize("case", CASES, ids=str)
def test_every_command_stops_with_exit_1_and_the_place_on_a_broken_catalogue(
    case: YamlCase, tmp_path, shared_data, good, monkeypatch, capsys
):
    """The CLI's side (exit 1, like a broken source file, and logged) is cli/main.py's."""
    from cli import main as cli

    folder, path, line = broken_catalogue(tmp_path, case)
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy2(good.path, warehouse)
    monkeypatch.setenv("RUSMON_DATABASE_URL", f"duckdb:///{warehouse}")
    monkeypatch.setenv("RUSMON_OFFLINE", "1")
    monkeypatch.setattr(cli, "catalogue", lambda: load_catalogue(folder), raising=False)
    csv = shared_data / "followup" / "unemployment_rate_20_64.csv"
    code = cli.main(["etl", "manual", "--file", str(csv)])
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert code == 1, output
    place = str(path) if line is None else f"{path}:{line}"
    assert place in output and case.problem in output
    assert "Traceback" not in output
    assert content_hash(warehouse) == good.hash
