"""`rusmon catalogue check`: a region's own catalogue folder, merged over the built-in one,
with every problem named by file, line and what is wrong; and the same broken files make
`rusmon etl` exit 1 and leave the warehouse as it was.

TEST DATA: the own catalogue is written here (a project indicator fed by a hand-kept file and
a strategy using it, the worked example of README.md); each case breaks one thing in it. The
good warehouse is the real follow-up files of ../shared/data loaded with `rusmon etl manual`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa

from cli.main import main
from etl.warehouse.store import Warehouse
from indicators.catalogue import CATALOGUE_DIR
from indicators.settings import Settings
from tests.conftest import copy_warehouse, make_settings, run_etl
from tests.etl.test_own_catalogue import INDICATOR as OWN_INDICATOR

INDICATOR = "indicators/cykelpendling.yaml"
STRATEGY = "strategies/egen_strategi.yaml"

GOOD_INDICATOR = OWN_INDICATOR  # README's worked example

GOOD_STRATEGY = """\
id: egen_strategi
name_sv: Regionens egen strategi
name_en: The region's own strategy
owner_sv: Region Västmanland
version: "2025"
horizon: 2030
regions: [SE125]
goals:
- id: "1"
  name_sv: Fler cyklar till arbetet
  name_en: More people cycle to work
  indicators:
  - indicator: cykelpendling
    target: {type: direction, text_sv: Andelen som cyklar ska öka}
  - indicator: new_firms_per_1000
    target: {type: better_than_peers, peers: [SE124, SE212], text_sv: Fler nya företag}
