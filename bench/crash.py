"""Nothing lost: kill -9 a full `rusmon etl --force` at random points and look at what is left.

Two source folders (bench/two_versions.py): OLD = ../shared/data, NEW = every loadable input
changed slightly (RIS, hand-kept files, Eurostat, Tillväxtanalys; SCB and Kolada skip offline).
Reference warehouses: old = full ETL on OLD, new = full ETL on NEW over old. Then, --runs times:
put a copy of the old warehouse in place, start `rusmon etl --force` on NEW, SIGKILL it at a
uniformly random time within the measured duration of a full run, and classify what is left:

- each source's slice (ris: the ordered rows of ris_score; tva, eurostat, manual: the ordered
  rows of observation with that loader) equals the old reference, the new one, or neither;
- the goals: goal_status (status_code, baseline and latest per key) and goal_summary
  (status_code per key) must equal a fresh recompute (etl.goals.compute.goal_rows) on the
  stored data, read through a read-only connection.

Whole-warehouse state: "old" (every slice old), "new" (every slice new), "old+new per source"
(some old, some new, goals consistent: allowed by design, each source is its own transaction)
and "mixed" (the file does not open, a slice is neither old nor new, or the goals do not match
the data). Then `rusmon etl` (no --force) runs on NEW to completion: a next-run success is exit
0 and a final state of "new". Target: 0 mixed, every next run a success.

Usage: .venv/bin/python bench/crash.py [--runs 30] [--seed N] [--sources ../shared/data]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from two_versions import prepare  # noqa: E402

from etl.goals.compute import goal_rows  # noqa: E402
from etl.goals.series import SeriesStore  # noqa: E402
from indicators.catalogue import catalogue  # noqa: E402

RUSMON = ROOT / ".venv" / "bin" / "rusmon"
LOADERS = ("tva", "eurostat", "manual")  # scb and kolada skip offline
SLICES = ("ris", *LOADERS)
RUN_TIMEOUT = 300  # s, one full ETL run
MAX_SECONDS = 3600  # the whole benchmark
STATUS_KEY = ("strategy_id", "goal_id", "indicator_key", "region_code", "mandate_period")
SUMMARY_KEY = ("strategy_id", "goal_id", "region_code", "mandate_period")
OLD, NEW, BOTH, MIXED = "old", "new", "old+new per source", "mixed"


def _digest(rows) -> str:
    h = hashlib.sha256()
    for row in rows:
        h.update(repr(tuple(row)).encode())
        h.update(b"\n")
    return h.hexdigest()


def fingerprints(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    out = {
        "ris": _digest(
            conn.execute(
                "SELECT edition, year, region_code, indicator_code, value, status FROM ris_score "
                "ORDER BY ALL"
            ).fetchall()
        )
    }
    for loader in LOADERS:
        out[loader] = _digest(
            conn.execute(
                "SELECT indicator_id, region_code, period, sex, value, status FROM observation "
                "WHERE loader = ? ORDER BY ALL",
                [loader],
            ).fetchall()
        )
    out["goals"] = _digest(
        conn.execute(
            "SELECT strategy_id, goal_id, indicator_key, region_code, mandate_period, "
            "status_code, baseline_value, latest_value FROM goal_status ORDER BY ALL"
        ).fetchall()
    )
    return out


def _same(a, b) -> bool:
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)):
        return (a is None or (isinstance(a, float) and math.isnan(a))) and (
            b is None or (isinstance(b, float) and math.isnan(b))
        )
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    return str(a) == str(b)


def goals_consistent(path: Path) -> tuple[bool, str]:
    """Stored goal_status / goal_summary against a fresh recompute on the stored data."""
    engine = sa.create_engine(
        f"duckdb:///{path}", connect_args={"read_only": True}, poolclass=NullPool
    )
    try:
        with engine.connect() as conn:
            cat = catalogue()
            fresh = goal_rows(
                cat, SeriesStore(conn), list(cat.strategies.values()), cat.mandate_periods
            )
            status_cols = (
                "status_code",
                "baseline_period",
                "baseline_value",
                "latest_period",
                "latest_value",
            )
            stored = conn.execute(
                sa.text(f"SELECT {', '.join(STATUS_KEY + status_cols)} FROM goal_status")
            ).all()
            summary = conn.execute(
                sa.text(f"SELECT {', '.join(SUMMARY_KEY)}, status_code FROM goal_summary")
            ).all()
    finally:
        engine.dispose()
    checks = (
        ("goal_status", fresh.statuses, stored, STATUS_KEY, status_cols),
        ("goal_summary", fresh.summaries, summary, SUMMARY_KEY, ("status_code",)),
    )
    for name, frame, rows, key, cols in checks:
        want = {
            tuple(r[k] for k in key): tuple(None if _nan(r[c]) else r[c] for c in cols)
            for r in frame.to_dict("records")
        }
        have = {tuple(r[: len(key)]): tuple(r[len(key) :]) for r in rows}
        if want.keys() != have.keys():
            return False, f"{name}: {len(want.keys() ^ have.keys())} nycklar skiljer"
        for k, values in want.items():
            if not all(_same(a, b) for a, b in zip(values, have[k], strict=True)):
                return False, f"{name} {k}: lagrat {have[k]} ≠ omräknat {values}"
    return True, ""


def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


@dataclass
class State:
    name: str  # old / new / old+new per source / mixed
    slices: dict[str, str]  # source -> old / new / torn
    detail: str = ""


def classify(path: Path, ref: dict[str, dict[str, str]]) -> State:
    try:
        conn = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        return State(MIXED, {}, f"öppnas inte: {str(error).splitlines()[0][:120]}")
    try:
        prints = fingerprints(conn)
    except duckdb.Error as error:
        return State(MIXED, {}, f"läses inte: {str(error).splitlines()[0][:120]}")
    finally:
        conn.close()
    slices = {
        s: OLD if prints[s] == ref[OLD][s] else NEW if prints[s] == ref[NEW][s] else "torn"
        for s in SLICES
    }
    try:
        ok, why = goals_consistent(path)
    except Exception as error:  # a warehouse the goals cannot be recomputed on is not whole
        ok, why = False, f"målen kan inte räknas om: {error}"
    torn = [s for s, v in slices.items() if v == "torn"]
    if torn or not ok:
        return State(MIXED, slices, why or f"varken gammal eller ny: {', '.join(torn)}")
    kinds = set(slices.values())
    return State(kinds.pop() if len(kinds) == 1 else BOTH, slices)


def etl_env(warehouse: Path, sources: Path, raw: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        RUSMON_DATABASE_URL=f"duckdb:///{warehouse}",
        RUSMON_SOURCES_DIR=str(sources),
        RUSMON_RAW_DIR=str(raw),
        RUSMON_OFFLINE="1",
    )
    return env


def run_etl(env: dict[str, str], log: Path, force: bool) -> tuple[int, float]:
    cmd = [str(RUSMON), "etl"] + (["--force"] if force else [])
    started = time.perf_counter()
    with log.open("w") as out:
        rc = subprocess.run(
            cmd, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=RUN_TIMEOUT
        ).returncode
    return rc, time.perf_counter() - started


def kill_at(env: dict[str, str], log: Path, delay: float) -> tuple[bool, int | None]:
    """Start `rusmon etl --force`, SIGKILL it after `delay` s. (killed?, exit code if not)."""
    with log.open("w") as out:
        proc = subprocess.Popen(
            [str(RUSMON), "etl", "--force"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            rc = proc.wait(timeout=delay)
            return False, rc
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # our own child's group, by id
            proc.wait(timeout=30)
            return True, None


def reset(target: Path, source: Path) -> None:
    for leftover in target.parent.glob(f"*{target.name}*"):
        leftover.unlink()
    shutil.copyfile(source, target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--sources",
        type=Path,
        default=Path(os.environ.get("RUSMON_SOURCES_DIR", ROOT.parent / "shared/data")),
    )
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    deadline = time.monotonic() + MAX_SECONDS

    with tempfile.TemporaryDirectory(prefix="rusmon-crash-") as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.perf_counter()
        old_src, new_src = prepare(args.sources, tmp / "sources")
        print(
            f"källmappar OLD/NEW förberedda på {time.perf_counter() - t0:.1f} s (frö {seed})",
            flush=True,
        )
        raw = tmp / "raw"
        ref_old, ref_new = tmp / "ref_old.duckdb", tmp / "ref_new.duckdb"
        rc, t_old = run_etl(etl_env(ref_old, old_src, raw), tmp / "ref_old.log", force=True)
        if rc:
            print((tmp / "ref_old.log").read_text()[-3000:])
            return 1
        shutil.copyfile(ref_old, ref_new)
        rc, t_full = run_etl(etl_env(ref_new, new_src, raw), tmp / "ref_new.log", force=True)
        if rc:
            print((tmp / "ref_new.log").read_text()[-3000:])
            return 1
        ref = {}
        for name, path in ((OLD, ref_old), (NEW, ref_new)):
            with duckdb.connect(str(path), read_only=True) as conn:
                ref[name] = fingerprints(conn)
        same = [s for s in (*SLICES, "goals") if ref[OLD][s] == ref[NEW][s]]
        if same:
            print(
                f"OBS: samma innehåll i OLD och NEW för {', '.join(same)}: "
                "de kan inte skilja gammalt från nytt"
            )
        for name, path in ((OLD, ref_old), (NEW, ref_new)):
            ok, why = goals_consistent(path)
            if not ok:
                print(f"referenslagret {name}: målen stämmer inte med datan: {why}")
                return 1
        print(
            f"hel ETL på OLD (nytt lager): {t_old:.1f} s; hel ETL på NEW över OLD: "
            f"{t_full:.1f} s → kill -9 vid likformigt slumpad tid i [0, {t_full:.1f}] s",
            flush=True,
        )

        trial = tmp / "trial"
        trial.mkdir()
        target = trial / "rusmon.duckdb"
        env = etl_env(target, new_src, raw)
        states: Counter[str] = Counter()
        slice_states: dict[str, Counter[str]] = {s: Counter() for s in SLICES}
        next_ok = 0
        next_times: list[float] = []
        finished_early = 0
        problems: list[str] = []
        done = 0
        print(
            f"\n{'körning':>7} {'kill vid s':>10}  {'tillstånd':<20} "
            f"{'ris/tva/eurostat/manual':<26} {'nästa körning':<16}"
        )
        for i in range(1, args.runs + 1):
            if time.monotonic() > deadline:
                print(f"tidsgränsen {MAX_SECONDS} s nådd efter {done} körningar")
                break
            reset(target, ref_old)
            delay = rng.uniform(0, t_full)
            killed, rc = kill_at(env, trial / f"kill{i}.log", delay)
            if not killed:
                finished_early += 1
                if rc:
                    problems.append(f"körning {i}: ETL:n slutade med {rc} före kill")
            state = classify(target, ref)
            states[state.name] += 1
            for s, v in state.slices.items():
                slice_states[s][v] += 1
            if state.name == MIXED:
                problems.append(f"körning {i} (kill vid {delay:.2f} s): blandat: {state.detail}")
            try:
                rc_next, t_next = run_etl(env, trial / f"next{i}.log", force=False)
            except subprocess.TimeoutExpired:
                rc_next, t_next = -1, float(RUN_TIMEOUT)
            next_times.append(t_next)
            after = classify(target, ref)
            success = rc_next == 0 and after.name == NEW
            next_ok += success
            if not success:
                tail = (trial / f"next{i}.log").read_text()[-400:].strip().splitlines()
                problems.append(
                    f"körning {i}: nästa körning exit {rc_next}, tillstånd "
                    f"{after.name} {after.detail} {tail[-1] if tail else ''}"
                )
            shown = "/".join(state.slices.get(s, "-") for s in SLICES)
            note = "" if killed else " (klar före kill)"
            print(
                f"{i:>7} {delay:>10.2f}  {state.name:<20} {shown:<26} "
                f"{'ok' if success else 'MISSLYCKADES'} {t_next:.1f} s{note}",
                flush=True,
            )
            done += 1

    print("\nSammanfattning: kill -9 under en hel `rusmon etl --force` (OLD → NEW)")
    print(f"  körningar                      {done:>4}   (frö {seed})")
    print(
        f"  kill-tid                       likformig i [0, {t_full:.1f}] s "
        f"(en hel körning på NEW över OLD)"
    )
    print(f"  klar före kill                 {finished_early:>4}")
    print("  tillstånd efter kill:")
    for name in (OLD, NEW, BOTH, MIXED):
        print(f"    {name:<28} {states[name]:>4}")
    print(
        "  per källa (gammal/ny/trasig):  "
        + ", ".join(f"{s} {c[OLD]}/{c[NEW]}/{c['torn']}" for s, c in slice_states.items())
    )
    median_next = statistics.median(next_times) if next_times else float("nan")
    print(
        f"  nästa körning lyckas           {next_ok:>4} av {done}   "
        f"(exit 0 och tillstånd new; median {median_next:.1f} s)"
    )
    print(
        f"  mål: 0 mixed, {done} av {done} lyckade nästa körningar → "
        f"{'UPPNÅTT' if states[MIXED] == 0 and next_ok == done else 'EJ UPPNÅTT'}"
    )
    for line in problems[:20]:
        print(f"  ! {line}")
    return 0  # the figures are the result; only a benchmark that cannot run fails


if __name__ == "__main__":
    sys.exit(main())
