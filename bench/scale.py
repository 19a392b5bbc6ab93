"""How the cost grows with the work: the follow-up volume at 1×, 10× and 100× today's, with
SYNTHETIC values generated here, loaded through the product's own load path into a throwaway
warehouse per step and backend (never data/warehouse, never ../shared/data).

Today's volume: the built-in catalogue's follow-up indicators for the 21 län and Riket, 25
years (2000–2024), women/men/total where the indicator is split, four quarters where it is
quarterly. N× that is generated as Kolada-like KPIs for 290 synthetic kommuner × 25 years ×
sex K/M/T (21 750 values per KPI): as many KPIs as make N× today's volume (at least one).

Per backend (DuckDB file; PostgreSQL: databases created for the run and dropped at its end):
the real offline build (`rusmon etl` from ../shared/data) once as the base; per step, a copy of
the base, then the synthetic data through the hand-kept tidy-file import
(`indicator_id,region,period,sex,value,unit,source,note`, one CSV per KPI) with a generated
catalogue (the KPIs and the 290 kommuner) in a temporary RUSMON_CATALOGUE_DIR: `rusmon etl
manual` in a new process, beside the real hand-kept files. Then, per step and backend:

- load: the wall time of that `rusmon etl manual` (with the goals recomputed, as always) and
  the time its save took as the ETL reports it ("sparat i lagret på …");
- the warehouse's size (the DuckDB file; pg_database_size);
- the main views' p50 in-process with every cache dropped before each run (the dashboard's own
  data_access functions and views: bench/dashboard_views.py's, plus the explorer on a
  synthetic KPI, one indicator's SELECT on `observation`, and the two whole-table summaries of
  Datakällor);
- the main callbacks over HTTP: `rusmon serve` (gunicorn, 2 workers) on the step's warehouse;
  the first answer (cold cache) per callback, then p99 under wrk at 8 connections
  (bench/dash_callback_split.lua: errors = non-2xx + socket errors). The requests are the
  browser's own, recorded once with Playwright/Chromium (bench/dashboard_browser.py), plus
  Indikatorer on a synthetic KPI for three synthetic kommuner.

Targets at 100×: the callbacks' p99 ≤ 100 ms; the load time growing no faster than linearly
with the rows. Prints its figures; exits 1 only when the benchmark cannot run.

Usage: .venv/bin/python bench/scale.py [--steps 1,10,100] [--backends duckdb,postgresql]
           [--seconds 3] [--port 8121] [--postgres URL] [--sources ../shared/data]
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from backends import (  # noqa: E402
    DEFAULT_POSTGRES,
    NAMES,
    P99_TARGET_MS,
    Load,
    Postgres,
    drive_callbacks,
    first_answer_ms,
    port_free,
    rusmon_env,
    serving,
    timed_rusmon,
)

from indicators.formatting import format_number  # noqa: E402

YEARS = range(2000, 2025)  # 25 years
SEXES = ("K", "M", "T")
TODAY_REGIONS = 22  # the 21 län and Riket
SYNTHETIC_ID = "syntetisk_kpi_{:03d}"
SYNTHETIC_SOURCE = "SYNTETISKA DATA från bench/scale.py – ingen statistik"
# The 290 kommuner per län (SCB länskod: count), as Sweden has them; the kommuner themselves
# are synthetic (codes SEK00…SEK81, Kolada-like ids länskod + number, made-up names).
KOMMUNER_PER_LAN = {
    "01": 26, "03": 8, "04": 9, "05": 13, "06": 13, "07": 8, "08": 12, "09": 1, "10": 5,
    "12": 33, "13": 6, "14": 49, "17": 16, "18": 12, "19": 10, "20": 15, "21": 10, "22": 7,
    "23": 8, "24": 15, "25": 14,
}  # fmt: skip
PER_KPI = sum(KOMMUNER_PER_LAN.values()) * len(YEARS) * len(SEXES)
VIEW_RUNS = 3
SLOW_VIEW_MS = 5000  # a view slower than this is run once, not VIEW_RUNS times
LINEAR_SLACK = 1.10  # "no faster than linearly": the cost per value may grow 10 % (noise)
EXTRA_CALLBACKS = {
    # Indikatorer on a synthetic KPI for three synthetic kommuner (women and men)
    "indikatorer-syntetisk": (
        "/indikatorer?indicator=syntetisk_kpi_001&regions=SEK00,SEK01,SEK02&sex=KM",
        "explorer-chart.figure",
    ),
}
SAVED = re.compile(r"^manual: sparat i lagret på ([0-9.,]+) s", re.MULTILINE)


# -- today's volume and the synthetic data ---------------------------------------------------
def today_volume() -> int:
    """The built-in catalogue's follow-up indicators at full coverage (see the docstring)."""
    from indicators.catalogue import catalogue

    total = 0
    for indicator in catalogue().indicators.values():
        sexes = 3 if indicator.sex_split else 1
        quarters = 4 if indicator.frequency == "quarterly" else 1
        total += TODAY_REGIONS * len(YEARS) * sexes * quarters
    return total


