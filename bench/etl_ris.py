"""RIS load times on the real RIS 2023 workbook: cold load into a new DuckDB file, then a
rerun on the unchanged file (which must do nothing). Targets: cold <= 2.0 s, rerun <= 0.3 s.

Usage: .venv/bin/python bench/etl_ris.py [--repeat 3] [--file ../shared/data/ris/RIS_2023.xlsx]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.pipeline import EtlContext, run_source  # noqa: E402
from etl.sources import SOURCES  # noqa: E402
from etl.warehouse.store import Warehouse  # noqa: E402
from indicators.catalogue import catalogue  # noqa: E402
from indicators.settings import Settings  # noqa: E402


def timed_run(settings: Settings, path: Path) -> tuple[float, str]:
    ctx = EtlContext(
        settings=settings,
        catalogue=catalogue(),
        warehouse=Warehouse(settings.database_url),
        files=(str(path),),
        out=io.StringIO(),
    )
    start = time.perf_counter()
    result = run_source(ctx, "ris", SOURCES["ris"])
    return time.perf_counter() - start, result.status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", type=Path, default=ROOT.parent / "shared/data/ris/RIS_2023.xlsx")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"bench/etl_ris: hittar inte {args.file}", file=sys.stderr)
        return 2
    catalogue()  # the catalogue is read once per process; not part of a load
    cold, rerun = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(
                database_url=f"duckdb:///{tmp}/rusmon.duckdb",
                sources_dir=None,
                offline=True,
                raw_dir=Path(tmp) / "raw",
            )
            seconds, status = timed_run(settings, args.file)
            assert status == "ok", status
            cold.append(seconds)
            seconds, status = timed_run(settings, args.file)
            assert status == "unchanged", status
            rerun.append(seconds)
    print(f"RIS-laddning av {args.file.name}, {args.repeat} varv (median, min–max):")
    print(
        f"  kall laddning     {statistics.median(cold):6.2f} s  "
        f"({min(cold):.2f}–{max(cold):.2f})   mål ≤ 2.0 s"
    )
    print(
        f"  oförändrad omkörn. {statistics.median(rerun):5.2f} s  "
        f"({min(rerun):.2f}–{max(rerun):.2f})   mål ≤ 0.3 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
