"""The bad-input harness: a warehouse loaded with good, real data, and a way to run
`rusmon etl` on a bad input against a copy of it.

TEST DATA: every good input is a real file from ../shared/data or real values from it laid
out in the source's format (tests/etl/sources/fixtures.py); the bad inputs are copies of
those, mutated in tmp_path. Nothing from ../shared/data is written into the repository.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from etl.errors import MAX_MESSAGE_CHARS
from etl.sources.kolada import extract as kolada_extract
from etl.sources.scb import extract as scb_extract
from indicators.catalogue import catalogue
from indicators.settings import load_settings
from tests.badinput.warehouse_hash import content_hash, run_log
from tests.conftest import make_settings, run_etl
from tests.etl.sources.connectors import online_settings
from tests.etl.sources.connectors import run as run_online
from tests.etl.sources.fixtures import kolada_page, rd_business, route_kolada, tab3138
from tests.replay_server import Answer, ReplayServer, replay_server

RIS_REGIONS = ["EU", "SE33", "SE11", "SE12", "DK01", "FI1B", "NL33", "DE21"]
FOU = "kolada_fou_per_inv_lan_2011-2021_via_region_dalarna.csv"
SCB_V1 = "scb_v1_BefolkningNy_POST_response_json.json"
API_ENV = {
    "scb": "RUSMON_SCB_API",
    "scb_v1": "RUSMON_SCB_V1_API",
    "kolada": "RUSMON_KOLADA_API",
    "tva": "RUSMON_TVA_API",
    "eurostat": "RUSMON_EUROSTAT_API",
}


@dataclass(frozen=True)
class Good:
    """The good warehouse (never written to by the cases: each works on a copy)."""

    path: Path
    hash: str
    log: list[tuple]
    ris_workbook: Path  # the good RIS workbook it was loaded from (a real subset)
    ris_rows: pd.DataFrame  # its rows, for cases to mutate


def ris_subset(ris_2023_path: Path) -> pd.DataFrame:
    """Real RIS 2023 rows for a few regions (EU, leaders and Swedish regions)."""
    frame = pd.read_excel(ris_2023_path, engine="calamine")
    return frame[frame["Region"].isin(RIS_REGIONS)].reset_index(drop=True)


# ---------------------------------------------------------------- API answers (good ones)


def scb_v1(shared_data: Path) -> dict:
    """SCB's recorded legacy answer (population 2010–2012), verbatim."""
    return json.loads((shared_data / "sweden" / SCB_V1).read_text(encoding="utf-8"))


def route_scb(server: ReplayServer, root: str, shared_data: Path, v2=None, v1=None) -> None:
    """Every SCB request of the catalogue answered (v2 TAB3138, v1 population)."""
    config = (shared_data / "sweden" / "scb_v2_config.json").read_bytes()
    server.route("GET", urlsplit(f"{root}/api/v2/config").path, Answer(config))
    v2 = json.dumps(tab3138(shared_data)).encode() if v2 is None else v2
    v1 = json.dumps(scb_v1(shared_data)).encode() if v1 is None else v1
    server.route("POST", "/api/v2/tables/TAB3138/data", Answer(v2))
    server.route("POST", "/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy", Answer(v1))


def scb_requests(roots: dict[str, str]):
    """indicator id -> its planned SCB requests, for snapshots of exactly those requests."""
    cat = catalogue()
    return {
        i.id: scb_extract.plan_requests(i, roots, cat.regions, scb_extract.Limits())
        for i in cat.indicators.values()
        if i.source.type == "scb"
    }


def build_good(root: Path, shared_data: Path, ris_2023_path: Path) -> Good:
    """Load every source from good, real inputs into a new warehouse under `root`."""
    rows = ris_subset(ris_2023_path)
    workbook = root / "RIS_2023_subset.xlsx"
    rows.to_excel(workbook, sheet_name="RIS", index=False)
    settings = make_settings(root, sources_dir=shared_data)
    for source, files in (("ris", (str(workbook),)), ("tva", ()), ("eurostat", ()), ("manual", ())):
        result, output = run_etl(settings, source, files=files)
        assert result.status == "ok", output
    with replay_server() as server:
        online = online_settings(root, server.url)
        route_scb(server, server.url, shared_data)
        route_kolada(
            server, online.api_roots["kolada"], {"N85085": [kolada_page(rd_business(shared_data))]}
        )
        for source in ("scb", "kolada"):
            result, output = run_online(online, source)
            assert result.status == "ok", output
    path = Path(settings.duckdb_path)
    return Good(path, content_hash(path), run_log(path), workbook, rows)