def kpis_for(step: int, today: int) -> int:
    return max(1, round(step * today / PER_KPI))


def kommuner() -> list[dict]:
    """290 synthetic kommuner: NUTS-shaped codes SEK00…SEK81 (no real NUTS code begins so),
    under their län, with a Kolada-like id (länskod + number) that the tidy files use."""
    from indicators.catalogue import catalogue

    lan = catalogue().regions.by_scb_code()
    out, n = [], 0
    for scb, count in KOMMUNER_PER_LAN.items():
        for i in range(1, count + 1):
            code = "SEK" + np.base_repr(n, 36).rjust(2, "0")
            out.append(
                {
                    "code": code,
                    "name_sv": f"Syntetisk kommun {scb}{i:02d}",
                    "name_en": f"Synthetic municipality {scb}{i:02d}",
                    "level": 4,  # a kommun (LAU), below the län (NUTS 3)
                    "parent_code": lan[scb].code,
                    "country_code": "SE",
                    "kolada_code": f"{scb}{i:02d}",
                }
            )
            n += 1
    return out


INDICATOR_YAML = """\
# SYNTHETIC test indicator generated by bench/scale.py: no statistics.
id: {id}
name_sv: Syntetisk KPI {n:03d} (testdata)
name_en: Synthetic KPI {n:03d} (test data)
description_sv: SYNTETISKA värden genererade av bench/scale.py för ett skaltest; ingen statistik.
description_en: SYNTHETIC values generated by bench/scale.py for a scale test; no statistics.
unit: index
unit_en: index
decimals: 1
bounds: {{min: 0, max: 1000}}
direction: higher
frequency: annual
sex_split: true
coverage: 290 syntetiska kommuner
coverage_en: 290 synthetic municipalities
source:
  type: manual
  label: Syntetiska testdata (bench/scale.py)
  label_en: Synthetic test data (bench/scale.py)
"""


def write_catalogue(folder: Path, count: int, regions: list[dict]) -> None:
    import yaml

    (folder / "regions").mkdir(parents=True)
    (folder / "indicators").mkdir()
    (folder / "regions" / "syntetiska_kommuner.yaml").write_text(
        "# SYNTHETIC kommuner generated by bench/scale.py\n"
        + yaml.safe_dump({"regions": regions}, allow_unicode=True, sort_keys=False)
    )
    for n in range(1, count + 1):
        kpi = SYNTHETIC_ID.format(n)
        (folder / "indicators" / f"{kpi}.yaml").write_text(INDICATOR_YAML.format(id=kpi, n=n))