"""

GOOD_FILES = {INDICATOR: GOOD_INDICATOR, STRATEGY: GOOD_STRATEGY}
TIDY_HEADER = "indicator_id,region,period,sex,value,unit,source,note\n"


def changed(path: str, old: str, new: str) -> Callable[[dict[str, str]], None]:
    def edit(files: dict[str, str]) -> None:
        assert old in files[path], old
        files[path] = files[path].replace(old, new, 1)

    return edit


def added(path: str, text: str) -> Callable[[dict[str, str]], None]:
    def edit(files: dict[str, str]) -> None:
        files[path] = text

    return edit


@dataclass(frozen=True)
class Case:
    id: str
    edits: tuple[Callable[[dict[str, str]], None], ...]
    expected: tuple[tuple[str, int | None, str], ...]  # (file, line, problem) each
    second_folder: dict[str, str] = field(default_factory=dict)  # a second own folder
    tidy: str | None = None  # a hand-kept file in $RUSMON_SOURCES_DIR/followup/
    catalogue_problem: bool = True  # False: the ETL refuses the data file instead

    def __str__(self) -> str:
        return self.id


BUILT_IN = str(CATALOGUE_DIR)
OWN = "{own}"  # the own folder's path in an expected file
SECOND = "{second}"

CASES = [
    Case("unknown-key-with-suggestion", (changed(INDICATOR, "decimals: 1", "decimal: 1"),),
         ((f"{OWN}/{INDICATOR}", 8,
           "cykelpendling: okänd nyckel 'decimal' (menade du 'decimals'?)"),)),
    Case("wrong-type", (changed(INDICATOR, "decimals: 1", "decimals: en"),),
         ((f"{OWN}/{INDICATOR}", 8, "cykelpendling: decimals ska vara ett heltal, inte 'en'"),)),
    Case("missing-field", (changed(INDICATOR, "unit: procent\n", ""),),
         ((f"{OWN}/{INDICATOR}", 1, "cykelpendling: fältet 'unit' saknas"),)),
    Case("unknown-source-type", (changed(INDICATOR, "type: manual", "type: excel"),),
         ((f"{OWN}/{INDICATOR}", 14, "cykelpendling, source: type är 'excel', tillåtet: scb, "
           "kolada, tva, eurostat, manual"),)),
    Case("source-reference-missing", (changed(INDICATOR, "type: manual", "type: kolada"),),
         ((f"{OWN}/{INDICATOR}", 14, "cykelpendling, source: fältet 'kpi' saknas"),)),
    Case("not-an-allowed-value", (changed(INDICATOR, "direction: higher", "direction: upp"),),
         ((f"{OWN}/{INDICATOR}", 10,
           "cykelpendling: direction är 'upp', tillåtet: higher, lower"),)),
    Case("every-problem-of-a-file",
         (changed(INDICATOR, "decimals: 1", "decimal: 1"),
          changed(INDICATOR, "sex_split: false", "sex_split: nej")),
         ((f"{OWN}/{INDICATOR}", 8, "cykelpendling: okänd nyckel 'decimal' (menade du 'decimals'?)"),
          (f"{OWN}/{INDICATOR}", 12, "cykelpendling: sex_split ska vara true eller false, inte 'nej'"))),
    Case("dangling-indicator", (changed(STRATEGY, "indicator: cykelpendling", "indicator: cykelpendlng"),),
         ((f"{OWN}/{STRATEGY}", 13, "egen_strategi, mål 1, indikator 1: okänd indikator "
           "cykelpendlng (menade du 'cykelpendling'?)"),)),
    Case("unknown-region", (changed(STRATEGY, "regions: [SE125]", "regions: [SE999]"),),
         ((f"{OWN}/{STRATEGY}", 7, "egen_strategi: okänd region 'SE999'"),)),
    Case("unknown-peer", (changed(STRATEGY, "peers: [SE124, SE212]", "peers: [SE124, SE998]"),),
         ((f"{OWN}/{STRATEGY}", 16,
           "egen_strategi, mål 1, indikator 2, target: okänd region 'SE998'"),)),
    Case("unknown-target-type", (changed(STRATEGY, "type: direction", "type: increase"),),
         ((f"{OWN}/{STRATEGY}", 14, "egen_strategi, mål 1, indikator 1, target: måltypen "
           "'increase' finns inte"),)),
    Case("threshold-without-value", (changed(STRATEGY, "type: direction", "type: threshold"),),
         ((f"{OWN}/{STRATEGY}", 14,
           "egen_strategi, mål 1, indikator 1, target: måltypen threshold kräver value"),)),
    Case("id-defined-in-the-built-in-catalogue",
         (added("indicators/population.yaml",
                (CATALOGUE_DIR / "indicators" / "population.yaml").read_text(encoding="utf-8")),),
         ((f"{OWN}/indicators/population.yaml", 1,
           f"indikatorn population finns redan i {BUILT_IN}/indicators/population.yaml:1"),)),
    Case("id-defined-in-two-own-folders", (),
         ((f"{SECOND}/{STRATEGY}", 1,
           f"strategin egen_strategi finns redan i {OWN}/{STRATEGY}:1"),),
         second_folder={STRATEGY: GOOD_STRATEGY}),
    Case("region-code-twice", (added("regions/egna.yaml",
                                     "regions:\n- {code: SE125, name_sv: X, name_en: X, level: 3}\n"),),
         ((f"{OWN}/regions/egna.yaml", 2, "regionkoden SE125 finns redan i "
           f"{BUILT_IN}/regions/sweden.yaml:"),)),
    Case("region-unknown-parent",
         (added("regions/egna.yaml", "regions:\n- {code: SE12X, name_sv: Mälardalen, "
                "name_en: Mälardalen, level: 3, parent_code: SE99}\n"),),
         ((f"{OWN}/regions/egna.yaml", 2,
           "region SE12X: föräldern SE99 finns inte i registret"),)),
    Case("yaml-syntax", (changed(STRATEGY, "regions: [SE125]", "regions: [SE125"),),
         ((f"{OWN}/{STRATEGY}", 8, "ogiltig YAML"),)),
    Case("file-in-the-wrong-folder",
         (added("indicator/cykelpendling2.yaml", GOOD_INDICATOR.replace("cykelpendling", "x")),),
         ((f"{OWN}/indicator/cykelpendling2.yaml", None, "filen läses inte: katalogens filer "
           "ligger i indicators/"),)),
    Case("declared-file-missing",
         (changed(INDICATOR, "label: Regionens", "file: data/cykel.csv\n  label: Regionens"),),
         ((f"{OWN}/{INDICATOR}", 15,
           f"cykelpendling, source: filen {OWN}/data/cykel.csv finns inte"),),
         catalogue_problem=False),
    Case("unit-differs-from-a-hand-kept-file", (),
         (("{sources}/followup/cykel.csv", 3,
           "cykelpendling: enheten 'kronor' stämmer inte med katalogens 'procent'"),),
         tidy=TIDY_HEADER
         + "cykelpendling,SE125,2022,T,12.1,procent,Resvaneundersökningen,\n"
         + "cykelpendling,SE125,2023,T,12.9,kronor,Resvaneundersökningen,\n",
         catalogue_problem=False),
]  # fmt: skip


@dataclass
class Setup:
    own: Path
    second: Path | None
    sources: Path

    def expected(self, case: Case) -> list[str]:
        out = []
        folders = {"own": self.own, "second": self.second, "sources": self.sources}
        for file, line, problem in case.expected:
            path, text = file.format(**folders), problem.format(**folders)
            out.append(f"{path}:{line}: {text}" if line else f"{path}: {text}")
        return out

    @property
    def env(self) -> str:
        folders = [self.own] + ([self.second] if self.second else [])
        import os

        return os.pathsep.join(map(str, folders))


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def set_up(case: Case, tmp_path: Path, shared_data: Path) -> Setup:
    files = dict(GOOD_FILES)
    for edit in case.edits:
        edit(files)
    own = tmp_path / "egen_katalog"
    write(own, files)
    second = None
    if case.second_folder:
        second = tmp_path / "andra_katalogen"
        write(second, case.second_folder)
    sources = shared_data
    if case.tidy is not None:
        sources = tmp_path / "sources"
        write(sources, {"followup/cykel.csv": case.tidy})
    return Setup(own, second, sources)


def check(*args: str, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["catalogue", "check", *args])
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def test_there_are_at_least_twelve_broken_catalogue_files():
    assert len(CASES) >= 12
    assert len({c.id for c in CASES}) == len(CASES)


def test_the_good_own_catalogue_passes(tmp_path, monkeypatch, capsys, shared_data):
    own = tmp_path / "egen_katalog"
    write(own, GOOD_FILES)
    monkeypatch.setenv("RUSMON_SOURCES_DIR", str(shared_data))
    code, output = check(str(own), capsys=capsys)
    assert code == 0, output
    assert output.strip().splitlines()[-1].endswith(", 0 problem")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_catalogue_check_names_file_line_and_problem(
    case: Case, tmp_path, monkeypatch, capsys, shared_data
):
    setup = set_up(case, tmp_path, shared_data)
    monkeypatch.setenv("RUSMON_SOURCES_DIR", str(setup.sources))
    dirs = [str(setup.own)] + ([str(setup.second)] if setup.second else [])
    code, output = check(*dirs, capsys=capsys)
    assert code == 1, output
    lines = output.strip().splitlines()
    for expected in setup.expected(case):
        assert any(line.startswith(expected) for line in lines), f"{expected}\nnot in\n{output}"
    summary = lines[-1]
    assert "filer kontrollerade" in summary
    assert summary.endswith(f", {len(lines) - 1} problem"), output
    assert len(lines) - 1 == len(case.expected), output  # each problem once, nothing else


@pytest.mark.parametrize("case", CASES[:3], ids=str)
def test_without_a_folder_check_reads_rusmon_catalogue_dir(
    case: Case, tmp_path, monkeypatch, capsys, shared_data
):
    setup = set_up(case, tmp_path, shared_data)
    monkeypatch.setenv("RUSMON_SOURCES_DIR", str(setup.sources))
    monkeypatch.setenv("RUSMON_CATALOGUE_DIR", setup.env)
    code, output = check(capsys=capsys)
    assert code == 1 and setup.expected(case)[0] in output, output


@pytest.fixture(scope="module")
def good_warehouse(tmp_path_factory, shared_data, backend) -> Settings:
    """The real hand-kept files loaded (with the goals judged) into a new warehouse."""
    folder = tmp_path_factory.mktemp("catalogue_check")
    settings = make_settings(folder, sources_dir=shared_data, backend=backend)
    result, output = run_etl(settings, "manual")
    assert result.status == "ok", output
    return settings


def content_hash(url: str) -> str:
    """sha256 over every table but the run log (a failed run is recorded there, as it should
    be): its name, columns and rows in order, on either backend."""
    digest = hashlib.sha256()
    with Warehouse(url).reading() as conn:
        assert conn is not None
        tables = conn.execute(
            sa.text(
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                "AND table_schema = current_schema() ORDER BY table_name"
            )
        ).scalars()
        for name in tables:
            if name == "etl_run_log":
                continue
            result = conn.execute(sa.text(f'SELECT * FROM "{name}"'))
            columns = list(result.keys())
            digest.update(repr((name, columns)).encode())
            for row in sorted(result.all(), key=repr):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_same_files_make_rusmon_etl_exit_1_and_leave_the_warehouse_unchanged(
    case: Case, tmp_path, monkeypatch, capsys, shared_data, good_warehouse
):
    setup = set_up(case, tmp_path, shared_data)
    warehouse = copy_warehouse(good_warehouse, tmp_path).database_url
    monkeypatch.setenv("RUSMON_DATABASE_URL", warehouse)
    monkeypatch.setenv("RUSMON_SOURCES_DIR", str(setup.sources))
    monkeypatch.setenv("RUSMON_RAW_DIR", str(tmp_path / "raw"))
    monkeypatch.setenv("RUSMON_OFFLINE", "1")
    monkeypatch.setenv("RUSMON_CATALOGUE_DIR", setup.env)
    if not case.catalogue_problem:  # a valid catalogue: its new strategy is judged first
        assert main(["etl", "goals"]) == 0, capsys.readouterr()
    before = content_hash(warehouse)
    capsys.readouterr()
    code = main(["etl", "manual"])
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert code == 1, output
    assert "Traceback" not in output
    if case.catalogue_problem:
        for expected in setup.expected(case):
            assert expected in output, output
    assert content_hash(warehouse) == before