# ---------------------------------------------------------------- running one bad case


@dataclass
class CaseRun:
    """Where a case writes its input, and the replay server answering its API requests."""

    tmp: Path
    shared: Path
    good: Good
    server: ReplayServer | None
    sources_dir: Path = field(init=False)
    raw_dir: Path = field(init=False)
    online: bool = False

    def __post_init__(self) -> None:
        self.sources_dir = self.tmp / "sources"
        self.raw_dir = self.tmp / "raw"
        self.sources_dir.mkdir()
        self.raw_dir.mkdir()

    @property
    def roots(self) -> dict[str, str]:
        """The API roots the run uses (the replay server online, the official ones offline)."""
        return dict(load_settings().api_roots)


Expected = str | Callable[[CaseRun], str]


@dataclass(frozen=True)
class Case:
    """One bad input: `build` writes it (and routes answers) and returns extra CLI args;
    the output must contain every text in `expect` (file, place, problem); a callable
    gives a text that depends on the data (a line number)."""

    id: str
    source: str
    build: Callable[[CaseRun], list[str]]
    expect: tuple[Expected, ...]
    online: bool = False

    def __str__(self) -> str:
        return self.id


def run_case(case: Case, tmp_path: Path, shared_data: Path, good: Good, monkeypatch, capsys):
    """Run `rusmon etl <source> …` in-process on a copy of the good warehouse and check the
    acceptance: non-zero exit, file/place/problem named, no traceback, content unchanged."""
    from cli.main import main

    warehouse = tmp_path / "warehouse" / "rusmon.duckdb"
    warehouse.parent.mkdir()
    shutil.copy2(good.path, warehouse)
    if case.online:  # Kolada's polite 5 calls per second would make each case take seconds
        monkeypatch.setattr(kolada_extract, "CALLS", 1000)
    with replay_server() if case.online else nullcontext() as server:
        ctx = CaseRun(tmp_path, shared_data, good, server, online=case.online)
        monkeypatch.setenv("RUSMON_DATABASE_URL", f"duckdb:///{warehouse}")
        monkeypatch.setenv("RUSMON_SOURCES_DIR", str(ctx.sources_dir))
        monkeypatch.setenv("RUSMON_RAW_DIR", str(ctx.raw_dir))
        if case.online:
            monkeypatch.delenv("RUSMON_OFFLINE", raising=False)
            assert server is not None
            monkeypatch.setenv("RUSMON_SCB_API", f"{server.url}/api/v2")
            monkeypatch.setenv("RUSMON_SCB_V1_API", f"{server.url}/OV0104/v1/doris/sv/ssd")
            monkeypatch.setenv("RUSMON_KOLADA_API", f"{server.url}/v3")
            monkeypatch.setenv("RUSMON_TVA_API", f"{server.url}/PxWeb/api/v1/sv")
            monkeypatch.setenv(
                "RUSMON_EUROSTAT_API", f"{server.url}/eurostat/api/dissemination/statistics/1.0"
            )
        else:
            monkeypatch.setenv("RUSMON_OFFLINE", "1")
            for variable in API_ENV.values():
                monkeypatch.delenv(variable, raising=False)
        args = case.build(ctx)
        expected = [e if isinstance(e, str) else e(ctx) for e in case.expect]
        capsys.readouterr()
        code = main(["etl", case.source, *args])
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert code != 0, output
    assert "Traceback" not in output and "oväntat fel" not in output, output
    missing = [piece for piece in expected if piece not in output]
    assert not missing, f"{missing} not in:\n{output}"
    assert content_hash(warehouse) == good.hash, output
    new_runs = Counter(run_log(warehouse)) - Counter(good.log)
    failed = [r for r in new_runs.elements() if r[0] == case.source]
    assert failed and all(r[1] == "failed" and r[2] == 0 for r in failed), new_runs
    assert all(len(r[3]) <= MAX_MESSAGE_CHARS for r in new_runs.elements())
    return output