def write_values(folder: Path, count: int, regions: list[dict], seed: int = 2025) -> None:
    """One tidy CSV per KPI: every kommun × year × sex, SYNTHETIC values (a level per kommun, a
    trend per KPI, noise; about 1 % marked '..' = missing)."""
    rng = np.random.default_rng(seed)
    ids = [r["kolada_code"] for r in regions]
    keys = [(region, year, sex) for region in ids for year in YEARS for sex in SEXES]
    fixed = [f"{region},{year},{sex}" for region, year, sex in keys]
    years = np.array([year - YEARS[0] for _, year, _ in keys])
    sex_factor = np.array([{"K": 1.04, "M": 0.96, "T": 1.0}[sex] for _, _, sex in keys])
    level = dict(zip(ids, rng.uniform(20, 80, len(ids)), strict=True))
    region_level = np.array([level[region] for region, _, _ in keys])
    tail = f",index,{SYNTHETIC_SOURCE},syntetiskt värde"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        kpi = SYNTHETIC_ID.format(n)
        trend = rng.uniform(-0.01, 0.02)
        values = region_level * sex_factor * (1 + trend * years) + rng.normal(0, 2, len(keys))
        values = np.clip(values, 0, 1000)  # the generated indicators' bounds
        missing = rng.random(len(keys)) < 0.01
        texts = [".." if gone else f"{v:.1f}" for v, gone in zip(values, missing, strict=True)]
        lines = [f"{kpi},{key},{text}{tail}" for key, text in zip(fixed, texts, strict=True)]
        (folder / f"{kpi}.csv").write_text(
            "indicator_id,region,period,sex,value,unit,source,note\n" + "\n".join(lines) + "\n"
        )


def prepare_step(tmp: Path, step: int, count: int, pool: Path, sources: Path) -> Path:
    """The step's folders: catalogue/ (the KPIs and kommuner) and sources/followup/ (the real
    hand-kept files and the step's synthetic ones, as symlinks)."""
    folder = tmp / f"steg-{step}"
    write_catalogue(folder / "catalogue", count, kommuner())
    followup = folder / "sources" / "followup"
    followup.mkdir(parents=True)
    for real in sorted((sources / "followup").glob("*")):
        if real.suffix.lower() in (".csv", ".xlsx"):
            (followup / real.name).symlink_to(real.resolve())
    for n in range(1, count + 1):
        name = SYNTHETIC_ID.format(n) + ".csv"
        (followup / name).symlink_to(pool / name)
    return folder


# -- in-process views (run in a child process on the step's warehouse) ----------------------
def time_views() -> None:
    """Child process: the main views' p50 with every cache dropped before each run; prints
    one JSON object {name: ms or error text}."""
    from dashboard_views import main_views

    from dashboard import context
    from dashboard.app import create_app
    from dashboard.data_access import indicators as data
    from dashboard.views.explorer import explorer_view
    from indicators.catalogue import catalogue

    create_app()
    reader, cat = context.reader(), catalogue()
    kpi = SYNTHETIC_ID.format(1)
    views = {
        **main_views(reader, cat),
        "indikatorer-syntetisk": lambda: explorer_view(
            reader, cat, kpi, ["SEK00", "SEK01", "SEK02"], "series", None, "KM", None, False, "sv"
        ),
        "SELECT observation (1 KPI)": lambda: data.values(reader, kpi),
        "indicator_freshness (alla)": lambda: data.loaded_indicators(reader),
        "värdenas källor (alla)": lambda: data.value_sources_by_indicator(reader),
    }
    # as in a request: one pinned warehouse version (and connection) per build, where the
    # reader has that
    request = getattr(reader, "pinned", contextlib.nullcontext)
    try:
        with request():
            views["oversikt"]()  # imports, connections and the catalogue, once
    except Exception:
        pass  # its error, if it stays, is reported with the view below
    out: dict[str, float | str] = {}
    for name, build in views.items():
        times: list[float] = []
        try:
            for _ in range(VIEW_RUNS):
                reader._cache.clear()  # the query and view cache: every run reads the warehouse
                start = time.perf_counter()
                with request():
                    build()
                times.append((time.perf_counter() - start) * 1000)
                if times[-1] > SLOW_VIEW_MS:
                    break  # one run says enough; the benchmark keeps its time limit
            out[name] = statistics.median(times)
        except Exception as error:
            spent = f" efter {format_number((time.perf_counter() - start), 1)} s"
            out[name] = f"fel{spent}: {type(error).__name__}: {str(error).splitlines()[0][:140]}"
    print(json.dumps(out))


def views_p50(env: dict[str, str], log: Path) -> dict[str, float | str]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "--views-child"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    log.write_text(done.stdout + done.stderr)
    lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or [""])[-1][:200]
        return {"(vyerna)": f"fel: exit {done.returncode}: {last}"}
    return json.loads(lines[-1])


# -- one step on one backend ------------------------------------------------------------------
@dataclass
class StepResult:
    step: int
    kpis: int
    synthetic: int
    rows: int
    load_s: float
    saved_s: float | None
    load_mb: int
    size_mb: float
    views: dict[str, float | str]
    first: dict[str, tuple[float, int]] = field(default_factory=dict)
    loads: dict[str, Load] = field(default_factory=dict)


def count_rows(url: str) -> int:
    import sqlalchemy as sa

    from etl.warehouse.store import Warehouse

    with Warehouse(url).reading() as conn:
        return int(conn.execute(sa.text("SELECT COUNT(*) FROM observation")).scalar() or 0)


def run_step(
    backend: str,
    step: int,
    count: int,
    base: str,
    folder: Path,
    args: argparse.Namespace,
    postgres: Postgres | None,
    bodies: Path,
) -> StepResult:
    work = folder / backend
    work.mkdir()
    if backend == "duckdb":
        target = work / "rusmon.duckdb"
        shutil.copyfile(base.removeprefix("duckdb:///"), target)
        url = f"duckdb:///{target}"
    else:
        assert postgres is not None
        url = postgres.create(args.database, template=args.database + "_base")
    env = rusmon_env(
        url,
        work,
        RUSMON_SOURCES_DIR=str(folder / "sources"),
        RUSMON_CATALOGUE_DIR=str(folder / "catalogue"),
    )
    seconds, peak = timed_rusmon(["etl", "manual"], env, work / "etl-manual.log")
    saved = SAVED.search((work / "etl-manual.log").read_text())
    saved_s = float(saved.group(1).replace(",", ".")) if saved else None
    if backend == "duckdb":
        size = Path(url.removeprefix("duckdb:///")).stat().st_size / 1e6
    else:
        assert postgres is not None
        size = postgres.size(args.database) / 1e6
    result = StepResult(
        step, count, count * PER_KPI, count_rows(url), seconds, saved_s, peak, size, {}
    )
    print(
        f"  {NAMES[backend]} {step}×: laddning {format_number(seconds, 1)} s, lagret "
        f"{format_number(size, 1)} MB, {format_number(result.rows)} värden i observation",
        flush=True,
    )
    start = time.perf_counter()
    result.views = views_p50(env, work / "views.log")
    views_s = time.perf_counter() - start
    server = f"127.0.0.1:{args.port}"
    if not any(bodies.glob("*.json")):  # once, on a server of its own (its caches stay there)
        from dashboard_browser import CALLBACKS, record_callbacks

        print("  spelar in anropens riktiga förfrågningar med Chromium …", flush=True)
        with serving([args.port], env, work):
            record_callbacks(f"http://{server}", bodies, {**CALLBACKS, **EXTRA_CALLBACKS})
    start = time.perf_counter()
    with serving([args.port], env, work):
        names = sorted(p.stem for p in bodies.glob("*.json"))
        for name in names:  # one request each on a cold cache, before any warm-up
            endpoint = (bodies / f"{name}.url").read_text().strip()
            result.first[name] = first_answer_ms(endpoint, bodies / f"{name}.json")
        result.loads = drive_callbacks(bodies, names, [server], args.seconds, warmup=1)
    print(
        f"    vyerna mätta på {format_number(views_s, 0)} s, anropen på "
        f"{format_number(time.perf_counter() - start, 0)} s",
        flush=True,
    )
    if postgres is not None:
        postgres.drop(args.database)
    else:
        target.unlink()
    return result


def build_base(backend: str, tmp: Path, args: argparse.Namespace, postgres: Postgres | None) -> str:
    """The real offline build, once per backend: every step starts from a copy of it."""
    work = tmp / f"bas-{backend}"
    work.mkdir()
    if backend == "duckdb":
        url = f"duckdb:///{work}/bas.duckdb"
    else:
        assert postgres is not None
        url = postgres.create(args.database + "_base")
    env = rusmon_env(url, work, RUSMON_SOURCES_DIR=str(args.sources))
    seconds, _ = timed_rusmon(["etl"], env, work / "etl.log")
    print(
        f"{NAMES[backend]}: grundlagret (hela offline-ETL:n, verkliga data) på "
        f"{format_number(seconds, 1)} s",
        flush=True,
    )
    return url


# -- report --------------------------------------------------------------------------------
def number(value: float | str | None, decimals: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return "fel"
    return format_number(value, decimals)


def report(results: dict[str, list[StepResult]], today: int, seconds: float) -> None:
    print(
        "\nSammanfattning. Alla tillagda värden är SYNTETISKA (genererade av bench/scale.py, "
        "laddade i engångslager)."
    )
    print(
        f"Dagens volym: katalogens uppföljningsindikatorer × 21 län och riket × 25 år (× kön, "
        f"× kvartal) = {format_number(today)} värden; en syntetisk KPI = 290 kommuner × 25 år × "
        f"K/M/T = {format_number(PER_KPI)} värden."
    )
    for backend, steps in results.items():
        print(f"\n{NAMES[backend]}")
        print(
            f"  {'steg':>5} {'KPI:er':>7} {'syntetiska':>11} {'i observation':>14} "
            f"{'laddning':>10} {'varav spara':>12} {'ms/1000 v.':>11} {'lagret':>10}"
        )
        for r in steps:
            per_1000 = r.load_s * 1000 / r.synthetic * 1000
            print(
                f"  {str(r.step) + '×':>5} {r.kpis:>7} {format_number(r.synthetic):>11} "
                f"{format_number(r.rows):>14} {number(r.load_s) + ' s':>10} "
                f"{number(r.saved_s) + ' s':>12} {format_number(per_1000, 0):>11} "
                f"{number(r.size_mb) + ' MB':>10}"
            )
        # views
        names = list(dict.fromkeys(n for r in steps for n in r.views))
        print(
            f"\n  vyer i processen utan cache, p50 av {VIEW_RUNS} (ms; en körning när den tar "
            f"över {SLOW_VIEW_MS // 1000} s)"
        )
        print(f"  {'vy':<30}" + "".join(f"{str(r.step) + '×':>10}" for r in steps))
        for name in names:
            print(f"  {name:<30}" + "".join(f"{number(r.views.get(name)):>10}" for r in steps))
        errors = {
            f"{r.step}× {n}": v for r in steps for n, v in r.views.items() if isinstance(v, str)
        }
        for where, text in errors.items():
            print(f"    {where}: {text}")
        # callbacks
        names = list(dict.fromkeys(n for r in steps for n in r.loads))
        print(
            f"\n  anrop över HTTP (rusmon serve, 2 arbetare): första svaret med kall cache / "
            f"p99 under wrk, 8 anslutningar, {seconds:g} s (ms; fel = icke-2xx + socketfel)"
        )
        print(
            f"  {'anrop':<24}" + "".join(f"{str(r.step) + '× första/p99/fel':>26}" for r in steps)
        )
        for name in names:
            line = f"  {name:<24}"
            for r in steps:
                first, status = r.first.get(name, (None, 0))
                load = r.loads.get(name)
                cell = (
                    f"{number(first, 0)}{'' if status == 200 else f' ({status})'} / "
                    f"{number(load.p99 if load else None)} / {load.errors if load else '–'}"
                )
                line += f"{cell:>26}"
            print(line)
        # targets
        last = steps[-1]
        worst = max((load.p99 for load in last.loads.values()), default=float("nan"))
        errors_total = sum(load.errors for load in last.loads.values())
        verdict = "UPPNÅTT" if worst <= P99_TARGET_MS and errors_total == 0 else "EJ UPPNÅTT"
        print(
            f"\n  mål vid {last.step}×: varje anrops p99 ≤ {P99_TARGET_MS:.0f} ms och 0 fel: "
            f"högsta p99 {number(worst)} ms, {errors_total} fel → {verdict}"
        )
        if len(steps) > 1:
            linear = True
            for a, b in itertools.pairwise(steps):
                rows = b.synthetic / a.synthetic
                grew = b.load_s / a.load_s
                linear &= grew <= rows * LINEAR_SLACK
                print(
                    f"  laddning {a.step}× → {b.step}×: {format_number(rows, 1)} gånger så många "
                    f"syntetiska värden, {format_number(grew, 2)} gånger så lång tid"
                )
            print(
                "  mål: laddningstiden växer inte snabbare än linjärt (tiden per värde växer "
                f"högst {round((LINEAR_SLACK - 1) * 100)} %, mätbrus) → "
                + ("UPPNÅTT" if linear else "EJ UPPNÅTT")
            )


# -- main --------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default="1,10,100", help="gånger dagens volym, t.ex. 1,10")
    parser.add_argument("--backends", default="duckdb,postgresql")
    parser.add_argument("--seconds", type=float, default=3, help="wrk-körning per anrop (s)")
    parser.add_argument("--port", type=int, default=8121)
    parser.add_argument(
        "--postgres", default=os.environ.get("RUSMON_BENCH_POSTGRES_URL") or DEFAULT_POSTGRES
    )
    parser.add_argument("--database", default="rusmon_scale", help="engångsdatabasens namn")
    parser.add_argument(
        "--sources",
        type=Path,
        default=Path(os.environ.get("RUSMON_SOURCES_DIR") or ROOT.parent / "shared" / "data"),
    )
    parser.add_argument("--views-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.views_child:
        time_views()
        return 0
    started = time.monotonic()
    steps = sorted({int(s) for s in args.steps.split(",") if s.strip()})
    args.sources = args.sources.resolve()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if unknown := set(backends) - set(NAMES):
        parser.error(f"okända lager: {', '.join(sorted(unknown))} (duckdb, postgresql)")
    if shutil.which("wrk") is None:
        sys.exit("wrk saknas: apt-get install wrk")
    if not port_free(args.port):
        sys.exit(f"porten {args.port} används redan; välj en annan med --port")
    if not (args.sources / "followup").is_dir():
        sys.exit(f"hittar inte källfilerna i {args.sources}")
    postgres = None
    if "postgresql" in backends:
        postgres = Postgres(args.postgres)
        if why := postgres.check():
            print(f"PostgreSQL hoppas över: {why}", file=sys.stderr)
            backends.remove("postgresql")
            postgres = None

    today = today_volume()
    counts = {step: kpis_for(step, today) for step in steps}
    results: dict[str, list[StepResult]] = {b: [] for b in backends}
    with tempfile.TemporaryDirectory(prefix="rusmon-scale-") as name:
        tmp = Path(name)
        pool = tmp / "syntetiska-varden"
        start = time.perf_counter()
        write_values(pool, max(counts.values()), kommuner())
        print(
            f"genererade {max(counts.values())} SYNTETISKA KPI-filer "
            f"({format_number(max(counts.values()) * PER_KPI)} värden) på "
            f"{format_number(time.perf_counter() - start, 1)} s; steg: "
            + ", ".join(f"{s}× = {counts[s]} KPI:er" for s in steps),
            flush=True,
        )
        bodies = tmp / "bodies"
        try:
            for backend in backends:
                base = build_base(backend, tmp, args, postgres)
                for step in steps:
                    folder = tmp / f"steg-{step}"
                    if not folder.exists():
                        prepare_step(tmp, step, counts[step], pool, args.sources)
                    results[backend].append(
                        run_step(backend, step, counts[step], base, folder, args, postgres, bodies)
                    )
                if postgres is not None and backend == "postgresql":
                    postgres.drop(args.database + "_base")
        finally:
            if postgres is not None:
                postgres.drop(args.database)
                postgres.drop(args.database + "_base")
                postgres.engine.dispose()
    report({b: r for b, r in results.items() if r}, today, args.seconds)
    print(f"\nhela skaltestet: {format_number((time.monotonic() - started) / 60, 1)} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
